"""Corrections (hiệu chỉnh): a reviewer accepts, edits or rejects a task, its owner, deadline, targets
or output, or the document's metadata; the API lists them with who and when and exports the
corrected document as gold (ANNOTATION.md format), one document or all as JSON lines."""
from __future__ import annotations

import json
from typing import Any, Literal

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from ...amendments import CorrectionError
from ...messages import say
from ...store import corrections, security
from ...store.documents import load
from ..deps import DB, Reader, Reviewer
from ..errors import ApiError
from ..exports import file_stem
from .documents import Id, get_document_row

router = APIRouter(tags=["corrections"])
Value = str | list[str] | None


class CorrectionIn(BaseModel):
    """One correction: `task_id` None for the document's metadata."""

    task_id: str | None = Field(None, max_length=64)
    field: Literal["task", "text", "owner", "support", "deadline", "targets", "output",
                   "kind", "number", "issuer", "issued_on", "title"]
    action: Literal["accept", "edit", "reject"]
    value: Value = Field(None, description="the new value for edit: text, or names (list or joined by ';')")


@router.post("/documents/{doc_id}/corrections", status_code=201, summary="Correct a task or the metadata")
def add_correction(db: DB, actor: Reviewer, doc_id: Id, body: CorrectionIn) -> dict[str, Any]:
    """Applies the correction to the stored analysis (search, exports and the report show it) and
    returns it with the corrected task."""
    row = get_document_row(db, doc_id)
    if isinstance(body.value, str) and len(body.value) > 4000:
        raise ApiError(422, "invalid_correction", say("correction_invalid", detail="giá trị quá dài"))
    try:
        made = corrections.record(db, row, body.task_id, body.field, body.action, body.value, actor.name)
    except CorrectionError as error:
        raise ApiError(422, "invalid_correction", say("correction_invalid", detail=str(error))) from None
    security.audit(db, actor.name, "correct", doc_id, task_id=body.task_id, field=body.field, change=body.action)
    db.commit()
    task = next((t for t in load(row).tasks if t.id == body.task_id), None)
    return corrections.view(made) | {"task": task.model_dump(mode="json") if task else None}


@router.get("/documents/{doc_id}/corrections", summary="A document's corrections, oldest first")
def list_corrections(db: DB, _: Reader, doc_id: Id) -> list[dict[str, Any]]:
    get_document_row(db, doc_id)
    return [corrections.view(c) for c in corrections.for_document(db, doc_id)]


@router.get("/documents/{doc_id}/gold", summary="The corrected document as gold (ANNOTATION.md format)")
def document_gold(db: DB, _: Reader, doc_id: Id) -> Response:
    row = get_document_row(db, doc_id)
    body = json.dumps(corrections.gold(db, row), ensure_ascii=False, indent=1)
    name = file_stem("gold", row.number, doc_id)
    return Response(body, media_type="application/json",
                    headers={"Content-Disposition": f'attachment; filename="{name}.json"'})


@router.get("/gold", summary="Every corrected document as gold, one JSON per line (training data)")
def all_gold(db: DB, _: Reader) -> Response:
    lines = [json.dumps(corrections.gold(db, row), ensure_ascii=False) for row in corrections.corrected_documents(db)]
    return Response("".join(line + "\n" for line in lines), media_type="application/x-ndjson",
                    headers={"Content-Disposition": 'attachment; filename="gold.jsonl"'})
