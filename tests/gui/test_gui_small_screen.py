"""The window on a common laptop screen (1366x768, less a 40-px panel): it fits, and the status
bar (where "All changes saved" is) is on the screen. The docks' minimums added up to a window
778 px tall, which such a screen cut off at the status bar."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from gui_helpers import BRIEFING, make_transcript, make_window

from model.store import Store

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gui import app as gapp
from gui.window import startup_frame

FRAME = []
show_frame = startup_frame.show_frame
def watched_show_frame(*args):
    frame = show_frame(*args)
    FRAME.append(frame.geometry().getRect())
    return frame
startup_frame.show_frame = watched_show_frame

def started(ctx):
    def painted():
        def look():
            w = ctx.window
            screen = w.screen().availableGeometry()
            saved = w.saved_label
            corner = saved.mapToGlobal(saved.rect().bottomRight())
            print("RESULT", json.dumps({
                "screen": screen.getRect(), "frame": w.frameGeometry().getRect(),
                "startup_frame": FRAME[0], "window": w.geometry().getRect(),
                "minimum": w.minimumSizeHint().toTuple(),
                "saved": saved.text(), "saved_corner": [corner.x(), corner.y()],
                "panes": [w.panes.pane(lang).width() for lang in ("en", "ja")],
            }), flush=True)
            QApplication.instance().quit()
        QTimer.singleShot(300, look)  # the first-run layout of the docks comes right after the paint
    ctx.firstPainted.connect(painted)

if __name__ == "__main__":
    sys.exit(gapp.run(["--db", sys.argv[1]], started=started))
"""


def _first_run(tmp_path: Path, script: str, width: int, height: int) -> dict:
    """Run ``script`` (the window on a transcript, fresh settings unless written already) on an
    offscreen screen of ``width`` x ``height``; the JSON it printed after "RESULT"."""
    db = tmp_path / "lib.sqlite3"
    store = Store.open(db, annotator="tester")
    make_transcript(store, BRIEFING, title="First run")
    store.close()
    screen = tmp_path / "screen.json"  # Qt's offscreen platform takes its screens from a file
    screen.write_text(json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0, "width": width, "height": height,
                                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    path = tmp_path / "script.py"
    path.write_text(script)
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, str(path), str(db)], capture_output=True, text=True, timeout=180,
                            env=env, cwd=ROOT)
    assert "RESULT" in result.stdout, result.stderr[-3000:]
    return json.loads(result.stdout.split("RESULT", 1)[1])


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_window_fits_a_1366x768_laptop_screen_with_its_status_bar_showing(tmp_path, language):
    config = tmp_path / "config" / "Taiyaku"
    config.mkdir(parents=True)
    (config / "Taiyaku.conf").write_text(f"[ui]\nlanguage={language}\n", encoding="utf-8")
    seen = _first_run(tmp_path, SCRIPT, 1366, 728)
    x, y, width, height = seen["screen"]
    fx, fy, fwidth, fheight = seen["frame"]
    assert seen["minimum"][0] <= width and seen["minimum"][1] <= height, seen
    assert fx >= x and fy >= y and fx + fwidth <= x + width and fy + fheight <= y + height, seen
    assert seen["startup_frame"] == seen["window"], seen  # the frame shown before it did not jump
    assert seen["saved"] and seen["saved_corner"][1] < y + height, seen  # the save state is on the screen
    assert min(seen["panes"]) >= 250, seen  # and the panes still have room to read in


def test_a_dock_with_room_for_its_content_does_not_scroll_and_one_without_does(qtbot, store, tmp_path):
    """Qt's own resizable scroll area gave the Review panel its preferred height for the width
    (its buttons wrap), so on a 1920x1080 screen the dock scrolled its Reply/Resolve buttons away."""
    from PySide6.QtWidgets import QPushButton

    from gui.window.dock_scroll import DockScroll

    window, _tid = make_window(qtbot, store, tmp_path)
    dock = window.review.review_dock
    review = dock.widget()
    assert isinstance(review, DockScroll)
    # Once its counts are read, a wrapped line of them gives the panel a height for each width.
    qtbot.waitUntil(lambda: review.widget().layout().hasHeightForWidth())
    dock.setFloating(True)  # sized freely: just above the least height the panel needs at its width
    least_w, least_h = review.content_minimum(300)
    title = dock.height() - review.height()
    dock.resize(300, least_h + title + 20)
    qtbot.waitUntil(lambda: review.height() >= least_h + 10)
    qtbot.wait(50)
    assert not review.verticalScrollBar().isVisible() and not review.horizontalScrollBar().isVisible()
    buttons = [b for b in review.widget().findChildren(QPushButton) if b.isVisibleTo(review.widget())]
    lowest = max(buttons, key=lambda b: b.mapTo(review.widget(), b.rect().bottomRight()).y())
    corner = lowest.mapTo(review.viewport(), lowest.rect().bottomRight())
    assert review.viewport().rect().contains(corner)  # the panel's last button is in view
    dock.resize(300, least_h // 2)  # now less than the panel's least height: it scrolls, nothing is squeezed
    qtbot.waitUntil(lambda: review.verticalScrollBar().isVisible())
    assert review.widget().height() >= review.content_minimum(review.widget().width())[1]


LAYOUTS_SCRIPT = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gui import app as gapp
from gui.panes import TranscriptPane

COUNT = {"before": 0, "after": 0}
PAINTED = []
lay_out = TranscriptPane.doItemsLayout
def counted(self):
    if self.model() is not None and self.model().rowCount():
        COUNT["after" if PAINTED else "before"] += 1
    lay_out(self)
TranscriptPane.doItemsLayout = counted

def started(ctx):
    def painted():
        PAINTED.append(True)
        def done():
            print("RESULT", json.dumps(COUNT), flush=True)
            QApplication.instance().quit()
        QTimer.singleShot(800, done)
    ctx.firstPainted.connect(painted)

if __name__ == "__main__":
    sys.exit(gapp.run(["--db", sys.argv[1]], started=started))
"""


def test_on_a_first_run_each_pane_is_laid_out_once_before_the_paint_and_not_after(tmp_path):
    """A layout of a pane measures every row (~35 ms at 500,000 rows). The docks' first-run sizes
    came from a timer after the first layouts: five layouts, two of them after the paint, where the
    annotator's first keystroke waited for them."""
    count = _first_run(tmp_path, LAYOUTS_SCRIPT, 1920, 1080)
    assert count == {"before": 2, "after": 0}
