"""Diacritic-insensitive search over stored documents and tasks, with filters."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from .documents import fold
from .models import DocumentRow, TaskRow


@dataclass
class Filters:
    q: str = ""
    kind: str | None = None
    issuer: str | None = None
    year: int | None = None
    owner: str | None = None
    deadline_from: date | None = None
    deadline_to: date | None = None
    limit: int = 50
    offset: int = 0


def _words(q: str) -> list[str]:
    return [w for w in fold(q).split() if w]


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _doc_filters(query: Select, f: Filters) -> Select:
    if f.kind:
        query = query.where(DocumentRow.kind == f.kind)
    if f.issuer:
        query = query.where(DocumentRow.issuer_folded.like(_like(fold(f.issuer)), escape="\\"))
    if f.year:
        query = query.where(DocumentRow.year == f.year)
    return query


def search_documents(session: Session, f: Filters) -> list[DocumentRow]:
    """Documents whose number, title, issuer or text contain every word of `q`."""
    query = _doc_filters(select(DocumentRow), f)
    for word in _words(f.q):
        query = query.where(DocumentRow.folded.like(_like(word), escape="\\"))
    if f.owner or f.deadline_from or f.deadline_to:
        query = query.where(DocumentRow.id.in_(_task_query(f, select(TaskRow.document_id), words=False)))
    query = query.order_by(DocumentRow.created_at.desc()).limit(f.limit).offset(f.offset)
    return list(session.scalars(query))


def _task_query(f: Filters, query: Select, words: bool = True) -> Select:
    if words:
        for word in _words(f.q):
            query = query.where(TaskRow.folded.like(_like(word), escape="\\"))
    if f.owner:
        query = query.where(TaskRow.lead_folded.like(_like(fold(f.owner)), escape="\\"))
    if f.deadline_from:
        query = query.where(TaskRow.deadline_end >= f.deadline_from)
    if f.deadline_to:
        query = query.where(TaskRow.deadline_end <= f.deadline_to)
    return query


def search_tasks(session: Session, f: Filters) -> list[tuple[TaskRow, DocumentRow]]:
    """Tasks whose text contains every word of `q`, in documents matching the filters."""
    query = select(TaskRow, DocumentRow).join(DocumentRow, TaskRow.document_id == DocumentRow.id)
    query = _task_query(f, _doc_filters(query, f))
    query = query.order_by(DocumentRow.created_at.desc(), TaskRow.position).limit(f.limit).offset(f.offset)
    return [(t, d) for t, d in session.execute(query)]
