"""Alembic environment: runs against the engine Noodpost hands over (batch mode for SQLite)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from noodpost.storage.models import Base

config = context.config
engine = config.attributes.get("engine")


def run() -> None:
    if not isinstance(engine, Engine):
        raise RuntimeError("migrations run through noodpost.storage.engine.migrate()")
    with engine.connect() as raw:
        connection = raw.execution_options(write=True)
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run()
