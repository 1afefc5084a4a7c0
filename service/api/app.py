"""The FastAPI app: `create_app(settings)`; storage, migrations, the job pool and the bootstrap
admin key are set up in the lifespan. OpenAPI at /docs and /redoc, served offline."""
from __future__ import annotations

import logging
import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

from ..jobs import JobService
from ..store import Store, security
from ..store.orphans import sweep_orphans
from ..config import Settings
from .deps import AppState
from . import docs, ui
from .errors import install
from .guard import Guard
from .headers import SecurityHeaders
from .routes import admin, calendar, checks, corrections, documents, search

log = logging.getLogger("rasoat.api")


def bootstrap_admin(store: Store, settings: Settings) -> None:
    """Insert RASOAT_ADMIN_KEY as an admin key; without it and without any key, make one and
    write it to <data dir>/admin.key."""
    with store.session() as s:
        if settings.admin_key:
            security.ensure_key(s, "bootstrap-admin", "admin", settings.admin_key)
            return
        if any(k.role == "admin" and k.revoked_at is None for k in security.list_keys(s)):
            return
        key = "rs_" + secrets.token_urlsafe(32)
        security.create_key(s, "generated-admin", "admin", key)
    path = settings.data_dir / "admin.key"
    path.write_text(key + "\n", encoding="utf-8")
    os.chmod(path, 0o600)
    log.warning("no RASOAT_ADMIN_KEY: an admin key was written to %s", path)


def start(settings: Settings) -> AppState:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    store = Store.open(settings.data_dir, settings.database_url)
    bootstrap_admin(store, settings)
    removed = sweep_orphans(store)
    if removed:
        log.info("removed %d orphan files (uploads cut before their job)", removed)
    service = JobService(store, settings)
    resumed = service.start()
    if resumed:
        log.info("resumed %d unfinished jobs", len(resumed))
    return AppState(settings, store, service)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state = start(settings)
        app.state.rasoat = state
        try:
            yield
        finally:
            state.jobs.shutdown()
            state.store.close()

    app = FastAPI(title="rasoat", version="1", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Rà soát văn bản: analysis of Vietnamese resolutions and plans, "
                              "draft checks, copy comparison, exports. Auth: `X-API-Key` header.")
    install(app)
    app.add_middleware(Guard)
    app.add_middleware(SecurityHeaders)                 # outermost: the guard's answers get them too
    v1 = APIRouter(prefix="/v1")
    for router in (documents.router, documents.jobs_router, checks.router, search.router, calendar.router, corrections.router,
                   admin.router):
        v1.include_router(router)
    app.include_router(v1)
    ui.mount(app)
    docs.mount(app)

    @app.get("/healthz", include_in_schema=False)
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
