"""Small JSON views of stored rows shared by several routes."""
from __future__ import annotations

from typing import Any

from ..store.models import DocumentRow, TaskRow


def document_view(row: DocumentRow) -> dict[str, Any]:
    return {
        "id": row.id, "sha256": row.sha256, "filename": row.filename, "format": row.format,
        "kind": row.kind, "number": row.number, "issuer": row.issuer, "title": row.title,
        "issued_on": row.issued_on.isoformat() if row.issued_on else None,
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
