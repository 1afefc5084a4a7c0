"""API keys (stored as SHA-256 hashes, with a role) and the append-only audit log."""
from __future__ import annotations

import hashlib
import secrets
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import ApiKeyRow, AuditRow, now

ROLES = ("reader", "reviewer", "admin")


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(session: Session, name: str, role: str, key: str | None = None) -> tuple[ApiKeyRow, str]:
    """A new key; returns the row and the plaintext (shown once, never stored)."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    key = key or "rs_" + secrets.token_urlsafe(32)
    row = ApiKeyRow(name=name, role=role, key_hash=hash_key(key))
    session.add(row)
    session.flush()
    return row, key


def ensure_key(session: Session, name: str, role: str, key: str) -> None:
    """Insert a known key (the bootstrap admin key) unless it is already there."""
    if session.scalars(select(ApiKeyRow).where(ApiKeyRow.key_hash == hash_key(key))).first() is None:
        create_key(session, name, role, key)


def lookup(session: Session, key: str) -> ApiKeyRow | None:
    """The active key row for a plaintext key, or None."""
    row = session.scalars(select(ApiKeyRow).where(ApiKeyRow.key_hash == hash_key(key))).first()
    return row if row is not None and row.revoked_at is None else None


def list_keys(session: Session) -> list[ApiKeyRow]:
    return list(session.scalars(select(ApiKeyRow).order_by(ApiKeyRow.created_at)))


def revoke(session: Session, key_id: str) -> bool:
    row = session.get(ApiKeyRow, key_id)
    if row is None or row.revoked_at is not None:
        return False
    row.revoked_at = now()
    return True


def audit(session: Session, actor: str | None, action: str, target: str | None = None,
          **details: Any) -> None:
    """Append one entry to the audit log."""
    session.add(AuditRow(actor=actor, action=action, target=target, details=details))


def audit_entries(session: Session, limit: int = 100, offset: int = 0,
                  action: str | None = None) -> list[AuditRow]:
    query = select(AuditRow)
    if action:
        query = query.where(AuditRow.action == action)
    return list(session.scalars(query.order_by(AuditRow.id.desc()).limit(limit).offset(offset)))
