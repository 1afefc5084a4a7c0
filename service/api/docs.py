"""API docs that work offline: Swagger UI at /docs and ReDoc at /redoc, their scripts and styles
served by the app from the fastapi-offline package (no CDN)."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC = "/docs-static"


def assets() -> Path:
    """The folder of swagger-ui-bundle.js, swagger-ui.css, redoc.standalone.js and favicon.png."""
    import fastapi_offline

    return Path(fastapi_offline.__file__).parent / "static"


def mount(app: FastAPI) -> None:
    """Serve the docs pages and their assets; the app is created with docs_url=redoc_url=None."""
    app.mount(STATIC, StaticFiles(directory=str(assets())), name="docs-static")
    title = f"{app.title} — tài liệu API"

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url, title=title,
                                   swagger_js_url=f"{STATIC}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{STATIC}/swagger-ui.css",
                                   swagger_favicon_url=f"{STATIC}/favicon.png")

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(openapi_url=app.openapi_url, title=title,
                              redoc_js_url=f"{STATIC}/redoc.standalone.js",
                              redoc_favicon_url=f"{STATIC}/favicon.png", with_google_fonts=False)
