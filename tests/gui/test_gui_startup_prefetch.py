"""Start-up reads the transcript it will open while the window is built: the window then shows
that transcript, the one shown last, with its first rows' texts at the first paint; a last
transcript the settings cannot name (removed, or not a number) opens the oldest instead."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from gui_helpers import BRIEFING, make_transcript

from model.store import Store

ROOT = Path(__file__).resolve().parents[2]

# As a user starts the app (gui.app.run) with the settings naming the transcript shown last.
SCRIPT = """
import json, sys
from PySide6.QtWidgets import QApplication
from gui import app as gapp
from gui.window.settings import app_settings, db_key
from model.store import Store
path, last = sys.argv[1], sys.argv[2]
store = Store.open(path, annotator="tester")
app_settings().setValue(f"last_transcript/{db_key(store.path)}", last)
store.close()
CTX = []

def painted():
    model = CTX[0].window.transcript_model
    first = model.segment(0)
    out = {"shown": model.transcript_id, "title": model.skeleton.title, "rows": model.rowCount(),
           "first_row": first.en if first else None, "read_at_paint": len(model.cached_segments())}
    print("RESULT", json.dumps(out), flush=True)
    QApplication.instance().quit()

def started(ctx):
    CTX.append(ctx)
    ctx.firstPainted.connect(painted)

code = gapp.run(["--db", path], started=started)
CTX.clear()  # the window goes before the interpreter tears down Qt (held to the end, exit could crash)
sys.exit(code)
"""


def _start(db: Path, tmp_path: Path, last: str) -> dict:  # type: ignore[type-arg]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(db), last], capture_output=True, text=True,
                            timeout=180, env=env, cwd=ROOT)
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert result.returncode == 0 and lines, result.stdout + result.stderr[-3000:]
    return json.loads(lines[0].split(" ", 1)[1])  # type: ignore[no-any-return]


@pytest.fixture
def library(tmp_path: Path) -> tuple[Path, int, int]:
    db = tmp_path / "lib.sqlite3"
    store = Store.open(db, annotator="tester")
    oldest = make_transcript(store, BRIEFING, title="Oldest")
    newer = make_transcript(store, [("Q", [("The newer one begins here.", "新しい方はここから。")])] + BRIEFING,
                            title="Newer")
    store.close()
    return db, oldest, newer


def test_the_transcript_shown_last_opens_with_its_first_rows_read(library, tmp_path):
    db, _oldest, newer = library
    out = _start(db, tmp_path, str(newer))
    assert (out["shown"], out["title"], out["first_row"]) == (newer, "Newer", "The newer one begins here.")
    assert out["rows"] == 1 + sum(len(segments) for _label, segments in BRIEFING)
    assert out["read_at_paint"] > 1  # the first screen's texts, not only the row asked for


@pytest.mark.parametrize("last", ["999", "not a number"])
def test_a_last_transcript_that_cannot_open_opens_the_oldest(library, tmp_path, last):
    db, oldest, _newer = library
    out = _start(db, tmp_path, last)
    assert (out["shown"], out["title"]) == (oldest, "Oldest")
