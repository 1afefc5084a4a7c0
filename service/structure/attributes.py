"""Labelled lines that give an item's owner, coordinators, time, product or funds (structure.yaml
`attribute_labels`): "- Cơ quan chủ trì: Sở Y tế.", "Thời gian hoàn thành: quý II/2027.", "Sản phẩm: Đề án …".

Such a line is no task of its own: it belongs to the item it follows, or, when it closes a group of items
("a) …", "b) …", then "Trách nhiệm thực hiện: Sở X; Sở Y."), to every item of the group (ANNOTATION §2).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..document import Body, Budget, Deadline, Output, Task
from ..extract.bodies import parse_body_list
from ..extract.budget import find_budget
from ..extract.deadlines import find_deadline, named_period
from ..extract.roles import subject_bodies, support_bodies, with_unnamed
from ..lexicons import load
from ..text import phrase_alternation

KINDS = ("lead", "support", "deadline", "output", "budget")


@dataclass
class Attributes:
    """What labelled lines say of an item; empty fields say nothing."""

    lead: list[Body] = field(default_factory=list)
    support: list[Body] = field(default_factory=list)
    deadline: Deadline | None = None
    output: Output | None = None
    budget: Budget | None = None

    def __bool__(self) -> bool:
        return bool(self.lead or self.support or self.deadline or self.output or self.budget)

    def over(self, other: "Attributes") -> "Attributes":
        """These attributes, with `other`'s where these say nothing."""
        return Attributes(self.lead or other.lead, self.support or other.support, self.deadline or other.deadline,
                          self.output or other.output, self.budget or other.budget)

    def apply(self, task: Task) -> Task:
        """Coordinators join those the item names; the item's own time, product and funds stand before the
        labels' (a labelled owner reaches the item as its heading's would: the lead it names itself stands)."""
        if self.support:
            task.support = with_unnamed(task.support, self.support, also_not=task.lead)
        task.deadline = task.deadline or self.deadline
        task.output = task.output or self.output
        task.budget = task.budget or self.budget
        return task


@cache
def _labels() -> dict[str, str]:
    """Each label, lower-cased, and the kind of attribute it gives."""
    return {" ".join(label.split()): kind for kind in KINDS for label in load("structure")["attribute_labels"][kind]}


@cache
def _label_pattern() -> re.Pattern:
    """A label and its colon, at the start of a line or after ";", "." or "," ("… ; thời gian: năm 2027")."""
    return re.compile(rf"(?:^|(?<=[;.,])\s*)\s*({phrase_alternation(_labels())})\s*:\s*", re.IGNORECASE)


def _kind(label: re.Match) -> str:
    return _labels()[" ".join(label.group(1).lower().split())]


def is_attribute(text: str) -> bool:
    """The line opens with a label, its colon and a value ("Cơ quan phối hợp: Sở Tài chính"); not a time, product
    or funds label whose value is a sentence with its own doer ("Tiến độ: Ủy ban nhân dân các huyện hoàn thành …")."""
    found = _label_pattern().match(text)
    if not found or not text[found.end():].strip(" .;"):
        return False
    kind, value = _kind(found), text[found.end():]
    if kind in ("lead", "support"):             # a list of bodies ("Phối hợp: với Sở X bảo vệ …" is an item)
        return bool(parse_body_list(value, 0, acronyms=True)[0])
    return not subject_bodies(value)


def _listed(value: str, at: int) -> list[Body]:
    """The bodies of a label's value; where the grammar stops inside a name, the list goes on after the next
    ";" ("Chi cục Kiểm lâm; các Ban Quản lý rừng phòng hộ, rừng đặc dụng; Ủy ban nhân dân các xã, phường")."""
    bodies, end = parse_body_list(value, 0, at, acronyms=True)
    while bodies and (semicolon := value.find(";", end)) >= 0:
        more, stop = parse_body_list(value, semicolon + 1, at, acronyms=True)
        bodies += more
        end = max(stop, semicolon + 1)      # a part the grammar cannot read is passed over ("các hạt kiểm lâm")
    return bodies


def read(text: str, offset: int, year: int | None = None) -> Attributes:
    """The attributes of one labelled line at `offset` of the document (`year`: the year of issue, for a day
    written without one)."""
    found = list(_label_pattern().finditer(text))
    attributes = Attributes()
    for match, after in zip(found, found[1:] + [None]):
        start, end = match.end(), (after.start() if after else len(text))
        value = text[start:end].rstrip(" .;,")
        if value:
            _fill(attributes, _kind(match), value, offset + start, year)
    return attributes


# "Trách nhiệm thực hiện: Sở X, Sở Y chủ trì; Sở Z phối hợp": who leads, then who coordinates
_LEAD_THEN_SUPPORT = re.compile(r"\s+(?:đồng\s+)?chủ\s+trì\s*;\s*(?P<support>(?!phối\s+hợp).+?)\s+phối\s+hợp$",
                                re.IGNORECASE)


def _fill(attributes: Attributes, kind: str, value: str, at: int, year: int | None) -> None:
    split = _LEAD_THEN_SUPPORT.search(value) if kind == "lead" else None
    if split:
        attributes.lead = attributes.lead or _listed(value[:split.start()], at)
        attributes.support = attributes.support or _listed(split["support"], at + split.start("support"))
    elif kind in ("lead", "support"):
        bodies = _listed(value, at)
        setattr(attributes, kind, getattr(attributes, kind) or bodies)
        if kind == "lead":          # "Trách nhiệm thực hiện: Sở Y tế chủ trì, phối hợp với Sở Tài chính …"
            attributes.support = attributes.support or support_bodies(value, at)
    elif kind == "deadline":
        attributes.deadline = attributes.deadline or find_deadline(value, at, year) or named_period(value, at)
    elif kind == "output":
        attributes.output = attributes.output or Output(text=value, start=at, end=at + len(value))
    else:
        attributes.budget = attributes.budget or find_budget(value, at) or Budget(text=value, start=at,
                                                                               end=at + len(value))
