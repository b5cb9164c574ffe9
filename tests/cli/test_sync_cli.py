"""``taiyaku checkout`` and ``taiyaku sync`` on the command line, against a real PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from model.ops._base import current_text
from model.ops.corrections import edit_text
from model.schema import Annotator, Correction, Segment
from model.store import Store
from tests.cli.test_cli import assert_one_error_line
from tests.cli.test_team_cli import _briefing, _login, taiyaku

pytestmark = pytest.mark.pg


def test_checkout_work_offline_and_sync_as_the_logins_person(pg_server, pg_url, tmp_path: Path):
    tid = _briefing(pg_url)
    ann_url = _login(pg_server, "ann", pg_url)
    assert taiyaku("user", "add", "Ann Example", "--login", "ann", "--db", pg_url).returncode == 0
    out = tmp_path / "offline.sqlite3"
    done = taiyaku("checkout", tid, "--from", ann_url, "--to", out)
    assert done.returncode == 0, done.stderr
    assert "checked out transcript" in done.stdout and "taiyaku sync" in done.stdout
    assert "pw-ann" not in out.read_bytes().decode("latin-1")  # the password is not kept in the file
    # Offline: the usual commands work on the file.
    replaced = taiyaku("replace", tid, "Monday", "Tuesday", "--lang", "en", "--db", out)
    assert replaced.returncode == 0 and "3 places changed" in replaced.stdout  # monday too: case is ignored
    # The file remembers the server without the password: give it (here through PGPASSWORD).
    refused = taiyaku("sync", out)
    assert_one_error_line(refused, "ann")
    synced = taiyaku("sync", out, env={"PGPASSWORD": "pw-ann"})
    assert synced.returncode == 0, synced.stderr
    assert "1 change sent" in synced.stdout and "the file now holds the server's state" in synced.stdout
    store = Store.open(pg_url)
    try:
        with store.read() as s:
            seg = s.scalars(select(Segment).order_by(Segment.id)).first()
            assert current_text(s, seg, "en") == "The ship left on Tuesday. Tuesday!"
            authors = set(s.scalars(select(Annotator.name).join(Correction, Correction.annotator_id == Annotator.id)))
            assert authors == {"Ann Example"}  # the login's person, whatever the laptop's user name
    finally:
        store.close()
    again = taiyaku("sync", out, "--from", ann_url)
    assert again.returncode == 0 and again.stdout.startswith("0 changes sent")


def test_sync_of_a_file_that_was_not_checked_out_is_one_line(tmp_path: Path):
    plain = tmp_path / "plain.sqlite3"
    store = Store.open(plain)
    store.close()
    assert_one_error_line(taiyaku("sync", plain), "not a checked-out file")
    assert_one_error_line(taiyaku("sync", tmp_path / "missing.sqlite3"), "no file")


def test_checkout_refuses_an_existing_file_and_a_missing_transcript(pg_url, tmp_path: Path):
    tid = _briefing(pg_url)
    existing = tmp_path / "mine.sqlite3"
    existing.write_bytes(b"")
    assert_one_error_line(taiyaku("checkout", tid, "--from", pg_url, "--to", existing), "exists already")
    assert_one_error_line(taiyaku("checkout", 99, "--from", pg_url, "--to", tmp_path / "x.sqlite3"),
                          "no transcript 99")
    assert not (tmp_path / "x.sqlite3").exists()


def test_an_unreachable_source_is_one_line_and_leaves_the_file_as_it_was(pg_url, tmp_path: Path):
    from tests.pg import free_port

    tid = _briefing(pg_url)
    out = tmp_path / "offline.sqlite3"
    assert taiyaku("checkout", tid, "--from", pg_url, "--to", out).returncode == 0
    local = Store.open(out, annotator="alice")
    try:
        with local.read() as s:
            seg = s.scalars(select(Segment).order_by(Segment.id)).first().id
        edit_text(local, seg, "en", "Edited offline.")
    finally:
        local.close()
    before = out.read_bytes()
    nowhere = f"postgresql://aya:hunter2@127.0.0.1:{free_port()}/taiyaku"
    line = assert_one_error_line(taiyaku("sync", out, "--from", nowhere), "cannot reach the database server")
    assert "hunter2" not in line
    assert out.read_bytes() == before
    assert_one_error_line(taiyaku("checkout", tid, "--from", nowhere, "--to", tmp_path / "n.sqlite3"),
                          "cannot reach")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["offline.sqlite3"]


def test_an_offline_approval_by_an_annotator_is_refused_on_the_server_and_said(pg_server, pg_url, tmp_path: Path):
    from model.ops.review_state import approve

    tid = _briefing(pg_url)
    ben_url = _login(pg_server, "ben", pg_url)
    assert taiyaku("user", "add", "Ben", "--login", "ben", "--db", pg_url).returncode == 0  # an annotator
    out = tmp_path / "offline.sqlite3"
    assert taiyaku("checkout", tid, "--from", ben_url, "--to", out).returncode == 0
    local = Store.open(out)  # on the laptop nothing stops him: roles live on the server
    try:
        with local.read() as s:
            seg = s.scalars(select(Segment).order_by(Segment.id)).first().id
        edit_text(local, seg, "en", "The ship left on Tuesday.")
        approve(local, seg)
    finally:
        local.close()
    synced = taiyaku("sync", out, "--from", ben_url)
    assert synced.returncode == 0, synced.stderr
    assert "1 change sent" in synced.stdout and "1 refused" in synced.stdout
    assert "refused: Approve segment" in synced.stdout and "only a reviewer" in synced.stdout
    store = Store.open(pg_url)
    try:
        with store.read() as s:
            state = s.get(Segment, seg)
            assert (current_text(s, state, "en"), state.review_state) == ("The ship left on Tuesday.", "edited")
    finally:
        store.close()
