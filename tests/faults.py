"""Faults made for real in tests: another process holding the write lock, a full disk, damage.

``lock_held(path)`` starts a second Python process that takes SQLite's write lock with
``BEGIN EXCLUSIVE`` and keeps it until the block ends (what another program writing to
the database, e.g. a long import from the command line, does to us).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()  # until the test closes our stdin
conn.execute("ROLLBACK")
"""

# Short waits keep the lock tests fast; the app's own default is 5 s.
TEST_BUSY_TIMEOUT_MS = "700"


@contextmanager
def lock_held(path: Path) -> Iterator[subprocess.Popen[str]]:
    """Hold ``path``'s write lock from another process for the duration of the block."""
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "locked"
        yield proc
    finally:
        if proc.stdin is not None:
            proc.stdin.close()
        proc.wait(timeout=20)


def file_bytes(path: Path) -> bytes:
    """The database file's bytes (WAL content checkpointed by the caller first)."""
    return Path(path).read_bytes()


def limit_pages(store: object, extra_pages: int = 2) -> None:
    """Make the store's database "full" a few pages from now (``PRAGMA max_page_count``)."""
    from sqlalchemy import event, text

    engine = store.engine  # type: ignore[attr-defined]
    with engine.connect() as conn:
        pages = conn.execute(text("PRAGMA page_count")).scalar()
    limit = int(pages) + extra_pages

    def _limit(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.execute(f"PRAGMA max_page_count={limit}")

    engine.dispose()  # every connection from now on has the limit
    event.listen(engine, "connect", _limit)


@contextmanager
def tiny_disk(tmp_path: Path, size: str = "2m") -> Iterator[Path]:
    """A real, small file system (tmpfs) to fill up; skips the test where mounting is not allowed."""
    import pytest

    where = tmp_path / "tiny-disk"
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here ({done.stderr.strip() or done.returncode})")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill_up(folder: Path) -> None:
    """Write zeros into ``folder`` until its file system is full."""
    import os

    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:  # ENOSPC: full
        pass
    finally:
        os.close(fd)


def scramble_pages(path: Path, first_share: float = 1 / 3, pages: int = 40, seed: int = 1) -> None:
    """Damage a database for real: overwrite the middle of ``pages`` pages from ``first_share`` of the file."""
    import random

    data = bytearray(path.read_bytes())
    size = 4096
    start = int(len(data) // size * first_share)
    rng = random.Random(seed)
    for page in range(start, min(start + pages, len(data) // size)):
        for i in range(page * size + 100, page * size + size - 96, 7):
            data[i] = rng.randrange(256)
    path.write_bytes(bytes(data))
