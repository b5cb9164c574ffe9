"""The library panel: transcripts in the database, two calm lines each; choosing one opens it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from gui.models.library_model import LibraryModel, TranscriptIdRole

Index = QModelIndex | QPersistentModelIndex


_STATE_COLOURS = {"in_review": "#b07d1a", "submitted": "#b07d1a", "approved": "#2e9d5b", "in_progress": "#3a7bd5"}


def _state_colour(state: str, quiet: QColor) -> QColor:
    """A work state's colour: in progress blue, waiting for review amber, approved green."""
    return QColor(_STATE_COLOURS[state]) if state in _STATE_COLOURS else quiet


class LibraryDelegate(QStyledItemDelegate):
    """Title in bold; date, size and review progress on a quiet second line; a thin progress bar."""

    def __init__(self, model: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(200, fm.height() * 2 + 18)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        summary = self.model.rows[index.row()]
        palette = option.palette
        rect = QRect(option.rect).adjusted(8, 4, -8, -4)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            fill = QColor(palette.color(QPalette.ColorRole.Highlight))
            fill.setAlphaF(0.18)
            painter.fillRect(option.rect, fill)
            painter.fillRect(QRect(option.rect.left(), option.rect.top(), 3, option.rect.height()),
                             palette.color(QPalette.ColorRole.Highlight))
        bold = QFont(option.font)
        bold.setBold(True)
        fm = QFontMetrics(bold)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        quiet = QColor(palette.color(QPalette.ColorRole.Text))
        quiet.setAlphaF(0.6)
        # Who has the work and where it stands (model.assignment), at the right of the title.
        state, assignee = self.model.state_text(summary.id), self.model.assignee(summary.id)
        badge = " · ".join(part for part in (state, assignee) if part)
        badge_width = QFontMetrics(option.font).horizontalAdvance(badge) + 8 if badge else 0
        painter.drawText(rect.left(), rect.top() + fm.ascent(),
                         fm.elidedText(summary.title, Qt.TextElideMode.ElideRight, rect.width() - badge_width))
        if badge:
            painter.setFont(option.font)
            painter.setPen(_state_colour(self.model.work[summary.id].state, quiet))
            painter.drawText(QRect(rect.left(), rect.top(), rect.width(), fm.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), badge)
        painter.setFont(option.font)
        painter.setPen(quiet)
        date = self.model.data(self.model.index(index.row(), 1))
        line = QCoreApplication.translate("LibraryModel", "{date} · {turns} turns · {segments} segments").format(
            date=date, turns=summary.turns, segments=summary.segments)
        extra = []
        if summary.open_flags:
            extra.append(QCoreApplication.translate("LibraryModel", "{n} open flags").format(n=summary.open_flags))
        if summary.open_gaps:
            extra.append(QCoreApplication.translate("LibraryModel", "{n} gaps").format(n=summary.open_gaps))
        if extra:
            line += " · " + " · ".join(extra)
        fm2 = QFontMetrics(option.font)
        painter.drawText(rect.left(), rect.top() + fm.height() + 2 + fm2.ascent(),
                         fm2.elidedText(line, Qt.TextElideMode.ElideRight, rect.width()))
        # Review progress: share of segments approved.
        share = summary.approved / summary.segments if summary.segments else 0.0
        bar = QRect(rect.left(), rect.bottom() - 2, rect.width(), 3)
        track = QColor(quiet)
        track.setAlphaF(0.15)
        painter.fillRect(bar, track)
        if share > 0:
            painter.fillRect(QRect(bar.left(), bar.top(), max(2, int(bar.width() * share)), bar.height()),
                             QColor("#2e9d5b"))
        painter.restore()


class LibraryView(QListView):
    """The transcripts of the library; emits ``transcriptChosen(id)``."""

    transcriptChosen = Signal(int)

    def __init__(self, model: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("library")
        self.setModel(model)
        self.setItemDelegate(LibraryDelegate(model, self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)
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
        self.setCurrentIndex(model.index(row, 0))
        self.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(self.currentIndex())
            return
        super().keyPressEvent(event)
