"""Documents: upload (→ job), list, read the analysis, tasks, targets, upper sources, delete."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.concurrency import run_in_threadpool

from ...archive import find_sources
from ...compare import Comparison
from ...compare.report_html import render_html
from ...document import Document, Extractor, Target, Task
from ...jobs import job_view
from ...messages import say
from ...store import documents, jobs, security
from ...store.models import DocumentRow
from ...store.sources import corpus
from ..deps import DB, Admin, AppState, Reader, Reviewer, State
from ..errors import ApiError
from ..uploads import file_field, form_body, read_form, store_upload
from ..views import document_view

router = APIRouter(prefix="/documents", tags=["documents"])
MAX_OFFSET = 100_000
Id = Annotated[str, Path(min_length=1, max_length=64)]


def get_document_row(db: DB, doc_id: str) -> DocumentRow:
    row = documents.get_row(db, doc_id)
    if row is None:
        raise ApiError(404, "not_found", say("document_not_found", id=doc_id))
    return row


def _submit(state: AppState, digest: str, name: str, actor: str,
            extractor: str | None = None) -> tuple[int, dict[str, Any]]:
    """A done job for a known file, the in-flight job for it, or a new job."""
    with state.store.session() as s:
        security.audit(s, actor, "upload", digest, filename=name)
        row = documents.by_sha(s, digest)
        if row is not None:
            job = jobs.create_job(s, "analyze", {"sha256": digest, "filename": name}, actor, "done")
            jobs.finish(s, job.id, {"document_id": row.id, "duplicate": True}, document_id=row.id)
            return 200, {"job_id": job.id, "status": "done", "document_id": row.id, "duplicate": True}
        active = jobs.find_active(s, "analyze", digest)
        if active is not None:
            return 202, {"job_id": active.id, "status": active.status, "document_id": None, "duplicate": True}
    payload = {"sha256": digest, "filename": name} | ({"extractor": extractor} if extractor else {})
    job = state.jobs.enqueue("analyze", payload, actor)
    return 202, {"job_id": job.id, "status": job.status, "document_id": None, "duplicate": False}


@router.post("", status_code=202, summary="Upload a document for analysis (returns a job)",
             openapi_extra=form_body({"file": True}))
async def upload_document(request: Request, state: State, actor: Reviewer,
                          extractor: Extractor | None = Query(None, description="rules | model | hybrid "
                                                              "(default: the catalogue's)")) -> JSONResponse:
    """Multipart field `file`: PDF, DOCX, TXT, HTML or a scan (PNG, JPEG, TIFF). A file already
    stored is not analysed again, whatever the extractor."""
    digest, name, _ = await store_upload(state, file_field(await read_form(request, 1), "file"))
    status, body = await run_in_threadpool(_submit, state, digest, name, actor.name, extractor)
    return JSONResponse(body, status_code=status, headers={"Location": f"/v1/jobs/{body['job_id']}"})


@router.get("", summary="Stored documents, newest first")
def list_documents(db: DB, _: Reader, limit: int = Query(50, ge=1, le=500),
                   offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> list[dict[str, Any]]:
    rows = documents.recent(db, limit=limit + offset)[offset:]
    return [document_view(r) for r in rows]


@router.get("/{doc_id}", summary="The analysis JSON (schema rasoat/analysis@1)",
            responses={200: {"model": Document}})
def get_document(db: DB, _: Reader, doc_id: Id) -> Response:
    return Response(get_document_row(db, doc_id).analysis, media_type="application/json")


@router.get("/{doc_id}/tasks", response_model=list[Task])
def get_tasks(db: DB, _: Reader, doc_id: Id) -> list[Task]:
    return documents.load(get_document_row(db, doc_id)).tasks


@router.get("/{doc_id}/targets", response_model=list[Target])
def get_targets(db: DB, _: Reader, doc_id: Id) -> list[Target]:
    return documents.load(get_document_row(db, doc_id)).targets


@router.get("/{doc_id}/sources", summary="Stored documents ranked as this one's upper source")
def get_sources(db: DB, _: Reader, doc_id: Id,
                top: int = Query(10, ge=1, le=50)) -> list[dict[str, Any]]:
    """service.archive.find_sources over the stored documents: each document's fields plus
    score, cited, content_score, jaccard and reason, best first."""
    doc = documents.load(get_document_row(db, doc_id))
    found = find_sources(doc, corpus(db, own_id=doc_id), top=top)
    rows = {row.id: row for row in documents.rows(db, [c.id for c in found])}
    return [document_view(rows[c.id]) | c.model_dump(mode="json", exclude={"id", "path"})
            for c in found if c.id in rows]


@router.delete("/{doc_id}", status_code=204, summary="Delete a document, its tasks and its file")
def delete_document(state: State, db: DB, actor: Admin, doc_id: Id) -> Response:
    row = documents.delete_document(db, doc_id)
    if row is None:
        raise ApiError(404, "not_found", say("document_not_found", id=doc_id))
    security.audit(db, actor.name, "delete", doc_id, filename=row.filename, sha256=row.sha256)
    db.commit()
    state.store.files.delete(row.sha256)
    return Response(status_code=204)


jobs_router = APIRouter(prefix="/jobs", tags=["jobs"])


@jobs_router.get("/{job_id}", summary="A job's status, progress, error and result")
def get_job(db: DB, _: Reader, job_id: Id) -> dict[str, Any]:
    job = jobs.get_job(db, job_id)
    if job is None:
        raise ApiError(404, "not_found", say("job_not_found", id=job_id))
    return job_view(job)


@jobs_router.get("/{job_id}/comparison", response_class=HTMLResponse,
                 summary="A finished draft check's comparison as the side-by-side HTML page")
def get_job_comparison(db: DB, _: Reader, job_id: Id) -> HTMLResponse:
    job = jobs.get_job(db, job_id)
    comparison = (job.result or {}).get("comparison") if job is not None else None
    if not comparison:
        raise ApiError(404, "not_found", say("comparison_not_found", id=job_id))
    return HTMLResponse(render_html(Comparison.model_validate(comparison)))
