"""Database files a user may hand us: each bad one is refused in one line and left byte-identical."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from model.errors import DatabaseError
from model.readmodel import list_transcripts
from model.store import Store
from tests.factory import make_transcript

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: object) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("TAIYAKU_DEBUG", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120)


def good_database(path: Path, transcripts: int = 3) -> Path:
    """A real Taiyaku database with a few transcripts, closed (WAL checkpointed)."""
    store = Store.open(path, annotator="tester")
    for _ in range(transcripts):
        make_transcript(store)
    store.close()
    return path


def assert_refused(path: Path, *fragments: str, command: tuple[str, ...] = ("list",)) -> str:
    """Every command that opens ``path`` answers with one error line and leaves it (and its folder) alone."""
    before = path.read_bytes()
    siblings = sorted(p.name for p in path.parent.iterdir())
    for cmd in (command, ("export", "1", "--format", "json"), ("import", ROOT / "README.md")):
        result = run_cli(*cmd, "--db", path)
        assert result.returncode == 2, (cmd, result.stdout, result.stderr)
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("taiyaku: error: "), result.stderr
        assert "Traceback" not in result.stderr
        for fragment in fragments:
            assert fragment in lines[0], lines[0]
        assert path.read_bytes() == before, f"{cmd} changed the file"
        assert sorted(p.name for p in path.parent.iterdir()) == siblings, f"{cmd} left files behind"
    return lines[0]


def test_a_text_file_is_not_a_database(tmp_path: Path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("Minutes of the meeting\nNothing to see here.\n", encoding="utf-8")
    assert_refused(path, "is not a Taiyaku database", str(path))


def test_an_sqlite_database_of_another_app_is_refused(tmp_path: Path):
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO recipes (name) VALUES ('miso soup')")
    con.commit()
    con.close()
    assert_refused(path, "not a Taiyaku one")


def damaged_database(path: Path, damage: str) -> Path:
    """A real database with some pages garbled, or cut in half."""
    good_database(path, transcripts=20)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 12 * page
    if damage == "garbled pages":
        for number in (3, 6, 10):
            data[number * page:(number + 1) * page] = bytes((i * 37 + number) % 251 for i in range(page))
    else:
        data = data[: len(data) // 2]
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("damage", ["garbled pages", "truncated"])
def test_a_damaged_database_is_refused(tmp_path: Path, damage: str):
    assert_refused(damaged_database(tmp_path / "damaged.sqlite3", damage), "is damaged")


@pytest.mark.parametrize("damage", ["garbled pages", "truncated"])
def test_a_damage_check_in_the_background_refuses_the_first_write(tmp_path: Path, damage: str):
    """The window checks the file while it opens: nothing is written before the verdict."""
    path = damaged_database(tmp_path / "damaged.sqlite3", damage)
    before = path.read_bytes()
    try:
        store = Store.open(path, annotator="tester", check_in_background=True)
    except DatabaseError as exc:  # damage this bad already shows in the schema pages
        assert "damaged" in str(exc) or "malformed" in str(exc)
        return
    try:
        for _ in range(2):  # and again: a damaged file stays refused
            with pytest.raises(DatabaseError, match="is damaged"):
                store.ensure_intact()
        with pytest.raises(DatabaseError, match="is damaged"):
            make_transcript(store)
    finally:
        store.close()
    assert path.read_bytes() == before


def test_a_sound_database_checked_in_background_takes_writes(tmp_path: Path):
    path = good_database(tmp_path / "sound.sqlite3", transcripts=1)
    store = Store.open(path, annotator="tester", check_in_background=True)
    try:
        store.ensure_intact()
        make_transcript(store)
        assert len(list_transcripts(store)) == 2
    finally:
        store.close()


@pytest.mark.parametrize("damage", ["garbled pages", "truncated"])
def test_the_window_refuses_a_damaged_database_in_one_line(tmp_path: Path, damage: str):
    (tmp_path / "db").mkdir()
    path = damaged_database(tmp_path / "db" / "damaged.sqlite3", damage)
    before = path.read_bytes()
    siblings = sorted(p.name for p in path.parent.iterdir())
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(path), "--quit-after-load"],
                            capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 2, (result.stdout, result.stderr)
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("taiyaku: error: ")]
    assert len(errors) == 1 and ("is damaged" in errors[0] or "malformed" in errors[0]), result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings


def test_a_read_only_database_is_refused(tmp_path: Path):
    path = good_database(tmp_path / "readonly.sqlite3")
    path.chmod(0o444)
    try:
        assert_refused(path, "read-only")
    finally:
        path.chmod(0o644)


def test_a_database_from_a_newer_taiyaku_is_refused(tmp_path: Path):
    path = good_database(tmp_path / "newer.sqlite3")
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    assert_refused(path, "newer version of Taiyaku", "9999_from_the_future")


def test_a_locked_database_is_refused(tmp_path: Path):
    path = good_database(tmp_path / "locked.sqlite3")
    before = path.read_bytes()
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        # Another program holding an exclusive lock: nobody else may read or write.
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("SELECT count(*) FROM transcript").fetchone()
        result = run_cli("list", "--db", path)  # waits for the busy timeout (5 s), then gives up
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "is locked by another program" in lines[0], result.stderr
    assert path.read_bytes() == before
    assert run_cli("list", "--db", path).returncode == 0  # and once released it opens


def test_a_folder_is_not_a_database(tmp_path: Path):
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    result = run_cli("list", "--db", folder)
    assert result.returncode == 2
    assert result.stderr.strip() == f"taiyaku: error: {folder} is a folder, not a database file"


def test_an_empty_file_becomes_a_new_database(tmp_path: Path):
    path = tmp_path / "empty.sqlite3"
    path.touch()
    result = run_cli("import", ROOT / "resources" / "samples" / "taiyaku-sample-briefing.txt", "--db", path) \
        if _have_importer() else run_cli("list", "--db", path)
    assert result.returncode == 0, result.stderr
    assert path.read_bytes().startswith(b"SQLite format 3\x00")


def _have_importer() -> bool:
    from importlib.util import find_spec

    return find_spec("model.importer") is not None


@pytest.mark.parametrize("make", [
    lambda p: p.write_bytes(b"\x00" * 100),
    lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\xff" * 84),
])
def test_other_garbage_is_refused(tmp_path: Path, make: Callable[[Path], None]):
    path = tmp_path / "garbage.sqlite3"
    make(path)
    assert_refused(path)


@pytest.mark.parametrize("name", ["50% done.sqlite3", "a%20b.sqlite3", "100%%.sqlite3"])
def test_a_database_whose_name_has_a_percent_sign_opens(tmp_path: Path, name: str):
    # The path went into Alembic's settings, which read "%" as the start of a substitution: creating
    # or migrating such a file failed with "invalid interpolation syntax".
    path = tmp_path / name
    store = Store.open(path, annotator="tester")
    make_transcript(store, title="Percent")
    store.close()
    assert [t.title for t in list_transcripts(Store.open(path))] == ["Percent"]
    result = run_cli("--db", path, "list")
    assert result.returncode == 0 and "Percent" in result.stdout, result.stderr
