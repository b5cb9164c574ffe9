"""Gaps in the window: the segment's gaps (details tab), all gaps of the transcript (a dock),
and the dialog that fills a gap."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.annotate.common import AnnotateParts, tr
from gui.lazy_import import lazy_module
from gui.window.theme import lang_name
from model.readmodel import GapView
from model.store import Changes

if TYPE_CHECKING:  # pragma: no cover
    from model.ops import gaps
else:  # imported when a gap is read or changed, not before the first paint
    gaps = lazy_module("model.ops.gaps")

Index = QModelIndex | QPersistentModelIndex


def gap_status_name(status: str) -> str:
    return {"open": tr("open"), "filled": tr("filled"), "unrecoverable": tr("unrecoverable")}.get(status, status)


def confidence_name(confidence: str | None) -> str:
    return {"certain": tr("certain"), "best_guess": tr("best guess")}.get(confidence or "", "")


class FillGapDialog(QDialog):
    """Propose what was said in a gap, with a confidence; or say it cannot be recovered."""

    UNRECOVERABLE = 2

    def __init__(self, gap: GapView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fill_gap_dialog")
        self.setWindowTitle(tr("Fill gap"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("What was said at {marker}?").format(marker=gap.text), self))
        self.text = QLineEdit(gap.proposed_text or "", self)
        self.text.setObjectName("gap_text")
        self.text.setPlaceholderText(tr("the words you hear"))
        lay.addWidget(self.text)
        row = QHBoxLayout()
        self.certain = QRadioButton(tr("&Certain"), self)
        self.best_guess = QRadioButton(tr("&Best guess"), self)
        (self.certain if gap.confidence == "certain" else self.best_guess).setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.certain)
        group.addButton(self.best_guess)
        row.addWidget(self.certain)
        row.addWidget(self.best_guess)
        row.addStretch(1)
        lay.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        lost = buttons.addButton(tr("Cannot be &recovered"), QDialogButtonBox.ButtonRole.ActionRole)
        lost.setObjectName("unrecoverable_button")
        lost.clicked.connect(lambda: self.done(self.UNRECOVERABLE))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    @property
    def confidence(self) -> str:
        return "certain" if self.certain.isChecked() else "best_guess"


class GapsTab(QWidget):
    """Details tab: the selected segment's gaps with what can be done to them."""

    def __init__(self, parts: AnnotateParts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gaps_tab")
        self.parts = parts
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("segment_gaps")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([tr("Language"), tr("Gap"), tr("Status"), tr("Proposal"), tr("Counterpart")])
        self.tree.setColumnWidth(1, 160)
        self.tree.setColumnWidth(3, 220)
        self.tree.itemActivated.connect(lambda *_: self.fill_selected())
        buttons = QHBoxLayout()
        for text, icon_name, slot in (
                (tr("Fill…"), "mdi6.text-box-edit-outline", self.fill_selected),
                (tr("Unrecoverable"), "mdi6.cancel", self.unrecoverable),
                (tr("Reopen"), "mdi6.lock-open-variant-outline", self.reopen),
                (tr("Link counterpart"), "mdi6.link-variant", self.link),
                (tr("Unlink"), "mdi6.link-variant-off", self.unlink),
                (tr("Remove"), "mdi6.delete-outline", self.remove)):
            button = QPushButton(text, self)
            parts.registry.icon_later(button, icon_name)  # qtawesome only after the first paint
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.tree)
        lay.addLayout(buttons)
        self._gaps: list[GapView] = []
        parts.ctx.selectionChanged.connect(self.refresh)  # bound: cut when the tab goes
        parts.model.dataChanged.connect(self.refresh)  # bound, not a lambda: cut when the tab goes
        parts.model.modelReset.connect(self.refresh)

    def refresh(self) -> None:
        seg = self.parts.current_segment()
        keep = self.current_gap()
        self.tree.clear()
        self._gaps = sorted(seg.gaps, key=lambda g: (g.lang, g.start)) if seg is not None else []
        by_id = {g.id: g for g in self._gaps}
        for g in self._gaps:
            other = by_id.get(g.counterpart_id) if g.counterpart_id else None
            proposal = g.proposed_text or ""
            if proposal and g.confidence:
                proposal += f" ({confidence_name(g.confidence)})"
            item = QTreeWidgetItem([lang_name(g.lang), g.text, gap_status_name(g.status), proposal,
                                    other.text if other else ""])
            item.setData(0, Qt.ItemDataRole.UserRole, g.id)
            self.tree.addTopLevelItem(item)
            if keep is not None and keep.id == g.id:
                self.tree.setCurrentItem(item)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)

    def current_gap(self) -> GapView | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        gid = item.data(0, Qt.ItemDataRole.UserRole)
        return next((g for g in self._gaps if g.id == gid), None)

    def _gap(self) -> GapView | None:
        gap = self.current_gap()
        if gap is None:
            self.parts.ctx.report_error(tr("This segment has no gap selected."))
        return gap

    def fill_selected(self) -> None:
        """Ctrl+Alt+F: the fill dialog for the selected gap."""
        gap = self._gap()
        if gap is None:
            return
        dialog = FillGapDialog(gap, self.window())
        self.dialog = dialog
        ctx = self.parts.ctx

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                text, conf = dialog.text.text(), dialog.confidence
                ctx.run(tr("Fill gap"), lambda: gaps.fill_gap(ctx.store, gap.id, text, conf))
            elif result == FillGapDialog.UNRECOVERABLE:
                ctx.run(tr("Mark gap unrecoverable"), lambda: gaps.mark_unrecoverable(ctx.store, gap.id))
        dialog.finished.connect(done)
        dialog.open()

    def unrecoverable(self) -> None:
        gap = self._gap()
        if gap is not None:
            ctx = self.parts.ctx
            ctx.run(tr("Mark gap unrecoverable"), lambda: gaps.mark_unrecoverable(ctx.store, gap.id))

    def reopen(self) -> None:
        gap = self._gap()
        if gap is not None:
            ctx = self.parts.ctx
            ctx.run(tr("Reopen gap"), lambda: gaps.reopen_gap(ctx.store, gap.id))

    def link(self) -> None:
        """Link the selected gap with the counterpart proposed by order within the segment."""
        gap, seg = self._gap(), self.parts.current_segment()
        if gap is None or seg is None:
            return
        pair = next((p for p in gaps.propose_counterparts(seg) if gap.id in p), None)
        if pair is None:
            self.parts.ctx.report_error(tr("No gap in the other language is free to link with this one."))
            return
        ctx = self.parts.ctx
        ctx.run(tr("Link gaps"), lambda: gaps.link_gaps(ctx.store, *pair))

    def unlink(self) -> None:
        gap = self._gap()
        if gap is not None:
            ctx = self.parts.ctx
            ctx.run(tr("Unlink gap"), lambda: gaps.unlink_gap(ctx.store, gap.id))

    def remove(self) -> None:
        gap = self._gap()
        if gap is not None:
            ctx = self.parts.ctx
            ctx.run(tr("Remove gap"), lambda: gaps.remove_gap(ctx.store, gap.id))


class GapListModel(QAbstractTableModel):
    """All gaps of the open transcript: turn, language, marker, status, proposal."""

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[gaps.GapRow] = []

    def set_rows(self, rows: list[gaps.GapRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return [tr("Turn"), tr("Language"), tr("Gap"), tr("Status"), tr("Proposal")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [r.turn_number, lang_name(r.lang), r.text, gap_status_name(r.status),
                    r.proposed_text or ""][col]
        if role == Qt.ItemDataRole.UserRole:
            return r.status
        if role == Qt.ItemDataRole.ForegroundRole and col == 3:
            return QColor({"open": "#b26a00", "filled": "#2e7d32", "unrecoverable": "#757575"}.get(r.status, "#000"))
        return None


class GapListPanel(QWidget):
    """Dock: every gap of the transcript with its status; Enter or double-click jumps to it."""

    def __init__(self, parts: AnnotateParts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gap_list")
        self.parts = parts
        self.model = GapListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterKeyColumn(3)
        self.filter = QComboBox(self)
        self.filter.setObjectName("gap_filter")
        for text, status in ((tr("All gaps"), ""), (tr("Open"), "open"), (tr("Filled"), "filled"),
                             (tr("Unrecoverable"), "unrecoverable")):
            self.filter.addItem(text, status)
        self.filter.currentIndexChanged.connect(self._apply_filter)
        self.count = QLabel(self)
        self.table = QTableView(self)
        self.table.setObjectName("gap_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self.jump)
        top = QHBoxLayout()
        top.addWidget(self.filter)
        top.addWidget(self.count, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.table)
        self._dirty = True
        # Not before the window has painted a newly opened transcript: reading every gap of a
        # 50,000-segment transcript takes seconds and must not delay the first paint.
        self._shown_tid: int | None = None
        parts.ctx.transcriptChanged.connect(self.reload)  # bound, not a lambda: cut when the list goes
        parts.ctx.transcriptShown.connect(self._on_transcript_shown)
        parts.ctx.bridge.changed.connect(self._on_changes)
        self.reload()

    def _on_transcript_shown(self, tid: int) -> None:
        self._shown_tid = tid
        if self._dirty and self._on_screen():
            self.reload()

    def _on_screen(self) -> bool:
        # A dock tabbed behind another stays isVisible(); only its visible region tells.
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def dock_visibility(self, visible: bool) -> None:
        """The dock's tab was raised (or hidden): read the list now if it is out of date."""
        if visible and self._dirty:
            QTimer.singleShot(0, self, self.reload)  # once laid out: the visible region is known then

    def _on_changes(self, changes: Changes) -> None:
        # Typing touches segments, not gaps: only gap rows or the turn structure change this list.
        if changes.touches("gap", "turn", "transcript"):
            self.reload()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if self._dirty:
            self.reload()

    def reload(self) -> None:
        """Read the list again -- at once when it is on screen, else when it is next shown."""
        tid = self.parts.ctx.transcript_id
        if not self._on_screen() or (tid is not None and tid != self._shown_tid):
            self._dirty = True  # read when shown (and once the panes have painted it)
            return
        self._dirty = False
        tid = self.parts.ctx.transcript_id
        self.model.set_rows(gaps.list_gaps(self.parts.ctx.store, tid) if tid is not None else [])
        self._apply_filter()

    def _apply_filter(self) -> None:
        status = self.filter.currentData() or ""
        self.proxy.setFilterFixedString(status)
        open_count = sum(1 for r in self.model.rows if r.status == "open")
        self.count.setText(tr("{open} open of {total}").format(open=open_count, total=len(self.model.rows)))

    def jump(self, index: QModelIndex) -> None:
        """Show the gap's segment in its language's pane."""
        row = self.model.rows[self.proxy.mapToSource(index).row()]
        panes = self.parts.panes
        if panes.select_segment(row.segment_id, row.lang):
            panes.pane(row.lang).setFocus()
            self.parts.ctx.update_selection(lang=row.lang)
