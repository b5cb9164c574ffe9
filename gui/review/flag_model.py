"""The review queue as a Qt table model: one row per flag, in reading order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from gui.review.names import category_name, lang_name, status_colour, status_name
from model.notes import note_summary
from model.review import FlagItem

Index = QModelIndex | QPersistentModelIndex
FlagIdRole = Qt.ItemDataRole.UserRole + 40
FlagItemRole = Qt.ItemDataRole.UserRole + 41


class FlagTableModel(QAbstractTableModel):
    """Flags that passed the panel's filters."""

    COLUMNS = ("status", "where", "category", "lang", "note", "author")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[FlagItem] = []
        self.dark: bool | None = None  # None: follow the palette

    def set_items(self, items: list[FlagItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def row_of(self, flag_id: int) -> int | None:
        return next((i for i, f in enumerate(self.items) if f.id == flag_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
            return [self.tr("Status"), self.tr("Where"), self.tr("Category"), self.tr("Lang."),
                    self.tr("Note"), self.tr("Author")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        f = self.items[index.row()]
        col = self.COLUMNS[index.column()]
        if role == FlagIdRole:
            return f.id
        if role == FlagItemRole:
            return f
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "status":
                return status_name(f.status)
            if col == "where":
                return f"{f.turn}·{f.segment}"
            if col == "lang":
                return {"en": "EN", "ja": "日本語"}.get(f.lang or "", "—")
            if col == "category":
                return category_name(f.category)
            if col == "note":
                text = note_summary(f.note, 70)
                return f"{text}  💬{f.reply_count}" if f.reply_count else text
            return f.author
        if role == Qt.ItemDataRole.ForegroundRole and col == "status":
            return status_colour(f.status, self.dark)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == "where":
                return self.tr("Turn {turn}, segment {segment}").format(turn=f.turn, segment=f.segment)
            if col == "note":
                return f.note
            if col == "lang":
                return lang_name(f.lang)
        if role == Qt.ItemDataRole.FontRole and col == "status" and f.status == "open":
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None
