"""Security headers on every response: nosniff and no referrer everywhere; on the web UI a
Content-Security-Policy without inline script and no framing by other sites; on the comparison
pages the API serves as HTML, a policy that allows their inline styles and nothing else."""
from __future__ import annotations

from typing import Any

UI_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
             "connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
             "frame-ancestors 'none'")
PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'self'"
COMMON = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]


def headers_for(path: str, content_type: bytes) -> list[tuple[bytes, bytes]]:
    extra = list(COMMON)
    if path == "/ui" or path.startswith("/ui/"):
        extra += [(b"content-security-policy", UI_POLICY.encode()), (b"x-frame-options", b"DENY")]
    elif content_type.startswith(b"text/html") and path.startswith("/v1/"):
        extra += [(b"content-security-policy", PAGE_POLICY.encode())]
    return extra


class SecurityHeaders:
    """ASGI middleware adding headers_for(path) to each response."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def sending(message: dict) -> None:
            if message["type"] == "http.response.start":
                present = dict(message.get("headers", []))
                added = headers_for(scope["path"], present.get(b"content-type", b""))
                message["headers"] = [*message.get("headers", []), *((k, v) for k, v in added if k not in present)]
            await send(message)

        await self.app(scope, receive, sending)
