"""The dialog to flag a segment or a selected span: category and a Markdown note with a live preview."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui.review.names import category_name
from gui.review.note_view import NoteView
from model.notes import MAX_NOTE_CHARS, render_note
from model.schema import FLAG_CATEGORIES


class FlagDialog(QDialog):
    """Ask for a flag's category and note; ``span_text`` offers "only the selected text"."""

    def __init__(self, where: str, span_text: str | None = None, category: str = "other", note: str = "",
                 parent: QWidget | None = None, title: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flag_dialog")
        self.setWindowTitle(title or self.tr("Flag for review"))
        self.resize(560, 420)
        form = QFormLayout()
        where_label = QLabel(where, self)
        where_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Where:"), where_label)
        self.span_box: QCheckBox | None = None
        if span_text:
            shown = span_text if len(span_text) <= 60 else span_text[:59] + "…"
            self.span_box = QCheckBox(self.tr("Only the selected text: “{text}”").format(text=shown), self)
            self.span_box.setChecked(True)
            form.addRow("", self.span_box)
        self.category = QComboBox(self)
        self.category.setObjectName("flag_category")
        for cat in FLAG_CATEGORIES:
            self.category.addItem(category_name(cat), cat)
        self.category.setCurrentIndex(max(0, self.category.findData(category)))
        form.addRow(self.tr("&Category:"), self.category)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("flag_note")
        self.note.setPlaceholderText(self.tr("What should a reviewer look at? Markdown: **bold**, *italic*, "
                                             "`code`, lists, [links](https://…)"))
        self.note.setPlainText(note)
        self.preview = NoteView(self)
        self.preview.setObjectName("flag_preview")
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.note)
        split.addWidget(self.preview)
        split.setSizes([180, 120])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Flag"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("&Note (preview below):"), self, buddy=self.note))
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self._render = QTimer(self, singleShot=True, interval=150)
        self._render.timeout.connect(self.update_preview)
        self.note.textChanged.connect(self._render.start)
        self.update_preview()
        self.note.setFocus()

    def update_preview(self) -> None:
        """Render the note as it will be shown (sanitized)."""
        text = self.note.toPlainText()
        too_long = len(text.strip()) > MAX_NOTE_CHARS
        self.ok_button.setEnabled(not too_long)  # the store would refuse it: say so before, keep the text
        if too_long:
            warning = escape(self.tr("This note has {count} characters; a note is limited to {limit}.").format(
                count=f"{len(text.strip()):,}", limit=f"{MAX_NOTE_CHARS:,}"))
            self.preview.setHtml(f"<p style='color:#b00020'><b>{warning}</b></p>")
            return
        html = render_note(text)
        empty = escape(self.tr("The rendered note appears here."))
        self.preview.setHtml(html or f"<p style='color:gray'>{empty}</p>")

    def values(self) -> tuple[str, str, bool]:
        """(category, note, span only)."""
        return (self.category.currentData(), self.note.toPlainText().strip(),
                bool(self.span_box and self.span_box.isChecked()))
