"""Registered webhooks and the log of every delivery attempt."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import DeliveryRow, WebhookRow


def create_webhook(session: Session, url: str, secret: str, events: list[str]) -> WebhookRow:
    row = WebhookRow(url=url, secret=secret, events=events)
    session.add(row)
    session.flush()
    return row


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
