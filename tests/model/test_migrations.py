"""Migrations at start-up: the schema they build, upgrading old files, and restoring on failure."""

from __future__ import annotations

import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import model.db
from model.db import alembic_config, make_engine, open_database
from model.errors import DatabaseError
from model.schema import Base
from model.store import Store
from tests.factory import make_transcript

HEAD = model.db.SCHEMA_HEAD  # the app's own head (tests below act as a newer app)


def version(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT version_num FROM alembic_version")]
    finally:
        con.close()


def dump(path: Path) -> list[str]:
    """The database's whole content as SQL, to compare two states."""
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t in ("transcript", "speaker", "turn", "segment", "gap", "redaction", "correction",
                          "speaker_suggestion", "change_event")}
    finally:
        con.close()


def test_the_migration_builds_exactly_the_schema_in_schema_py(tmp_path: Path):
    # Like `alembic check`: run the migrations on an empty file, then compare with the models.
    engine = make_engine(tmp_path / "migrated.sqlite3")
    command.upgrade(alembic_config(engine), "head")
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diffs == []


def test_a_downgraded_database_is_upgraded_at_start_up(tmp_path: Path):
    path = tmp_path / "old.sqlite3"
    open_database(path).dispose()
    engine = make_engine(path)
    command.downgrade(alembic_config(engine), "base")  # an "older schema": nothing but alembic_version
    engine.dispose()
    assert version(path) == []
    store = Store.open(path, annotator="tester")
    tid = make_transcript(store)  # the upgraded file works
    store.close()
    assert tid == 1
    assert version(path) == [model.db.SCHEMA_HEAD]
    assert list(tmp_path.glob("old.sqlite3.before-*.bak")), "no backup was made before migrating"


def _migrations_with(tmp_path: Path, body: str) -> Path:
    """A copy of the app's migrations plus a revision "later" after the head, doing ``body``."""
    folder = tmp_path / "migrations"
    shutil.copytree(model.db.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "0002_test.py").write_text(textwrap.dedent('''
        """a later revision, written by the test"""
        import sqlalchemy as sa
        from alembic import op

        revision = "later"
        down_revision = "{head}"
        branch_labels = None
        depends_on = None


        def upgrade() -> None:
        {body}


        def downgrade() -> None:
            pass
    ''').format(body=textwrap.indent(textwrap.dedent(body), "    "), head=model.db.SCHEMA_HEAD), encoding="utf-8")
    return folder


def _use_migrations(monkeypatch, folder: Path) -> None:
    """Act as an app whose migrations are ``folder`` (its known revisions end with "later")."""
    monkeypatch.setattr(model.db, "MIGRATIONS_DIR", folder)
    monkeypatch.setattr(model.db, "SCHEMA_REVISIONS", (*model.db.SCHEMA_REVISIONS, "later"))
    monkeypatch.setattr(model.db, "SCHEMA_HEAD", "later")


def test_schema_revisions_constant_matches_the_migration_scripts():
    """open_database trusts SCHEMA_REVISIONS/SCHEMA_HEAD instead of reading the scripts at each start."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(model.db.MIGRATIONS_DIR))
    assert list(model.db.SCHEMA_REVISIONS) == [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert script.get_heads() == [HEAD]


def test_opening_an_up_to_date_database_does_not_import_alembic(tmp_path: Path):
    import subprocess
    import sys

    path = tmp_path / "library.sqlite3"
    open_database(path).dispose()
    code = ("import sys; from model.db import open_database; open_database(sys.argv[1]).dispose(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True,
                         cwd=Path(model.db.__file__).parents[1]).stdout
    assert out.strip() == "[]"


def test_an_older_database_is_upgraded_keeping_every_row(tmp_path: Path, monkeypatch):
    head = model.db.SCHEMA_HEAD  # the app's head, before the test adds a later revision
    path = tmp_path / "library.sqlite3"
    store = Store.open(path, annotator="tester")
    for _ in range(3):
        make_transcript(store)
    store.close()
    before = counts(path)
    # A batch migration that copies and drops the parent table of every other table:
    # with foreign keys on, ON DELETE CASCADE would empty the children.
    folder = _migrations_with(tmp_path, '''
        with op.batch_alter_table("transcript", recreate="always") as batch:
            batch.add_column(sa.Column("notes", sa.Text(), nullable=True))
    ''')
    _use_migrations(monkeypatch, folder)
    open_database(path).dispose()
    assert version(path) == ["later"]
    assert counts(path) == before
    con = sqlite3.connect(path)
    assert "notes" in [r[1] for r in con.execute("PRAGMA table_info(transcript)")]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()
    backups = list(tmp_path.glob(f"library.sqlite3.before-{head}.bak"))
    assert backups and version(backups[0]) == [head] and counts(backups[0]) == before


def test_a_failing_migration_restores_the_file(tmp_path: Path, monkeypatch):
    path = tmp_path / "library.sqlite3"
    store = Store.open(path, annotator="tester")
    make_transcript(store)
    store.close()
    content = dump(path)
    head = model.db.SCHEMA_HEAD
    # Half done, then broken: SQLite DDL is not transactional, so only the backup can undo it.
    folder = _migrations_with(tmp_path, '''
        op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
        with op.batch_alter_table("segment", recreate="always") as batch:
            batch.add_column(sa.Column("extra", sa.Text(), nullable=True))
        raise RuntimeError("the migration broke halfway")
    ''')
    _use_migrations(monkeypatch, folder)
    with pytest.raises(DatabaseError, match="could not upgrade .* restored .*broke halfway"):
        open_database(path)
    # The same content (the backup API copies pages, not the header's change counter).
    assert dump(path) == content
    assert version(path) == [head]
    assert not Path(str(path) + "-wal").exists()
    monkeypatch.undo()
    store = Store.open(path, annotator="tester")  # the app that knows it still opens it
    assert make_transcript(store) == 2
    store.close()
