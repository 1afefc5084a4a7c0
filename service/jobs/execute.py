"""Run one persisted job: claim it, call its handler, record the outcome, notify webhooks."""
from __future__ import annotations

import logging
from typing import Any

from ..errors import RasoatError, message
from ..limits import using
from ..store import jobs
from ..store.models import JobRow
from .handlers import HANDLERS, JobContext, error_dict

log = logging.getLogger("rasoat.jobs")


def job_view(job: JobRow) -> dict[str, Any]:
    """A job as the API and webhooks show it."""
    stamp = lambda t: t.isoformat() if t else None  # noqa: E731
    return {
        "id": job.id, "kind": job.kind, "status": job.status, "progress": job.progress,
        "error": job.error, "result": job.result, "document_id": job.document_id,
        "attempts": job.attempts, "created_at": stamp(job.created_at),
        "started_at": stamp(job.started_at), "finished_at": stamp(job.finished_at),
    }


def execute(ctx: JobContext, job_id: str) -> bool:
    """Run the job unless another worker has claimed it or it is finished (then False)."""
    with ctx.store.session() as s:
        if not jobs.claim(s, job_id):
            return False
    with ctx.store.session() as s:
        job = jobs.get_job(s, job_id)
    result, doc_id, error = None, None, None
    try:
        with using(ctx.settings):
            result, doc_id = HANDLERS[job.kind](ctx, job)
    except RasoatError as failure:
        error = error_dict(failure)
    except Exception:                       # the trace goes to the log, never to the client
        log.exception("job %s failed", job_id)
        error = {"code": "internal_error", "message": message("internal_error")}
    with ctx.store.session() as s:
        jobs.finish(s, job_id, result=result, error=error, document_id=doc_id)
    ctx.notify(job_id)
    return True
