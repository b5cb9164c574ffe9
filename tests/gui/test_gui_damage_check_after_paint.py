"""The damage check of a big file reads it past the first paint: the window's thread never waits
for it (the first keystroke did, 0.2-0.3 s at 200,000 segments), while its verdict still comes
before any write, before backups start, and before a scripted run exits (exit 2 if damaged)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.model.test_db_files import damaged_database, good_database

ROOT = Path(__file__).resolve().parents[2]

# The check is held back until the window has painted and handled a queued event, then let go.
SCRIPT = """
import json, sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import model.db as db
from gui import app as gapp

release = threading.Event()
check = db.IntegrityCheck._run
def held_back(self):
    release.wait(10)  # the old window waited for the check before it announced the paint: 10 s
    check(self)
db.IntegrityCheck._run = held_back
seen = {}

def started(ctx):
    def painted():
        seen["known_at_paint"] = ctx.store.intact_known
        def next_turn():
            seen["known_next_turn"] = ctx.store.intact_known
            release.set()
            print("SEEN", json.dumps(seen), flush=True)
        QTimer.singleShot(0, next_turn)
    ctx.firstPainted.connect(painted)

sys.exit(gapp.run(sys.argv[1:], started=started))
"""


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, "-c", SCRIPT, *args], capture_output=True, text=True, timeout=180,
                          env=env, cwd=ROOT)


def _seen(result: subprocess.CompletedProcess[str]) -> dict:  # type: ignore[type-arg]
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("SEEN ")]
    assert lines, result.stdout + result.stderr[-3000:]
    return json.loads(lines[0].split(" ", 1)[1])  # type: ignore[no-any-return]


def test_the_window_paints_and_takes_events_while_the_check_still_reads(tmp_path):
    path = good_database(tmp_path / "sound.sqlite3", transcripts=2)
    result = _run(["--db", str(path), "--quit-after-load"], tmp_path)
    seen = _seen(result)
    assert seen["known_at_paint"] is False and seen["known_next_turn"] is False
    assert result.returncode == 0, result.stderr[-3000:]  # the scripted run exited once the check passed


@pytest.mark.parametrize("damage", ["garbled pages", "truncated"])
def test_damage_found_after_the_paint_is_still_refused_in_one_line(tmp_path, damage):
    path = damaged_database(tmp_path / "damaged.sqlite3", damage)
    before = path.read_bytes()
    result = _run(["--db", str(path), "--quit-after-load"], tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr[-3000:]
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("taiyaku: error: ")]
    assert len(errors) == 1 and ("is damaged" in errors[0] or "malformed" in errors[0]), result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before  # nothing was written while the check still read
