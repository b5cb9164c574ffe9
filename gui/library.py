"""The library panel: transcripts in the database; choosing one opens it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from gui.models.library_model import LibraryModel, TranscriptIdRole


class LibraryView(QTableView):
    """A compact table of transcripts; emits ``transcriptChosen(id)``."""

    transcriptChosen = Signal(int)

    def __init__(self, model: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("library")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.activated.connect(self._choose)
        self.clicked.connect(self._choose)

    def _choose(self, index: QModelIndex) -> None:
        tid = index.siblingAtColumn(0).data(TranscriptIdRole)
        if tid is not None:
            self.transcriptChosen.emit(int(tid))

    def show_transcript(self, transcript_id: int | None) -> None:
        """Highlight the open transcript without emitting a choice."""
        model: LibraryModel = self.model()  # type: ignore[assignment]
        row = model.row_of(transcript_id) if transcript_id is not None else None
        if row is None:
            self.clearSelection()
            return
        self.selectRow(row)
        self.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(self.currentIndex())
            return
        super().keyPressEvent(event)
