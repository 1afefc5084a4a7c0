"""Persisted jobs: create, claim (queued → running, atomically), progress, finish, recover."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..errors import message
from .models import JobRow, now

STATUSES = ("queued", "running", "done", "failed")


def create_job(session: Session, kind: str, payload: dict[str, Any], actor: str | None = None,
               status: str = "queued") -> JobRow:
    job = JobRow(kind=kind, payload=payload, status=status, created_by=actor)
    session.add(job)
    session.flush()
    return job


def get_job(session: Session, job_id: str) -> JobRow | None:
    return session.get(JobRow, job_id)


def claim(session: Session, job_id: str) -> bool:
    """Mark a queued job running; False when another worker has it or it is finished."""
    result = session.execute(
        update(JobRow).where(JobRow.id == job_id, JobRow.status == "queued")
        .values(status="running", started_at=now(), updated_at=now(), attempts=JobRow.attempts + 1))
    return result.rowcount == 1


def set_progress(session: Session, job_id: str, progress: float, result: dict | None = None) -> None:
    values: dict[str, Any] = {"progress": round(progress, 4), "updated_at": now()}
    if result is not None:
        values["result"] = result
    session.execute(update(JobRow).where(JobRow.id == job_id).values(**values))


def finish(session: Session, job_id: str, result: dict | None = None, error: dict | None = None,
           document_id: str | None = None) -> None:
    """Mark a job done (or failed when `error` is given)."""
    session.execute(update(JobRow).where(JobRow.id == job_id).values(
        status="failed" if error else "done", progress=1.0, result=result, error=error,
        document_id=document_id, finished_at=now(), updated_at=now()))


def fail_running(session: Session, job_id: str, error: dict) -> bool:
    """Fail a job that a worker was running (or was about to) when it was stopped; False when the
    job had already finished."""
    result = session.execute(
        update(JobRow).where(JobRow.id == job_id, JobRow.status.in_(("queued", "running")))
        .values(status="failed", progress=1.0, error=error, finished_at=now(), updated_at=now()))
    return result.rowcount == 1


def requeue(session: Session, job_id: str) -> None:
    """Put a job stopped by a shutdown back in the queue; the interrupted attempt does not count."""
    session.execute(update(JobRow).where(JobRow.id == job_id, JobRow.status == "running").values(
        status="queued", attempts=JobRow.attempts - 1, updated_at=now()))


def find_active(session: Session, kind: str, sha: str) -> JobRow | None:
    """A queued or running job of `kind` for the file with this hash (dedup of in-flight uploads)."""
    query = select(JobRow).where(JobRow.kind == kind, JobRow.status.in_(("queued", "running")))
    return next((j for j in session.scalars(query) if j.payload.get("sha256") == sha), None)


def recover(session: Session, max_attempts: int) -> list[str]:
    """At start-up: requeue jobs left `running` by a dead process (or fail them after too many
    attempts); return the ids of every job to run."""
    for job in session.scalars(select(JobRow).where(JobRow.status == "running")):
        if job.attempts >= max_attempts:
            job.status, job.finished_at = "failed", now()
            job.error = {"code": "interrupted", "message": message("interrupted", attempts=job.attempts)}
        else:
            job.status = "queued"
    session.flush()
    query = select(JobRow.id).where(JobRow.status == "queued").order_by(JobRow.created_at)
    return list(session.scalars(query))
