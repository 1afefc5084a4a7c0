"""Every error response is JSON `{"error": {"code", "message"}}`; codes come from service/errors.py."""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import FileTooLargeError, LimitError, RasoatError, message
from ..messages import say

log = logging.getLogger("rasoat.api")

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 409: "conflict", 413: "file_too_large", 422: "invalid_request"}


class ApiError(HTTPException):
    """An HTTP error with a stable code."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(status, message)
        self.code = code


def error_response(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


TOO_LARGE = {"file_too_large", "zip_bomb", "request_too_large", "too_many_pages", "too_many_frames",
             "image_too_large", "page_too_large", "too_deeply_nested", "decoded_too_large",
             "ocr_too_many_pages", "ocr_time_limit", "limit_exceeded"}


def status_for(error: RasoatError) -> int:
    """413 for inputs over a size limit in some dimension, else 422."""
    return 413 if isinstance(error, (FileTooLargeError, LimitError)) else 422


def status_for_code(code: str) -> int:
    """The status of a failure recorded as a code (a failed job's error)."""
    return 413 if code in TOO_LARGE else 500 if code == "internal_error" else 422


def install(app: FastAPI) -> None:
    """Register the handlers that turn exceptions into the error JSON."""

    @app.exception_handler(RasoatError)
    async def _rasoat(_: Request, error: RasoatError) -> JSONResponse:
        return error_response(status_for(error), error.code, error.message)

    @app.exception_handler(HTTPException)
    async def _http(_: Request, error: HTTPException) -> JSONResponse:
        code = getattr(error, "code", None)
        text = str(error.detail) if code else say(f"http_{error.status_code}") if error.status_code in CODES else str(error.detail)
        return error_response(error.status_code, code or CODES.get(error.status_code, "error"), text,
                              getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return error_response(422, "invalid_request", say("invalid_field", where=where, type=first.get("type", "invalid")))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse:
        """Anything else: logged with its trace, answered as JSON without the exception's text."""
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=error)
        return error_response(500, "internal_error", message("internal_error"))
