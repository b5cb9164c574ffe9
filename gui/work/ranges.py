"""My range of turns in the panes: when the open transcript is split into ranges of turns
(``model.assignment``) and one of them is the person's unfinished work, its segments get a bar at
the left edge of both panes, the window goes to its first turn when the transcript is opened,
and the status bar says which turns are theirs."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import QColor, QPainter

from gui.window.background import BackgroundRead, Pace
from gui.work.text import tr
from model.errors import TaiyakuError
from model.readmodel import SegmentView
from model.store import Changes

if TYPE_CHECKING:  # pragma: no cover
    from gui.window.context import AppContext
    from gui.window.features import FeatureWindow
    from gui.window.theme import Theme

MARK = QColor(46, 125, 200)  # the bar beside my turns (blue, readable on light and dark)


class RangeMark(QObject):
    """Marks the acting person's range of turns in the open transcript."""

    def __init__(self, window: FeatureWindow, ctx: AppContext) -> None:
        super().__init__(window.widget())
        self.window = window
        self.ctx = ctx
        self.span: tuple[int, int] | None = None
        self.segments: frozenset[int] = frozenset()
        self._shown: int | None = None  # the transcript the window last went to the range of
        # Read beside the window (a query and, on the first, a connection of its own: it held up the
        # first input after the paint); a newer read drops an older one's result.
        self._reader = BackgroundRead(self, name="taiyaku-range")
        self._reader.done.connect(self._on_read)
        self._going = False  # the read under way was asked by follow: go to the range when it comes
        window.panes.metrics.add_gutter_painter(self.paint)
        ctx.transcriptShown.connect(self._on_shown)
        ctx.bridge.changed.connect(self._on_changes)

    def _on_shown(self, transcript_id: object) -> None:
        if transcript_id != self._shown:
            self.follow()
        else:
            self.refresh()

    def follow(self) -> None:
        """Mark my range of the open transcript, go to its first turn and say which turns are mine
        (when the transcript is opened, or File > Next transcript handed me a range of it): once the
        range has been read in the background."""
        self._shown = self.ctx.transcript_id
        self._read(go=True)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("assignment") or changes.restructured:
            self.refresh()

    def refresh(self) -> None:
        """Read my range of the open transcript again (in the background) and repaint the marks."""
        self._read(go=False)

    def _read(self, go: bool) -> None:
        from model.assignment.ops import my_range

        self._going = go or (self._going and self._reader.reading)  # a follow still under way stays one
        tid = self.ctx.transcript_id
        if tid is None:
            self._reader.cancel()
            self._on_read((None, None))
            return
        store = self.ctx.store

        def read(_pace: Pace) -> tuple[int, tuple[int, int] | None]:
            try:
                return tid, my_range(store, tid)
            except TaiyakuError:
                return tid, None  # a login with no account: nothing is mine

        self._reader.request(read, store)

    def _on_read(self, result: object) -> None:
        if isinstance(result, BaseException):
            raise result
        tid, span = cast("tuple[int | None, tuple[int, int] | None]", result)
        going, self._going = self._going, False
        if tid != self.ctx.transcript_id:
            return  # another transcript was opened meanwhile (its own read comes)
        self.span = span
        self.segments = frozenset(self._segments_in(span)) if span is not None else frozenset()
        self.window.panes.repaint_rows()
        if going and span is not None:
            if not self._in_span(self.window.panes.current_row()):  # a position kept inside it stays
                self.window.panes.go_turn(span[0])
            self.window.widget().statusBar().showMessage(
                tr("Your turns in this transcript: {first}–{last}").format(first=span[0], last=span[1]), 8000)

    def _in_span(self, row: int) -> bool:
        model = self.window.transcript_model
        if self.span is None or row < 0 or model.skeleton is None or row >= len(model.skeleton.segment_ids):
            return False
        return self.span[0] <= model.turn(row).number <= self.span[1]

    def _segments_in(self, span: tuple[int, int]) -> list[int]:
        sk = self.window.transcript_model.skeleton
        if sk is None:
            return []
        # Turns are numbered from 1 in reading order and their rows are contiguous: the span's rows
        # are one slice of the ids (not a pass over every row of the transcript).
        first, last = max(span[0], 1), min(span[1], len(sk.turns))
        if first > last:
            return []
        turns = sk.turns
        lo, hi = turns.first_rows[first - 1], turns.first_rows[last - 1] + turns.row_counts[last - 1]
        return [sid for sid in sk.segment_ids.ids[lo:hi] if sid]  # (0: a turn without a segment)

    def paint(self, painter: QPainter, square: QRect, seg: SegmentView, _lang: str, _theme: Theme) -> None:
        """A bar at the row's left edge beside each segment of my turns (``GutterPainter``)."""
        if seg.id in self.segments:
            painter.fillRect(QRect(square.left() - 20, square.top() - 4, 4, square.height() + 8), MARK)
