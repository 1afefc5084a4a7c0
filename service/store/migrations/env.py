"""Alembic environment: runs on the connection handed over by `service.store.db.migrate`,
or on `RASOAT_DATABASE_URL` / `sqlalchemy.url` when run from the alembic command line."""
from __future__ import annotations

import os

from alembic import context

from service.store.db import make_engine
from service.store.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    conn = config.attributes.get("connection")
    if conn is not None:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = os.environ.get("RASOAT_DATABASE_URL") or config.get_main_option("sqlalchemy.url")
    engine = make_engine(url)
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


run()
