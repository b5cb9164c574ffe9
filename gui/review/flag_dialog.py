"""The dialog to flag a segment or a selected span: category and a Markdown note with a live preview."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
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
        # Keyboard only: Ctrl+Enter flags from the note; Ctrl+1…6 pick a category (the combo, when
        # focused, also jumps by first letter).
        for n in range(min(9, self.category.count())):
            self.category.setItemText(n, f"{self.category.itemText(n)}  (Ctrl+{n + 1})")
        for widget in (self.note, self.category, self.preview, self.span_box):
            if widget is not None:  # before the widget's own handling: a text edit would take Ctrl+Enter
                widget.installEventFilter(self)
        self.category.setToolTip(self.tr("Ctrl+1 to Ctrl+{n} choose a category; Ctrl+Enter flags").format(
            n=min(9, self.category.count())))
        self.flag_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.flag_button.setDefault(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and self._keyboard(event):  # type: ignore[arg-type]
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._keyboard(event):
            super().keyPressEvent(event)

    def _keyboard(self, event: QKeyEvent) -> bool:
        """Ctrl+Enter flags; Ctrl+1…9 choose a category. True when the key was used."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return True
        if Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_9:
            n = event.key() - Qt.Key.Key_1
            if n < self.category.count():
                self.category.setCurrentIndex(n)
                return True
        return False

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
