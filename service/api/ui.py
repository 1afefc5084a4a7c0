"""The reviewers' web UI (Vietnamese) on the same app. Pages are static shells; their scripts call the
/v1 API. Logging in (POST /ui/session) puts the API key in an HttpOnly, SameSite=Strict cookie that
page scripts cannot read; the guard accepts it, with the X-Rasoat-UI header on changes."""
from __future__ import annotations

from pathlib import Path as FilePath
from typing import Annotated

from fastapi import APIRouter, FastAPI, Header, Path, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field

from ..lexicons import load
from ..messages import catalogue
from ..vagueness.bands import scale_text
from ..store import security
from .errors import error_response
from .guard import COOKIE

SESSION_SECONDS = 12 * 3600
HERE = FilePath(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
router = APIRouter(prefix="/ui", include_in_schema=False)


def levels() -> dict:
    """What the page scripts need to name vagueness levels, kinds and missing parts in Vietnamese."""
    from ..vagueness.score import SPECIFIC_BELOW, VAGUE_FROM

    data, display = catalogue(), load("display")
    return {"specific_below": SPECIFIC_BELOW, "vague_from": VAGUE_FROM, "names": {
        k: data["levels"][k] for k in ("specific", "mixed", "vague")}, "kinds": data["kinds"],
        "missing": data["missing"], "display": {k: display[k] for k in ("stop_words", "time_openers")}}


def page(request: Request, name: str, title: str, view: str, args: list[str], **context) -> HTMLResponse:
    """A page; boot.js calls `rasoat[view](...args)` (no inline script: the CSP forbids it)."""
    return templates.TemplateResponse(request, name, {"title": title, "page": name, "view": view, "args": args,
                                                      "levels": levels(), "scale": scale_text()} | context)


Id = Annotated[str, Path(max_length=64)]


@router.get("", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    return page(request, "index.html", "Rà soát văn bản", "index", [])


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: Id) -> HTMLResponse:
    return page(request, "document.html", "Văn bản", "document", [doc_id], doc_id=doc_id)


@router.get("/compare", response_class=HTMLResponse)
def compare(request: Request, lower: Annotated[str, Query(max_length=64)],
            upper: Annotated[str, Query(max_length=64)]) -> HTMLResponse:
    return page(request, "compare.html", "So sánh với văn bản cấp trên", "compare", [lower, upper],
                lower=lower, upper=upper)


@router.get("/calendar", response_class=HTMLResponse)
def calendar(request: Request) -> HTMLResponse:
    return page(request, "calendar.html", "Lịch thời hạn", "calendar", [])


@router.get("/check", response_class=HTMLResponse)
def check(request: Request) -> HTMLResponse:
    return page(request, "check.html", "Kiểm tra dự thảo", "check", [])


class Login(BaseModel):
    key: str = Field(min_length=1, max_length=256)


@router.post("/session")
def login(request: Request, body: Login, x_rasoat_ui: Annotated[str | None, Header()] = None) -> JSONResponse:
    """Check the key and keep it in an HttpOnly, SameSite=Strict cookie: page scripts never read it."""
    if x_rasoat_ui != "1":
        return error_response(403, "forbidden", "Yêu cầu đăng nhập phải đến từ giao diện web (X-Rasoat-UI).")
    with request.app.state.rasoat.store.session() as s:
        row = security.lookup(s, body.key)
        found = None if row is None else {"name": row.name, "role": row.role}
    if found is None:
        return error_response(401, "unauthorized", "Khóa API không đúng hoặc đã bị thu hồi.")
    response = JSONResponse(found)
    response.set_cookie(COOKIE, body.key, max_age=SESSION_SECONDS, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", path="/")
    return response


@router.delete("/session", status_code=204)
def logout() -> Response:
    response = Response(status_code=204)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response


def mount(app: FastAPI) -> None:
    app.mount("/ui/static", StaticFiles(directory=str(HERE / "static")), name="ui-static")
    app.include_router(router)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/ui")
