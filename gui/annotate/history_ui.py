"""The history dock: this session's undo steps (click one to go back to it) and every
recorded change of the transcript, by whom and when (from the database)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTabWidget, QTreeWidget, QTreeWidgetItem, QUndoView, QWidget

from gui.annotate.common import AnnotateParts, tr
from gui.history_text import action_name
from model.store import Changes


class HistoryPanel(QTabWidget):
    """Two tabs: this session's undo steps on the transcript shown, and its recorded changes."""

    def __init__(self, parts: AnnotateParts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_panel")
        self.setDocumentMode(True)
        self.parts = parts
        # The group: the view shows the active stack, the steps of the transcript on screen.
        self.undo_view = QUndoView(parts.ctx.undo_group, self)
        self.undo_view.setObjectName("history_view")
        self.undo_view.setEmptyLabel(tr("Opened"))
        self.addTab(self.undo_view, tr("This session"))
        self.changes = QTreeWidget(self)
        self.changes.setObjectName("history_changes")
        self.changes.setRootIsDecorated(False)
        self.changes.setHeaderLabels([tr("When"), tr("By"), tr("Action"), tr("Details")])
        for col, width in ((0, 120), (1, 110), (2, 170)):
            self.changes.setColumnWidth(col, width)
        self.addTab(self.changes, tr("All changes"))
        self._pending = False
        parts.ctx.transcriptChanged.connect(self.reload)  # bound: cut when the panel goes
        parts.ctx.bridge.changed.connect(self._on_changes)
        self.currentChanged.connect(lambda _i: self.reload())
        self.reload()

    def _on_changes(self, changes: Changes) -> None:
        if not self._pending and self.currentWidget() is self.changes:
            self._pending = True  # a burst of changes reloads once
            QTimer.singleShot(0, self, self.reload)  # with a context: dropped if the tab goes first

    def reload(self) -> None:
        """Read the latest recorded changes of the open transcript (newest first)."""
        self._pending = False
        self.changes.clear()
        tid = self.parts.ctx.transcript_id
        if tid is None or self.currentWidget() is not self.changes:
            return
        for h in self.parts.ctx.store.history(tid, limit=300):
            item = QTreeWidgetItem([h["at"].strftime("%Y-%m-%d %H:%M:%S"), h["annotator"], action_name(h["action"]),
                                    h["description"] or ""])
            if h["undone"]:
                for col in range(4):
                    item.setForeground(col, QColor("#888888"))
                item.setToolTip(2, tr("undone"))
            item.setData(0, Qt.ItemDataRole.UserRole, h["id"])
            self.changes.addTopLevelItem(item)
