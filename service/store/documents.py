"""Documents and their denormalised tasks: save an analysis, find it by hash, read, delete."""
from __future__ import annotations

import re

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..document import Document, Task
from ..text import strip_diacritics
from .models import CorrectionRow, DocumentRow, SignatureRow, TaskRow
from .sources import index_document


def fold(text: str | None) -> str:
    """Lower-case, diacritics stripped, spaces folded ("Kế  Hoạch" → "ke hoach")."""
    return re.sub(r"\s+", " ", strip_diacritics(text or "")).strip().lower()


def number_key(number: str | None) -> str | None:
    """A document number as a lookup key: "41-CTr/TU" and "41 - CTr/TU" agree."""
    return re.sub(r"\s+", "", fold(number)) or None if number else None


def task_row_of(task: Task, position: int) -> TaskRow:
    lead = "; ".join(b.canonical or b.name for b in task.lead)
    return TaskRow(
        task_id=task.id, position=position, section=task.section, text=task.text,
        folded=fold(task.text), lead=lead, lead_folded=fold(lead),
        support="; ".join(b.canonical or b.name for b in task.support),
        deadline_text=task.deadline.text if task.deadline else None,
        deadline_end=task.deadline.end if task.deadline else None,
        vague_score=task.vagueness.score if task.vagueness else None)


def save_document(session: Session, doc: Document, digest: str, filename: str) -> DocumentRow:
    """Store an analysis, its tasks and its signature row for the source ranking (service.store.
    sources); returns the row (flushed, with its id)."""
    meta = doc.metadata
    row = DocumentRow(
        sha256=digest, filename=filename, format=doc.source.format, kind=meta.kind,
        number=meta.number, number_key=number_key(meta.number), issuer=meta.issuer,
        issuer_folded=fold(meta.issuer), title=meta.title, issued_on=meta.issued_on,
        year=meta.issued_on.year if meta.issued_on else None,
        folded=fold(" ".join(filter(None, [meta.number, meta.title, meta.issuer, doc.text]))),
        analysis=doc.to_json(), task_count=len(doc.tasks))
    session.add(row)
    session.flush()
    for position, task in enumerate(doc.tasks):
        task_row = task_row_of(task, position)
        task_row.document_id = row.id
        session.add(task_row)
    index_document(session, row.id, doc)
    session.flush()
    return row


def by_sha(session: Session, digest: str) -> DocumentRow | None:
    return session.scalars(select(DocumentRow).where(DocumentRow.sha256 == digest)).first()


def get_row(session: Session, doc_id: str) -> DocumentRow | None:
    return session.get(DocumentRow, doc_id)


def load(row: DocumentRow) -> Document:
    """The stored analysis as the typed model."""
    return Document.model_validate_json(row.analysis)


def delete_document(session: Session, doc_id: str) -> DocumentRow | None:
    """Delete a document, its tasks and its signature row; returns the deleted row (for its hash)."""
    row = session.get(DocumentRow, doc_id)
    if row is None:
        return None
    session.execute(delete(TaskRow).where(TaskRow.document_id == doc_id))
    session.execute(delete(SignatureRow).where(SignatureRow.document_id == doc_id))
    session.execute(delete(CorrectionRow).where(CorrectionRow.document_id == doc_id))
    session.delete(row)
    session.flush()
    return row


def rows(session: Session, ids: list[str]) -> list[DocumentRow]:
    """Stored documents by id (unknown ids are skipped)."""
    return list(session.scalars(select(DocumentRow).where(DocumentRow.id.in_(ids)))) if ids else []


def recent(session: Session, limit: int = 200) -> list[DocumentRow]:
    query = select(DocumentRow).order_by(DocumentRow.created_at.desc()).limit(limit)
    return list(session.scalars(query))
