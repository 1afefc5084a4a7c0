"""Reading uploads within the size limit, storing them, waiting for a job with a time cap."""
from __future__ import annotations

import asyncio
import time

from fastapi import UploadFile
from starlette.concurrency import run_in_threadpool

from ..errors import EmptyFileError
from ..jobs.limits import check_size
from ..store import jobs
from ..store.models import JobRow
from .deps import AppState

CHUNK = 1024 * 1024


async def read_upload(upload: UploadFile, limit: int) -> bytes:
    """The uploaded bytes; FileTooLargeError past `limit`, EmptyFileError when empty."""
    name = upload.filename or "upload"
    parts, size = [], 0
    while chunk := await upload.read(CHUNK):
        size += len(chunk)
        check_size(size, limit, name)
        parts.append(chunk)
    if size == 0:
        raise EmptyFileError(f"The file is empty (tệp rỗng): {name}")
    return b"".join(parts)


async def store_upload(state: AppState, upload: UploadFile) -> tuple[str, str, int]:
    """Read and store an upload: (sha256, filename, size)."""
    data = await read_upload(upload, state.settings.max_upload_bytes)
    digest = await run_in_threadpool(state.store.files.put, data)
    return digest, upload.filename or "upload", len(data)


async def wait_for(state: AppState, job_id: str, seconds: float) -> JobRow:
    """Poll the job until it finishes or `seconds` pass; returns its last state."""
    deadline = time.monotonic() + seconds
    delay = 0.02
    while True:
        job = await run_in_threadpool(_get, state, job_id)
        if job.status in ("done", "failed") or time.monotonic() >= deadline:
            return job
        await asyncio.sleep(delay)
        delay = min(delay * 1.5, 0.25)


def _get(state: AppState, job_id: str) -> JobRow:
    with state.store.session() as s:
        return jobs.get_job(s, job_id)
