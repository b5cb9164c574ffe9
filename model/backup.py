"""Automatic backups of an SQLite database: a rolling set of consistent copies.

Like Anki, Taiyaku keeps copies of the database in the user's data folder
(``<data>/backups/<name>-<hash>/``, one folder per database file): taken when the
window opens and closes and at most every ``EVERY_MINUTES`` minutes of work, with
``VACUUM INTO`` (a consistent, compact snapshot even while the app writes --
never a copy of the open file). The oldest go first once there are more than
``KEEP`` copies or they take more than ``MAX_TOTAL_BYTES``; the newest is always kept.

A copy is restored into a NEW file (``restore_backup``), never over the open
database. PostgreSQL databases are not backed up here: that is the server's job
(``pg_dump``).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from platformdirs import user_data_dir

from model.errors import TaiyakuError

APP_NAME = "Taiyaku"
KEEP = 12  # copies per database
MAX_TOTAL_BYTES = 2 << 30  # all copies of one database together (the newest is kept regardless)
EVERY_MINUTES = 15  # at most one copy per this many minutes of work
BACKUP_DIR_ENV = "TAIYAKU_BACKUP_DIR"  # another folder for the copies (tests, a second disk)
SUFFIX = ".sqlite3"


class BackupFailed(TaiyakuError):
    """A backup could not be taken or restored (one line)."""


@dataclass(frozen=True)
class BackupInfo:
    """One copy: where, when (local time), its size and how many transcripts it holds."""

    path: Path
    taken_at: datetime
    size: int
    transcripts: int | None  # None: the copy could not be read


def is_server_url(db: str | Path) -> bool:
    """Whether ``db`` names a database server (a URL such as postgresql://...), not a file."""
    text = str(db)
    head = text.split(":", 1)[0]
    return ":/" in text and head.replace("+", "").isalpha() and len(head) > 1


def backup_root() -> Path:
    """The folder holding every database's backups."""
    chosen = os.environ.get(BACKUP_DIR_ENV)
    return Path(chosen) if chosen else Path(user_data_dir(APP_NAME, appauthor=False)) / "backups"


def backup_dir(db_path: str | Path) -> Path:
    """The folder of one database's copies (named after the file, told apart by its full path)."""
    resolved = Path(db_path).expanduser().resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return backup_root() / f"{resolved.stem}-{digest}"


def take_backup(db_path: str | Path, reason: str = "manual") -> Path:
    """Copy the database at ``db_path`` into its backup folder now; returns the copy's path.

    ``VACUUM INTO`` reads one consistent snapshot (other connections may keep writing). The copy
    is written under a temporary name and renamed when complete, then old copies are pruned.
    """
    source = Path(db_path).expanduser()
    if is_server_url(db_path):
        raise BackupFailed("backups are for SQLite files; back up a PostgreSQL database with pg_dump on its server")
    if not source.is_file():
        raise BackupFailed(f"there is no database at {source}")
    folder = backup_dir(source)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupFailed(f"cannot create the backup folder {folder}: {exc.strerror}") from None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stamp}-{reason}{SUFFIX}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stamp}-{reason}-{n}{SUFFIX}"
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            conn.execute("PRAGMA busy_timeout=10000")
            conn.execute("VACUUM INTO ?", (str(partial),))
        finally:
            conn.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        low = str(exc).lower()
        why = "the disk is full" if "full" in low or "no space" in low else str(exc).splitlines()[0]
        raise BackupFailed(f"could not back up {source}: {why}") from None
    prune(folder)
    return target


def _copies(folder: Path) -> list[Path]:
    """The finished copies in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.name.endswith(SUFFIX) and p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def prune(folder: Path, keep: int = KEEP, max_bytes: int = MAX_TOTAL_BYTES) -> list[Path]:
    """Delete the oldest copies beyond ``keep`` or ``max_bytes`` in all (never the newest)."""
    removed: list[Path] = []
    total = 0
    for index, copy in enumerate(_copies(folder)):
        size = copy.stat().st_size
        total += size
        if index > 0 and (index >= keep or total > max_bytes):
            copy.unlink(missing_ok=True)
            removed.append(copy)
    return removed


def check_database(db_path: str | Path) -> list[str]:
    """Every problem SQLite finds in the file: ``integrity_check`` (all pages) and
    ``foreign_key_check`` (rows whose parent is missing), one line each; [] when sound.

    The file is only read (``query_only``); a file that is not a database is one problem.
    """
    path = Path(db_path).expanduser()
    if not path.is_file():
        raise BackupFailed(f"there is no database at {path}")
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            return [f"{path} is not an SQLite database"]
    problems: list[str] = []
    try:
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA query_only=ON")
            conn.execute("PRAGMA busy_timeout=10000")
            rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]  # at most 100 problems
            problems += [f"integrity: {line.strip()}" for r in rows if r != "ok" for line in r.splitlines()
                         if line.strip() and not line.startswith("***")]
            for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
                problems.append(f"foreign key: {table} row {rowid} refers to a missing {parent} row")
        finally:
            conn.close()
    except sqlite3.Error as exc:
        problems.append(f"damaged: {str(exc).splitlines()[0]}")
    return problems


def transcript_count(copy: Path) -> int | None:
    """How many transcripts a copy holds (read-only; None if it cannot be read)."""
    try:
        conn = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT count(*) FROM transcript").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def list_backups(db_path: str | Path) -> list[BackupInfo]:
    """The copies of the database at ``db_path``, newest first."""
    return [BackupInfo(p, datetime.fromtimestamp(p.stat().st_mtime), p.stat().st_size, transcript_count(p))
            for p in _copies(backup_dir(db_path))]


def last_backup_age(db_path: str | Path) -> float | None:
    """Seconds since the newest copy was taken (None: there is none)."""
    copies = _copies(backup_dir(db_path))
    return time.time() - copies[0].stat().st_mtime if copies else None


def restore_backup(copy: str | Path, target: str | Path, *, open_database: str | Path | None = None) -> Path:
    """Restore ``copy`` into the NEW file ``target`` (never over an existing file or the open database).

    The result is checked (``PRAGMA integrity_check``) before it is handed back.
    """
    source, dest = Path(copy), Path(target).expanduser()
    if open_database is not None and not is_server_url(open_database) and \
            dest.resolve() == Path(open_database).expanduser().resolve():
        raise BackupFailed("a backup is never restored over the open database; choose a new file")
    if dest.exists():
        raise BackupFailed(f"{dest} already exists; a backup is restored into a new file")
    if not source.is_file():
        raise BackupFailed(f"there is no backup at {source}")
    partial = dest.with_name(dest.name + ".partial")
    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                problems = [row[0] for row in dst.execute("PRAGMA integrity_check(3)")]
            finally:
                dst.close()
        finally:
            src.close()
        if problems != ["ok"]:
            raise BackupFailed(f"the backup {source.name} is damaged ({problems[0]}); nothing was restored")
        os.replace(partial, dest)
    except (sqlite3.Error, OSError) as exc:
        raise BackupFailed(f"could not restore {source.name}: {str(exc).splitlines()[0]}") from None
    finally:
        partial.unlink(missing_ok=True)
    return dest
