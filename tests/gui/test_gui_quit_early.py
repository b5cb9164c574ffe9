"""Quitting right after the window opens: the background threads the paint started (the icons'
import, the review marks, the library's counts) end before the app does, and the process exits
cleanly (a thread still importing a Qt module while Python tore down crashed it, most runs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gui_helpers import BRIEFING, make_transcript

from model.store import Store

ROOT = Path(__file__).resolve().parents[2]

# Quits at the first paint, as a user closing the window at once would; then lists the window's
# threads still running once the app's run has returned.
SCRIPT = """
import sys, threading
from PySide6.QtWidgets import QApplication
from gui import app as gapp

def started(ctx):
    ctx.firstPainted.connect(QApplication.instance().quit)

code = gapp.run(["--db", sys.argv[1]], started=started)
print("LEFT", [t.name for t in threading.enumerate() if t.name.startswith("taiyaku-")], flush=True)
sys.exit(code)
"""


def test_quitting_at_the_first_paint_leaves_no_thread_and_exits_cleanly(tmp_path):
    db = tmp_path / "lib.sqlite3"
    store = Store.open(db, annotator="tester")
    make_transcript(store, BRIEFING, title="Quit early")
    store.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    for _ in range(3):  # the crash came with the threads' timing: most runs, not every one
        result = subprocess.run([sys.executable, "-c", SCRIPT, str(db)], capture_output=True, text=True,
                                timeout=180, env=env, cwd=ROOT)
        assert "LEFT []" in result.stdout and result.returncode == 0, result.stdout + result.stderr[-3000:]
