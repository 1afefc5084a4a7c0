"""The guard in front of /v1 (pure ASGI, so nothing of the body is read before it has decided):

* a request without a key (X-API-Key header, or the UI's HttpOnly session cookie), or with an
  unknown or revoked key, gets 401 at once, from its headers alone;
* a Content-Length over the route's cap gets 413 at once (outside /v1 too: 1 MB); a body without
  one (chunked) is counted as it streams and cut at the cap (413 `request_too_large`);
* a NUL byte in the path or query string gets 400;
* a cookie-authenticated request that changes something must carry `X-Rasoat-UI: 1` (which a
  cross-site form cannot send), besides the cookie being SameSite=Strict.

The caller's key row is left in the scope for the route's role check (deps.require).
"""
from __future__ import annotations

import json
from typing import Any

from starlette.concurrency import run_in_threadpool

from ..errors import FileTooLargeError
from ..store import security

COOKIE = "rasoat_key"
UI_HEADER = b"x-rasoat-ui"
JSON_BODY = 1024 * 1024
SAFE = {"GET", "HEAD", "OPTIONS"}


class RequestTooLargeError(FileTooLargeError):
    code = "request_too_large"


def _reply(status: int, code: str, message: str) -> tuple[dict, dict]:
    body = json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False).encode("utf-8")
    start = {"type": "http.response.start", "status": status,
             "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                         (b"connection", b"close")]}
    return start, {"type": "http.response.body", "body": body}


def cookie_value(headers: dict[bytes, bytes], name: str = COOKIE) -> str | None:
    for part in headers.get(b"cookie", b"").decode("latin-1").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name and value:
            return value
    return None


class Guard:
    """ASGI middleware: see the module docstring."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        cap = self._cap(scope)
        refusal = self._bad_bytes(scope)
        if refusal is None and scope["path"].startswith("/v1"):
            refusal = await self._check(scope)                  # the key first: 401 before 413
        refusal = refusal or self._too_large(scope, cap)
        if refusal is not None:
            await receive_nothing(send, *refusal)
            return
        await self.app(scope, _counting(receive, cap), send)

    @staticmethod
    def _bad_bytes(scope: dict) -> tuple | None:
        if "\x00" in scope["path"] or b"%00" in scope.get("query_string", b"").lower():
            return _reply(400, "invalid_request", "Đường dẫn hoặc tham số chứa ký tự NUL không hợp lệ.")
        return None

    async def _check(self, scope: dict) -> tuple | None:
        headers = dict(scope["headers"])
        key = headers.get(b"x-api-key", b"").decode("latin-1").strip()
        from_cookie = not key and cookie_value(headers) is not None
        key = key or cookie_value(headers) or ""
        if not key:
            return _reply(401, "unauthorized", "Thiếu khóa API (tiêu đề X-API-Key).")
        state = scope["app"].state.rasoat
        row = await run_in_threadpool(_lookup, state.store, key)
        if row is None:
            return _reply(401, "unauthorized", "Khóa API không đúng hoặc đã bị thu hồi.")
        if from_cookie and scope["method"] not in SAFE and headers.get(UI_HEADER) != b"1":
            return _reply(403, "forbidden", "Yêu cầu từ giao diện web thiếu tiêu đề X-Rasoat-UI.")
        scope.setdefault("state", {})["rasoat_actor"] = row
        return None

    @staticmethod
    def _too_large(scope: dict, cap: int) -> tuple | None:
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is None:
            return None
        try:
            size = int(declared)
        except ValueError:
            return _reply(400, "invalid_request", "Tiêu đề Content-Length không hợp lệ.")
        return _reply(413, "request_too_large", too_large(cap)) if size > cap else None

    @staticmethod
    def _cap(scope: dict) -> int:
        """The body cap of this route in bytes: uploads, batches, else 1 MB (JSON, the UI's login)."""
        settings = scope["app"].state.rasoat.settings
        upload = settings.max_upload_bytes + 64 * 1024        # the file plus the form's own bytes
        return {"/v1/documents": upload, "/v1/check-draft": 2 * upload,
                "/v1/batches": int(settings.max_batch_mb * 2**20)}.get(scope["path"].rstrip("/"), JSON_BODY)


def too_large(cap: int) -> str:
    return f"Yêu cầu lớn hơn giới hạn {cap / 2**20:.1f} MB (RASOAT_MAX_UPLOAD_MB, RASOAT_MAX_BATCH_MB)."


def _lookup(store: Any, key: str) -> Any:
    with store.session() as s:
        row = security.lookup(s, key)
        return None if row is None else (row.id, row.name, row.role)


def _counting(receive: Any, cap: int) -> Any:
    """`receive` that raises RequestTooLargeError once more than `cap` body bytes have come in."""
    seen = 0

    async def wrapped() -> dict:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > cap:
                raise RequestTooLargeError(too_large(cap))
        return message

    return wrapped


async def receive_nothing(send: Any, start: dict, body: dict) -> None:
    """Answer without reading the request body; the connection is closed after the answer."""
    await send(start)
    await send(body)
