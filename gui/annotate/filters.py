"""Pane filter and "next open gap": fold away the rows an annotator is not working on.

Both panes hide the same rows (they share row heights and one scroll bar, so they stay linked);
the filter is re-read after changes, keeping the current row in view. F9 / Shift+F9 go to the
next / previous open gap from anywhere, like F8 for flags.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QApplication, QComboBox

from gui.annotate.common import tr
from model.filters import count_open_gap_segments, matching_segments, next_open_gap
from model.store import Changes

if TYPE_CHECKING:  # pragma: no cover
    from gui.window.context import AppContext
    from gui.window.features import FeatureWindow


def filter_names() -> dict[str, str]:
    """Filter key -> its name in the UI language ("" : every row)."""
    return {"": tr("All rows"), "untranslated": tr("Untranslated"), "flagged": tr("Flagged"),
            "unapproved": tr("Not approved"), "open_gaps": tr("With open gaps"),
            "corrected": tr("With corrections"), "commented": tr("With comments")}


class PaneFilter(QObject):
    """Show only some rows in both panes; View > Show only, and a chooser in the toolbar."""

    def __init__(self, window: FeatureWindow, ctx: AppContext) -> None:
        super().__init__(window.widget())
        self.window = window
        self.ctx = ctx
        self.panes = window.panes
        self.model = window.transcript_model
        self.kind = ""
        self.shown = 0
        self._changed: set[int] | None = set()  # segments changed since the filter was applied; None: all
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self._refresh_changed)
        reg = window.registry
        menu = reg.menu("view").addMenu(tr("Show &only"))
        menu.setObjectName("menu_filter")
        group = QActionGroup(self)
        self.actions = {}
        for key, name in filter_names().items():
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(key == "")
            action.triggered.connect(lambda _c=False, k=key: self.set_kind(k))
            group.addAction(action)
            self.actions[key] = action
        self.chooser = QComboBox(window.widget())
        self.chooser.setObjectName("pane_filter")
        self.chooser.setToolTip(tr("Show only some rows in both panes"))
        for key, name in filter_names().items():
            self.chooser.addItem(name, key)
        self.chooser.activated.connect(lambda i: self.set_kind(str(self.chooser.itemData(i))))
        if reg.toolbar is not None:
            reg.toolbar.addSeparator()
            reg.toolbar.addWidget(self.chooser)
        reg.add("next_gap", tr("Next open &gap"), lambda: self.next_gap(False), menu="go", shortcut="F9",
                icon_name="mdi6.ear-hearing", tip=tr("Go to the next open gap (wraps)"))
        reg.add("prev_gap", tr("Previous open ga&p"), lambda: self.next_gap(True), menu="go", shortcut="Shift+F9",
                icon_name="mdi6.ear-hearing")
        ctx.bridge.changed.connect(self._on_changes)
        self.model.modelReset.connect(self._reapply)
        # A window rebuilt in another UI language keeps the filter (kept on the context, not saved:
        # a new start shows every row).
        kept = ctx.property("pane_filter")
        if isinstance(kept, str) and kept in self.actions:
            self.kind = kept
            self.actions[kept].setChecked(True)
            self.chooser.setCurrentIndex(max(0, self.chooser.findData(kept)))

    # -- filtering ------------------------------------------------------------------------
    def set_kind(self, kind: str) -> None:
        """Show only the rows of filter ``kind`` ('' : all rows)."""
        self.kind = kind
        self.ctx.setProperty("pane_filter", kind)
        self.actions[kind].setChecked(True)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(kind)))
        self.refresh()
        if kind:
            total = self.model.skeleton.segment_count if self.model.skeleton else 0
            self.window.widget().statusBar().showMessage(tr("Showing {n} of {total} segments: {filter}").format(
                n=self.shown, total=total, filter=filter_names()[kind]), 6000)

    def _on_changes(self, changes: Changes) -> None:
        if not self.kind:
            return
        if changes.segment_ids and not changes.restructured and self._changed is not None:
            self._changed |= set(changes.segment_ids)  # only these rows may change: cheap on 50,000
        else:
            self._changed = None
        self._timer.start()

    def _refresh_changed(self) -> None:
        changed, self._changed = self._changed, set()
        tid = self.ctx.transcript_id
        if changed is None or tid is None:
            self.refresh()
            return
        matching = matching_segments(self.ctx.store, tid, self.kind, among=changed)
        root = QModelIndex()
        for sid in changed:
            row = self.model.row_of_segment(sid)
            if row is None:
                continue
            hide = sid not in matching and row != self.panes.current_row()  # the row being worked on stays
            for lang in ("en", "ja"):
                if self.panes.pane(lang).isRowHidden(row, root) != hide:
                    self.panes.pane(lang).setRowHidden(row, root, hide)

    def _reapply(self) -> None:
        if self.kind:
            QTimer.singleShot(0, self, self.refresh)  # after the panes took the new rows

    def refresh(self) -> None:
        """Hide the rows that do not match (the current row stays in view)."""
        self._changed = set()
        sk = self.model.skeleton
        tid = self.ctx.transcript_id
        ids = matching_segments(self.ctx.store, tid, self.kind) if self.kind and tid is not None else None
        rows = sk.segment_ids if sk is not None else []
        current = self.panes.current_row()
        root = QModelIndex()
        self.shown = 0
        busy = len(rows) > 5000  # tens of thousands of rows fold in a second or more: say so
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        for lang in ("en", "ja"):
            pane = self.panes.pane(lang)
            pane.setUpdatesEnabled(False)
            try:
                for row, sid in enumerate(rows):
                    hide = ids is not None and sid not in ids
                    if pane.isRowHidden(row, root) != hide:
                        pane.setRowHidden(row, root, hide)
            finally:
                pane.setUpdatesEnabled(True)
        if busy:
            QApplication.restoreOverrideCursor()
        self.shown = sum(1 for sid in rows if ids is None or sid in ids) if rows else 0
        if current >= 0 and self.is_hidden(current):
            target = next((r for r in range(current, len(rows)) if not self.is_hidden(r)),
                          next((r for r in range(current - 1, -1, -1) if not self.is_hidden(r)), None))
            if target is not None:
                self.panes.go_row(target)
        elif current >= 0:
            self.panes.active_pane().scrollTo(self.model.index(current, 0))

    def is_hidden(self, row: int) -> bool:
        """Whether ``row`` is folded away by the filter."""
        return self.panes.pane("en").isRowHidden(row, QModelIndex())

    # -- next open gap ---------------------------------------------------------------------
    def next_gap(self, backwards: bool = False) -> int | None:
        """F9 / Shift+F9: the next (previous) segment with an open gap, from the current one, wrapping."""
        sk = self.model.skeleton
        tid = self.ctx.transcript_id
        if sk is None or tid is None:
            return None
        hidden = {sid for row, sid in enumerate(sk.segment_ids) if sid is not None and self.is_hidden(row)} \
            if self.kind else set()
        found = next_open_gap(self.ctx.store, tid, self.panes.current_segment_id(), backwards, skip=hidden)
        if found is None:
            self.window.widget().statusBar().showMessage(tr("No open gaps in this transcript."), 5000)
            return None
        sid, lang = found
        self.panes.select_segment(sid, lang)
        self.ctx.update_selection(lang=lang)
        total = count_open_gap_segments(self.ctx.store, tid)
        self.window.widget().statusBar().showMessage(tr("{total} segments with open gaps").format(total=total), 4000)
        return sid
