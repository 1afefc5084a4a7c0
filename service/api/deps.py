"""Typed dependencies: the app state, a database session, the caller's API key and role."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session

from ..jobs import JobService
from ..store import Store, security
from .config import Settings
from .errors import ApiError

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


def _actor(state: AppState, key: str | None, role: str) -> Actor:
    if not key:
        raise ApiError(401, "unauthorized", "missing X-API-Key header")
    with state.store.session() as s:
        row = security.lookup(s, key)
        if row is None:
            raise ApiError(401, "unauthorized", "unknown or revoked API key")
        actor = Actor(row.id, row.name, row.role)
    if RANK[actor.role] < RANK[role]:
        raise ApiError(403, "forbidden", f"this needs the {role} role; the key has {actor.role}")
    return actor


def require(role: str):
    """A dependency that admits keys with `role` or a higher one."""

    def dependency(state: State, x_api_key: Annotated[str | None, Header()] = None) -> Actor:
        return _actor(state, x_api_key, role)

    return dependency


Reader = Annotated[Actor, Depends(require("reader"))]
Reviewer = Annotated[Actor, Depends(require("reviewer"))]
Admin = Annotated[Actor, Depends(require("admin"))]
