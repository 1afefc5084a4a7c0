"""SQLAlchemy 2 tables: documents, tasks, document_signatures, jobs, api_keys, audit_log, webhooks,
webhook_deliveries, webhook_outbox, corrections.

The schema is created by the Alembic migrations in `service/store/migrations/`; these classes must match them.
"""
from __future__ import annotations

import uuid
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import (JSON, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String, Text,
                        event)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def now() -> datetime:
    return datetime.now(timezone.utc)


def new_id() -> str:
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, datetime: DateTime(timezone=True)}


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    filename: Mapped[str] = mapped_column(String(512))
    format: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(32), index=True)
    number: Mapped[str | None] = mapped_column(String(128), index=True)
    number_key: Mapped[str | None] = mapped_column(String(128), index=True)
    issuer: Mapped[str | None] = mapped_column(String(512))
    issuer_folded: Mapped[str | None] = mapped_column(String(512))
    title: Mapped[str | None] = mapped_column(Text)
    issued_on: Mapped[date | None] = mapped_column(Date)
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    folded: Mapped[str] = mapped_column(Text, default="")          # lower-case, no diacritics
    analysis: Mapped[str] = mapped_column(Text)                    # doc.to_json()
    task_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=now)


class TaskRow(Base):
    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer)
    section: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    folded: Mapped[str] = mapped_column(Text)
    lead: Mapped[str] = mapped_column(Text, default="")            # names joined by "; "
    lead_folded: Mapped[str] = mapped_column(Text, default="")
    support: Mapped[str] = mapped_column(Text, default="")
    deadline_text: Mapped[str | None] = mapped_column(Text)
    deadline_end: Mapped[date | None] = mapped_column(Date, index=True)
    vague_score: Mapped[float | None] = mapped_column(Float)


class SignatureRow(Base):
    """What the source ranking (service.archive) reads of a document: see service/store/sources.py."""

    __tablename__ = "document_signatures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), unique=True)
    number_key: Mapped[str | None] = mapped_column(String(128), index=True)   # archive's number key
    tasks: Mapped[str] = mapped_column(Text)                       # JSON list of normalised task texts
    signature: Mapped[bytes] = mapped_column(LargeBinary)          # MinHash hash values (uint64)
    vectors: Mapped[bytes | None] = mapped_column(LargeBinary)     # passage embeddings (float16)
    encoder: Mapped[str | None] = mapped_column(String(200))       # the encoder that made them


class JobRow(Base):
    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    error: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    document_id: Mapped[str | None] = mapped_column(String(32))   # result ref for analyse jobs
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=now)
    started_at: Mapped[datetime | None] = mapped_column()
    finished_at: Mapped[datetime | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(default=now, onupdate=now)


class ApiKeyRow(Base):
    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(128))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=now)
    revoked_at: Mapped[datetime | None] = mapped_column()


class AuditRow(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=now, index=True)
    actor: Mapped[str | None] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64), index=True)
    target: Mapped[str | None] = mapped_column(String(128))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class WebhookRow(Base):
    __tablename__ = "webhooks"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    url: Mapped[str] = mapped_column(String(2048))
    secret: Mapped[str] = mapped_column(String(256))
    events: Mapped[list[Any]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=now)


class DeliveryRow(Base):
    __tablename__ = "webhook_deliveries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    webhook_id: Mapped[str] = mapped_column(ForeignKey("webhooks.id", ondelete="CASCADE"), index=True)
    event: Mapped[str] = mapped_column(String(64))
    job_id: Mapped[str | None] = mapped_column(String(32))
    attempt: Mapped[int] = mapped_column(Integer)
    status_code: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=now)


class OutboxRow(Base):
    """A webhook delivery still to make (or made): retries are persisted, so a restart resumes them."""

    __tablename__ = "webhook_outbox"
    __table_args__ = (Index("ix_webhook_outbox_status_next_at", "status", "next_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    webhook_id: Mapped[str] = mapped_column(ForeignKey("webhooks.id", ondelete="CASCADE"))
    event: Mapped[str] = mapped_column(String(64))
    job_id: Mapped[str | None] = mapped_column(String(32))
    body: Mapped[str] = mapped_column(Text)                         # the signed JSON, sent as is
    attempts: Mapped[int] = mapped_column(Integer, default=0)       # attempts made so far
    status: Mapped[str] = mapped_column(String(16), default="pending")   # pending, delivered, failed
    next_at: Mapped[datetime] = mapped_column(default=now)
    created_at: Mapped[datetime] = mapped_column(default=now)


class CorrectionRow(Base):
    """A reviewer's correction (hiệu chỉnh) of a task or of the document's metadata: accept, edit or
    reject one field, with who and when; the stored analysis is updated to match."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[str | None] = mapped_column(String(64))          # None: the document's metadata
    field: Mapped[str] = mapped_column(String(32))                    # owner, deadline, text, task, kind…
    action: Mapped[str] = mapped_column(String(16))                   # accept, edit, reject
    value: Mapped[Any] = mapped_column(JSON, nullable=True)           # the new value (edit)
    previous: Mapped[Any] = mapped_column(JSON, nullable=True)        # the value before
    actor: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(default=now)


class AppendOnlyError(RuntimeError):
    """The audit log is append-only."""


@event.listens_for(AuditRow, "before_update")
@event.listens_for(AuditRow, "before_delete")
def _refuse_change(*_: object) -> None:
    raise AppendOnlyError("audit_log is append-only")
