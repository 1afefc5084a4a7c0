"""Fixtures: a Store on SQLite (temporary directory) and on PostgreSQL (one database per session)."""
from __future__ import annotations

import pytest

from service.store import Store
from db_helpers import empty_tables


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return None
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url, tmp_path):
    store = Store.open(tmp_path / "data", db_url)
    yield store
    if db_url:
        empty_tables(store.engine)
    store.close()
