"""Task segmentation (ANNOTATION.md §2): the smallest list item or directive sentence that asks
someone to do something, with lead bodies and deadlines inherited from headings and lead-ins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .. import zones
from ..genre import genre
from ..document import Body, Deadline, Document, Task
from ..extract import roles
from ..extract.bodies import parse_body_list
from ..extract.deadlines import ended_before, find_deadline, holds_event, leading_period, named_period
from ..lexicons import load
from ..text import HEADING_MAX_CHARS, fold_spaces, heading_key, phrase_alternation, phrase_pattern
from . import attributes, header, non_tasks, outline, tables
from .attributes import Attributes
from .outline import PARAGRAPH, Node


@dataclass
class Inherited:
    """What a heading or lead-in passes to the items under it."""

    lead: list[Body] = field(default_factory=list)
    support: list[Body] = field(default_factory=list)   # phối hợp: named beside the lead it hands down
    deadline: Deadline | None = None
    section: str | None = None


@cache
def _cues() -> dict:
    return load("structure")


def segment(doc: Document) -> Document:
    """Fill `doc.sections` and `doc.tasks` (list items, directive sentences, table rows)."""
    skip = zones.skip_zones(doc.text) + [(t.start, t.end + 1) for t in doc.tables]
    root = outline.build_tree(doc, skip)
    doc.sections, section_ids = outline.sections(root)
    found: list[Task] = []
    _walk(doc, root, Inherited(lead=_requested_of(doc)), section_ids, found)
    found = [t for t in found if non_tasks.reason(t.text) is None and not _tells_the_past(t.text, doc)
             and not _unassigned_form_line(t)]
    kind = genre(doc.metadata)
    if kind == "article":           # only what directs someone, not the narrative
        found = [t for t in found if t.lead or non_tasks.directs(t.text)]
    elif kind == "rules":           # ownerless provisions are rules, not work
        found = [t for t in found if t.lead or non_tasks.assigns(t.text)]
    elif kind == "mandate":         # an agency's standing duties: only what is assigned on top of them
        found = [t for t in found if non_tasks.assigned(t.text)]
    found += tables.table_tasks(doc, section_ids=section_ids)
    found.sort(key=lambda t: t.start)
    for number, task in enumerate(found, 1):
        task.id = f"t{number}"
        task.page = doc.page_at(task.start)
    doc.tasks = found
    return doc


def _unassigned_form_line(task: Task) -> bool:
    """A timetable's row ("Tháng 5/2027 | Hội nghị sơ kết") or an indicator's name ("Số hộ được kiểm tra") that no
    heading hands to anyone, the indicator with no deadline either: a schedule or a report form, not work."""
    if task.lead:
        return False
    return non_tasks.schedule_row(task.text) or non_tasks.indicator(task.text) and task.deadline is None


def _walk(doc: Document, node: Node, inherited: Inherited, ids: dict[int, str], out: list[Task]) -> None:
    names = _names_in_a_list_of_names(doc, node)
    closing, closer = _closing_attributes(doc, node)
    for child in node.children:
        if child.attribute or child.start in names:
            continue
        if _excluded(child):
            if _is_report(child):
                _walk_requests(doc, child, inherited, ids, out)
            continue
        own = _attributes_of(doc, child) if child is not closer else Attributes()
        found, labelled = _tasks_of(doc, node, child, inherited, own), own
        if closing and not (found and all(_own_lead(t, inherited) for t in found)):   # the group's labels, for
            labelled = own.over(closing)                    # items naming no doer of their own (a heading's is not)
            found = _tasks_of(doc, node, child, inherited, labelled)
        out.extend(labelled.apply(task) for task in found)
        _walk(doc, child, _passed_down(doc, child, _given(inherited, labelled), ids), ids, out)


def _walk_requests(doc: Document, node: Node, inherited: Inherited, ids: dict[int, str], out: list[Task]) -> None:
    """A report holds no tasks, but it may close on a request to named bodies ("Trên cơ sở đó, đề nghị các cơ
    quan, đơn vị: a) … b) …"): the items under such a lead-in are work asked of them."""
    for child in node.children:
        if child.attribute:
            continue
        if child.is_lead_in and child.children and _asks_named_bodies(doc, child):
            _walk(doc, child, _passed_down(doc, child, inherited, ids), ids, out)
        else:
            _walk_requests(doc, child, inherited, ids, out)


def _asks_named_bodies(doc: Document, node: Node) -> bool:
    """The lead-in's last sentence asks bodies it names ("…, đề nghị các sở, ngành:", "Giao Sở X:"), not one that
    tells what was asked before ("… đã giao các sở:")."""
    text = doc.text[node.body_start:node.end].split("\n", 1)[0]
    last = re.split(r"(?<=[.;])\s+", text.strip())[-1]
    opener = roles.directive_opener_anywhere().search(last)
    return opener is not None and not _DONE.search(last[:opener.start()]) \
        and bool(parse_body_list(last, opener.end())[0])


_DONE = re.compile(r"(?<!\w)đã(?!\w)", re.IGNORECASE)     # "… đã giao các sở:", "… đã ban hành …, yêu cầu …": told


def _own_lead(task: Task, inherited: Inherited) -> bool:
    """The task names a lead other than the one its heading hands down."""
    return bool(task.lead) and {b.name for b in task.lead} != {b.name for b in inherited.lead}


def _tasks_of(doc: Document, parent: Node, node: Node, inherited: Inherited, labelled: Attributes) -> list[Task]:
    given = _given(inherited, labelled)
    if node.rank == PARAGRAPH and (parent.rank < 0 or roles.opens_no_task(node.text)):
        return _directive_sentences(doc, node, given)
    return _owner_split(doc, node, given) if _is_task(node, parent) else []


def _attributes_of(doc: Document, node: Node) -> Attributes:
    """What the labelled lines under an item say of it, the first line giving a field winning, then a closing
    parenthesis of labels on the item itself ("… (Đơn vị thực hiện: Ban X; thời gian: thường xuyên).")."""
    found = Attributes()
    for child in node.children:
        if child.attribute:
            found = found.over(attributes.read(child.text, child.body_start, doc.metadata.issued_year))
    closing = _LABELS_IN_PARENTHESES.search(doc.text, node.body_start, node.end)
    if closing and attributes.is_attribute(closing["labels"]):
        found = found.over(attributes.read(closing["labels"], closing.start("labels"), doc.metadata.issued_year))
    return found


_LABELS_IN_PARENTHESES = re.compile(r"\((?P<labels>[^()\n]{4,300})\)\s*[.;]?\s*$", re.MULTILINE)


def _closing_attributes(doc: Document, node: Node) -> tuple[Attributes, Node | None]:
    """Labelled lines after the last of a group's items, when no other item has any ("a) …", "b) …", then
    "Trách nhiệm thực hiện: Sở X."): the group's, for every item; and the item they stand under."""
    items = [c for c in node.children if not c.attribute]
    labelled = [c for c in items if any(g.attribute for g in c.children)]
    if len(items) >= 2 and labelled == items:
        return _closing_owners(doc, items), None
    if len(items) < 2 or labelled != items[-1:]:
        return Attributes(), None
    last = items[-1]
    lines = [g for g in last.children if g.attribute]
    if any(g.rank < PARAGRAPH and g.rank != last.rank for g in lines) or last.children[-len(lines):] != lines:
        return Attributes(), None   # bullets under the item, or items after the labels: the item's own
    return _attributes_of(doc, last), last


def _closing_owners(doc: Document, items: list[Node]) -> Attributes:
    """Every item with a labelled line of its own ("Thời gian: …"), and owner labels only after the last one
    ("Đơn vị chủ trì: …. Đơn vị phối hợp: …"): those owners are the group's."""
    def owners(item: Node) -> Attributes:
        found = _attributes_of(doc, item)
        return Attributes(lead=found.lead, support=found.support)
    last = owners(items[-1])
    if not last.lead or any(owners(item) for item in items[:-1]):
        return Attributes()             # a coordinator alone after the last item may be that item's only
    return last


def _given(inherited: Inherited, labelled: Attributes) -> Inherited:
    """What an item inherits, with what its labelled lines say in place of its heading's."""
    if not labelled:
        return inherited
    return Inherited(lead=labelled.lead or inherited.lead, support=labelled.support or inherited.support,
                     deadline=labelled.deadline or inherited.deadline, section=inherited.section)


NAME_LIST_SHARE = 0.5      # a list is one of names when at least this share of its items are names alone
NAME_ITEM_WORDS = 20        # ... and a further item this short, opening as one of those names do, is one too


def _names_in_a_list_of_names(doc: Document, node: Node) -> set[int]:
    """Starts of the items of a list of enterprise names ("- Tổng công ty A - ABC ;", "- Công ty cổ phần B ( Hà Nội
    ) ;") that the body grammar reads as a name and a verb ("Tổng công ty Cơ khí | xây dựng"): in a list whose items
    are mostly names alone, an item opening with an enterprise as one of them does, short, with no colon or deadline
    and assigning nothing, is a name too (ANNOTATION.md §2: only work is a task)."""
    items = {c.start: doc.text[c.body_start:c.end] for c in node.children if c.rank != PARAGRAPH and not c.children}
    candidates = {start for start, text in items.items() if _enterprise_opening(text)}
    if not candidates:
        return set()
    alone = {start for start, text in items.items() if non_tasks.reason(text) == "bodies_only"}
    if len(alone) < 2 or len(alone) < NAME_LIST_SHARE * len(items):
        return set()
    openings = {_opening(items[start]) for start in alone}
    return {start for start in candidates - alone if _opening(text := items[start]) in openings
            and len(text.split()) <= NAME_ITEM_WORDS and ":" not in text and find_deadline(text) is None
            and not non_tasks.assigns(text) and _name_goes_on(text)}


def _name_goes_on(text: str) -> bool:
    """What follows the name the body grammar reads ends capitalised ("… Sông Hồng (Hà Nội);", "… - ABC;") or is
    business-line words alone ("… phát triển xây dựng;"): the enterprise's name going on, not its work."""
    _, end = parse_body_list(text)
    rest = re.sub(r"\([^)]*\)|[-–;.,]", " ", text[end:]).split()
    if not rest or rest[-1][:1].isupper():
        return True
    return not _business_pattern().sub(" ", " ".join(rest).lower()).strip()


@cache
def _business_pattern() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{phrase_alternation(_cues()['business_line_words'])})(?!\w)")


def _opening(text: str) -> str:
    return " ".join(text.lower().split()[:2])


@cache
def _enterprise_pattern() -> re.Pattern:
    return re.compile(rf"\s*{phrase_alternation(_cues()['enterprise_names'])}(?!\w)", re.IGNORECASE)


def _enterprise_opening(text: str) -> bool:
    return bool(_enterprise_pattern().match(text))


def _excluded(node: Node) -> bool:
    """A purpose/requirements/goals heading, an agency's standing mandate ("Nhiệm vụ và quyền hạn"), or a
    lead-in to a list of targets or of conditions ("… phấn đấu đạt các chỉ tiêu sau:", "… phải có đủ các
    điều kiện sau:"): nothing under it is a task."""
    cues = _cues()
    lead_in = " ".join(node.text.lower().replace(" :", ":").split())      # "Các chỉ tiêu chính :"
    if node.is_lead_in and node.children and any(cue in lead_in
                                                 for cue in cues["target_lead_ins"] + cues["condition_lead_ins"]):
        return True
    if node.is_lead_in and node.children and _lists_problems().search(lead_in) \
            and not _fixes_problems().search(re.split(r"[.;]\s+", lead_in)[-1]):
        return True
    if not _heading_shaped(node):
        return False
    text = heading_key(node.text)
    if _is_report(node) or text.startswith(tuple(cues["mandate_headings"])):
        return True
    return text.startswith(tuple(cues["non_task_headings"])) and not any(
        word in text for word in cues["task_headings"])


def _is_report(node: Node) -> bool:
    """A heading of what was done ("1. Kết quả thực hiện năm 2026", "TÌNH HÌNH …")."""
    return _heading_shaped(node) and heading_key(node.text).startswith(tuple(_cues()["report_headings"]))


def _heading_shaped(node: Node) -> bool:
    """Upper case, bold, or a short line with items under it: a heading, not an item."""
    return bool(node.upper or node.bold or node.children and node.heading_like) and len(node.text) <= HEADING_MAX_CHARS


@cache
def _lists_problems() -> re.Pattern:
    """A lead-in ending on a noun of shortcomings and words that announce a list ("… hạn chế chủ yếu sau:")."""
    cues = _cues()["problem_lead_ins"]
    nouns = rf"{phrase_alternation(cues['nouns'])}(?:\s*(?:,|và)\s*{phrase_alternation(cues['nouns'])})*"
    opening = rf"(?:^[\W\divxlc]*?|(?<!\w){phrase_alternation(cues['remain'])}\s+)"     # "2. Những …:" or "… còn …:"
    return re.compile(rf"{opening}(?:{phrase_alternation(cues['quantifiers'])}\s+)*{nouns}"
                      rf"(?:\s+{phrase_alternation(cues['tail'])})*\s*:\s*$", re.IGNORECASE)


@cache
def _fixes_problems() -> re.Pattern:
    return phrase_pattern(_cues()["problem_lead_ins"]["fixing"])


def _passed_down(doc: Document, node: Node, inherited: Inherited, ids: dict[int, str]) -> Inherited:
    if not node.children:
        return inherited
    text = doc.text[node.body_start:node.end]
    if node.paragraph_lead_in:        # a sentence ending in ":" hands down only whom it names as doers
        named = roles.owners_of_list(text, node.body_start)
    else:
        named = roles.heading_bodies(doc.text, node.body_start, node.end)
    if named and _issuer_speaks(text, node.body_start, named, doc):
        named = []                  # "…, Ủy ban nhân dân tỉnh ban hành Kế hoạch …, gồm những nội dung sau:"
    if _refers_back(text) is not None:      # the issuer requests; a body it names is asked itself
        asked = [b for b in named if not _is_reference(b) and not _is_issuer(b, doc)]
        named = asked or _addressees(doc) or named
    lead = named or inherited.lead
    support = _support_passed_down(text, node, named, inherited)
    deadline = inherited.deadline
    if node.is_lead_in and not _has_full_sentence(node.text):
        own = _dated(text, node.body_start, doc)
        if own and _qualifies_the_lead_in(text, node.body_start, own, doc.text):
            own = None
        deadline = own or _ahead(leading_period(text, node.body_start), doc) or deadline
    elif _plans_a_period(node, text):
        deadline = _ahead(named_period(text, node.body_start), doc) or deadline
    return Inherited(lead=lead, support=support, deadline=deadline, section=ids.get(node.start, inherited.section))


def _support_passed_down(text: str, node: Node, named: list[Body], inherited: Inherited) -> list[Body]:
    """The coordinating bodies a heading or lead-in names after the lead it hands down ("Sở A chủ trì, phối hợp với
    Sở B: …"; not the requester's in "Sở A phối hợp với Sở B đề nghị các huyện: …"); a lead-in naming no lead
    adds its own to those handed down to it ("a) Phối hợp với Sở C thực hiện các nội dung sau:")."""
    if not named and not node.is_lead_in:
        return inherited.support
    own = roles.support_bodies(text, node.body_start)
    if not named:
        return roles.with_unnamed(inherited.support, own)
    after = min(named, key=lambda b: b.start).end
    return [b for b in own if b.start >= after and not any(n.start < b.end and b.start < n.end for n in named)]


def _qualifies_the_lead_in(lead_in: str, start: int, deadline: Deadline, text: str) -> bool:
    """"Ủy ban nhân dân tỉnh tổ chức Tháng hành động trong tháng 4/2027 để các sở thực hiện những việc sau:":
    the span of time of an event the lead-in holds, followed by a purpose clause, dates that event, not the
    items. A span that opens the lead-in ("Trong năm 2027, nhằm …, các sở thực hiện:"), one after a plain
    doing verb ("các sở thực hiện trong quý II/2027 để …") and a due date ("trước ngày …") still pass down."""
    span, purpose = _lead_in_own_time()
    before = lead_in[:deadline.char_start - start]
    return bool(span.match(deadline.text) and before.strip(" ,") and holds_event(before)
                and purpose.match(text, deadline.char_end))


@cache
def _lead_in_own_time() -> tuple[re.Pattern, re.Pattern]:
    """(a span of time opening a deadline, a purpose clause opening the text after it)."""
    cues = _cues()["lead_in_own_time"]
    return phrase_pattern(cues["spans"]), re.compile(rf"\s*,?\s*{phrase_alternation(cues['purpose'])}(?!\w)", re.I)


def _dated(text: str, start: int, doc: Document) -> Deadline | None:
    """The deadline of `text`; a day written without a year falls in the year of issue, or the next one when
    it comes before the issue date ("trước ngày 20/7" in a plan issued on 10/3/2027)."""
    return find_deadline(text, start, doc.metadata.issued_year, not_before=doc.metadata.issued_on)


def _plans_a_period(node: Node, text: str) -> bool:
    """A heading that plans a period's work ("Kế hoạch công tác tháng 3 năm 2027", "NHIỆM VỤ NĂM 2027"):
    its period is the deadline of the items under it."""
    if not node.heading_like or len(text) > HEADING_MAX_CHARS or _has_full_sentence(text):
        return False
    lowered = fold_spaces(text.lower())
    if lowered.startswith(tuple(_cues()["report_headings"]) + ("thực hiện",)):
        return False                # "Thực hiện chương trình công tác tháng 4": what was done, reported
    return any(word in lowered for word in _cues()["period_plan_headings"])


def _addressees(doc: Document) -> list[Body]:
    """A letter's addressees (công văn, "Kính gửi: …")."""
    return header.addressee_bodies(doc.text) if doc.metadata.kind == "cong_van" else []


def _requested_of(doc: Document) -> list[Body]:
    """A letter that requests of its addressees ("… đề nghị các đơn vị triển khai các nội dung sau:", "Sở Y tế đề
    nghị:"): they do the items that name no doer (ANNOTATION.md §2). A letter that only notifies or decides ("Sở Y
    tế thông báo lịch kiểm tra như sau: …", "… có ý kiến như sau:") hands them nothing."""
    addressees = _addressees(doc)
    if not addressees:
        return []
    first_item = _FIRST_ITEM.search(doc.text)           # the request stands before the items it introduces,
    opening = doc.text[:first_item.start()] if first_item else doc.text    # not in a courtesy line after them
    return addressees if _refers_back(opening) is not None else []


_FIRST_ITEM = re.compile(r"\n\s*1\s?[.)]\s")


def _refers_back(text: str) -> int | None:
    """Where a request to those who only point back at the addressees stands ("… đề nghị các đơn vị triển khai …",
    "… đề nghị các đồng chí …"), or one to nobody named ("Sở Y tế đề nghị:"); not one to a narrower group ("… đề
    nghị các cơ quan truyền thông …")."""
    for match in _request_to_addressees().finditer(text):
        if match.group("bare") or parse_body_list(text, match.start("reference"))[1] <= match.end("reference"):
            return match.start()
    return None


def _is_reference(body: Body) -> bool:
    return heading_key(body.name) in _cues()["addressee_references"]


def _is_issuer(body: Body, doc: Document) -> bool:
    """The body is the document's issuer, named as short as the text has it ("Ủy ban nhân dân tỉnh")."""
    issuer = (doc.metadata.issuer or "").lower()
    return bool(issuer) and issuer.startswith((body.canonical or body.name).lower())


def _issuer_speaks(text: str, offset: int, named: list[Body], doc: Document) -> bool:
    """The document's issuer introduces it ("…, Ủy ban nhân dân tỉnh ban hành Kế hoạch …, gồm những nội dung
    sau:"): a guiding verb after the issuer."""
    return all(_is_issuer(b, doc) for b in named) and roles.speaks_at(text, named[-1].end - offset)


@cache
def _request_to_addressees() -> re.Pattern:
    cues = _cues()
    return re.compile(rf"(?<!\w){phrase_alternation(cues['closing_request']['requests'])}\s*(?:(?P<bare>:)|"
                      rf"(?P<reference>{phrase_alternation(cues['addressee_references'])})(?!\w))", re.IGNORECASE)


def _tells_the_past(text: str, doc: Document) -> bool:
    """An item that opens with a time ended before the document was issued and asks nothing ("Năm 2025, công tác
    … có chuyển biến", "Ngày 28/7/2027, Ban Thường vụ họp, nghe …"): what happened, not work to do."""
    period = leading_period(text)
    return bool(period) and ended_before(period, doc.metadata.issued_on) and not non_tasks.requests(text)


def _ahead(period: Deadline | None, doc: Document) -> Deadline | None:
    """A period that ended before the document was issued is one it reports on, not a deadline."""
    return None if period and ended_before(period, doc.metadata.issued_on) else period


def _is_task(node: Node, parent: Node) -> bool:
    if node.upper or node.bold:
        return False
    if _has_sub_items(node):
        return not node.ordinal_title and _has_full_sentence(node.text)
    if node.rank == 1 and node.label and node.label.isdigit():   # "Điều 3. …"
        return roles.is_directive(node.text)
    if node.rank == PARAGRAPH:
        return parent.heading_like and not roles.opens_no_task(node.text) and not roles.is_report(node.text)
    return not roles.is_report(node.text) and not _only_opens_no_task(node.text)


def _only_opens_no_task(text: str) -> bool:
    """An item that opens with no work ("Cơ bản thống nhất với báo cáo …", "Ví dụ: …") and assigns none after it:
    no owner cue ("…; giao Sở Nội vụ tiếp thu …") and no doer opening a later clause ("…; Ủy ban nhân dân huyện tiếp
    thu …", "…, Sở Tài chính cân đối …", "… . Các địa phương khác học tập …")."""
    if not roles.opens_no_task(text) or roles.cued_bodies(text, 0):
        return False
    return not any(roles.subject_bodies(text[m.end():]) for m in _CLAUSE_BREAK.finditer(text))


_CLAUSE_BREAK = re.compile(r"[;,]\s*|[.!?]\s+")


def _has_sub_items(node: Node) -> bool:
    """Children other than the item's labelled lines; beside those, a label and its value ("- Địa điểm: …",
    "- Hình thức: …") is one more detail of the item, not a sub-item."""
    labelled = any(c.attribute for c in node.children)
    return any(not c.attribute and not (labelled and non_tasks.reason(c.text) == "label_value") for c in node.children)


def _has_full_sentence(text: str) -> bool:
    """An item with sub-items that is itself an assignment ("Hoàn thành … năm 2022. Theo đó …:")."""
    text = text.strip()
    if text.endswith(":"):
        return bool(re.search(r"[.;]\s+\S", text[:-1]))
    return bool(re.search(r"[.;]$", text))


def _task(doc: Document, node: Node, inherited: Inherited, start: int | None = None,
          end: int | None = None) -> Task:
    start = node.body_start if start is None else start
    end = node.end if end is None else end
    start = _past_leading_non_tasks(doc.text, start, end)
    text = doc.text[start:end]
    task = Task(id="", section=inherited.section, text=text, start=start, end=end,
                origin="list" if node.rank != PARAGRAPH else "sentence")
    roles.assign(task, inherited.lead, inherited.support)
    task.deadline = _dated(text, start, doc) or inherited.deadline
    return task


# Sentences that end an item they run on in: formulas about the document, not more of the item's work.
_ENDS_AN_ITEM = {"executing", "courtesy", "closing", "self_reference", "funding", "pointers", "basis", "composition"}


def _owner_split(doc: Document, node: Node, inherited: Inherited) -> list[Task]:
    """One task per item, unless a later sentence names its own doer (ANNOTATION §2): then each such
    sentence starts a task of its own; closing sentences ("Trên đây là …") that ran on are dropped."""
    start, end = node.body_start, node.end
    item = doc.text[start:end].rstrip()
    if not (re.search(r"[.!?]\s+\S", item) or _LINE_AFTER_CLAUSE.search(item)):
        return [_task(doc, node, inherited)]
    sentences = _pieces(doc.text, start, end)
    cuts = [a for (p, q), (a, b) in zip(sentences, sentences[1:])
            if _names_own_doer(doc.text[a:b], doc.text[start:a], inherited) or roles.opens_no_task(doc.text[a:b])
            or non_tasks.reason(doc.text[a:b]) in _ENDS_AN_ITEM
            or _closes(doc.text[p:q]) and non_tasks.raises_problems(doc.text[a:b])]
    if not cuts:
        return [_task(doc, node, inherited)]
    bounds = [start] + cuts + [end]
    tasks = []
    for a, b in zip(bounds, bounds[1:]):
        text = doc.text[a:b].rstrip()
        if text and not roles.opens_no_task(text) and (a == start or non_tasks.reason(text) not in _ENDS_AN_ITEM):
            task = _task(doc, node, inherited, a, a + len(text))
            task.origin = "list" if a == start else "sentence"
            tasks.append(task)
    return tasks


def _names_own_doer(sentence: str, before: str, inherited: Inherited) -> bool:
    """A later sentence of an item names its own doer as its subject; on a condition ("Trường hợp xảy ra sự cố, các
    thôn, tổ dân phố báo cáo ngay …", "Quá trình triển khai gặp vướng mắc, đề nghị các trường báo cáo …"),
    a doer other than the item's or its heading's (ANNOTATION §2: sentences of different owners are tasks of their
    own)."""
    doers = {_plain_name(d.name) for d in roles.subject_bodies(sentence)}
    if not _on_condition().match(sentence):
        return bool(doers)
    own = {_plain_name(d.name) for d in [*roles.subject_bodies(before), *inherited.lead]}
    return bool(doers) and not doers & own


def _plain_name(name: str) -> str:
    """A body's name to compare, "các" aside ("Ủy ban nhân dân các xã" is "Ủy ban nhân dân xã")."""
    return " ".join(w for w in name.lower().split() if w != "các")


@cache
def _on_condition() -> re.Pattern:
    return re.compile(rf"\W*{phrase_alternation(_cues()['report_condition_openers'])}(?!\w)", re.IGNORECASE)


def _closes(sentence: str) -> bool:
    """A closing formula that a conditional report may follow ("Yêu cầu các phòng nghiêm túc thực hiện. Quá trình
    triển khai, nếu phát sinh vướng mắc, các đơn vị báo cáo …"): the report is work of its own."""
    return roles.closing_request(sentence) or non_tasks.reason(sentence) in ("closing", "courtesy")


_LINE_AFTER_CLAUSE = re.compile(r"[;.][ \t]*\n\s*(?=\S)")     # a line that ends a clause, then another line


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of text[start:end], also cut where a line ending a clause (";", ".") is followed by another
    line: a paragraph of the item, which may name its own doer."""
    starts = {a for a, _ in _sentences(text, start, end)} | {start + m.end() for m in _LINE_AFTER_CLAUSE.finditer(
        text[start:end])}
    bounds = sorted(a for a in starts | {start} if start <= a < end)
    return list(zip(bounds, bounds[1:] + [end]))


def _past_leading_non_tasks(text: str, start: int, end: int) -> int:
    """Where the task begins in an item that opens with sentences that are not tasks ("Kinh phí … được bố
    trí từ ngân sách. Hằng năm, các cơ quan … có trách nhiệm …"): the first sentence that may be one."""
    if non_tasks.reason(text[start:end]) not in ("funding", "pointers", "courtesy", "closing"):
        return start
    for sentence_start, sentence_end in _sentences(text, start, end)[1:]:
        if non_tasks.reason(text[sentence_start:end]) is None:
            return sentence_start
    return start


def _directive_sentences(doc: Document, node: Node, inherited: Inherited) -> list[Task]:
    """Sentences of a free paragraph that assign work ("Văn phòng Chính phủ theo dõi…"); a sentence
    after one that names no doer of its own goes on that task ("… Báo cáo kết quả trước ngày …")."""
    tasks: list[Task] = []
    for start, end in _sentences(doc.text, node.start, node.end):
        sentence = doc.text[start:end]
        if roles.opens_no_task(sentence) or sentence.rstrip().endswith(":"):
            continue
        if roles.is_directive(sentence):
            tasks.append(_task(doc, node, inherited, start, end))
        elif tasks and tasks[-1].end >= start - 2 and not roles.subject_bodies(sentence) \
                and non_tasks.reason(sentence) is None:
            tasks[-1] = _task(doc, node, inherited, tasks[-1].start, end)
            tasks[-1].origin = "sentence"
    return tasks


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end] (underthesea's sentence splitter, located by search)."""
    from ..text import underthesea

    spans, pos = [], start
    for sentence in underthesea().sent_tokenize(text[start:end]):
        sentence = fold_spaces(sentence)
        found = text.find(sentence[:30], pos, end)
        if found < 0:
            continue
        stop = min(end, found + len(sentence))
        spans.append((found, stop))
        pos = stop
    return spans or [(start, end)]
