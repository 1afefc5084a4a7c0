"""Draft checks (tasks, vagueness, copy comparison, what is missing), comparisons and batches."""
from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from ...compare import Comparison, compare
from ...compare.report_html import render_html
from ...document import Extractor
from ...errors import EmptyFileError, RasoatError
from ...jobs.limits import ZipBombError, ZipBudget, member_chunks, open_zip, zip_members
from ...store import documents, security
from ..deps import DB, AppState, Reviewer, State
from ..errors import error_response, status_for_code
from ..uploads import file_field, form_body, read_form, store_upload, text_field, wait_for
from .documents import get_document_row
from ...messages import say

router = APIRouter(tags=["checks"])


@router.post("/check-draft", summary="Check a draft: tasks, vagueness, copy comparison, gaps",
             openapi_extra=form_body({"file": True, "upper": False}, {"upper_id": "a stored document's id"}))
async def check_draft(request: Request, state: State, actor: Reviewer, wait: bool = True) -> JSONResponse:
    """200 with the check when it finishes within RASOAT_SYNC_SECONDS, else 202 with a job id.
    Multipart fields: `file` (the draft), and `upper_id` or `upper` (a file); without them, the
    stored document the draft's basis cites is used."""
    form = await read_form(request, 2)
    file, upper = file_field(form, "file"), file_field(form, "upper", required=False)
    upper_id = text_field(form, "upper_id")
    digest, name, size = await store_upload(state, file)
    payload: dict[str, Any] = {"sha256": digest, "filename": name}
    if upper_id:
        with state.store.session() as s:
            get_document_row(s, upper_id)
        payload["upper_id"] = upper_id
    elif upper is not None:
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
    lower_id: str = Field(min_length=1, max_length=64)
    upper_id: str = Field(min_length=1, max_length=64)
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
    result = compare(lower, upper, semantic=semantic, upper_vectors=_stored(db, body.upper_id, upper, semantic))
    return HTMLResponse(render_html(result)) if format == "html" else result


def _stored(db, upper_id: str, upper, semantic: bool):
    """The upper's stored passage embeddings, when they were made by the encoder in use."""
    if not semantic:
        return None
    from ...compare.embed import default_encoder
    from ...store.sources import stored_vectors

    return stored_vectors(db, upper_id, upper, default_encoder()[0])


def _zip_items(state: AppState, upload: UploadFile) -> list[dict[str, Any]]:
    """The members of an uploaded ZIP as batch items, streamed one at a time into the file store
    (budgets enforced while they stream); a member that fails gets its error, a bomb or an
    unsafe name refuses the whole archive."""
    s = state.settings
    budget = ZipBudget(s.zip_max_files, int(s.zip_max_total_mb * 2**20), s.zip_max_ratio, s.max_upload_bytes)
    items = []
    upload.file.seek(0)
    with open_zip(upload.file) as archive:
        for member, info in zip_members(archive, budget):
            try:
                digest, size = state.store.files.put_stream(member_chunks(archive, info, budget))
                if size == 0:
                    raise EmptyFileError(say("file_empty", name=member))
                items.append({"name": member, "sha256": digest})
            except ZipBombError:
                raise
            except RasoatError as error:
                items.append({"name": member, "error": {"code": error.code, "message": error.message}})
    return items


async def _batch_items(state: AppState, upload: UploadFile) -> list[dict[str, Any]]:
    """One upload as batch items: a ZIP expands to its members, a file is itself."""
    name = upload.filename or "upload"
    if name.lower().endswith(".zip"):
        return await run_in_threadpool(_zip_items, state, upload)
    try:
        digest, name, _ = await store_upload(state, upload)
    except RasoatError as error:
        return [{"name": name, "error": {"code": error.code, "message": error.message}}]
    return [{"name": name, "sha256": digest}]


@router.post("/batches", status_code=202, summary="Analyse a ZIP or several files (one job)",
             openapi_extra=form_body({}, many="files"))
async def create_batch(request: Request, state: State, actor: Reviewer,
                       extractor: Extractor | None = Query(None, description="rules | model | hybrid")) -> JSONResponse:
    """Multipart field `files`, repeated: documents, or ZIP archives of documents. Each file gets
    its own status in the job's result; one failure never blocks the rest."""
    form = await read_form(request, 1000)
    uploads = [u for u in form.getlist("files") if isinstance(u, UploadFile)]
    if not uploads:
        return error_response(422, "invalid_request", "files: cần gửi ít nhất một tệp (trường multipart “files”).")
    items: list[dict[str, Any]] = []
    for upload in uploads:
        items += await _batch_items(state, upload)
    with state.store.session() as s:
        security.audit(s, actor.name, "batch_upload", None, files=[i["name"] for i in items])
    payload = {"files": items} | ({"extractor": extractor} if extractor else {})
    job = await run_in_threadpool(state.jobs.enqueue, "batch", payload, actor.name)
    return JSONResponse({"job_id": job.id, "status": job.status, "files": len(items)}, status_code=202,
                        headers={"Location": f"/v1/jobs/{job.id}"})
