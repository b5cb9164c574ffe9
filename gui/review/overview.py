"""The overview strip beside the panes' scroll bars: where flags, gaps and edits are.

A thin custom-painted column: the whole transcript maps onto its height (row
``r`` of ``n`` at ``r / n``), open flags paint across the full width, open
gaps in the left half, edits in the right half, approved segments as a faint
green line at the left edge; the rows on screen show as a translucent band.
Clicking or dragging jumps there.

The marks are two parallel numpy arrays (rows, bits), read and mapped to rows in a
thread (``gui.review.strip_marks``): 200,000 marked rows as a dict cost the UI thread
0.4 s to merge per pixel, and about 25 MB.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

# The strip paints the model's marker bits as they come (model.review.marker_bits): one set of bits.
from model.review import APPROVED
from model.review import EDITED as EDIT
from model.review import FLAGGED as FLAG
from model.review import GAPPED as GAP

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np



class OverviewStrip(QWidget):
    """Marks per row; emits ``rowClicked(row)``."""

    rowClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview_strip")
        self.setFixedWidth(14)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMouseTracking(False)
        self.row_count = 0
        self._rows: np.ndarray[Any, Any] | None = None  # marked rows, ascending
        self._bits: np.ndarray[Any, Any] | None = None  # their FLAG|GAP|EDIT|APPROVED
        self.visible = (0, -1)
        self.current = -1
        self.top_margin = 0
        self._layer: QImage | None = None  # the marks, painted once per change of marks or size
        self._layer_key: tuple[object, ...] = ()
        self.setToolTip(self.tr("Overview: red = open flag, amber = inaudible gap, blue = edited, "
                                "green = approved. Click to jump."))

    def sizeHint(self) -> QSize:
        return QSize(14, 200)

    @property
    def marks(self) -> dict[int, int]:
        """Every marked row and its marks (row -> FLAG|GAP|EDIT|APPROVED): a copy, for reading."""
        if self._rows is None or self._bits is None:
            return {}
        return dict(zip(self._rows.tolist(), self._bits.tolist(), strict=True))

    def set_marks(self, row_count: int, marks: dict[int, int]) -> None:
        """Rows and their marks (a bit set of FLAG, GAP, EDIT, APPROVED)."""
        self.set_mark_arrays(row_count, *mark_arrays(marks))

    def set_mark_arrays(self, row_count: int, rows: np.ndarray[Any, Any], bits: np.ndarray[Any, Any]) -> None:
        """Rows (ascending, each once) and their marks as parallel arrays (``mark_arrays``); rows
        without a mark may be left out."""
        self.row_count = row_count
        self._rows, self._bits = rows, bits
        self._layer = None
        self.update()

    def update_marks(self, row_count: int, changed: dict[int, int]) -> None:
        """Set these rows' marks (0: no mark), keeping every other row's."""
        import numpy as np

        new_rows, new_bits = mark_arrays({r: b for r, b in changed.items() if b})
        if self._rows is None or self._bits is None:
            self.set_mark_arrays(row_count, new_rows, new_bits)
            return
        keep = ~np.isin(self._rows, np.fromiter(changed, dtype=np.int64, count=len(changed)))
        rows = np.concatenate((self._rows[keep], new_rows))
        bits = np.concatenate((self._bits[keep], new_bits))
        order = np.argsort(rows, kind="stable")
        self.set_mark_arrays(row_count, rows[order], bits[order])

    def set_visible_rows(self, first: int, last: int, current: int = -1) -> None:
        """The rows on screen (a band) and the current row (a tick)."""
        if (first, last, current) != (*self.visible, self.current):
            self.visible = (first, last)
            self.current = current
            self.update()

    def _track(self) -> QRect:
        r = self.rect()
        return QRect(r.left(), r.top() + self.top_margin + 2, r.width(), max(1, r.height() - self.top_margin - 4))

    def y_of(self, row: int) -> int:
        t = self._track()
        return t.top() + int(t.height() * row / max(1, self.row_count))

    def row_at(self, y: int) -> int:
        t = self._track()
        if self.row_count == 0:
            return -1
        share = (y - t.top()) / max(1, t.height())
        return max(0, min(self.row_count - 1, int(share * self.row_count)))

    def _colours(self, dark: bool) -> dict[int, QColor]:
        return {
            APPROVED: QColor("#66bb6a" if dark else "#43a047"),
            GAP: QColor("#ffca28" if dark else "#f2a900"),
            EDIT: QColor("#64b5f6" if dark else "#1e88e5"),
            FLAG: QColor("#ff7043" if dark else "#d84315"),
        }

    def _marks_layer(self, track: QRect, dark: bool) -> QImage:
        """The marks as an image the size of the track: rebuilt only when marks or size change.

        Painting 50,000 marks one by one cost over a second per repaint, and the strip
        repaints on every scroll and selection; rows sharing a pixel are merged first.
        """
        key = (track.size(), self.row_count, dark)
        if self._layer is not None and self._layer_key == key:
            return self._layer
        image = QImage(max(1, track.width()), max(1, track.height()), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        if self.row_count and self._rows is not None and self._bits is not None and len(self._rows):
            h, w = track.height(), track.width()
            step = max(2, h // max(1, self.row_count))
            per_pixel = _per_pixel(self._rows, self._bits, h, self.row_count)
            colours = self._colours(dark)
            p = QPainter(image)
            # Quiet marks first, flags last so they are never hidden.
            for bit, x, width in ((APPROVED, 0, 2), (GAP, 2, w // 2 - 2), (EDIT, w // 2, w - w // 2 - 1)):
                for y, m in per_pixel.items():
                    if m & bit:
                        p.fillRect(x, y, width, step, colours[bit])
            for y, m in per_pixel.items():
                if m & FLAG:
                    p.fillRect(1, y - 1, w - 2, max(3, step), colours[FLAG])
            p.end()
        self._layer, self._layer_key = image, key
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        pal = self.palette()
        dark = pal.color(QPalette.ColorRole.Window).lightness() < 128
        track = self._track()
        groove = QColor(pal.color(QPalette.ColorRole.Text))
        groove.setAlphaF(0.05)
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        p.fillRect(track, groove)
        if self.row_count:
            w = track.width()
            first, last = self.visible
            if last >= first >= 0:
                band = QColor(pal.color(QPalette.ColorRole.Highlight))
                band.setAlphaF(0.22)
                top, bottom = self.y_of(first), self.y_of(last + 1)
                p.fillRect(QRect(track.left(), top, w, max(4, bottom - top)), band)
                edge = QColor(pal.color(QPalette.ColorRole.Highlight))
                edge.setAlphaF(0.6)
                p.setPen(edge)
                p.drawRect(QRect(track.left(), top, w - 1, max(4, bottom - top) - 1))
            p.drawImage(track.topLeft(), self._marks_layer(track, dark))
            if self.current >= 0:
                p.fillRect(track.left(), self.y_of(self.current), w, 1, pal.color(QPalette.ColorRole.Text))
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._jump(event.position().toPoint())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._jump(event.position().toPoint())

    def _jump(self, pos: QPoint) -> None:
        row = self.row_at(pos.y())
        if row >= 0:
            self.rowClicked.emit(row)


def mark_arrays(marks: dict[int, int]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """``marks`` (row -> bits) as the strip keeps them: rows ascending, bits beside."""
    import numpy as np

    rows = np.fromiter(marks.keys(), dtype=np.int64, count=len(marks))
    bits = np.fromiter(marks.values(), dtype=np.int64, count=len(marks))
    order = np.argsort(rows, kind="stable")
    return rows[order], bits[order]


def _per_pixel(rows: np.ndarray[Any, Any], bits: np.ndarray[Any, Any], height: int,
               row_count: int) -> dict[int, int]:
    """The marks of the rows sharing each pixel of a track ``height`` high, merged (y -> bits)."""
    import numpy as np

    ys = rows * height // max(1, row_count)
    merged = np.zeros(height + 1, dtype=np.int64)
    np.bitwise_or.at(merged, np.clip(ys, 0, height), bits)
    at = np.nonzero(merged)[0]
    return dict(zip(at.tolist(), merged[at].tolist(), strict=True))
