"""The two linked panes, English | 日本語: two views of one model sharing one selection model.

Linking by turn comes from the design: both views show the same rows with the
same heights (``RowMetrics``), share the selection model (select in one, the
other follows) and their scroll bars are tied one to one (rows scroll per
item, so a scroll value is a row number in both).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QMouseEvent, QPainter, QRegion, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyle,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gui.models.transcript_model import TranscriptModel
from gui.row_metrics import GUTTER, RIGHT, RowMetrics
from gui.segment_delegate import SegmentDelegate
from gui.window.context import AppContext, Selection

LANGS = ("en", "ja")
AnyIndex = QModelIndex | QPersistentModelIndex


class TranscriptPane(QTreeView):
    """One language of the transcript: a flat tree view with variable-height, word-wrapped rows."""

    focused = Signal(str)  # the pane's language, when it gains focus

    def __init__(self, lang: str, model: TranscriptModel, metrics: RowMetrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.metrics = metrics
        self.setObjectName(f"pane_{lang}")
        self.setModel(model)
        self.setUniformRowHeights(False)  # measured: the only fast variable-height view at 100k rows
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setExpandsOnDoubleClick(False)
        self.setIndentation(0)
        self.setHeaderHidden(True)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.header().setStretchLastSection(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # stable width: no re-wrap flicker
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAllColumnsShowFocus(False)  # True makes currentChanged measure every row up to the previous one
        self.setItemDelegate(SegmentDelegate(lang, metrics, self))
        self._layout_pending = False  # a relayout we asked for has not run yet
        metrics.invalidated.connect(self.relayout)

    def relayout(self) -> None:
        """Heights changed (width, font, provider): lay the rows out again before the next paint."""
        self.scheduleDelayedItemsLayout()  # Qt runs it before painting or measuring, once per burst
        self.viewport().update()

    def doItemsLayout(self) -> None:
        # Keep the same row at the top when the rows are laid out again.
        self._layout_pending = False
        self.delegate().measured.clear()  # Qt forgets every row height it kept
        top = self.verticalScrollBar().value()
        super().doItemsLayout()
        self.verticalScrollBar().setValue(top)

    def delegate(self) -> SegmentDelegate:
        """The pane's delegate (always a ``SegmentDelegate``)."""
        delegate = self.itemDelegate()
        assert isinstance(delegate, SegmentDelegate)
        return delegate

    def dataChanged(self, top_left: AnyIndex, bottom_right: AnyIndex, roles: Sequence[int] | None = None) -> None:
        # Qt repaints a changed row through its private visualRect, which adds up the heights of
        # every row from the top one down to it: for a row 40,000 rows below, 40,000 rows get
        # measured (10-30 s), and the visualRect override below cannot stop it. Only rows on
        # screen need that. A row off screen needs nothing (RowMetrics has forgotten its
        # height; it is measured when shown) unless Qt kept its old height, which a delayed
        # relayout makes it forget, in milliseconds and without measuring anything.
        if not top_left.isValid() or not bottom_right.isValid():
            super().dataChanged(top_left, bottom_right, roles or [])
            return
        first, last = top_left.row(), bottom_right.row()
        if self._layout_pending:  # the relayout to come repaints everything
            self.scheduleDelayedItemsLayout()  # a no-op while Qt has one pending, as it should
        else:
            rows = self.visible_rows()
            if rows.start <= first and last < rows.stop:
                super().dataChanged(top_left, bottom_right, roles or [])  # on screen: as Qt does it
                return
            if self._holds_height(first, last):
                self._layout_pending = True
                self.scheduleDelayedItemsLayout()  # drops Qt's kept heights; measures nothing yet
                self.viewport().update()
        self._update_editor(first, last)

    def _holds_height(self, first: int, last: int) -> bool:
        """Whether Qt kept the height of a row in ``first..last`` (it measured it since the last layout)."""
        measured = self.delegate().measured
        if first == last:
            return first in measured
        return any(first <= row <= last for row in measured)

    def _update_editor(self, first: int, last: int) -> None:
        # What Qt's dataChanged does for an editor open on a changed row (Qt skips it while a
        # relayout is pending). Editors open on the current row (edit triggers, Enter).
        rows = {first} if first == last else set()
        current = self.currentIndex()
        if current.isValid() and first <= current.row() <= last:
            rows.add(current.row())
        for row in rows:
            index = self.model().index(row, 0)
            editor = self.indexWidget(index)
            if editor is not None:
                self.itemDelegateForIndex(index).setEditorData(editor, index)

    # QTreeView finds a row's position by adding up the heights of every row between it and the
    # top row: for a row far off screen that measures (and reads) thousands of rows. Nothing off
    # screen needs repainting, so these two answer from the visible rows only.
    def visible_rows(self) -> range:
        """Rows at least partly on screen (from the top row down to the viewport's height)."""
        model = self.model()
        top = self.verticalScrollBar().value()
        n = model.rowCount() if model is not None else 0
        y, row, height = 0, top, self.viewport().height()
        while row < n and y < height:
            y += self.metrics.row_height(row)
            row += 1
        return range(top, row)

    def visualRect(self, index: QModelIndex | QPersistentModelIndex) -> QRect:
        if not index.isValid() or index.row() not in self.visible_rows():
            return QRect()
        return super().visualRect(index)

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:
        rows = self.visible_rows()
        for rng in selection.toList():  # (the stubs do not know QItemSelection is iterable)
            if rng.isValid() and rng.top() < rows.stop and rng.bottom() >= rows.start:
                return QRegion(self.viewport().rect())
        return QRegion()

    def currentChanged(self, current: AnyIndex, previous: AnyIndex) -> None:
        # Qt repaints the previous row through the same walk; when it is off screen (the other
        # pane has already scrolled) there is nothing to repaint. Not while editing: Qt closes
        # the previous row's editor here.
        if previous.isValid() and self.state() != QAbstractItemView.State.EditingState \
                and previous.row() not in self.visible_rows():
            previous = QModelIndex()
        super().currentChanged(current, previous)

    def drawRow(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        # The delegate paints the whole row, selection included: no style frame or row panel.
        opt = QStyleOptionViewItem(option)
        opt.rect = QRect(0, option.rect.y(), self.viewport().width(), option.rect.height())
        if self.selectionModel().isSelected(index):
            opt.state |= QStyle.StateFlag.State_Selected
        else:
            opt.state &= ~QStyle.StateFlag.State_Selected
        self.itemDelegate().paint(painter, opt, index)

    def text_width(self) -> int:
        return self.viewport().width() - GUTTER - RIGHT

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.metrics.set_width(self.lang, self.text_width())

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit(self.lang)
        self.viewport().update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.focused.emit(self.lang)  # before the click moves the current row: it is in this language
        super().mousePressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()


class BilingualPanes(QWidget):
    """English and Japanese panes side by side, linked by row; navigation for both."""

    currentRowChanged = Signal(int)  # -1: none

    def __init__(self, ctx: AppContext, model: TranscriptModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self.metrics = RowMetrics(model, self)
        self.active_lang = "en"
        self._syncing = False
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.panes: dict[str, TranscriptPane] = {}
        self.titles: dict[str, QLabel] = {}
        for lang in LANGS:
            box = QWidget(self.splitter)
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(0)
            title = QLabel(box)
            title.setObjectName(f"pane_title_{lang}")
            title.setContentsMargins(GUTTER, 6, 0, 6)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            title.setFixedHeight(title.fontMetrics().height() + 14)  # same in both panes: rows line up
            lay.addWidget(title)
            pane = TranscriptPane(lang, model, self.metrics, box)
            lay.addWidget(pane, 1)
            self.panes[lang] = pane
            self.titles[lang] = title
            pane.focused.connect(self._on_focus)
        self.splitter.setSizes([1, 1])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        en, ja = self.panes["en"], self.panes["ja"]
        # One scroll bar, at the right: the English pane scrolls with it (and by wheel and keys).
        en.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ja.setSelectionModel(en.selectionModel())  # one selection for both panes
        self.selection_model: QItemSelectionModel = en.selectionModel()
        self.selection_model.currentRowChanged.connect(self._on_current)
        for a, b in ((en, ja), (ja, en)):
            a.verticalScrollBar().valueChanged.connect(lambda v, b=b: self._sync_scroll(b, v))
            a.verticalScrollBar().rangeChanged.connect(
                lambda _lo, _hi, a=a, b=b: self._sync_scroll(b, a.verticalScrollBar().value()))
        model.modelReset.connect(self._on_reset)
        model.repaintNeeded.connect(self.repaint_rows)
        ctx.selectionChanged.connect(self._on_ctx_selection)
        self.retranslate()

    def retranslate(self) -> None:
        """Set texts in the current UI language."""
        self.titles["en"].setText(self.tr("English"))
        self.titles["ja"].setText("日本語")  # the language's own name, in every UI language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.metrics.refresh_theme()
        super().changeEvent(event)

    # -- linking ---------------------------------------------------------------
    def _sync_scroll(self, other: TranscriptPane, value: int) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            other.verticalScrollBar().setValue(value)
        finally:
            self._syncing = False

    def _on_focus(self, lang: str) -> None:
        self.active_lang = lang
        self.ctx.update_selection(lang=lang)
        for pane in self.panes.values():
            pane.viewport().update()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row() if current.isValid() else -1
        if row >= 0:
            sid = self.model.segment_id(row)
            tid = self.model.turn(row).id
            if sid != self.ctx.selection.segment_id or tid != self.ctx.selection.turn_id:
                self.ctx.set_selection(Selection(sid, tid, self.active_lang))
        else:
            self.ctx.set_selection(Selection(lang=self.active_lang))
        self.currentRowChanged.emit(row)

    def _on_ctx_selection(self, selection: Selection) -> None:
        # A feature (review queue, gap list...) asked to show a segment.
        if selection.segment_id is not None and selection.segment_id != self.current_segment_id():
            row = self.model.row_of_segment(selection.segment_id)
            if row is not None:
                self.go_row(row)
        if selection.lang != self.active_lang and selection.lang in self.panes:
            self.active_lang = selection.lang
            if self.active_pane().window().isActiveWindow() and self.hasFocusWithin():
                self.active_pane().setFocus()

    def detach(self) -> None:
        """Stop following the context (the window is closing)."""
        with contextlib.suppress(RuntimeError, TypeError):
            self.ctx.selectionChanged.disconnect(self._on_ctx_selection)

    def hasFocusWithin(self) -> bool:
        """Whether either pane has keyboard focus."""
        return any(p.hasFocus() for p in self.panes.values())

    def _on_reset(self) -> None:
        # After a structural change, stay on the same segment when it still exists.
        sid = self.ctx.selection.segment_id
        row = self.model.row_of_segment(sid) if sid is not None else None
        if row is not None:
            self.go_row(row)

    def repaint_rows(self) -> None:
        """Repaint what is visible (speakers or turns changed; heights did not)."""
        for pane in self.panes.values():
            pane.viewport().update()

    # -- access ------------------------------------------------------------------
    def pane(self, lang: str) -> TranscriptPane:
        return self.panes[lang]

    def active_pane(self) -> TranscriptPane:
        return self.panes[self.active_lang]

    def current_row(self) -> int:
        index = self.selection_model.currentIndex()
        return index.row() if index.isValid() else -1

    def current_segment_id(self) -> int | None:
        row = self.current_row()
        return self.model.segment_id(row) if row >= 0 else None

    def set_delegate_class(self, cls: type[SegmentDelegate]) -> None:
        """Use a subclass of ``SegmentDelegate`` in both panes (e.g. one with editors)."""
        for lang, pane in self.panes.items():
            pane.setItemDelegate(cls(lang, self.metrics, pane))
            pane.relayout()  # the heights the old delegate gave are not in the new one's record

    # -- navigation ----------------------------------------------------------------
    def go_row(self, row: int, hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> bool:
        """Make ``row`` current and selected in both panes and scroll to it."""
        n = self.model.rowCount()
        if n == 0:
            return False
        row = max(0, min(n - 1, row))
        index = self.model.index(row, 0)
        self.selection_model.setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.active_pane().scrollTo(index, hint)
        return True

    def select_segment(self, segment_id: int, lang: str | None = None) -> bool:
        """Show and select ``segment_id`` (and switch to the ``lang`` pane); False if absent."""
        row = self.model.row_of_segment(segment_id)
        if row is None:
            return False
        if lang in self.panes:
            self.active_lang = lang
        return self.go_row(row)

    def step_segment(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) segment (passing over rows a filter folded away)."""
        row = self.current_row()
        target = 0 if row < 0 else row + delta
        pane, root, n = self.active_pane(), QModelIndex(), self.model.rowCount()
        while 0 <= target < n and pane.isRowHidden(target, root):
            target += delta or 1
        if 0 <= target < n or row < 0:
            self.go_row(target)

    def step_turn(self, delta: int) -> None:
        """Go to the first segment of the next (+1) or previous (-1) turn."""
        row = self.current_row()
        if row < 0:
            self.go_row(0, QAbstractItemView.ScrollHint.PositionAtTop)
            return
        turn = self.model.turn(row)
        if delta < 0 and row != turn.first_row:
            target = turn.first_row  # like "previous paragraph": first back to this turn's start
        else:
            target_turn = self.model.row_of_turn(turn.number + delta)
            if target_turn is None:
                return
            target = target_turn
        self.go_row(target, QAbstractItemView.ScrollHint.PositionAtTop)

    def go_turn(self, number: int) -> bool:
        """Go to turn ``number`` (1-based); False when there is no such turn."""
        row = self.model.row_of_turn(number)
        if row is None:
            return False
        return self.go_row(row, QAbstractItemView.ScrollHint.PositionAtTop)

    def go_first(self) -> None:
        self.go_row(0, QAbstractItemView.ScrollHint.PositionAtTop)

    def go_last(self) -> None:
        self.go_row(self.model.rowCount() - 1, QAbstractItemView.ScrollHint.PositionAtBottom)

    def switch_pane(self) -> None:
        """Move the keyboard focus to the other language."""
        other = "ja" if self.active_lang == "en" else "en"
        self.active_lang = other
        self.panes[other].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def zoom(self, steps: int) -> None:
        """Bigger (+) or smaller (-) text in both panes; 0 resets."""
        from PySide6.QtGui import QFont

        base = QFont().pointSizeF() + 1.5
        self.metrics.set_point_size(base if steps == 0 else self.metrics.point_size + steps)
