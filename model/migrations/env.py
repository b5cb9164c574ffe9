"""Alembic environment for Taiyaku, run from inside the app (no fileConfig: it would
silence the app's loggers)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from model.tables import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:  # run by the alembic command rather than by the app
        url = config.get_main_option("sqlalchemy.url")
        if not url:
            raise RuntimeError("no engine given and no sqlalchemy.url configured")
        engine = create_engine(url)
    with engine.connect() as connection:
        is_sqlite = connection.dialect.name == "sqlite"
        if is_sqlite:
            # Batch migrations copy and drop tables: with foreign keys on, dropping the old
            # copy of a parent table runs ON DELETE CASCADE and silently empties its children.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()
        if is_sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")


if context.is_offline_mode():
    raise SystemExit("Taiyaku migrations run online only")
run_migrations_online()
