"""Fixtures shared by the store and API tests: one PostgreSQL test database per session."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))      # tests/*_helpers.py: helpers shared by the tests

from db_helpers import postgres_database, postgres_unavailable  # noqa: E402


@pytest.fixture(scope="session")
def pg_url():
    """URL of a fresh PostgreSQL database (created now, dropped at the end), or a skip with the reason."""
    reason = postgres_unavailable()
    if reason:
        pytest.skip(f"PostgreSQL variant skipped: {reason}")
    with postgres_database() as url:
        yield url
