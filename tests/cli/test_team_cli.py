"""``taiyaku replace`` and ``taiyaku user``, on SQLite and on a real PostgreSQL server, and roles."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from model.ops.corrections import edit_text
from model.ops.review_state import approve
from model.people import PermissionRefused
from model.schema import Annotator, ChangeEvent, Segment
from model.store import Store
from tests.cli.test_cli import assert_one_error_line
from tests.helpers import make_transcript

ROOT = Path(__file__).resolve().parents[2]


def taiyaku(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ, PYTHONIOENCODING="utf-8", XDG_DATA_HOME=str(ROOT / ".no-such-data"), **(env or {}))
    full.pop("TAIYAKU_DEBUG", None)
    full.pop("TAIYAKU_DB", None) if not env or "TAIYAKU_DB" not in env else None
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", env=full, cwd=ROOT, timeout=120)


def _briefing(db: str | Path) -> int:
    store = Store.open(db, annotator="tester")
    try:
        return make_transcript(store, [("Q", [("The ship left on Monday. Monday!", "月曜日に出た。")]),
                                       ("A", [("Not on monday.", None)])])
    finally:
        store.close()


def test_replace_is_one_operation_and_prints_how_many_places_changed(any_db):
    tid = _briefing(any_db)
    result = taiyaku("replace", tid, "Monday", "Tuesday", "--lang", "en", "--db", any_db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("3 places changed")  # any case unless --match-case
    store = Store.open(any_db, annotator="tester")
    try:
        with store.read() as s:
            events = s.query(ChangeEvent).filter_by(action="Replace all").all()
            assert len(events) == 1
            event_id = events[0].id
        store.undo(event_id)  # one undo step takes both back
        result = taiyaku("replace", tid, "monday", "Friday", "--regex", "--match-case", "--db", any_db)
        assert result.stdout.startswith("1 place changed")
        assert taiyaku("replace", tid, "Sunday", "x", "--db", any_db).stdout.startswith("0 places changed")
    finally:
        store.close()


def test_replace_on_a_missing_transcript_is_one_line(any_db):
    _briefing(any_db)
    assert_one_error_line(taiyaku("replace", "77", "a", "b", "--db", any_db), "no transcript 77")


@pytest.mark.pg
def test_taiyaku_db_names_the_server_and_postgresql_urls_work(pg_url):
    tid = _briefing(pg_url)
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    result = taiyaku("list", env={"TAIYAKU_DB": plain})
    assert result.returncode == 0, result.stderr
    assert "Test briefing" in result.stdout
    assert taiyaku("replace", tid, "ship", "boat", env={"TAIYAKU_DB": plain}).stdout.startswith("1 place")


@pytest.mark.pg
def test_an_unreachable_server_on_the_command_line_is_one_line():
    from tests.pg import free_port

    result = taiyaku("list", "--db", f"postgresql://aya:hunter2@127.0.0.1:{free_port()}/taiyaku")
    line = assert_one_error_line(result, "cannot reach the database server")
    assert "hunter2" not in line


def _login(pg_server, name: str, db_url: str) -> str:
    """A server login with a password and the team's table rights; its URL for ``db_url``."""
    pg_server.admin(f"DO $$ BEGIN CREATE ROLE {name} LOGIN PASSWORD 'pw-{name}'; "
                    f"EXCEPTION WHEN duplicate_object THEN NULL; END $$")
    database = db_url.rsplit("/", 1)[1]
    pg_server.grant_team_access(name, database)
    return f"postgresql://{name}:pw-{name}@127.0.0.1:{pg_server.port}/{database}"


@pytest.mark.pg
def test_roles_on_a_shared_server(pg_server, pg_url):
    tid = _briefing(pg_url)  # as the owner
    aya_url, rita_url = _login(pg_server, "aya", pg_url), _login(pg_server, "rita", pg_url)
    # Not yet known to Taiyaku: refused in one line, nothing written.
    aya = Store.open(aya_url, annotator="someone else")
    with pytest.raises(PermissionRefused, match="no Taiyaku account"):
        _ = aya.annotator_id
    aya.close()
    assert taiyaku("user", "add", "Aya Mori", "--login", "aya", "--db", pg_url).returncode == 0
    assert taiyaku("user", "add", "rita", "--role", "reviewer", "--db", pg_url).returncode == 0
    listed = taiyaku("user", "list", "--db", pg_url).stdout
    assert "Aya Mori  annotator  aya" in listed and "rita      reviewer   rita" in listed
    with Store.open(pg_url).read() as s:
        seg = s.query(Segment.id).filter_by(transcript_id=tid).order_by(Segment.id).first()[0]

    aya = Store.open(aya_url, annotator="rita")  # asking for another name changes nothing
    try:
        event = edit_text(aya, seg, "en", "The boat left on Monday. Monday!")  # annotators correct
        with aya.read() as s:
            assert s.get(ChangeEvent, event).annotator_id == s.query(Annotator.id).filter_by(name="Aya Mori").scalar()
        with pytest.raises(PermissionRefused, match="only a reviewer or admin can approve segments; Aya Mori"):
            approve(aya, seg)
    finally:
        aya.close()
    refused = taiyaku("user", "set-role", "Aya Mori", "admin", "--db", aya_url)
    assert_one_error_line(refused, "only an admin can manage people")
    rita = Store.open(rita_url)
    try:
        assert approve(rita, seg)
    finally:
        rita.close()
    assert taiyaku("user", "set-role", "Aya Mori", "reviewer", "--db", pg_url).stdout.strip() == \
        "Aya Mori is now a reviewer"
