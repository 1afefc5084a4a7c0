"""What each kind of job does: analyse one upload, a batch of files, or a draft check."""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import IntegrityError

from ..config import Settings
from ..archive import find_sources, likely_upper
from ..document import Document
from ..errors import RasoatError, message
from ..pipeline import analyze_bytes
from ..store import Store, documents, jobs
from ..store.models import JobRow
from ..store.sources import corpus, store_vectors, stored_vectors
from .draft import check_draft

log = logging.getLogger("rasoat.jobs")


@dataclass
class JobContext:
    store: Store
    settings: Settings
    notify: Callable[[str], None] = field(default=lambda job_id: None)
    heartbeat: Callable[[], None] = field(default=lambda: None)   # "still working" (a batch, per file)


Outcome = tuple[dict[str, Any] | None, str | None]          # (result, document id)


def error_dict(error: RasoatError) -> dict[str, str]:
    return {"code": error.code, "message": error.message}


def ingest_one(ctx: JobContext, digest: str, filename: str, extractor: str | None = None) -> tuple[str, bool]:
    """Analyse and store a file unless a document with the same hash exists: (id, duplicate)."""
    with ctx.store.session() as s:
        row = documents.by_sha(s, digest)
        if row is not None:
            return row.id, True
    doc = analyze_bytes(ctx.store.files.get(digest), filename, extractor)
    encoder = _encoder(ctx)
    try:
        with ctx.store.session() as s:
            doc_id = documents.save_document(s, doc, digest, filename).id
            if encoder is not None:                 # stored with it: a draft check embeds only the draft
                store_vectors(s, doc_id, doc, encoder)
            return doc_id, False
    except IntegrityError:                  # the same file finished in another worker meanwhile
        with ctx.store.session() as s:
            return documents.by_sha(s, digest).id, True


def _encoder(ctx: JobContext):
    """The sentence encoder when comparisons use it (settings.semantic), else None."""
    if not ctx.settings.semantic:
        return None
    from ..compare.embed import default_encoder

    return default_encoder()[0]


def analyze_job(ctx: JobContext, job: JobRow) -> Outcome:
    doc_id, duplicate = ingest_one(ctx, job.payload["sha256"], job.payload["filename"], job.payload.get("extractor"))
    return {"document_id": doc_id, "duplicate": duplicate}, doc_id


def _batch_file(ctx: JobContext, item: dict[str, Any], extractor: str | None = None) -> dict[str, Any]:
    out = {"name": item["name"]}
    if item.get("error"):
        return out | {"status": "failed", "error": item["error"]}
    try:
        doc_id, duplicate = ingest_one(ctx, item["sha256"], item["name"], extractor)
    except RasoatError as error:
        return out | {"status": "failed", "error": error_dict(error)}
    except Exception:  # one bad file never blocks the rest; the trace goes to the log only
        log.exception("batch file %s failed", item["name"])
        return out | {"status": "failed", "error": {"code": "internal_error", "message": message("internal_error")}}
    return out | {"status": "duplicate" if duplicate else "done", "document_id": doc_id}


def batch_job(ctx: JobContext, job: JobRow) -> Outcome:
    """Every file in turn; each gets its own status and error."""
    items = job.payload["files"]
    results: list[dict[str, Any]] = []
    for item in items:
        results.append(_batch_file(ctx, item, job.payload.get("extractor")))
        ctx.heartbeat()
        with ctx.store.session() as s:
            jobs.set_progress(s, job.id, len(results) / len(items), {"files": results})
    counts = {k: sum(r["status"] == k for r in results) for k in ("done", "duplicate", "failed")}
    return {"files": results, "counts": counts}, None


def _choice(row, how: str, reason: str) -> dict[str, Any]:
    """Which upper document the check used and why, for the reviewer to read."""
    return {"id": row.id if row is not None else None, "number": row.number if row is not None else None,
            "kind": row.kind if row is not None else None, "issuer": row.issuer if row is not None else None,
            "issued_on": row.issued_on.isoformat() if row is not None and row.issued_on else None,
            "how": how, "reason": reason}


def _upper(ctx: JobContext, payload: dict[str, Any], draft: Document
           ) -> tuple[Document | None, str | None, dict[str, Any] | None]:
    """The upper document: given by id, uploaded, or the stored one find_sources ranks first when
    the draft's basis cites it or its content score is high enough (likely_upper); with the choice."""
    with ctx.store.session() as s:
        if payload.get("upper_id"):
            row = documents.get_row(s, payload["upper_id"])
            if row is None:
                return None, None, None
            return documents.load(row), row.id, _choice(row, "chosen", "người dùng chọn")
        if payload.get("upper_sha256"):
            data = ctx.store.files.get(payload["upper_sha256"])
            upper = analyze_bytes(data, payload.get("upper_filename") or "upper.txt")
            meta = upper.metadata
            choice = {"id": None, "number": meta.number, "kind": meta.kind, "issuer": meta.issuer,
                      "issued_on": meta.issued_on.isoformat() if meta.issued_on else None,
                      "how": "uploaded", "reason": "người dùng tải lên"}
            return upper, None, choice
        found = find_sources(draft, corpus(s))
        best = likely_upper(found)
        row = documents.get_row(s, best.id) if best else None
        if row is None:
            reason = ("không văn bản nào trong kho được dẫn trong căn cứ hoặc đủ giống về nội dung"
                      if found else "kho chưa có văn bản phù hợp")
            return None, None, _choice(None, "none", reason)
        return documents.load(row), row.id, _choice(row, "found", best.reason)


def draft_job(ctx: JobContext, job: JobRow) -> Outcome:
    payload = job.payload
    draft = analyze_bytes(ctx.store.files.get(payload["sha256"]), payload["filename"])
    upper, upper_id, choice = _upper(ctx, payload, draft)
    vectors = None
    if upper is not None and upper_id is not None:
        with ctx.store.session() as s:
            vectors = stored_vectors(s, upper_id, upper, _encoder(ctx))
    return check_draft(draft, upper, ctx.settings.semantic, upper_id, vectors) | {"upper_choice": choice}, None


HANDLERS: dict[str, Callable[[JobContext, JobRow], Outcome]] = {
    "analyze": analyze_job, "batch": batch_job, "check_draft": draft_job,
}
