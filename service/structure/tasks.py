"""Task segmentation (ANNOTATION.md §2): the smallest list item or directive sentence that asks
someone to do something, with lead bodies and deadlines inherited from headings and lead-ins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..document import Body, Deadline, Document, Task
from ..extract import roles
from ..extract.deadlines import find_deadline
from ..lexicons import load
from ..text import fold_spaces
from . import outline, tables, zones
from .outline import PARAGRAPH, Node


@dataclass
class Inherited:
    """What a heading or lead-in passes to the items under it."""

    lead: list[Body] = field(default_factory=list)
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
    _walk(doc, root, Inherited(), section_ids, found)
    found += tables.table_tasks(doc, section_ids=section_ids)
    found.sort(key=lambda t: t.start)
    for number, task in enumerate(found, 1):
        task.id = f"t{number}"
        task.page = doc.page_at(task.start)
    doc.tasks = found
    return doc


def _walk(doc: Document, node: Node, inherited: Inherited, ids: dict[int, str], out: list[Task]) -> None:
    for child in node.children:
        if _excluded(child):
            continue
        passed = _passed_down(doc, child, inherited, ids)
        if child.rank == PARAGRAPH and (node.rank < 0 or _is_closing(child.text)):
            out.extend(_directive_sentences(doc, child, inherited))
        elif _is_task(child, node):
            out.append(_task(doc, child, inherited))
        _walk(doc, child, passed, ids, out)


def _excluded(node: Node) -> bool:
    """A purpose/requirements/goals heading: nothing under it is a task."""
    if not (node.upper or node.bold or node.children and node.heading_like) or len(node.text) > 120:
        return False
    text = node.text.strip().lower()
    cues = _cues()
    return text.startswith(tuple(cues["non_task_headings"])) and not any(
        word in text for word in cues["task_headings"])


def _passed_down(doc: Document, node: Node, inherited: Inherited, ids: dict[int, str]) -> Inherited:
    if not node.children:
        return inherited
    lead = roles.heading_bodies(doc.text, node.body_start, node.end) or inherited.lead
    deadline = inherited.deadline
    if node.is_lead_in and not _has_full_sentence(node.text):
        deadline = find_deadline(doc.text[node.body_start:node.end], node.body_start) or deadline
    return Inherited(lead=lead, deadline=deadline, section=ids.get(node.start, inherited.section))


def _is_task(node: Node, parent: Node) -> bool:
    if node.upper or node.bold:
        return False
    if node.children:
        return _has_full_sentence(node.text)
    if node.rank == 1 and node.label and node.label.isdigit():   # "Điều 3. …"
        return roles.is_directive(node.text)
    if node.rank == PARAGRAPH:
        return parent.heading_like and not _is_closing(node.text) and not roles.is_report(node.text)
    return not roles.is_report(node.text)


def _has_full_sentence(text: str) -> bool:
    """An item with sub-items that is itself an assignment ("Hoàn thành … năm 2022. Theo đó …:")."""
    text = text.strip()
    if text.endswith(":"):
        return bool(re.search(r"[.;]\s+\S", text[:-1]))
    return bool(re.search(r"[.;]$", text))


def _is_closing(text: str) -> bool:
    return text.strip().lower().startswith(tuple(_cues()["not_task_openers"]))


def _task(doc: Document, node: Node, inherited: Inherited, start: int | None = None,
          end: int | None = None) -> Task:
    start = node.body_start if start is None else start
    end = node.end if end is None else end
    text = doc.text[start:end]
    task = Task(id="", section=inherited.section, text=text, start=start, end=end,
                origin="list" if node.rank != PARAGRAPH else "sentence")
    roles.assign(task, inherited.lead)
    task.deadline = find_deadline(text, start) or inherited.deadline
    return task


def _directive_sentences(doc: Document, node: Node, inherited: Inherited) -> list[Task]:
    """Sentences of a free paragraph that assign work ("Văn phòng Chính phủ theo dõi…")."""
    tasks = []
    for start, end in _sentences(doc.text, node.start, node.end):
        sentence = doc.text[start:end]
        if roles.is_directive(sentence) and not _is_closing(sentence) and not sentence.rstrip().endswith(":"):
            tasks.append(_task(doc, node, inherited, start, end))
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
