"""Draft checks (tasks, vagueness, copy comparison, what is missing), comparisons and batches."""
from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from ...compare import Comparison, compare
from ...compare.report_html import render_html
from ...errors import RasoatError
from ...jobs.limits import check_size, expand_zip
from ...store import documents, security
from ..deps import DB, AppState, Reviewer, State
from ..errors import error_response, status_for, status_for_code
from ..uploads import read_upload, store_upload, wait_for
from .documents import get_document_row

router = APIRouter(tags=["checks"])


@router.post("/check-draft", summary="Check a draft: tasks, vagueness, copy comparison, gaps")
async def check_draft(state: State, actor: Reviewer, file: UploadFile = File(...),
                      upper_id: str | None = Form(None), upper: UploadFile | None = File(None),
                      wait: bool = True) -> JSONResponse:
    """200 with the check when it finishes within RASOAT_SYNC_SECONDS, else 202 with a job id.
    Without `upper_id` or `upper`, the stored document the draft's basis cites is used."""
    digest, name, size = await store_upload(state, file)
    payload: dict[str, Any] = {"sha256": digest, "filename": name}
    if upper_id:
        with state.store.session() as s:
            get_document_row(s, upper_id)
        payload["upper_id"] = upper_id
    elif upper is not None and upper.filename:
        payload["upper_sha256"], payload["upper_filename"], _ = await store_upload(state, upper)
    with state.store.session() as s:
        security.audit(s, actor.name, "check_draft", digest, filename=name, upper_id=upper_id)
    job = await run_in_threadpool(state.jobs.enqueue, "check_draft", payload, actor.name)
    small = size <= state.settings.sync_max_kb * 1024
    if wait and small:
        job = await wait_for(state, job.id, state.settings.sync_seconds)
        if job.status == "done":
            return JSONResponse(job.result | {"job_id": job.id})
        if job.status == "failed":
            err = job.error or {"code": "error", "message": "failed"}
            return error_response(status_for_code(err["code"]), err["code"], err["message"])
    return JSONResponse({"job_id": job.id, "status": job.status}, status_code=202,
                        headers={"Location": f"/v1/jobs/{job.id}"})


class CompareRequest(BaseModel):
    lower_id: str
    upper_id: str
    semantic: bool | None = None


@router.post("/compare", response_model=Comparison, summary="Copy check of two stored documents",
             responses={200: {"content": {"text/html": {}}}})
def compare_documents(state: State, db: DB, actor: Reviewer, body: CompareRequest,
                      format: Literal["json", "html"] = "json") -> Comparison | HTMLResponse:
    """JSON (rasoat/comparison@1), or with `format=html` the self-contained side-by-side page."""
    lower = documents.load(get_document_row(db, body.lower_id))
    upper = documents.load(get_document_row(db, body.upper_id))
    security.audit(db, actor.name, "compare", body.lower_id, upper_id=body.upper_id)
    db.commit()
    semantic = state.settings.semantic if body.semantic is None else body.semantic
    result = compare(lower, upper, semantic=semantic)
    return HTMLResponse(render_html(result)) if format == "html" else result


def _batch_items(state: AppState, name: str, data: bytes) -> list[dict[str, Any]]:
    """One upload as batch items: a ZIP expands to its members (checked), a file is itself."""
    s = state.settings
    if not name.lower().endswith(".zip"):
        return [{"name": name, "sha256": state.store.files.put(data)}]
    items = []
    for member, content in expand_zip(data, s.zip_max_files, int(s.zip_max_total_mb * 2**20), s.zip_max_ratio):
        try:
            if isinstance(content, RasoatError):
                raise content
            check_size(len(content), s.max_upload_bytes, member)
            items.append({"name": member, "sha256": state.store.files.put(content)})
        except RasoatError as error:
            items.append({"name": member, "error": {"code": error.code, "message": error.message}})
    return items


@router.post("/batches", status_code=202, summary="Analyse a ZIP or several files (one job)")
async def create_batch(state: State, actor: Reviewer, files: list[UploadFile] = File(...)) -> JSONResponse:
    """Each file gets its own status in the job's result; one failure never blocks the rest."""
    items: list[dict[str, Any]] = []
    for upload in files:
        name = upload.filename or "upload"
        try:
            data = await read_upload(upload, state.settings.max_upload_bytes)
        except RasoatError as error:
            if name.lower().endswith(".zip"):
                return error_response(status_for(error), error.code, error.message)
            items.append({"name": name, "error": {"code": error.code, "message": error.message}})
            continue
        items += await run_in_threadpool(_batch_items, state, name, data)
    with state.store.session() as s:
        security.audit(s, actor.name, "batch_upload", None, files=[i["name"] for i in items])
    job = await run_in_threadpool(state.jobs.enqueue, "batch", {"files": items}, actor.name)
    return JSONResponse({"job_id": job.id, "status": job.status, "files": len(items)}, status_code=202,
                        headers={"Location": f"/v1/jobs/{job.id}"})
