"""The Glossary dock: browse, filter, add, edit, delete, import and export glossary entries.

Every change is one store operation and one undo step (through ``ctx.run``); the list refreshes
from the store's announcements, so an undo shows at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.window.flow_layout import FlowLayout
from model.glossary.entries import Term, TermRecord


class EntryDialog(QDialog):
    """Add or edit one glossary entry."""

    def __init__(self, parent: QWidget | None, title: str, rec: TermRecord | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossary_entry_dialog")
        self.setWindowTitle(title)
        rec = rec or TermRecord("", "")
        self.en = QLineEdit(rec.en, self, objectName="glossary_en")
        self.ja = QLineEdit(rec.ja, self, objectName="glossary_ja")
        self.forbidden = QLineEdit(" | ".join(rec.forbidden), self, objectName="glossary_forbidden")
        self.forbidden.setPlaceholderText(self.tr("variants not to use, separated by | or ;"))
        self.note = QPlainTextEdit(rec.note, self, objectName="glossary_note")
        self.note.setFixedHeight(70)
        form = QFormLayout()
        form.addRow(self.tr("English term"), self.en)
        form.addRow(self.tr("Approved Japanese"), self.ja)
        form.addRow(self.tr("Not to use"), self.forbidden)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def record(self) -> TermRecord:
        """What the dialog holds."""
        from model.glossary.exchange import split_variants  # lxml comes with it: not at start-up

        return TermRecord(self.en.text(), self.ja.text(), split_variants(self.forbidden.text()),
                          self.note.toPlainText())


class GlossaryPanel(QWidget):
    """The glossary as a filterable table with buttons; it asks, the feature acts."""

    addRequested = Signal()
    editRequested = Signal(object)  # Term
    deleteRequested = Signal(object)  # Term
    importRequested = Signal()
    exportRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossary_panel")
        self.terms: list[Term] = []
        self.filter = QLineEdit(self, objectName="glossary_filter")
        self.filter.setPlaceholderText(self.tr("Filter (English or Japanese)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._fill)
        self.table = QTableWidget(0, 4, self, objectName="glossary_table")
        self.table.setHorizontalHeaderLabels([self.tr("English"), self.tr("Japanese"), self.tr("Not to use"),
                                              self.tr("Note")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self._emit_current(self.editRequested))
        buttons = FlowLayout()
        for name, text, slot in (("glossary_add", self.tr("Add…"), self.addRequested.emit),
                                 ("glossary_edit", self.tr("Edit…"), lambda: self._emit_current(self.editRequested)),
                                 ("glossary_delete", self.tr("Delete"),
                                  lambda: self._emit_current(self.deleteRequested)),
                                 ("glossary_import", self.tr("Import…"), self.importRequested.emit),
                                 ("glossary_export", self.tr("Export…"), self.exportRequested.emit)):
            button = QPushButton(text, self, objectName=name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def show_terms(self, terms: list[Term]) -> None:
        """List these entries (keeping the selected one when it is still there)."""
        current = self.current_term()
        self.terms = terms
        self._fill()
        if current is not None:
            self.select(current.id)

    def _visible(self) -> list[Term]:
        needle = self.filter.text().strip().casefold()
        if not needle:
            return self.terms
        return [t for t in self.terms if needle in t.en.casefold() or needle in t.ja or
                any(needle in v for v in t.forbidden)]

    def _fill(self) -> None:
        terms = self._visible()
        self.table.setRowCount(len(terms))
        for row, t in enumerate(terms):
            who = t.updated_by or t.author or ""
            when = (t.updated_at or t.created_at)
            tip = f"{who}, {when:%Y-%m-%d %H:%M}" if when else who
            for col, text in enumerate((t.en, t.ja, " | ".join(t.forbidden), t.note.replace("\n", " "))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, t.id)
                item.setToolTip(tip)
                self.table.setItem(row, col, item)

    def current_term(self) -> Term | None:
        """The selected entry, or None."""
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return None
        tid = item.data(Qt.ItemDataRole.UserRole)
        return next((t for t in self.terms if t.id == tid), None)

    def select(self, term_id: int) -> None:
        """Select the entry with this id, if listed."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == term_id:
                self.table.selectRow(row)
                return

    def _emit_current(self, signal: SignalInstance) -> None:
        term = self.current_term()
        if term is not None:
            signal.emit(term)
