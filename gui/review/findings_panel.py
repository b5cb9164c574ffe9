"""The findings panel: what the automatic QA checks found, to flag or dismiss (with a reason)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gui.helpers.names import fix_label
from gui.lazy_import import lazy_module
from gui.review.names import check_name, finding_message, lang_name
from gui.window.flow_layout import FlowLayout

if TYPE_CHECKING:  # pragma: no cover
    from model.qa import Finding, fixes, scan
else:  # imported when findings come (after the first paint)
    fixes = lazy_module("model.qa.fixes")
    scan = lazy_module("model.qa.scan")

Index = QModelIndex | QPersistentModelIndex
FindingRole = Qt.ItemDataRole.UserRole + 50


class FindingsModel(QAbstractTableModel):
    """Findings in reading order: check, where, language, message.

    Rows come a batch at a time as the list is scrolled down (``canFetchMore``): a tree
    view lays out every row it is given, and 50,000 findings took it a fifth of a second.
    """

    COLUMNS = ("check", "where", "lang", "message")
    BATCH = 1000

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[Finding] = []
        self.shown = 0  # rows given to views so far (the first ``shown`` items)
        self.dismissed: dict[str, str] = {}  # key -> reason, for findings shown although dismissed
        self.flagged: set[str] = set()

    def set_items(self, items: list[Finding], dismissed: dict[str, str] | None = None,
                  flagged: set[str] | None = None, *, share: bool = False) -> None:
        """List ``items`` (a copy; with ``share``, that very list: whoever extends it tells ``append``)."""
        self.beginResetModel()
        self.items = items if share else list(items)
        self.shown = min(len(self.items), self.BATCH)
        self.dismissed = dict(dismissed or {})
        self.flagged = set(flagged or ())
        self.endResetModel()

    def append(self, items: list[Finding]) -> None:
        """Add findings at the end (a run of the checks delivers them a batch at a time)."""
        self.items.extend(items)
        if self.shown < self.BATCH:
            self.show_row(min(len(self.items), self.BATCH) - 1)

    def replace_turn(self, turn: int, items: list[Finding]) -> None:
        """Put ``items`` in place of the findings of turn number ``turn`` (after a recheck)."""
        lo, hi = scan.turn_block(self.items, turn)
        if lo >= self.shown:  # not given to the views yet: nothing to tell them
            self.items[lo:hi] = items
            if self.shown < self.BATCH:
                self.show_row(min(len(self.items), self.BATCH) - 1)
            return
        self.beginResetModel()
        self.items[lo:hi] = items
        self.shown = min(len(self.items), max(self.shown + len(items) - (hi - lo), self.BATCH))
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.shown < len(self.items)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self.show_row(self.shown + self.BATCH - 1)

    def show_row(self, row: int) -> None:
        """Give views the rows up to ``row`` (to select a finding further down than they have scrolled)."""
        stop = min(len(self.items), row + 1)
        if stop > self.shown:
            self.beginInsertRows(QModelIndex(), self.shown, stop - 1)
            self.shown = stop
            self.endInsertRows()

    def settled_note(self, f: Finding) -> str | None:
        """'dismissed: why' or 'flagged' for a settled finding shown on request."""
        if f.key in self.dismissed:
            reason = self.dismissed[f.key]
            return self.tr("dismissed: {reason}").format(reason=reason) if reason else self.tr("dismissed")
        if f.key in self.flagged:
            return self.tr("flagged")
        return None

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # The tree view asks for every row's index when the list is reset: one Python call
        # each, not the two (rowCount, columnCount) of Qt's own check (50,000 findings).
        if parent.isValid() or not (0 <= row < self.shown and 0 <= column < len(self.COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
            return [self.tr("Check"), self.tr("Where"), self.tr("Lang."), self.tr("Finding")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.shown:
            return None
        f = self.items[index.row()]
        col = self.COLUMNS[index.column()]
        if role == FindingRole:
            return f
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "check":
                return check_name(f.check)
            if col == "where":
                return f"{f.turn}·{f.segment}" if f.segment is not None else str(f.turn)
            if col == "lang":
                return {"en": "EN", "ja": "日本語"}.get(f.lang or "", "—")
            note = self.settled_note(f)
            text = finding_message(f)
            return f"{text}  [{note}]" if note else text
        if role == Qt.ItemDataRole.ToolTipRole and col == "lang":
            return lang_name(f.lang) if f.lang else None
        if role == Qt.ItemDataRole.ToolTipRole:
            note = self.settled_note(f)
            text = finding_message(f)
            return f"{text}\n{note}" if note else text
        if role == Qt.ItemDataRole.FontRole and self.settled_note(f):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        return None


class FindingsPanel(QWidget):
    """Lists findings; a finding can be turned into a flag or dismissed with a reason."""

    findingActivated = Signal(object)  # Finding
    flagRequested = Signal(object)  # Finding
    dismissRequested = Signal(object)  # Finding
    rerunRequested = Signal()
    restoreRequested = Signal(object)  # Finding (dismissed)
    fixRequested = Signal(object, object)  # Finding, model.qa.registry.Fix
    showSettledChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findings_panel")
        self.model = FindingsModel(self)
        self._fit_pending = False  # findings came while hidden: fit the columns when shown
        self.summary = QLabel(self, objectName="findings_summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        # Neither the summary nor the check filter may widen the dock as findings arrive: each
        # change of the dock's width resized the panes, which lays out every row again (0.15 s
        # of the window's thread at 500,000 segments, three times while the checks ran).
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.check_filter = QComboBox(self, objectName="findings_check_filter")
        self.check_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.check_filter.setMinimumContentsLength(16)
        self.check_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.all_findings: list[Finding] = []
        self._counts: dict[str, int] = {}  # check -> findings listed
        self._settled: tuple[dict[str, str], set[str]] = ({}, set())  # dismissed (key -> reason), flagged keys
        self._settled_listed = 0  # settled findings among those listed (shown on request)
        self._checking = False  # a run of the checks is still delivering findings
        self.view = QTreeView(self, objectName="findings_list")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.header()
        header.setStretchLastSection(False)  # else the last column keeps 100 px and a narrow dock scrolls sideways
        # The short columns are fitted to their contents when a list is shown (``_fit_columns``), not
        # at every change: findings arrive a batch at a time, and each batch made Qt ask for
        # hundreds of cells again. Fitted to the rows around the visible ones, not to 1,000 rows
        # (Qt's default): with 50,000 findings that asked for 70,000 cells (0.5 s).
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(100)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.flag_button = QPushButton(self.tr("Flag…"), self, objectName="finding_flag")
        self.dismiss_button = QPushButton(self.tr("Dismiss…"), self, objectName="finding_dismiss")
        self.rerun_button = QPushButton(self.tr("Run checks"), self, objectName="finding_rerun")
        self.restore_button = QPushButton(self.tr("Restore"), self, objectName="finding_restore")
        self.restore_button.setToolTip(self.tr("List a dismissed finding again"))
        self.restore_button.clicked.connect(lambda: self._emit(self.restoreRequested))
        # The corrections a finding offers (replace with the approved term, add to dictionary, ...).
        self.fix_button = QPushButton(self.tr("Fix"), self, objectName="finding_fix")
        self.fix_button.setToolTip(self.tr("Apply a correction the finding offers (one undo step)"))
        self.fix_menu = QMenu(self.fix_button)
        self.fix_menu.aboutToShow.connect(self._fill_fix_menu)
        self.fix_button.setMenu(self.fix_menu)
        self.show_settled = QCheckBox(self.tr("Show dismissed and flagged"), self, objectName="findings_show_settled")
        self.show_settled.toggled.connect(self.showSettledChanged)
        self.flag_button.clicked.connect(lambda: self._emit(self.flagRequested))
        self.dismiss_button.clicked.connect(lambda: self._emit(self.dismissRequested))
        self.rerun_button.clicked.connect(self.rerunRequested)
        buttons = FlowLayout()  # wraps onto a second row in a narrow dock
        for button in (self.fix_button, self.flag_button, self.dismiss_button, self.restore_button,
                       self.rerun_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.summary, 1)
        top.addWidget(self.check_filter)
        layout.addLayout(top)
        layout.addWidget(self.show_settled)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.show_findings([])

    def show_findings(self, findings: list[Finding], dismissed: dict[str, str] | None = None,
                      flagged: set[str] | None = None) -> None:
        """List these findings (through the check filter), keeping the selected one when still there.

        ``dismissed``/``flagged``: keys of settled findings in the list (shown on request)."""
        self.all_findings = list(findings)
        self._settled = (dict(dismissed or {}), set(flagged or ()))
        self._counts, self._settled_listed = {}, 0
        self._count(findings, 1)
        self._fill_check_filter()
        self._apply_filter()

    def add_findings(self, findings: list[Finding]) -> None:
        """Add the next findings of a run (in reading order) without listing everything again."""
        if not findings:
            return
        first = not self.model.items
        if self.model.items is self.all_findings:  # one list: the model extends it
            self.model.append(findings)
        else:
            self.all_findings.extend(findings)
        self._count(findings, 1)
        self._fill_check_filter()
        chosen = self.check_filter.currentData()
        if self.model.items is not self.all_findings:
            self.model.append([f for f in findings if chosen is None or f.check == chosen])
        if first:
            self._fit_columns()
        self._update_summary()
        self._update_buttons()

    def replace_turn(self, turn: int, findings: list[Finding]) -> None:
        """Put ``findings`` in place of the listed findings of turn number ``turn`` (after an edit)."""
        keep = self.current_finding()
        shared = self.model.items is self.all_findings
        if shared:  # one list: the model splices it (and tells the views)
            lo, hi = scan.turn_block(self.all_findings, turn)
            old = self.all_findings[lo:hi]
            self.model.replace_turn(turn, findings)
        else:
            old = scan.splice_turn(self.all_findings, turn, findings)
        self._count(old, -1)
        self._count(findings, 1)
        self._fill_check_filter()
        chosen = self.check_filter.currentData()
        if not shared:
            self.model.replace_turn(turn, [f for f in findings if chosen is None or f.check == chosen])
        self._update_summary()
        self._keep_current(keep)
        self._update_buttons()

    def _count(self, findings: list[Finding], step: int) -> None:
        counts = self._counts
        dismissed, flagged = self._settled
        for f in findings:
            counts[f.check] = counts.get(f.check, 0) + step
            if f.key in dismissed or f.key in flagged:
                self._settled_listed += step

    def _fill_check_filter(self) -> None:
        """The check filter's entries with their counts (texts changed in place while the checks are the same)."""
        names = sorted((n for n, c in self._counts.items() if c > 0), key=check_name)
        combo = self.check_filter
        texts = [self.tr("All checks ({n})").format(n=len(self.all_findings)),
                 *(f"{check_name(n)} ({self._counts[n]})" for n in names)]
        if [combo.itemData(i) for i in range(combo.count())] == [None, *names]:
            for i, text in enumerate(texts):
                if combo.itemText(i) != text:
                    combo.setItemText(i, text)
            return
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for data, text in zip([None, *names], texts, strict=True):
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)
        if combo.currentData() != chosen:  # the chosen check has no finding left: all are listed
            self._apply_filter()

    def set_check_filter(self, check: str | None) -> None:
        """Show only the findings of one check (None: all)."""
        self.check_filter.setCurrentIndex(max(0, self.check_filter.findData(check)))

    def _apply_filter(self) -> None:
        chosen = self.check_filter.currentData()
        # Every check: the model lists ``all_findings`` itself, not a copy (200,000 references at
        # 200,000 segments); ``add_findings`` and ``replace_turn`` then change it through the model.
        findings = self.all_findings if chosen is None else [f for f in self.all_findings if f.check == chosen]
        keep = self.current_finding()
        dismissed, flagged = self._settled
        self.model.set_items(findings, dismissed, flagged, share=chosen is None)
        self._fit_columns()
        self._update_summary()
        self._keep_current(keep)
        self._update_buttons()

    def _fit_columns(self) -> None:
        # Behind another tab (the Review tab is in front at start) the fitting waits until the
        # panel is shown: it measures a hundred rows' cells, 30-60 ms the window's first input
        # waited for while the checks' first batch arrived. (A tab behind another is still
        # "visible" to Qt, with nothing of it on screen.)
        self._fit_pending = self.visibleRegion().isEmpty()
        if not self._fit_pending:
            self.fit_columns_now()

    def fit_columns_now(self) -> None:
        """Fit the short columns to the rows around the visible ones."""
        self._fit_pending = False
        for col in range(3):
            self.view.resizeColumnToContents(col)

    def shown(self) -> None:
        """The panel came on screen (its tab chosen): fit the columns if findings came meanwhile."""
        if self._fit_pending:
            self.fit_columns_now()

    def set_checking(self, checking: bool) -> None:
        """Say whether the checks are still running (the list grows meanwhile)."""
        self._checking = checking
        self._update_summary()

    def _update_summary(self) -> None:
        text = self.tr("%n finding(s)", "", len(self.all_findings) - self._settled_listed)
        self.summary.setText(self.tr("{findings}, checking…").format(findings=text) if self._checking else text)

    def _keep_current(self, keep: Finding | None) -> None:
        if keep is not None:
            row = next((i for i, f in enumerate(self.model.items) if f.key == keep.key), None)
            if row is not None:
                self.model.show_row(row)
                self.view.setCurrentIndex(self.model.index(row, 0))

    def _update_buttons(self) -> None:
        f = self.current_finding()
        open_one = f is not None and self.model.settled_note(f) is None
        self.flag_button.setEnabled(open_one or (f is None and bool(self.model.items)))
        self.dismiss_button.setEnabled(open_one or (f is None and bool(self.model.items)))
        self.restore_button.setEnabled(f is not None and f.key in self.model.dismissed)
        self.fix_button.setEnabled(f is not None and bool(fixes.fixes_for(f)))

    def _fill_fix_menu(self) -> None:
        self.fix_menu.clear()
        f = self.current_finding()
        for fix in fixes.fixes_for(f) if f is not None else []:
            action = self.fix_menu.addAction(fix_label(fix))
            action.triggered.connect(partial(self.fixRequested.emit, f, fix))

    def current_finding(self) -> Finding | None:
        index = self.view.currentIndex()
        return index.data(FindingRole) if index.isValid() else None

    def _activate(self, index: QModelIndex) -> None:
        f = index.data(FindingRole) if index.isValid() else None
        if f is not None:
            self.findingActivated.emit(f)

    def _emit(self, signal: Any) -> None:
        f = self.current_finding()
        if f is not None:
            signal.emit(f)
