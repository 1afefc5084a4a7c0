"""Throw-away databases for tests: a uniquely named PostgreSQL database, tables emptied between tests."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, text

from service.store.models import Base

ADMIN_URL = os.environ.get("RASOAT_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")


def postgres_unavailable() -> str | None:
    """Why the PostgreSQL tests cannot run here, or None when they can."""
    try:
        import psycopg
    except ImportError:
        return "psycopg not installed (pip install -e '.[postgres]')"
    try:
        psycopg.connect(ADMIN_URL, connect_timeout=3).close()
    except psycopg.Error as error:
        return f"PostgreSQL unreachable at {ADMIN_URL}: {str(error).strip()[:120]}"
    return None


@contextmanager
def postgres_database() -> Iterator[str]:
    """Create `rasoat_test_<random>`, yield its SQLAlchemy URL, drop it afterwards."""
    import psycopg

    name = f"rasoat_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + "/" + name
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def empty_tables(engine: Engine) -> None:
    """Delete every row (PostgreSQL: TRUNCATE … RESTART IDENTITY); the schema stays."""
    names = [t.name for t in Base.metadata.sorted_tables]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE"))
        else:
            for name in reversed(names):
                conn.execute(text(f"DELETE FROM {name}"))
