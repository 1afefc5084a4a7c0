"""Uploads: the multipart form is read only inside the route, after the key and role were checked
(FastAPI reads `File(...)` bodies before any dependency); files stream to the file store with a
running size cap. Also: waiting for a job with a time cap.
"""
from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException

from ..errors import EmptyFileError
from ..jobs.limits import check_size
from ..store import jobs
from ..store.models import JobRow
from .deps import AppState
from .errors import ApiError
from ..messages import say

CHUNK = 1024 * 1024


def form_body(files: dict[str, bool], fields: dict[str, str] | None = None, many: str | None = None) -> dict:
    """OpenAPI `requestBody` of a multipart form: file fields (name → required), text fields,
    and `many`, a field that takes several files."""
    properties: dict[str, Any] = {name: {"type": "string", "format": "binary"} for name in files}
    if many:
        properties[many] = {"type": "array", "items": {"type": "string", "format": "binary"}}
    properties |= {name: {"type": "string", "description": text} for name, text in (fields or {}).items()}
    required = [name for name, needed in files.items() if needed] + ([many] if many else [])
    return {"requestBody": {"required": True, "content": {"multipart/form-data": {
        "schema": {"type": "object", "properties": properties, "required": required}}}}}


async def read_form(request: Request, max_files: int = 2) -> FormData:
    """The request's multipart form (files spooled to disk past 1 MB; the guard caps the body)."""
    try:
        return await request.form(max_files=max_files, max_fields=16, max_part_size=64 * 1024)
    except (MultiPartException, HTTPException):     # Starlette turns the first into the second
        raise ApiError(400, "invalid_request", "Biểu mẫu multipart/form-data không hợp lệ.") from None


def file_field(form: FormData, name: str, required: bool = True) -> UploadFile | None:
    """One uploaded file of the form; 422 when a required one is missing or is not a file."""
    value = form.get(name)
    if isinstance(value, UploadFile) and (value.filename or value.size):
        return value
    if required:
        raise ApiError(422, "invalid_request", f"{name}: cần gửi một tệp (trường multipart “{name}”).")
    return None


def text_field(form: FormData, name: str, max_length: int = 64) -> str | None:
    value = form.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > max_length:
        raise ApiError(422, "invalid_request", f"{name}: giá trị không hợp lệ.")
    return value


def _chunks(upload: UploadFile, limit: int, name: str) -> Iterator[bytes]:
    upload.file.seek(0)
    size = 0
    while chunk := upload.file.read(CHUNK):
        size += len(chunk)
        check_size(size, limit, name)
        yield chunk
    if size == 0:
        raise EmptyFileError(say("file_empty", name=name))


def _store(state: AppState, upload: UploadFile) -> tuple[str, str, int]:
    name = upload.filename or "upload"
    digest, size = state.store.files.put_stream(_chunks(upload, state.settings.max_upload_bytes, name))
    return digest, name, size


async def store_upload(state: AppState, upload: UploadFile) -> tuple[str, str, int]:
    """Stream an upload into the file store within the size limit: (sha256, filename, size)."""
    return await run_in_threadpool(_store, state, upload)


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
