"""Admin: API keys, webhooks and their deliveries, the audit log."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Response
from pydantic import BaseModel, Field, HttpUrl

from ...jobs.webhook_targets import UnsafeWebhookError, check
from ...store import security, webhooks
from ...messages import say
from ..deps import DB, Admin, Reader, State
from ..errors import ApiError

router = APIRouter(tags=["admin"])
Id = Annotated[str, Path(min_length=1, max_length=64)]
Role = Literal["reader", "reviewer", "admin"]
EVENTS = ("job.done", "job.failed", "*")


class KeyRequest(BaseModel):
    name: str = Field(min_length=1, max_length=128)
    role: Role


class WebhookRequest(BaseModel):
    url: HttpUrl
    secret: str = Field(min_length=8, max_length=256)
    events: list[Literal["job.done", "job.failed", "*"]] = ["job.done", "job.failed"]


def _stamp(value: Any) -> str | None:
    return value.isoformat() if value else None


@router.get("/me", summary="The caller's key name and role")
def me(actor: Reader) -> dict[str, str]:
    return {"name": actor.name, "role": actor.role}


@router.post("/keys", status_code=201, summary="Create an API key (the key is shown once)")
def create_key(db: DB, actor: Admin, body: KeyRequest) -> dict[str, Any]:
    row, key = security.create_key(db, body.name, body.role)
    security.audit(db, actor.name, "key_create", row.id, name=body.name, role=body.role)
    db.commit()
    return {"id": row.id, "name": row.name, "role": row.role, "key": key}


@router.get("/keys", summary="API keys (without the keys)")
def list_keys(db: DB, _: Admin) -> list[dict[str, Any]]:
    return [{"id": r.id, "name": r.name, "role": r.role, "created_at": _stamp(r.created_at),
             "revoked_at": _stamp(r.revoked_at)} for r in security.list_keys(db)]


@router.delete("/keys/{key_id}", status_code=204, summary="Revoke an API key")
def revoke_key(db: DB, actor: Admin, key_id: Id) -> Response:
    if not security.revoke(db, key_id):
        raise ApiError(404, "not_found", say("key_not_found", id=key_id))
    security.audit(db, actor.name, "key_revoke", key_id)
    db.commit()
    return Response(status_code=204)


@router.post("/webhooks", status_code=201, summary="Register a webhook (job.done, job.failed)")
def create_webhook(state: State, db: DB, actor: Admin, body: WebhookRequest) -> dict[str, Any]:
    """The URL must be http(s) and resolve to public addresses, or be allowed by RASOAT_WEBHOOK_ALLOW."""
    try:
        check(str(body.url), state.settings.webhook_allow)
    except UnsafeWebhookError as error:
        raise ApiError(422, error.code, error.message) from None
    row = webhooks.create_webhook(db, str(body.url), body.secret, list(body.events))
    security.audit(db, actor.name, "webhook_create", row.id, url=row.url)
    db.commit()
    return {"id": row.id, "url": row.url, "events": row.events}


@router.get("/webhooks", summary="Registered webhooks (without secrets)")
def list_webhooks(db: DB, _: Admin) -> list[dict[str, Any]]:
    return [{"id": w.id, "url": w.url, "events": w.events, "active": w.active,
             "created_at": _stamp(w.created_at)} for w in webhooks.list_webhooks(db)]


@router.delete("/webhooks/{webhook_id}", status_code=204, summary="Remove a webhook")
def delete_webhook(db: DB, actor: Admin, webhook_id: Id) -> Response:
    if not webhooks.delete_webhook(db, webhook_id):
        raise ApiError(404, "not_found", say("webhook_not_found", id=webhook_id))
    security.audit(db, actor.name, "webhook_delete", webhook_id)
    db.commit()
    return Response(status_code=204)


@router.get("/webhooks/{webhook_id}/deliveries", summary="Every delivery attempt of a webhook")
def list_deliveries(db: DB, _: Admin, webhook_id: Id) -> list[dict[str, Any]]:
    return [{"id": d.id, "event": d.event, "job_id": d.job_id, "attempt": d.attempt,
             "status_code": d.status_code, "error": d.error, "created_at": _stamp(d.created_at)}
            for d in webhooks.deliveries(db, webhook_id)]


@router.get("/audit", summary="The audit log, newest first")
def audit_log(db: DB, _: Admin, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
              offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
              action: Annotated[str | None, Query(max_length=64)] = None) -> list[dict[str, Any]]:
    return [{"id": e.id, "at": _stamp(e.at), "actor": e.actor, "action": e.action,
             "target": e.target, "details": e.details}
            for e in security.audit_entries(db, limit, offset, action)]
