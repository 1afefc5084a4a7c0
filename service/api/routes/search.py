"""Search over stored documents and tasks, task exports (CSV, XLSX, JSON) and the DOCX report."""
from __future__ import annotations

import os
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Response

from ...archive import find_sources, likely_upper
from ...compare import compare
from ...store import documents, security
from ...store.corrections import corrected_tasks
from ...store.models import TaskRow
from ...store.search import Filters, search_documents, search_tasks
from ...store.sources import corpus
from ..deps import DB, Reader, State
from ..deps import Reviewer as ReviewerKey
from ..errors import ApiError
from ..exports import MEDIA, WRITERS, file_stem
from ..docx_to_pdf import docx_to_pdf
from ..report import Reviewer, review_docx
from ..views import document_view, export_rows, task_view
from .documents import Id, get_document_row

router = APIRouter(tags=["search"])
Format = Literal["csv", "xlsx", "json"]


MAX_WORDS = 20
Text = Annotated[str | None, Query(max_length=200)]


def filters(q: Annotated[str, Query(max_length=500)] = "", kind: Annotated[str | None, Query(max_length=64)] = None,
            issuer: Text = None, year: Annotated[int | None, Query(ge=1000, le=9999)] = None,
            owner: Text = None, deadline_from: date | None = None, deadline_to: date | None = None,
            limit: Annotated[int, Query(ge=1, le=1000)] = 50,
            offset: Annotated[int, Query(ge=0, le=100_000)] = 0) -> Filters:
    """Query parameters of a search; every word of `q` (at most 20) must match, diacritics ignored."""
    if len(q.split()) > MAX_WORDS:
        raise ApiError(422, "invalid_request", f"q: tối đa {MAX_WORDS} từ trong một lần tìm kiếm.")
    return Filters(q, kind, issuer, year, owner, deadline_from, deadline_to, limit, offset)


Search = Annotated[Filters, Depends(filters)]


@router.get("/search", summary="Documents and tasks matching q (diacritic-insensitive) and filters")
def search(db: DB, _: Reader, f: Search) -> dict[str, Any]:
    return {"documents": [document_view(r) for r in search_documents(db, f)],
            "tasks": [task_view(t, d) for t, d in search_tasks(db, f)]}


def _download(data: bytes, fmt: str, stem: str) -> Response:
    return Response(data, media_type=MEDIA.get(fmt, "application/octet-stream"),
                    headers={"Content-Disposition": f'attachment; filename="{stem}.{fmt}"'})


@router.get("/search/export", summary="The tasks of a search as CSV, XLSX or JSON")
def export_search(db: DB, actor: ReviewerKey, f: Search, format: Format = "csv") -> Response:
    f.limit = 100000 if f.limit == 50 else f.limit
    rows = export_rows(list(search_tasks(db, f)))
    security.audit(db, actor.name, "export", None, scope="search", q=f.q, format=format, rows=len(rows))
    db.commit()
    return _download(WRITERS[format](rows), format, "nhiem-vu")


@router.get("/documents/{doc_id}/export", summary="A document's tasks as CSV, XLSX or JSON")
def export_document(db: DB, actor: ReviewerKey, doc_id: Id, format: Format = "csv") -> Response:
    doc = get_document_row(db, doc_id)
    tasks = db.query(TaskRow).filter(TaskRow.document_id == doc_id).order_by(TaskRow.position)
    rows = export_rows([(t, doc) for t in tasks], corrected_tasks(db, [doc_id]))
    security.audit(db, actor.name, "export", doc_id, scope="document", format=format, rows=len(rows))
    db.commit()
    return _download(WRITERS[format](rows), format, file_stem("nhiem-vu", doc.number, doc_id))


@router.get("/documents/{doc_id}/report", summary="The review report (phiếu thẩm định) as DOCX")
def export_report(state: State, db: DB, actor: ReviewerKey, doc_id: Id,
                  upper_id: Annotated[str | None, Query(max_length=64)] = None,
                  agency: Annotated[str | None, Query(max_length=200)] = None,
                  place: Annotated[str | None, Query(max_length=100)] = None,
                  reviewer: Annotated[str | None, Query(max_length=100)] = None,
                  opinion: Annotated[str | None, Query(max_length=4000)] = None,
                  format: Literal["docx", "pdf"] = "docx") -> Response:
    """Copied items are listed against `upper_id`, or against the stored document find_sources
    ranks first when the basis cites it or its content score is high enough (likely_upper).
    `agency` and `place` default to RASOAT_AGENCY and RASOAT_PLACE; `reviewer` signs. `format=pdf`
    converts it with LibreOffice where installed (else 422 pdf_unavailable)."""
    doc = documents.load(get_document_row(db, doc_id))
    if upper_id:
        upper_row = get_document_row(db, upper_id)
    else:
        best = likely_upper(find_sources(doc, corpus(db, own_id=doc_id)))
        upper_row = get_document_row(db, best.id) if best else None
    comparison = None
    if upper_row is not None:
        comparison = compare(doc, documents.load(upper_row), semantic=state.settings.semantic)
    security.audit(db, actor.name, "export", doc_id, scope="report", format="docx",
                   upper_id=upper_row.id if upper_row else None)
    db.commit()
    who = Reviewer(agency=agency or os.environ.get("RASOAT_AGENCY") or Reviewer.agency,
                   place=place or os.environ.get("RASOAT_PLACE", ""), name=reviewer or "", opinion=opinion or "")
    stem = file_stem("phieu-tham-dinh", doc.metadata.number, doc_id)
    data = review_docx(doc, comparison, who)
    return _download(docx_to_pdf(data) if format == "pdf" else data, format, stem)


