"""A layout that puts widgets in a row and wraps them onto more rows when the width runs out.

Used for rows of buttons in narrow docks: one row where there is room, two or
three where the dock is narrow, instead of a minimum width that squeezes the
transcript panes.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Left to right, wrapping; its minimum width is that of its widest item."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self._height = 0  # the height the items took at the width last given
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout's item list ---------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes ---------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def sizeHint(self) -> QSize:
        """One row: what the items ask for side by side."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._gap * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """The widest item alone, as high as the rows the last width took.

        Containers that ignore height-for-width (QSplitter, docks) read the height
        from here, so rows that wrapped are never squeezed out of sight.
        """
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        size = size.grownBy(self.contentsMargins())
        return QSize(size.width(), max(size.height(), self._height))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        height = self._arrange(rect, apply=True)
        if height != self._height:  # rows wrapped or joined: the minimum height changed
            self._height = height
            self.invalidate()

    # -- placing -------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not ((w := i.widget()) is not None and w.isHidden())]

    def _arrange(self, rect: QRect, apply: bool) -> int:
        """Place the items in ``rect`` (when ``apply``); returns the height that takes."""
        m: QMargins = self.contentsMargins()
        inner = rect.marginsRemoved(m)
        x, y, line = inner.x(), inner.y(), 0
        for item in self._shown():
            hint = item.sizeHint()
            width = min(hint.width(), inner.width())
            if line and x + width > inner.right() + 1:  # no room left on this row: start the next
                x, y, line = inner.x(), y + line + self._gap, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self._gap
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()
