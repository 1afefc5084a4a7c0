"""The reviewers' web UI (Vietnamese) on the same app. Pages are static shells; their scripts call
the /v1 API with the API key the user typed, kept in the browser's localStorage."""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
router = APIRouter(prefix="/ui", include_in_schema=False)


def page(request: Request, name: str, title: str, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"title": title, "page": name} | context)


@router.get("", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    return page(request, "index.html", "Rà soát văn bản")


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str) -> HTMLResponse:
    return page(request, "document.html", "Văn bản", doc_id=doc_id)


@router.get("/compare", response_class=HTMLResponse)
def compare(request: Request, lower: str, upper: str) -> HTMLResponse:
    return page(request, "compare.html", "So sánh với văn bản cấp trên", lower=lower, upper=upper)


@router.get("/check", response_class=HTMLResponse)
def check(request: Request) -> HTMLResponse:
    return page(request, "check.html", "Kiểm tra dự thảo")


def mount(app: FastAPI) -> None:
    app.mount("/ui/static", StaticFiles(directory=str(HERE / "static")), name="ui-static")
    app.include_router(router)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/ui")
