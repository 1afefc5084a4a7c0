"""Class of one lower task (verbatim / adapted / new), what it copies and what it adds.

- verbatim (ANNOTATION.md §4): the same words as the upper passage it draws on but for level
  words, names, numbering and dates: the two-sided overlap with that passage, once the owners and
  deadlines the lower task adds are set aside, reaches `verbatim`, and it adds no figure of its
  own (an added owner or deadline alone does not make it adapted);
- adapted: the calibrated model (logit.py) over the signals (aligned share on each side,
  content-word overlap, cosine of the embeddings when an encoder ran) reaches its cut; without a
  model, the aligned share reaches `adapted` or the cosine reaches `semantic`;
- new: otherwise.
Thresholds and the model live in thresholds.json, fitted on the real annotated pairs
(evaluation/compare.py --calibrate; leave-one-pair-out figures in its report).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ..document import Task
from .align import PairAlignment, Unit
from .logit import Logit
from .model import Addition, CopiedTarget, CopyClass
from .placeholders import AGENCY, DATE, tokens

OWNER_HOLDERS = {AGENCY, "<committee>", "<people_committee>", "<party_org>", "<council>"}
_NUMBER = re.compile(r"\d")
_CITATION = re.compile(r"\d+(?:/\d{4})?[-/][A-ZĐ]")


@dataclass
class Thresholds:
    verbatim: float = 0.9
    adapted: float = 0.35
    semantic: float = 0.88
    semantic_min_lexical: float = 0.1
    model: Logit | None = None

    def as_dict(self) -> dict[str, float]:
        out = {k: v for k, v in self.__dict__.items() if k != "model"}
        if self.model:
            out.update({f"w_{f}": w for f, w in zip(self.model.features, self.model.weights)},
                       bias=self.model.bias, cut=self.model.cut)
        return out


@cache
def load_thresholds(semantic: bool) -> Thresholds:
    """The calibrated thresholds shipped with the package, for runs with or without an encoder."""
    data = json.loads(files(__package__).joinpath("thresholds.json").read_text(encoding="utf-8"))
    profile = data["profiles"]["semantic" if semantic else "lexical"]
    fields = {k: v for k, v in profile.items() if k in Thresholds.__dataclass_fields__}
    if "model" in fields:
        fields["model"] = Logit.from_dict(fields["model"])
    return Thresholds(**fields)


def decide(lexical: float, dice: float, semantic: float | None, detail: bool,
           th: Thresholds, signals: dict[str, float] | None = None) -> CopyClass:
    """The class from the aligned share of the lower task, the two-sided overlap with the upper
    passage it draws on (`dice`, added owners and deadlines set aside), the cosine (None without
    an encoder) and whether it adds a figure (`detail`); `signals` (named as in logit.py) feed
    the model when the thresholds carry one."""
    if dice >= th.verbatim and not detail:
        return "verbatim"
    if th.model is not None and signals is not None:
        if th.model.prob(signals) >= th.model.cut:
            return "adapted"
    elif lexical >= th.adapted:
        return "adapted"
    if semantic is not None and semantic >= th.semantic and lexical >= th.semantic_min_lexical:
        return "adapted"
    return "new"


def _runs(unit: Unit, hits: set[int]) -> list[list[int]]:
    """Maximal runs of lower token positions not covered by the alignment."""
    runs: list[list[int]] = []
    for i in range(len(unit.toks)):
        if i in hits:
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _span_text(unit: Unit, run: list[int]) -> str:
    return unit.text[unit.toks[run[0]].start:unit.toks[run[-1]].end]


def additions(unit: Unit, hits: set[int], task: Task | None,
              upper_tasks: list[Task | None]) -> list[Addition]:
    """What the lower task adds: owners (in its text and not aligned, or inherited from a lead-in
    and absent from the upper tasks), a deadline, figures and other words not in the upper."""
    found: list[Addition] = []
    upper_norm = {t.norm for ut in upper_tasks if ut for t in tokens(ut.text)}
    upper_norm |= {t.norm for ut in upper_tasks if ut for b in ut.lead + ut.support
                   for t in tokens(b.name)}
    if task is not None:
        for body in task.lead + task.support:
            if task.start <= body.start < task.end:
                continue                     # written in the task: the alignment judges it
            body_norms = [t.norm for t in tokens(body.name)]
            if body_norms and not set(body_norms) <= upper_norm | {"các", "và"}:
                found.append(Addition(kind="owner", text=body.name))
        if task.deadline and not any(ut and ut.deadline for ut in upper_tasks):
            found.append(Addition(kind="deadline", text=task.deadline.text))
    for run in _runs(unit, hits):
        addition = _field_addition(unit, run, task) or _text_addition(unit, run)
        if addition and not any(a.kind == addition.kind and (a.kind == "deadline" or a.text in addition.text
                                                             or addition.text in a.text) for a in found):
            found.append(addition)
    return found


def _field_addition(unit: Unit, run: list[int], task: Task | None) -> Addition | None:
    """An unaligned run that covers one of the task's extracted fields: that field, as extracted."""
    if task is None or unit.text != task.text:
        return None
    start, end = task.start + unit.toks[run[0]].start, task.start + unit.toks[run[-1]].end
    overlaps = lambda a, b: a < end and start < b  # noqa: E731
    for body in task.lead + task.support:
        if overlaps(body.start, body.end):
            return Addition(kind="owner", text=body.name)
    if task.deadline and overlaps(task.deadline.char_start, task.deadline.char_end):
        return Addition(kind="deadline", text=task.deadline.text)
    for target in task.targets:
        if overlaps(target.start, target.end):
            return Addition(kind="figure", text=target.text)
    return None


def _text_addition(unit: Unit, run: list[int]) -> Addition | None:
    """Otherwise, by the run's own tokens; a number inside a citation ("41-CTr/TU") is no figure."""
    norms = [unit.toks[i].norm for i in run]
    text = _span_text(unit, run)
    if any(n in OWNER_HOLDERS for n in norms):
        return Addition(kind="owner", text=text)
    if any(_NUMBER.search(n) for n in norms if n != DATE) and not _CITATION.search(text):
        return Addition(kind="figure", text=text)
    if DATE in norms:
        return Addition(kind="deadline", text=text)
    return Addition(kind="words", text=text) if len(run) >= 2 else None


def has_detail(found: list[Addition]) -> bool:
    """A local figure added: what keeps a copy from being verbatim (owners and deadlines do not)."""
    return any(a.kind == "figure" for a in found)


def set_aside(unit: Unit, hits: set[int], task: Task | None) -> set[int]:
    """Lower token positions of the unaligned runs that only add an owner or a deadline."""
    out: set[int] = set()
    for run in _runs(unit, hits):
        addition = _field_addition(unit, run, task) or _text_addition(unit, run)
        if addition is not None and addition.kind in ("owner", "deadline"):
            out.update(run)
    return out


def copied_targets(task: Task | None, uppers: list[tuple[str, Task | None]]) -> list[CopiedTarget]:
    """Lower targets with the same value and unit as a target of an upper counterpart."""
    if task is None:
        return []
    out = []
    for target in task.targets:
        for upper_id, upper in uppers:
            if upper and any(u.value == target.value and u.unit == target.unit
                             and target.value is not None for u in upper.targets):
                out.append(CopiedTarget(text=target.text, value=target.value, unit=target.unit,
                                        upper_task_id=upper_id))
                break
    return out


def lexical_share(unit: Unit, chosen: list[PairAlignment]) -> float:
    """Share of the lower task's tokens aligned to any chosen upper task."""
    hits = set().union(*(p.lower_hits for p in chosen)) if chosen else set()
    return len(hits) / len(unit.toks) if unit.toks else 0.0
