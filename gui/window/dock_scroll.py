"""A dock's content in a scroll area that lets the dock be smaller than its content needs.

Without it the docks' minimum heights (the Review panel's lists, fields and buttons stacked, the
Recording's strips) added up to a window 778 px tall, and a 1366x768 screen cut it off at the
status bar, where "All changes saved" is. Qt's own resizable scroll area gives content whose
layout wraps (the buttons' flow rows) its *preferred* height for the width, so a dock that had
room for the content's minimum still scrolled; this one gives the content the dock's height, and
scrolls only below the content's minimum for that width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class DockScroll(QScrollArea):
    """Shows ``content`` at the viewport's size, or at its minimum where the viewport is smaller."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{content.objectName() or 'dock'}_scroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)  # sized here: see the module's docstring
        self.setWidget(content)
        content.installEventFilter(self)

    def content_minimum(self, width: int) -> tuple[int, int]:
        """The least width and, at ``width``, the least height the content can be laid out in."""
        content = self.widget()
        if content is None:
            return 0, 0
        least = content.minimumSizeHint().expandedTo(content.minimumSize())
        layout = content.layout()
        height = least.height()
        if layout is not None and layout.hasHeightForWidth():
            height = max(height, layout.totalMinimumHeightForWidth(max(width, least.width())))
        return least.width(), height

    def fit(self) -> None:
        """Size the content to the viewport, not below its minimum (the scroll bars show the rest)."""
        content = self.widget()
        if content is None:
            return
        view = self.maximumViewportSize()  # the viewport's size without scroll bars
        room = view.width()
        least_w, least_h = self.content_minimum(room)
        if least_h > view.height():  # a vertical bar will take room from the width
            room -= self.verticalScrollBar().sizeHint().width()
            least_w, least_h = self.content_minimum(room)
        width = max(least_w, room)
        height = view.height()
        if width > view.width():  # a horizontal bar takes room from the height
            height -= self.horizontalScrollBar().sizeHint().height()
        content.resize(width, max(least_h, height))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()  # the content's minimum may have changed (a row of buttons wrapped, a field shown)
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:
        """The content's own preferred size: a dock first shows all of it where there is room."""
        content = self.widget()
        return content.sizeHint() if content is not None else super().sizeHint()
