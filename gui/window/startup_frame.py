"""The window's frame while the database opens: on screen before the storage stack is imported.

Importing SQLAlchemy with the schema and opening the database takes most of a start
(0.4-0.7 s on a 2-core machine, more than three times an empty window). So ``run``
first shows this frame -- the window's menus, toolbar and docks where the last session
left them (``remember_layout``), its panes saying that the database is opening -- then
imports the stack, builds the real window in the same place and lets the frame go.
Nothing here reads the database or imports the model beyond ``model.paths``.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTabWidget,
    QToolBar,
    QWidget,
)

from gui.window.first_size import LEFT_DOCK_WIDTH, bottom_dock_height, first_run_size

LAYOUT_KEY = "startup/docks"  # [[object name, title, area], ...] of the last window's docks
DEFAULT_DOCKS: list[list[object]] = [["library_dock", "Library", Qt.DockWidgetArea.LeftDockWidgetArea.value],
                                     ["details_dock", "Details", Qt.DockWidgetArea.BottomDockWidgetArea.value]]
MENUS = (("MainWindow", "&File"), ("MainWindow", "&Edit"), ("MainWindow", "&View"), ("MainWindow", "&Go"),
         ("Annotate", "&Annotate"), ("ReviewController", "&Review"), ("MainWindow", "&Help"))


def tr(text: str) -> str:
    """The frame's own words (context ``StartupFrame``)."""
    return QCoreApplication.translate("StartupFrame", text)


class StartupFrame(QMainWindow):
    """Menus, toolbar, docks and two panes that say the transcript is opening; nothing works yet."""

    def __init__(self, settings: QSettings, database: str) -> None:
        super().__init__()
        self.setObjectName("startup_frame")
        self.setWindowTitle("Taiyaku")
        self.setTabPosition(Qt.DockWidgetArea.LeftDockWidgetArea, QTabWidget.TabPosition.West)
        for context, source in MENUS:
            menu = self.menuBar().addMenu(QCoreApplication.translate(context, source))
            menu.setEnabled(False)
        toolbar = QToolBar(self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setMinimumHeight(34)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        panes = QWidget(self)
        row = QHBoxLayout(panes)
        for _lang in ("en", "ja"):
            label = QLabel(tr("Opening {name}…").format(name=Path(database).name), panes)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setEnabled(False)  # quiet: a state, not content
            row.addWidget(label, 1)
        self.setCentralWidget(panes)
        for name, title, area in _docks(settings):
            dock = QDockWidget(QCoreApplication.translate("MainWindow", str(title)), self)
            dock.setObjectName(str(name))
            waiting = QLabel(tr("Opening…"), dock)
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            waiting.setEnabled(False)
            dock.setWidget(waiting)
            self.addDockWidget(Qt.DockWidgetArea(int(str(area))), dock)
        self.statusBar().showMessage(tr("Opening the database…"))
        geometry = settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(first_run_size(self))
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        else:  # as the window lays itself out on a first run
            for dock in self.findChildren(QDockWidget):
                side = self.dockWidgetArea(dock)
                if side == Qt.DockWidgetArea.LeftDockWidgetArea:
                    self.resizeDocks([dock], [LEFT_DOCK_WIDTH], Qt.Orientation.Horizontal)
                elif side == Qt.DockWidgetArea.BottomDockWidgetArea:
                    self.resizeDocks([dock], [bottom_dock_height(self.height())], Qt.Orientation.Vertical)


def _docks(settings: QSettings) -> list[list[object]]:
    try:
        docks = json.loads(str(settings.value(LAYOUT_KEY, "")) or "null")
    except ValueError:
        docks = None
    if not isinstance(docks, list) or not all(isinstance(d, list) and len(d) == 3 for d in docks):
        return DEFAULT_DOCKS
    return docks


def show_frame(settings: QSettings, database: str) -> StartupFrame:
    """Show the frame and paint it now (the caller goes on to import the storage stack)."""
    frame = StartupFrame(settings, database)
    frame.show()
    app = QApplication.instance()
    if app is not None:
        for _ in range(3):  # expose, lay out, paint
            app.processEvents()
    return frame


def remember_layout(window: QMainWindow, settings: QSettings) -> None:
    """Note the window's docks (name, title, area) for the next start's frame."""
    docks = []
    for dock in window.findChildren(QDockWidget):
        if dock.objectName() and window.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea:
            docks.append([dock.objectName(), dock.windowTitle(), int(window.dockWidgetArea(dock).value)])
    settings.setValue(LAYOUT_KEY, json.dumps(docks, ensure_ascii=False))


class _HandOver(QObject):
    """Closes the frame once the real window has painted (no moment with no window at all)."""

    def __init__(self, frame: StartupFrame, window: QMainWindow) -> None:
        super().__init__(window)
        self.frame: StartupFrame | None = frame
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.frame is not None:
            frame, self.frame = self.frame, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, frame.close)
            frame.deleteLater()
        return False


def hand_over(frame: StartupFrame, window: QMainWindow) -> None:
    """Let the frame go as soon as ``window`` (shown at the frame's place) has painted."""
    _HandOver(frame, window)
