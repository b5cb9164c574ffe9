"""The window's frame is on screen before the storage stack is imported, and goes once the window painted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget

from gui.window.startup_frame import StartupFrame, remember_layout

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
class Watch(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint and isinstance(o, QMainWindow):
            print("FRAME", type(o).__name__, "sqlalchemy" in sys.modules, flush=True)
            app.removeEventFilter(self)
        return False
watch = Watch()
app.installEventFilter(watch)
from gui import app as gapp
def shown():
    def report():
        alive = sorted(type(w).__name__ for w in QApplication.topLevelWidgets()
                       if isinstance(w, QMainWindow) and w.isVisible())
        print("VISIBLE", alive, flush=True)
        app.quit()
    QTimer.singleShot(100, report)
sys.exit(gapp.run(["--db", sys.argv[1]], started=lambda ctx: ctx.firstPainted.connect(shown)))
"""


def test_the_frame_paints_before_sqlalchemy_is_imported_and_hands_over(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "lib.sqlite3")], capture_output=True,
                            text=True, timeout=120, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "FRAME StartupFrame False" in result.stdout, result.stdout + result.stderr[-2000:]
    assert "VISIBLE ['MainWindow']" in result.stdout, result.stdout  # the frame went once the window painted


def test_the_frame_shows_the_docks_of_the_last_window(qtbot, store, tmp_path):
    from gui_helpers import make_window

    window, _tid = make_window(qtbot, store, tmp_path)
    settings = QSettings(str(tmp_path / "frame.ini"), QSettings.Format.IniFormat)
    remember_layout(window, settings)
    frame = StartupFrame(settings, str(tmp_path / "lib.sqlite3"))
    qtbot.addWidget(frame)

    def docks(w):
        return sorted((d.objectName(), w.dockWidgetArea(d).value) for d in w.findChildren(QDockWidget)
                      if w.dockWidgetArea(d) != Qt.DockWidgetArea.NoDockWidgetArea)

    assert docks(frame) == docks(window)
    assert "library_dock" in dict(docks(frame)) and "search_dock" in dict(docks(frame))
    menus = [a.menu() for a in frame.menuBar().actions()]
    assert len(menus) == 7 and not any(m.isEnabled() for m in menus)  # nothing works yet
