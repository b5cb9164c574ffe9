"""Opening a PostgreSQL database: the same schema and migrations as SQLite, and clear refusals."""

from __future__ import annotations

import time

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, text

from model.db import SCHEMA_HEAD, alembic_config, make_engine, open_database
from model.errors import DatabaseError
from model.schema import Base
from model.store import Store
from tests.factory import make_transcript

pytestmark = pytest.mark.pg


def test_a_fresh_server_database_gets_the_schema_and_works(pg_server):
    url = pg_server.new_database(empty=True)
    store = Store.open(url.replace("postgresql+psycopg://", "postgresql://"), annotator="aya")
    try:
        tid = make_transcript(store)
        assert store.engine.dialect.name == "postgresql"
        assert "@127.0.0.1" in store.path and "postgresql" in store.path
    finally:
        store.close()
    again = Store.open(url, annotator="ken")
    try:
        with again.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
            assert conn.execute(text("SELECT title FROM transcript WHERE id = :i"), {"i": tid}).scalar()
    finally:
        again.close()


def _as_on_postgresql() -> MetaData:
    """The models' schema as it stands on PostgreSQL: every foreign key DEFERRABLE (see
    ``model.db.make_foreign_keys_deferrable``; SQLite defers any key without it)."""
    metadata = MetaData()
    for table in Base.metadata.sorted_tables:
        table.to_metadata(metadata)
    for table in metadata.tables.values():
        for fk in table.foreign_key_constraints:
            fk.deferrable, fk.initially = True, "DEFERRED"
    return metadata


@pytest.mark.parametrize("how", ["migrations", "first start"])
def test_the_schema_on_postgresql_is_exactly_the_models(pg_server, how):
    url = pg_server.new_database(empty=True)
    engine = make_engine(url)
    if how == "migrations":
        command.upgrade(alembic_config(engine), "head")  # not batch mode: PostgreSQL alters tables in place
    else:
        open_database(url).dispose()  # create_all + stamp
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), _as_on_postgresql())
    engine.dispose()
    assert diffs == []


def test_an_unreachable_server_is_one_line_within_ten_seconds(pg_server):
    from tests.pg import free_port

    started = time.monotonic()
    with pytest.raises(DatabaseError) as err:
        open_database(f"postgresql://nobody@127.0.0.1:{free_port()}/taiyaku")
    assert time.monotonic() - started < 10
    message = str(err.value)
    assert "cannot reach the database server" in message and "\n" not in message


def test_a_server_that_never_answers_gives_up_within_ten_seconds():
    # A listening socket that never speaks: libpq waits for the server's greeting.
    import socket

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(DatabaseError) as err:
            open_database(f"postgresql://nobody@127.0.0.1:{port}/taiyaku")
        assert time.monotonic() - started < 10
    assert "cannot reach" in str(err.value)


def test_a_wrong_password_is_refused_in_one_line_without_showing_it(pg_server):
    pg_server.admin("CREATE ROLE pw_user LOGIN PASSWORD 'right'")
    url = pg_server.new_database()
    name = url.rsplit("/", 1)[1]
    started = time.monotonic()
    with pytest.raises(DatabaseError) as err:
        open_database(f"postgresql://pw_user:wrong-secret@127.0.0.1:{pg_server.port}/{name}")
    assert time.monotonic() - started < 10
    assert "refused the login" in str(err.value) and "wrong-secret" not in str(err.value)
    pg_server.grant_team_access("pw_user", name)
    store = Store.open(f"postgresql://pw_user:right@127.0.0.1:{pg_server.port}/{name}", annotator="pw")
    assert "right" not in store.path
    store.close()


def test_a_missing_database_is_named(pg_server):
    with pytest.raises(DatabaseError, match="no such database"):
        open_database(pg_server.url("does_not_exist"))


def test_a_database_that_is_not_taiyakus_is_refused_and_left_alone(pg_server):
    url = pg_server.new_database(empty=True)
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id serial primary key, amount int)"))
    with pytest.raises(DatabaseError, match="not a Taiyaku one"):
        open_database(url)
    with engine.connect() as conn:
        tables = set(conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname='public'")).scalars())
    engine.dispose()
    assert tables == {"invoices"}


def test_a_newer_schema_is_refused_and_left_alone(pg_url):
    engine = make_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(DatabaseError, match="newer version of Taiyaku"):
        open_database(pg_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"
    engine.dispose()


def test_ids_continue_after_an_import_on_postgresql(pg_url, press_call):
    # The importer writes ids itself; the server's id counter must skip them afterwards.
    from model.importer import import_file

    store = Store.open(pg_url, annotator="aya")
    try:
        import_file(store, press_call)
        tid = make_transcript(store)  # ORM inserts after the bulk import: no id collision
        assert tid == 2
    finally:
        store.close()
