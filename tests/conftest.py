"""Fixtures shared by the store and API tests: one PostgreSQL test database per session."""
from __future__ import annotations

import pytest

from service.store.testing import postgres_database, postgres_unavailable


@pytest.fixture(scope="session")
def pg_url():
    """URL of a fresh PostgreSQL database (created now, dropped at the end), or a skip with the reason."""
    reason = postgres_unavailable()
    if reason:
        pytest.skip(f"PostgreSQL variant skipped: {reason}")
    with postgres_database() as url:
        yield url
