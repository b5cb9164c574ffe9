"""Faults made for real in tests: another process holding the write lock, a full disk, damage.

``lock_held(path)`` starts a second Python process that takes SQLite's write lock with
``BEGIN EXCLUSIVE`` and keeps it until the block ends (FIELD-NOTES: this is what another
program writing to the database does to us).
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
