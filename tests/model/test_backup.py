"""Automatic backups and the database check (issue #11): consistent copies, bounded, restored
into a new file only; ``taiyaku backup`` and ``taiyaku check`` on the command line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import make_transcript

from model import backup
from model.readmodel import list_transcripts
from model.store import Store
from tests.faults import lock_held, scramble_pages

ROOT = Path(__file__).resolve().parents[2]
TURNS = [("Q", [("Hello there.", "こんにちは。")])]


@pytest.fixture(autouse=True)
def backup_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "backups"
    monkeypatch.setenv(backup.BACKUP_DIR_ENV, str(folder))
    return folder


def _cli(*args: object, backups: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", TAIYAKU_BACKUP_DIR=str(backups),
               XDG_DATA_HOME=str(ROOT / ".no-such-data"))
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120)


def test_a_backup_taken_while_another_program_writes_is_consistent_and_restores_into_a_new_file(
        store: Store, db_path: Path, tmp_path: Path):
    make_transcript(store, TURNS, title="First")
    with lock_held(db_path):  # another program in the middle of a write: the copy does not wait for it
        copy = backup.take_backup(db_path, "open")
    make_transcript(store, TURNS, title="Second")
    [info] = backup.list_backups(db_path)
    assert info.path == copy and info.transcripts == 1 and info.size > 0
    # Never over the open database, never over an existing file.
    with pytest.raises(backup.BackupFailed, match="never restored over the open database"):
        backup.restore_backup(copy, db_path.with_name(db_path.name), open_database=db_path)
    with pytest.raises(backup.BackupFailed, match="already exists"):
        backup.restore_backup(copy, db_path)
    restored = backup.restore_backup(copy, tmp_path / "restored.sqlite3", open_database=db_path)
    other = Store.open(restored, annotator="tester")
    try:
        assert [t.title for t in list_transcripts(other)] == ["First"]
    finally:
        other.close()
    assert [t.title for t in list_transcripts(store)] == ["First", "Second"]  # the open one untouched


def test_copies_are_bounded_in_number_and_size_and_the_newest_is_kept(store: Store, db_path: Path):
    make_transcript(store, TURNS)
    copies = [backup.take_backup(db_path, "work") for _ in range(backup.KEEP + 3)]
    kept = [b.path for b in backup.list_backups(db_path)]
    assert len(kept) == backup.KEEP and kept[0] == copies[-1]
    removed = backup.prune(backup.backup_dir(db_path), keep=100, max_bytes=1)
    assert [b.path for b in backup.list_backups(db_path)] == [copies[-1]] and len(removed) == backup.KEEP - 1


def test_the_backup_command_copies_and_lists_and_refuses_a_server_in_one_line(store: Store, db_path: Path,
                                                                               backup_folder: Path):
    make_transcript(store, TURNS)
    store.close()
    done = _cli("backup", "--db", db_path, backups=backup_folder)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"backed up {db_path} to {backup_folder}")
    listing = _cli("backup", "--list", "--db", db_path, backups=backup_folder)
    assert listing.returncode == 0 and "1 transcripts" in listing.stdout
    server = _cli("backup", "--db", "postgresql+psycopg://postgres@127.0.0.1:5432/taiyaku", backups=backup_folder)
    assert server.returncode == 2 and server.stderr.count("\n") == 1
    assert "for SQLite files" in server.stderr and "pg_dump" in server.stderr


def test_check_says_ok_for_a_sound_file_and_one_line_per_problem_otherwise(store: Store, db_path: Path,
                                                                           backup_folder: Path):
    make_transcript(store, TURNS)
    store.close()
    ok = _cli("check", "--db", db_path, backups=backup_folder)
    assert ok.returncode == 0 and ok.stdout.startswith("ok: "), (ok.stdout, ok.stderr)
    # A row whose parent is gone (written behind the app's back, foreign keys off).
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE segment SET turn_id = 99999 WHERE id = (SELECT min(id) FROM segment)")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    bad = _cli("check", "--db", db_path, backups=backup_folder)
    assert bad.returncode == 1
    assert bad.stdout.splitlines() == ["foreign key: segment row 1 refers to a missing turn row"]
    assert db_path.read_bytes() == before  # only read


def test_check_reports_a_damaged_file_and_leaves_it_as_it_is(tmp_path: Path, backup_folder: Path):
    from model.importer import import_text

    path = tmp_path / "big.sqlite3"
    store = Store.open(path, annotator="tester")
    import_text(store, "".join(f"Q: Question {n} about the harbour.\nQ: 質問{n}です。\n\n" for n in range(3000)),
                filename="big.txt")
    store.close()
    scramble_pages(path)
    before = path.read_bytes()
    result = _cli("check", "--db", path, backups=backup_folder)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(("integrity: ", "damaged: ", "foreign key: ")) for line in lines)
    assert path.read_bytes() == before
