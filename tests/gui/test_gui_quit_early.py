"""Quitting right after the window opens: the background threads the paint started (the icons'
import, the review marks, the library's counts) end before the app does, and the process exits
cleanly (a thread still importing a Qt module while Python tore down crashed it, most runs);
the QA checks' process ends with it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
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


def _library(tmp_path: Path, title: str) -> Path:
    """A database holding one transcript."""
    db = tmp_path / "lib.sqlite3"
    store = Store.open(db, annotator="tester")
    make_transcript(store, BRIEFING, title=title)
    store.close()
    return db


def _env(tmp_path: Path) -> dict[str, str]:
    """Offscreen Qt, and settings and data folders of the test's own."""
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
                XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"))


def test_quitting_at_the_first_paint_leaves_no_thread_and_exits_cleanly(tmp_path):
    db = _library(tmp_path, "Quit early")
    env = _env(tmp_path)
    for _ in range(3):  # the crash came with the threads' timing: most runs, not every one
        result = subprocess.run([sys.executable, "-c", SCRIPT, str(db)], capture_output=True, text=True,
                                timeout=180, env=env, cwd=ROOT)
        assert "LEFT []" in result.stdout and result.returncode == 0, result.stdout + result.stderr[-3000:]


# Quits once the QA checks' process runs; prints its pid (it must be gone once the app has exited).
CHECKS_SCRIPT = """
import multiprocessing, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gui import app as gapp

def look():
    running = [p for p in multiprocessing.active_children() if p.name == "taiyaku-qa"]
    if running:
        print("CHECKS", running[0].pid, flush=True)
        QApplication.instance().quit()

def started(ctx):
    timer = QTimer(QApplication.instance(), interval=20)
    timer.timeout.connect(look)
    timer.start()

if __name__ == "__main__":
    sys.exit(gapp.run(["--db", sys.argv[1]], started=started))
"""


def test_quitting_ends_the_checks_process(tmp_path):
    db = _library(tmp_path, "Quit with the checks running")
    script = tmp_path / "quit_with_checks.py"
    script.write_text(CHECKS_SCRIPT)
    env = dict(_env(tmp_path), PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, str(script), str(db)], capture_output=True, text=True,
                            timeout=180, env=env, cwd=ROOT)
    assert result.returncode == 0 and "CHECKS" in result.stdout, result.stdout + result.stderr[-3000:]
    pid = int(result.stdout.split("CHECKS")[1].split()[0])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        raise AssertionError(f"the checks' process {pid} outlived the app")


def test_a_crash_of_the_window_says_where_every_thread_was(tmp_path):
    """A crash in Qt or a C library (a rare exit crash was seen once in a suite run as only
    "-11") leaves each thread's Python stack on stderr to find it by."""
    import signal

    db = _library(tmp_path, "Crash")
    env = _env(tmp_path)
    env.pop("PYTHONFAULTHANDLER", None)
    log = tmp_path / "stderr.txt"  # a file: the checks' process shares the window's stderr and outlives it a while
    with log.open("w") as stderr:
        child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(db)], env=env, cwd=tmp_path,
                                 stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        opened = db.with_name(db.name + "-wal")  # the window has imported Qt and opened the store
        deadline = time.monotonic() + 120
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
        child.send_signal(signal.SIGSEGV)
        child.wait(timeout=60)
    finally:
        child.kill()
    err = log.read_text()
    assert child.returncode == -signal.SIGSEGV
    assert "Segmentation fault" in err and "most recent call first" in err, err[-2000:]
