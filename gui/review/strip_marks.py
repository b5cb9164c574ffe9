"""The overview strip beside the panes: where it sits, its marks, and the rows on screen.

Marks come from ``model.review.marker_bits`` (flagged, gap, edited, approved bits per
segment): every row's in a thread (``gui.review.review_reader``) after a transcript's
first paint or a change of its structure; after an edit only the touched segments'
marks are read again, here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QAbstractItemView, QBoxLayout, QHBoxLayout, QWidget

from gui.review.overview import OverviewStrip
from gui.review.review_reader import read_marks
from model.review import marker_bits

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from gui.models.transcript_model import TranscriptModel
    from gui.panes import BilingualPanes
    from gui.window.context import AppContext
    from model.store import Store


class StripMarks(QObject):
    """Places the overview strip at the right of the panes and keeps its marks and visible range current."""

    def __init__(self, parent: QObject, ctx: AppContext, panes: BilingualPanes, model: TranscriptModel,
                 strip_parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.panes = panes
        self.model = model
        self.strip = OverviewStrip(strip_parent)
        self._place_strip()
        self.strip.rowClicked.connect(self._jump)
        scroll = panes.pane("en").verticalScrollBar()
        scroll.valueChanged.connect(self.update_visible)
        scroll.rangeChanged.connect(self.update_visible)
        panes.currentRowChanged.connect(self.update_visible)

    def _place_strip(self) -> None:
        """Put the strip at the right of the panes, level with their scroll bars."""
        layout = self.panes.layout()
        assert isinstance(layout, QBoxLayout)  # the panes' own layout holds the splitter
        layout.removeWidget(self.panes.splitter)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.panes.splitter, 1)
        row.addWidget(self.strip)
        layout.addLayout(row)
        titles = getattr(self.panes, "titles", {})
        if "ja" in titles:
            self.strip.top_margin = titles["ja"].minimumHeight()

    def _jump(self, row: int) -> None:
        self.panes.go_row(row, QAbstractItemView.ScrollHint.PositionAtCenter)

    def refresh(self) -> None:
        """Every row's marks, from the store (here, at once: see ``apply`` for a read made elsewhere)."""
        tid = self.ctx.transcript_id
        if tid is None or self.model.skeleton is None:
            self.strip.set_marks(0, {})
            return
        self.apply(read_marks(self.store, tid, self.model.row_of_segment))

    def apply(self, marks: tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]) -> None:
        """Every row's marks as ``read_marks`` found them."""
        self.strip.set_mark_arrays(self.model.rowCount(), *marks)
        self.update_visible()

    def update_rows(self, segment_ids: set[int]) -> None:
        """Read again the marks of these segments only."""
        tid = self.ctx.transcript_id
        if tid is None:
            return
        changed: dict[int, int] = {}
        for sid, bits in marker_bits(self.store, tid, segment_ids):  # the strip's bits (see read_marks)
            row = self.model.row_of_segment(sid)
            if row is not None:
                changed[row] = bits
        self.strip.update_marks(self.model.rowCount(), changed)

    @property
    def store(self) -> Store:
        return self.ctx.store

    def update_visible(self, *_args: object) -> None:
        """Frame the rows the English pane shows (and the current row) on the strip."""
        pane = self.panes.pane("en")
        n = self.model.rowCount()
        if n == 0:
            self.strip.set_visible_rows(0, -1)
            return
        first = pane.indexAt(QPoint(1, 1)).row()
        last_index = pane.indexAt(QPoint(1, pane.viewport().height() - 2))
        last = last_index.row() if last_index.isValid() else n - 1
        self.strip.set_visible_rows(max(0, first), last, self.panes.current_row())

