"""Reviewers' corrections (hiệu chỉnh) applied to an analysis, and the corrected analysis as gold in the
ANNOTATION.md format (/work/shared/ANNOTATION.md: meta + tasks with quote, lead, support, deadline,
targets, output), the format evaluation/score.py and the learned extractor read.

A correction names a task (or None for the document's metadata), a field and an action:
`accept` keeps the value (it is now reviewed), `reject` removes it, `edit` replaces it."""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any

from .document import Body, Document, Target, Task

TASK_FIELDS = ("task", "text", "owner", "support", "deadline", "targets", "output")
META_FIELDS = ("kind", "number", "issuer", "issued_on", "title")
ACTIONS = ("accept", "edit", "reject")


class CorrectionError(ValueError):
    """A correction that cannot apply (unknown task, field or value); its text is Vietnamese."""


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else re.split(r"\s*;\s*", str(value or ""))
    return [str(x).strip() for x in items if str(x).strip()]


def _bodies(task: Task, names: list[str]) -> list[Body]:
    """Bodies for `names`, placed where the task text names them (else at the task's start)."""
    out = []
    for name in names:
        at = task.text.find(name)
        start = task.start + at if at >= 0 else task.start
        out.append(Body(name=name, start=start, end=start + len(name) if at >= 0 else start))
    return out


def _deadline(task: Task, text: str, year: int | None):
    from .extract.deadlines import find_deadline, parse_deadline

    at = task.text.find(text)
    offset = task.start + at if at >= 0 else task.start
    found = parse_deadline(text, offset, year) or find_deadline(text, offset, year)
    if found is None:
        raise CorrectionError(f"không đọc được thời hạn “{text}” (ví dụ đúng: trước ngày 30/6/2026, quý II/2026)")
    return found.model_copy(update={"text": text, "char_start": offset, "char_end": offset + len(text) if at >= 0 else offset})


def task_value(task: Task, field: str) -> Any:
    """The field's current value in plain JSON (names, texts)."""
    return {"task": task.text, "text": task.text, "owner": [b.name for b in task.lead],
            "support": [b.name for b in task.support],
            "deadline": task.deadline.text if task.deadline else None,
            "targets": [t.text for t in task.targets], "output": task.output.text if task.output else None}[field]


def _edit_task(task: Task, field: str, value: Any, year: int | None) -> Task:
    if field in ("text", "task"):
        return task.model_copy(update={"text": str(value)})
    if field == "owner":
        return task.model_copy(update={"lead": _bodies(task, _names(value))})
    if field == "support":
        return task.model_copy(update={"support": _bodies(task, _names(value))})
    if field == "deadline":
        return task.model_copy(update={"deadline": _deadline(task, str(value).strip(), year) if value else None})
    if field == "targets":
        return task.model_copy(update={"targets": [Target(text=t, start=task.start, end=task.start)
                                                   for t in _names(value)]})
    from .document import Output
    return task.model_copy(update={"output": Output(text=str(value)) if value else None})


def _rescore(doc: Document) -> Document:
    from .vagueness import score_task, summarise

    tasks = [t.model_copy(update={"vagueness": score_task(t)}) for t in doc.tasks]
    return doc.model_copy(update={"tasks": tasks, "vagueness_summary": summarise(tasks) if tasks else None})


def apply_task(doc: Document, task_id: str, field: str, action: str, value: Any) -> tuple[Document, Any]:
    """The analysis with one task corrected, and the field's value before."""
    task = next((t for t in doc.tasks if t.id == task_id), None)
    if task is None:
        raise CorrectionError(f"không có nhiệm vụ {task_id}")
    previous = task_value(task, field)
    if action == "accept":
        return doc, previous
    if action == "reject" and field == "task":
        return _rescore(doc.model_copy(update={"tasks": [t for t in doc.tasks if t.id != task_id]})), previous
    year = doc.metadata.issued_on.year if doc.metadata.issued_on else None
    new = _edit_task(task, field, None if action == "reject" else value, year)
    tasks = [new if t.id == task_id else t for t in doc.tasks]
    return _rescore(doc.model_copy(update={"tasks": tasks})), previous


def _meta_value(field: str, value: Any) -> Any:
    if field == "issued_on" and value:
        text = str(value).strip()
        for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
            try:
                return datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        raise CorrectionError(f"ngày không hợp lệ “{text}” (cần dạng dd/mm/yyyy)")
    if field == "kind":
        from .messages import catalogue
        kinds = catalogue()["kinds"]
        code = next((k for k, name in kinds.items() if value in (k, name)), None)
        if code is None:
            raise CorrectionError(f"loại văn bản không hợp lệ “{value}”")
        return code
    return str(value).strip() or None if value is not None else None


def apply_meta(doc: Document, field: str, action: str, value: Any) -> tuple[Document, Any]:
    """The analysis with one metadata field corrected, and its value before."""
    current = getattr(doc.metadata, field)
    previous = current.isoformat() if isinstance(current, date) else current
    if action == "accept":
        return doc, previous
    new = ("khac" if field == "kind" else None) if action == "reject" else _meta_value(field, value)
    return doc.model_copy(update={"metadata": doc.metadata.model_copy(update={field: new})}), previous


def apply(doc: Document, task_id: str | None, field: str, action: str, value: Any) -> tuple[Document, Any]:
    """Check and apply one correction (see the module docstring)."""
    if action not in ACTIONS:
        raise CorrectionError(f"thao tác không hợp lệ “{action}” (accept, edit, reject)")
    if task_id is None:
        if field not in META_FIELDS:
            raise CorrectionError(f"trường thông tin văn bản không hợp lệ “{field}”")
        return apply_meta(doc, field, action, value)
    if field not in TASK_FIELDS:
        raise CorrectionError(f"trường nhiệm vụ không hợp lệ “{field}”")
    return apply_task(doc, task_id, field, action, value)


def _quote(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def to_gold(doc: Document, reviewed: dict[str, Any]) -> dict[str, Any]:
    """The corrected analysis as a gold file (ANNOTATION.md), with who reviewed it and when."""
    meta = doc.metadata
    tasks = [{"quote": _quote(t.text), "lead": [b.name for b in t.lead], "support": [b.name for b in t.support],
              "deadline": None if t.deadline is None else {
                  "text": t.deadline.text, "end": t.deadline.end.isoformat() if t.deadline.end else None,
                  "recurrence": t.deadline.recurrence},
              "targets": [{"quote": _quote(x.text), "indicator": x.indicator, "value": x.value,
                           "value_max": x.value_max, "unit": x.unit, "comparator": x.comparator, "year": x.year}
                          for x in t.targets],
              "output": t.output.text if t.output else None, "specificity": None, "vague": None}
             for t in doc.tasks]
    return {"doc": doc.source.name, "upper_doc": None, "tasks_annotated": True, "source": "corrections",
            "meta": {"kind": meta.kind, "number": meta.number, "issuer": meta.issuer,
                     "issued_on": meta.issued_on.isoformat() if meta.issued_on else None,
                     "basis": [c.number for c in meta.basis if c.number]},
            "tasks": tasks, "reviewed": reviewed}
