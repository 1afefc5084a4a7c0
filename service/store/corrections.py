"""Stored corrections: apply one to a document's analysis (service.amendments), rewrite its row and
task rows so that search and exports show it, and keep who and when in `corrections`."""
from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..amendments import apply, to_gold
from ..document import Document
from .documents import fold, load, number_key, task_row_of
from .models import CorrectionRow, DocumentRow, TaskRow


def _rewrite(session: Session, row: DocumentRow, doc: Document) -> None:
    """The row's analysis, metadata columns and task rows from the corrected analysis."""
    meta = doc.metadata
    row.analysis, row.task_count = doc.to_json(), len(doc.tasks)
    row.kind, row.number, row.number_key = meta.kind, meta.number, number_key(meta.number)
    row.issuer, row.issuer_folded, row.title = meta.issuer, fold(meta.issuer), meta.title
    row.issued_on, row.year = meta.issued_on, meta.issued_on.year if meta.issued_on else None
    row.folded = fold(" ".join(filter(None, [meta.number, meta.title, meta.issuer, doc.text])))
    session.execute(delete(TaskRow).where(TaskRow.document_id == row.id))
    for position, task in enumerate(doc.tasks):
        task_row = task_row_of(task, position)
        task_row.document_id = row.id
        session.add(task_row)


def record(session: Session, row: DocumentRow, task_id: str | None, field: str, action: str,
           value: Any, actor: str) -> CorrectionRow:
    """Apply and store one correction (raises CorrectionError for one that cannot apply)."""
    doc, previous = apply(load(row), task_id, field, action, value)
    if action != "accept":
        _rewrite(session, row, doc)
    correction = CorrectionRow(document_id=row.id, task_id=task_id, field=field, action=action,
                               value=value if action == "edit" else None, previous=previous, actor=actor)
    session.add(correction)
    session.flush()
    return correction


def for_document(session: Session, doc_id: str) -> list[CorrectionRow]:
    query = select(CorrectionRow).where(CorrectionRow.document_id == doc_id).order_by(CorrectionRow.id)
    return list(session.scalars(query))


def corrected_tasks(session: Session, doc_ids: list[str]) -> dict[str, set[str]]:
    """Document id → the ids of its tasks with a correction."""
    out: dict[str, set[str]] = {}
    query = select(CorrectionRow.document_id, CorrectionRow.task_id).where(CorrectionRow.document_id.in_(doc_ids))
    for doc_id, task_id in session.execute(query):
        if task_id:
            out.setdefault(doc_id, set()).add(task_id)
    return out


def view(c: CorrectionRow) -> dict[str, Any]:
    return {"id": c.id, "document_id": c.document_id, "task_id": c.task_id, "field": c.field, "action": c.action,
            "value": c.value, "previous": c.previous, "actor": c.actor, "at": c.at.isoformat()}


def gold(session: Session, row: DocumentRow) -> dict[str, Any]:
    """The corrected analysis as a gold file, with the corrections that made it."""
    made = for_document(session, row.id)
    reviewed = {"by": sorted({c.actor for c in made}), "last": max((c.at for c in made), default=None),
                "corrections": [view(c) for c in made]}
    reviewed["last"] = reviewed["last"].isoformat() if reviewed["last"] else None
    return to_gold(load(row), reviewed)


def corrected_documents(session: Session) -> list[DocumentRow]:
    ids = select(CorrectionRow.document_id).distinct()
    return list(session.scalars(select(DocumentRow).where(DocumentRow.id.in_(ids))))
