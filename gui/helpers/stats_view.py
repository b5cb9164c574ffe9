"""The Statistics view: the open transcript's (or every transcript's) figures, as text."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from model.errors import TaiyakuError
from model.stats import format_stats, transcript_stats
from model.store import Store


class StatsDialog(QDialog):
    """Segments, progress, corrections, flags and time spent (``model.stats``)."""

    def __init__(self, store: Store, transcript_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stats_dialog")
        self.setWindowTitle(self.tr("Statistics"))
        self.store = store
        self.transcript_id = transcript_id
        self.text = QPlainTextEdit(self, objectName="stats_text")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.all_button = QPushButton(self.tr("All transcripts"), self, objectName="stats_all")
        self.all_button.setCheckable(True)
        self.all_button.toggled.connect(lambda _on: self.refresh())
        buttons.addButton(self.all_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(620, 420)
        if transcript_id is None:
            self.all_button.setChecked(True)
        self.refresh()

    def refresh(self) -> None:
        """Compute the figures again."""
        every = self.all_button.isChecked() or self.transcript_id is None
        try:
            stats = transcript_stats(self.store, None if every else [self.transcript_id])  # type: ignore[list-item]
        except TaiyakuError as exc:
            self.text.setPlainText(str(exc))
            return
        if not stats["transcripts"]:
            self.text.setPlainText(self.tr("No transcripts yet."))
            return
        self.text.setPlainText("\n".join(format_stats(stats)))
