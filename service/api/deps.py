"""Typed dependencies: the app state, a database session, the caller's API key and role."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session

from ..jobs import JobService
from ..store import Store, security
from ..config import Settings
from .errors import ApiError
from .guard import cookie_value

RANK = {"reader": 0, "reviewer": 1, "admin": 2}


@dataclass
class AppState:
    settings: Settings
    store: Store
    jobs: JobService


@dataclass
class Actor:
    key_id: str
    name: str
    role: str


def get_state(request: Request) -> AppState:
    return request.app.state.rasoat


State = Annotated[AppState, Depends(get_state)]


def get_session(state: State) -> Iterator[Session]:
    with state.store.session() as session:
        yield session


DB = Annotated[Session, Depends(get_session)]


def _actor(request: Request, state: AppState, key: str | None, role: str) -> Actor:
    """The caller as the guard (service/api/guard.py) found it from the headers, before any body
    was read; looked up again only when the guard did not run."""
    found = getattr(request.state, "rasoat_actor", None)
    if found is None:
        key = key or cookie_value(dict(request.scope["headers"]))
        if not key:
            raise ApiError(401, "unauthorized", "Thiếu khóa API (tiêu đề X-API-Key).")
        with state.store.session() as s:
            row = security.lookup(s, key)
            if row is None:
                raise ApiError(401, "unauthorized", "Khóa API không đúng hoặc đã bị thu hồi.")
            found = (row.id, row.name, row.role)
    actor = Actor(*found)
    if RANK[actor.role] < RANK[role]:
        raise ApiError(403, "forbidden", f"Thao tác này cần vai trò {role}; khóa API có vai trò {actor.role}.")
    return actor


def require(role: str):
    """A dependency that admits keys with `role` or a higher one."""

    def dependency(request: Request, state: State,
                   x_api_key: Annotated[str | None, Header(max_length=256)] = None) -> Actor:
        return _actor(request, state, x_api_key, role)

    return dependency


Reader = Annotated[Actor, Depends(require("reader"))]
Reviewer = Annotated[Actor, Depends(require("reviewer"))]
Admin = Annotated[Actor, Depends(require("admin"))]
