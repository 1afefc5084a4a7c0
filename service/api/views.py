"""Small JSON views of stored rows shared by several routes, and the rows of the task exports."""
from __future__ import annotations

from typing import Any

from ..document import Document, Task
from ..messages import kind_name, missing_name
from ..vagueness.bands import level_of
from ..store.models import DocumentRow, TaskRow


def document_view(row: DocumentRow) -> dict[str, Any]:
    return {
        "id": row.id, "sha256": row.sha256, "filename": row.filename, "format": row.format,
        "kind": row.kind, "kind_name": kind_name(row.kind), "number": row.number, "issuer": row.issuer,
        "title": row.title, "issued_on": row.issued_on.isoformat() if row.issued_on else None,
        "task_count": row.task_count, "created_at": row.created_at.isoformat(),
    }


def task_view(task: TaskRow, doc: DocumentRow) -> dict[str, Any]:
    return {
        "document_id": doc.id, "document_number": doc.number, "task_id": task.task_id,
        "section": task.section, "text": task.text, "lead": task.lead, "support": task.support,
        "deadline": task.deadline_text,
        "deadline_end": task.deadline_end.isoformat() if task.deadline_end else None,
        "vague_score": task.vague_score,
    }


def section_titles(doc: Document) -> dict[str, str]:
    """Section id → its heading as printed (shortened), for the "Mục" column."""
    return {s.id: s.heading if len(s.heading) <= 90 else s.heading[:89] + "…" for s in doc.sections}


def task_export_row(task: Task, doc: Document, doc_id: str, corrected: set[str] = frozenset()) -> dict[str, Any]:
    """One export row: the task's fields in words, its score as a number, its last day as a date."""
    v = task.vagueness
    return {
        "document_id": doc_id, "document_number": doc.metadata.number, "task_id": task.id,
        "section": section_titles(doc).get(task.section or "", None), "text": task.text,
        "lead": "; ".join(b.name for b in task.lead), "support": "; ".join(b.name for b in task.support),
        "deadline": task.deadline.text if task.deadline else None,
        "deadline_end": task.deadline.end.isoformat() if task.deadline and task.deadline.end else None,
        "level": level_of(v.score) if v else None, "vague_score": round(v.score, 2) if v else None,
        "cues": "; ".join(c.text for c in v.cues) if v else None,
        "missing": ", ".join(missing_name(p) for p in v.missing) if v else None,
        "targets": "; ".join(t.text for t in task.targets) or None,
        "budget": task.budget.text if task.budget else None,
        "output": task.output.text if task.output else None,
        "corrected": "có" if task.id in corrected else None,
    }


def export_rows(pairs: list[tuple[TaskRow, DocumentRow]], corrected: dict[str, set[str]] | None = None
                ) -> list[dict[str, Any]]:
    """Export rows for (task row, document row) pairs, each document's analysis read once."""
    from ..store.documents import load

    docs: dict[str, Document] = {}
    out = []
    for task_row, doc_row in pairs:
        doc = docs.get(doc_row.id) or docs.setdefault(doc_row.id, load(doc_row))
        task = next((t for t in doc.tasks if t.id == task_row.task_id), None)
        if task is None:
            out.append(task_view(task_row, doc_row))
            continue
        out.append(task_export_row(task, doc, doc_row.id, (corrected or {}).get(doc_row.id, set())))
    return out
