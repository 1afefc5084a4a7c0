"""The deadline calendar: stored tasks with a last day, by month, and the overdue ones per owner."""
from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Query
from sqlalchemy import select

from ...store.models import DocumentRow, TaskRow
from ..deps import DB, Reader
from ..views import task_view

router = APIRouter(tags=["search"])


@router.get("/calendar", summary="Tasks by deadline month, and overdue tasks per owner")
def calendar(db: DB, _: Reader, as_of: date | None = None, date_from: date | None = Query(None, alias="from"),
             date_to: date | None = Query(None, alias="to"),
             limit: int = Query(2000, ge=1, le=10000)) -> dict[str, Any]:
    """`months`: "yyyy-mm" → tasks due that month, earliest first; `overdue`: owner → tasks whose last
    day is before `as_of` (default today)."""
    today = as_of or date.today()
    query = select(TaskRow, DocumentRow).join(DocumentRow, DocumentRow.id == TaskRow.document_id) \
        .where(TaskRow.deadline_end.is_not(None)).order_by(TaskRow.deadline_end).limit(limit)
    if date_from:
        query = query.where(TaskRow.deadline_end >= date_from)
    if date_to:
        query = query.where(TaskRow.deadline_end <= date_to)
    months: dict[str, list[dict[str, Any]]] = {}
    overdue: dict[str, list[dict[str, Any]]] = {}
    for task, doc in db.execute(query):
        view = task_view(task, doc) | {"overdue": task.deadline_end < today}
        months.setdefault(task.deadline_end.strftime("%Y-%m"), []).append(view)
        if view["overdue"]:
            for owner in (task.lead or "(chưa rõ chủ trì)").split("; "):
                overdue.setdefault(owner, []).append(view)
    return {"as_of": today.isoformat(), "months": months,
            "overdue": dict(sorted(overdue.items(), key=lambda kv: -len(kv[1])))}
