"""Registered webhooks and the log of every delivery attempt."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from .models import DeliveryRow, OutboxRow, WebhookRow, now


def create_webhook(session: Session, url: str, secret: str, events: list[str]) -> WebhookRow:
    row = WebhookRow(url=url, secret=secret, events=events)
    session.add(row)
    session.flush()
    return row


def get_webhook(session: Session, webhook_id: str) -> WebhookRow | None:
    return session.get(WebhookRow, webhook_id)


def list_webhooks(session: Session) -> list[WebhookRow]:
    return list(session.scalars(select(WebhookRow).order_by(WebhookRow.created_at)))


def subscribed(session: Session, event: str) -> list[WebhookRow]:
    """Active webhooks that want `event` (an empty list or "*" means every event)."""
    return [w for w in list_webhooks(session)
            if w.active and (not w.events or "*" in w.events or event in w.events)]


def delete_webhook(session: Session, webhook_id: str) -> bool:
    row = session.get(WebhookRow, webhook_id)
    if row is None:
        return False
    session.delete(row)
    return True


def log_delivery(session: Session, webhook_id: str, event: str, job_id: str | None, attempt: int,
                 status_code: int | None, error: str | None) -> None:
    session.add(DeliveryRow(webhook_id=webhook_id, event=event, job_id=job_id, attempt=attempt,
                            status_code=status_code, error=error))


def deliveries(session: Session, webhook_id: str) -> list[DeliveryRow]:
    query = select(DeliveryRow).where(DeliveryRow.webhook_id == webhook_id).order_by(DeliveryRow.id)
    return list(session.scalars(query))


def enqueue(session: Session, webhook_id: str, event: str, job_id: str | None, body: str) -> None:
    """A delivery to make as soon as possible."""
    session.add(OutboxRow(webhook_id=webhook_id, event=event, job_id=job_id, body=body))


def claim_due(session: Session, lease: float, limit: int = 20) -> list[OutboxRow]:
    """Pending deliveries that are due, each claimed for `lease` seconds (its next_at moved on, so
    another process or a later pass does not send it meanwhile)."""
    moment = now()
    rows = list(session.scalars(select(OutboxRow).where(OutboxRow.status == "pending", OutboxRow.next_at <= moment)
                                .order_by(OutboxRow.next_at).limit(limit)))
    claimed = []
    for row in rows:
        result = session.execute(update(OutboxRow).where(OutboxRow.id == row.id, OutboxRow.next_at == row.next_at,
                                                         OutboxRow.status == "pending")
                                 .values(next_at=moment + timedelta(seconds=lease)))
        if result.rowcount == 1:
            claimed.append(row)
    return claimed


def attempted(session: Session, row_id: int, delivered: bool, attempts: int, max_attempts: int,
              retry_in: float) -> str:
    """Record an attempt on an outbox row: delivered, failed for good, or pending again later."""
    status = "delivered" if delivered else "failed" if attempts >= max_attempts else "pending"
    session.execute(update(OutboxRow).where(OutboxRow.id == row_id).values(
        attempts=attempts, status=status, next_at=now() + timedelta(seconds=retry_in)))
    return status


def next_due(session: Session) -> datetime | None:
    """When the earliest pending delivery is due."""
    return session.scalar(select(func.min(OutboxRow.next_at)).where(OutboxRow.status == "pending"))


def pending(session: Session) -> list[OutboxRow]:
    return list(session.scalars(select(OutboxRow).where(OutboxRow.status == "pending").order_by(OutboxRow.id)))
