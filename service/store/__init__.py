"""Storage: SQLAlchemy tables (SQLite by default, PostgreSQL by URL), Alembic migrations and a
content-addressed file store.

    store = Store.open(data_dir, url)        # migrates to the latest schema
    with store.session() as s: ...           # commits on success
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from .db import default_url, make_engine, migrate, sessions
from .files import FileStore, sha256


class Store:
    """The database engine plus the file store under one data directory."""

    def __init__(self, engine: Engine, files: FileStore):
        self.engine = engine
        self.files = files
        self._sessions = sessions(engine)

    @classmethod
    def open(cls, data_dir: Path, url: str | None = None, upgrade: bool = True) -> "Store":
        data_dir = Path(data_dir)
        engine = make_engine(url or default_url(data_dir))
        if upgrade:
            migrate(engine)
        return cls(engine, FileStore(data_dir / "files"))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits when the block ends without error, else rolls back."""
        with self._sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()


__all__ = ["Store", "FileStore", "sha256", "make_engine", "migrate", "default_url"]
