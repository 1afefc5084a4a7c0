"""Merge the rules' fields of a task with the span tagger's guesses, per extractor.

- `rules`: the rules' fields as they are (source "rule").
- `model`: only what the tagger marks in the task's text, normalised by the rules (a LEAD span is
  split into bodies by `parse_body_list`, a DEADLINE span dated by `parse_deadline`).
- `hybrid`: the rules first; a tagger span fills a field the rules left empty (lead: also one the
  rules only inherited from a heading), support is the union; a field both found is "both". A
  tagger span that holds a rule body and runs further (its qualifiers: "các doanh nghiệp viễn thông
  hoạt động trên địa bàn tỉnh" where the rules stopped at "các doanh nghiệp viễn thông") widens it
  when its score reaches the `extend` threshold.
  Each field's threshold on the tagger's score is fitted by leave-one-document-out
  (evaluation/lodo_extract.py) and read from the catalogue.
"""
from __future__ import annotations

from ..document import Body, Deadline, Output, Target, Task
from .bodies import as_body, canonical, parse_body_list
from .deadlines import find_deadline, parse_deadline
from .tagger import SpanGuess
from .targets import find_targets

DEFAULT_THRESHOLDS = {"lead": 0.5, "support": 0.5, "deadline": 0.5, "output": 0.5, "fill_inherited": True,
                      "extend": 1.01}


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def model_bodies(task: Task, guesses: list[SpanGuess], label: str, threshold: float) -> list[Body]:
    """Bodies of the tagger's spans of `label`, split and named by the rules' body grammar."""
    out: list[Body] = []
    for g in guesses:
        if g.label != label or g.score < threshold:
            continue
        parsed, _ = parse_body_list(task.text[:g.end], g.start, task.start)
        if not parsed:
            name = task.text[g.start:g.end].strip(" ,;:.")
            parsed = [as_body(name, task.start + g.start)] if name else []
        out += [b.model_copy(update={"source": "model", "score": g.score}) for b in parsed]
    return out


def _inside(task: Task, body: Body) -> bool:
    return task.start <= body.start < task.end


def _merge_bodies(rule: list[Body], model: list[Body]) -> list[Body]:
    """Rule bodies (those the tagger also marks become "both"), then model bodies the rules lack."""
    out = []
    for b in rule:
        twin = next((m for m in model if _overlaps(b.start, b.end, m.start, m.end)), None)
        out.append(b.model_copy(update={"source": "both", "score": twin.score}) if twin else b)
    return out + [m for m in model if not any(_overlaps(m.start, m.end, b.start, b.end) for b in rule)]


def _widened(task: Task, body: Body, guesses: list[SpanGuess], label: str, threshold: float) -> Body:
    """`body` widened to the tagger's span of `label` that holds it and runs further, if one scores enough."""
    for g in guesses:
        start, end = task.start + g.start, task.start + g.end
        if g.label == label and g.score >= threshold and start <= body.start and body.end <= end \
                and end - start > body.end - body.start:
            name = task.text[g.start:g.end].strip(" ,;:.")
            if name:
                return body.model_copy(update={"name": name, "canonical": canonical(name), "start": start,
                                               "end": start + len(name), "source": "both", "score": g.score})
    return body


def widen_bodies(task: Task, guesses: list[SpanGuess], threshold: float) -> Task:
    """Lead and support bodies of the rules widened by the tagger's longer spans (hybrid only)."""
    task.lead = _outermost([_widened(task, b, guesses, "LEAD", threshold) for b in task.lead])
    task.support = _outermost([_widened(task, b, guesses, "SUPPORT", threshold) for b in task.support])
    return task


def _outermost(bodies: list[Body]) -> list[Body]:
    """Bodies not lying inside another one's span (a widened body swallows the parts it now holds); of
    bodies with the same span, the first. Longest first decides, the order stays."""
    kept: list[Body] = []
    for b in sorted(bodies, key=lambda b: b.start - b.end):
        if not any(k.start <= b.start and b.end <= k.end for k in kept):
            kept.append(b)
    return [b for b in bodies if any(b is k for k in kept)]


def _model_deadline(task: Task, guesses: list[SpanGuess], threshold: float) -> Deadline | None:
    for g in guesses:
        if g.label == "DEADLINE" and g.score >= threshold:
            span = task.text[g.start:g.end]
            found = find_deadline(span, task.start + g.start) or parse_deadline(span, task.start + g.start)
            if found:
                return found.model_copy(update={"source": "model", "score": g.score})
    return None


def _model_output(task: Task, guesses: list[SpanGuess], threshold: float) -> Output | None:
    g = next((g for g in guesses if g.label == "OUTPUT" and g.score >= threshold), None)
    return Output(text=task.text[g.start:g.end], start=task.start + g.start, end=task.start + g.end,
                  source="model", score=g.score) if g else None


def model_targets(task: Task, guesses: list[SpanGuess]) -> list[Target]:
    """Targets in the tagger's TARGET spans, read by the rules' target grammar (the `model` extractor)."""
    out: list[Target] = []
    for g in guesses:
        if g.label == "TARGET":
            out += [t.model_copy(update={"source": "model", "score": g.score})
                    for t in find_targets(task.text[g.start:g.end], task.start + g.start)]
    return out


def combine_owners(task: Task, guesses: list[SpanGuess], mode: str, th: dict) -> Task:
    """Lead (chủ trì) and support (phối hợp) for extractor `mode`."""
    if mode == "rules":
        return task
    lead = model_bodies(task, guesses, "LEAD", th["lead"] if mode == "hybrid" else 0.0)
    support = model_bodies(task, guesses, "SUPPORT", th["support"] if mode == "hybrid" else 0.0)
    support = [s for s in support if not any(_overlaps(s.start, s.end, b.start, b.end) for b in lead)]
    if mode == "model":
        task.lead, task.support = lead, support
        return task
    own = [b for b in task.lead if _inside(task, b)]
    if own or not (th["fill_inherited"] or not task.lead):
        task.lead = _merge_bodies(task.lead, lead)[:len(task.lead)]
    elif lead:                      # the item names its own lead: what the heading handed down goes, its support too
        task.lead = lead
        task.support = [b for b in task.support if _inside(task, b)]
    task.support = _merge_bodies(task.support, [s for s in support if not any(
        _overlaps(s.start, s.end, b.start, b.end) for b in task.lead)])
    return widen_bodies(task, guesses, th["extend"])


def combine_deadline(task: Task, guesses: list[SpanGuess], mode: str, th: dict) -> Task:
    """The deadline (thời hạn) for extractor `mode`: a tagger span is dated by the rules."""
    if mode == "model":
        task.deadline = _model_deadline(task, guesses, 0.0)
    elif mode == "hybrid" and task.deadline is None:
        task.deadline = _model_deadline(task, guesses, th["deadline"])
    elif mode == "hybrid" and any(
            g.label == "DEADLINE" and _overlaps(task.start + g.start, task.start + g.end, task.deadline.char_start,
                                                task.deadline.char_end) for g in guesses):
        task.deadline = task.deadline.model_copy(update={"source": "both"})
    return task


def combine_products(task: Task, guesses: list[SpanGuess], mode: str, th: dict) -> Task:
    """Targets and output (sản phẩm): the model's alone for `model`, the rules' filled for `hybrid`."""
    if mode == "model":
        task.output = _model_output(task, guesses, 0.0)
        task.targets = model_targets(task, guesses)
    elif mode == "hybrid" and task.output is None:
        task.output = _model_output(task, guesses, th["output"])
    return task


def combine(task: Task, guesses: list[SpanGuess], mode: str, thresholds: dict | None = None) -> Task:
    """Every field of the task for extractor `mode` (the three stages in one call)."""
    th = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    for step in (combine_owners, combine_deadline, combine_products):
        step(task, guesses, mode, th)
    return task
