"""The speakers panel: names, roles, affiliations, Japanese labels, merge and split,
suggestions from operator introductions, and a quick speaker picker for a turn."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.annotate.common import AnnotateParts, tr
from gui.window.theme import Theme, role_name, speaker_name
from model.ops import speakers as ops
from model.readmodel import SpeakerView, load_segments
from model.schema import ROLES
from model.store import Changes

Index = QModelIndex | QPersistentModelIndex
NAME, ROLE, AFFILIATION, TURNS, LABEL_EN, LABEL_JA = range(6)
EDITABLE = {NAME: "name", LABEL_JA: "label_ja", ROLE: "role", AFFILIATION: "affiliation"}


class SpeakerTableModel(QAbstractTableModel):
    """The speakers of the open transcript; editing a cell is one undoable operation."""

    def __init__(self, parts: AnnotateParts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self.speakers: list[SpeakerView] = []
        self.turns: Counter[int] = Counter()

    def reload(self) -> None:
        sk = self.parts.model.skeleton
        self.beginResetModel()
        self.speakers = sorted(sk.speakers.values(), key=lambda s: (s.position, s.id)) if sk else []
        # counted in the skeleton's column of speaker ids (0: none), no TurnInfo made per turn
        self.turns = Counter(sk.turns.speaker_ids) if sk else Counter()
        self.turns.pop(0, None)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.speakers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return [tr("Name"), tr("Role"), tr("Affiliation"), tr("Turns"), tr("Label"), tr("Japanese label")][section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() in EDITABLE else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        sp = self.speakers[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [speaker_name(sp), role_name(sp.role), sp.affiliation or "", self.turns.get(sp.id, 0),
                    sp.label_en or "", sp.label_ja or ""][col]
        if role == Qt.ItemDataRole.EditRole:
            return [sp.name or speaker_name(sp), sp.role, sp.affiliation or "", self.turns.get(sp.id, 0),
                    sp.label_en or "", sp.label_ja or ""][col]
        if role == Qt.ItemDataRole.DecorationRole and col == NAME:
            return Theme.from_palette().speaker_colour(sp.position)
        if role == Qt.ItemDataRole.ForegroundRole and col == NAME and not sp.name:
            return QColor("#888888")  # still the label as written: not named yet
        if role == Qt.ItemDataRole.TextAlignmentRole and col == TURNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == NAME:
            return tr("Double-click to rename; the name applies to every turn, in both languages.")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        sp = self.speakers[index.row()]
        ctx = self.parts.ctx
        field = EDITABLE[index.column()]
        if field == "name":
            if (value or "").strip() == (sp.name or speaker_name(sp)):
                return False
            return ctx.run(tr("Rename speaker"), lambda: ops.rename_speaker(ctx.store, sp.id, value)) is not None
        return ctx.run(tr("Edit speaker"),
                       lambda: ops.set_speaker_details(ctx.store, sp.id, **{field: value})) is not None


class RoleDelegate(QStyledItemDelegate):
    """A combo box of roles for the Role column."""

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for role in ROLES:
            combo.addItem(role_name(role), role)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class SpeakerPicker(QDialog):
    """Type to filter, Enter to pick: a speaker (or the unknown speaker) from the keyboard."""

    UNKNOWN = -1

    def __init__(self, speakers: list[SpeakerView], title: str, on_pick: Callable[[int | None], object],
                 parent: QWidget | None = None, allow_unknown: bool = True,
                 details: dict[int, str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speaker_picker")
        self.setWindowTitle(title)
        self.on_pick = on_pick
        self.filter = QLineEdit(self)
        self.filter.setObjectName("speaker_filter")
        self.filter.setPlaceholderText(tr("Type a name, role or affiliation…"))
        self.list = QListWidget(self)
        self.list.setObjectName("speaker_choices")
        theme = Theme.from_palette()
        for sp in speakers:
            extra = " · ".join(x for x in (role_name(sp.role) if sp.role != "unknown" else "", sp.affiliation or "",
                                           sp.label if sp.name else "") if x)
            item = QListWidgetItem(speaker_name(sp) + (f"   — {extra}" if extra else "")
                                   + (f"\n{details[sp.id]}" if details and sp.id in details else ""))
            item.setData(Qt.ItemDataRole.UserRole, sp.id)
            item.setData(Qt.ItemDataRole.DecorationRole, theme.speaker_colour(sp.position))
            self.list.addItem(item)
        if allow_unknown:
            item = QListWidgetItem(tr("Unknown speaker"))
            item.setData(Qt.ItemDataRole.UserRole, self.UNKNOWN)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self._pick)
        self.list.itemActivated.connect(lambda *_: self._pick())
        lay = QVBoxLayout(self)
        lay.addWidget(self.filter)
        lay.addWidget(self.list)
        self.filter.installEventFilter(self)
        self.resize(380, 320)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        # Up/Down in the filter move through the list: no need to leave the keyboard's home.
        if watched is self.filter and event.type() == event.Type.KeyPress and event.key() in (Qt.Key.Key_Up,
                                                                                             Qt.Key.Key_Down):
            rows = [i for i in range(self.list.count()) if not self.list.item(i).isHidden()]
            if rows:
                cur = self.list.currentRow()
                pos = rows.index(cur) if cur in rows else 0
                pos = max(0, min(len(rows) - 1, pos + (1 if event.key() == Qt.Key.Key_Down else -1)))
                self.list.setCurrentRow(rows[pos])
            return True
        return super().eventFilter(watched, event)

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            hidden = not all(w in item.text().casefold() for w in words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = i
        if first is not None:
            self.list.setCurrentRow(first)

    def _pick(self) -> None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        sid = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
        self.on_pick(None if sid == self.UNKNOWN else int(sid))


class SpeakersPanel(QWidget):
    """Dock: the speakers table, merge/split buttons and the suggestions to accept or dismiss."""

    def __init__(self, parts: AnnotateParts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakers_panel")
        self.parts = parts
        self.ctx = parts.ctx
        self.model = SpeakerTableModel(parts, self)
        self.table = QTableView(self)
        self.table.setObjectName("speakers_table")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(ROLE, RoleDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((NAME, 140), (ROLE, 85), (AFFILIATION, 130), (TURNS, 48), (LABEL_EN, 150)):
            header.resizeSection(col, width)
        buttons = QHBoxLayout()
        for text, icon_name, tip, slot in (
                (tr("Merge into…"), "mdi6.account-multiple-plus-outline",
                 tr("Merge the selected speaker into another: its turns move there"), self.merge_selected),
                (tr("Split off turns"), "mdi6.account-arrow-right-outline",
                 tr("Give the turns selected in the transcript to a new speaker"), self.split_selected)):
            button = QPushButton(text, self)
            parts.registry.icon_later(button, icon_name)  # qtawesome only after the first paint
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.suggestions = QTreeWidget(self)
        self.suggestions.setObjectName("speaker_suggestions")
        self.suggestions.setRootIsDecorated(False)
        self.suggestions.setHeaderLabels([tr("Turn"), tr("Suggested name"), tr("Affiliation"), tr("Status")])
        self.suggestions.setAlternatingRowColors(True)
        for col, width in ((0, 40), (1, 120), (2, 120)):
            self.suggestions.setColumnWidth(col, width)
        self.suggestions.itemActivated.connect(lambda item, _c: self._jump_to_turn(item))
        # Two rows of two: the panel must stay narrow enough to share the library's column.
        sbuttons = QGridLayout()
        for n, (text, icon_name, slot) in enumerate((
                (tr("Accept"), "mdi6.check", lambda: self.decide(True)),
                (tr("Dismiss"), "mdi6.close", lambda: self.decide(False)),
                (tr("Accept all"), "mdi6.check-all", lambda: self.decide_all(True)),
                (tr("Dismiss all"), "mdi6.close-box-multiple-outline", lambda: self.decide_all(False)))):
            button = QPushButton(text, self)
            parts.registry.icon_later(button, icon_name)
            button.clicked.connect(slot)
            sbuttons.addWidget(button, n // 2, n % 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.table, 3)
        lay.addLayout(buttons)
        self.suggestions_label = QLabel(tr("Names from operator introductions"), self)
        lay.addWidget(self.suggestions_label)
        lay.addWidget(self.suggestions, 2)
        lay.addLayout(sbuttons)
        self.table.setMinimumWidth(120)
        self.suggestions.setMinimumWidth(120)
        parts.model.modelReset.connect(self.reload)
        parts.model.repaintNeeded.connect(self.reload)
        self.ctx.bridge.changed.connect(self._on_changes)
        self.reload()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("speaker_suggestion", "speaker", "turn"):
            self.reload()

    def reload(self) -> None:
        current = self.selected_speaker()
        self.model.reload()
        if current is not None:
            row = next((i for i, s in enumerate(self.model.speakers) if s.id == current.id), None)
            if row is not None:
                self.table.selectRow(row)
        self._reload_suggestions()

    def _reload_suggestions(self) -> None:
        self.suggestions.clear()
        tid, sk = self.ctx.transcript_id, self.parts.model.skeleton
        if tid is None or sk is None:
            self._show_hints({})
            return
        statuses = {"pending": tr("pending"), "accepted": tr("accepted"), "dismissed": tr("dismissed")}
        suggestions = ops.list_suggestions(self.ctx.store, tid)
        # Numbers of the suggested turns only: a dict of every turn took ~10 ms at 57,000 turns,
        # twice before the first paint, for transcripts that mostly have no suggestion at all.
        wanted = {s.turn_id for s in suggestions}
        numbers = {t: n + 1 for n, t in enumerate(sk.turns.ids) if t in wanted} if wanted else {}
        for s in suggestions:
            item = QTreeWidgetItem([str(numbers.get(s.turn_id, "?")), s.name or tr("(name inaudible)"),
                                    s.affiliation or "", statuses.get(s.status, s.status)])
            item.setData(0, Qt.ItemDataRole.UserRole, s.id)
            item.setData(1, Qt.ItemDataRole.UserRole, s.turn_id)
            if s.status != "pending":
                for col in range(4):
                    item.setForeground(col, QColor("#888888"))
            self.suggestions.addTopLevelItem(item)
        self._show_hints({s.turn_id: f"{s.name}?" for s in suggestions if s.status == "pending" and s.name})

    def _show_hints(self, hints: dict[int, str]) -> None:
        """Pending suggestions hinted in the turn headers of the panes (accept or dismiss them here)."""
        panes = self.parts.panes
        if panes.metrics.turn_hints != hints:
            panes.metrics.turn_hints = hints
            for lang in ("en", "ja"):
                panes.pane(lang).viewport().update()

    # -- speakers ---------------------------------------------------------------------
    def selected_speaker(self) -> SpeakerView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.speakers[rows[0].row()] if rows and rows[0].row() < len(self.model.speakers) else None

    def select_speaker(self, speaker_id: int) -> None:
        row = next((i for i, s in enumerate(self.model.speakers) if s.id == speaker_id), None)
        if row is not None:
            self.table.selectRow(row)

    def first_turns(self, speakers: list[SpeakerView]) -> dict[int, str]:
        """Per speaker: its first turn's number and the start of what it says there, so speakers
        with the same label ("Q — Journalist") can be told apart in a picker."""
        sk = self.parts.model.skeleton
        if sk is None:
            return {}
        wanted = {sp.id for sp in speakers}
        first: dict[int, tuple[int, int | None]] = {}
        for index, speaker_id in enumerate(sk.turns.speaker_ids):  # (columns: no TurnInfo per turn)
            if speaker_id in wanted and speaker_id not in first:
                first[speaker_id] = (index + 1, sk.segment_ids[sk.turns.first_rows[index]])
        texts = load_segments(self.ctx.store, [sid for _n, sid in first.values() if sid is not None])
        out = {}
        for speaker_id, (number, sid) in first.items():
            seg = texts.get(sid) if sid is not None else None
            words = " ".join(((seg.corrected("en") or seg.corrected("ja") or "") if seg else "").split())
            snippet = words[:60] + ("…" if len(words) > 60 else "")
            out[speaker_id] = tr("first in turn {n}: {text}").format(n=number, text=snippet)
        return out

    def merge_into(self, keep_id: int, other_id: int) -> None:
        """Merge speaker ``other_id`` into ``keep_id`` (one undo step)."""
        self.ctx.run(tr("Merge speakers"), lambda: ops.merge_speakers(self.ctx.store, keep_id, other_id))

    def merge_selected(self) -> None:
        sp = self.selected_speaker()
        if sp is None:
            self.ctx.report_error(tr("Select the speaker to merge first."))
            return
        others = [s for s in self.model.speakers if s.id != sp.id]
        def merge(keep: int | None) -> None:
            if keep is not None:
                self.merge_into(keep, sp.id)

        self.picker = SpeakerPicker(others, tr("Merge {name} into…").format(name=speaker_name(sp)), merge,
                                    self.window(), allow_unknown=False, details=self.first_turns(others))
        self.picker.open()

    def split_selected(self) -> None:
        """Give the turns selected in the panes (of the selected speaker) to a new speaker."""
        sp = self.selected_speaker()
        model = self.parts.model
        rows = {i.row() for i in self.parts.panes.selection_model.selectedRows()}
        turns = sorted({model.turn(r).id for r in rows if sp is not None and model.turn(r).speaker_id == sp.id})
        if sp is None or not turns:
            self.ctx.report_error(tr("Select a speaker here and some of their turns in the transcript."))
            return
        self.ctx.run(tr("Split speaker"), lambda: ops.split_speaker(self.ctx.store, sp.id, turns))

    def pick_for_turn(self) -> None:
        """Ctrl+Shift+S: choose the selected turn's speaker from the keyboard."""
        row = self.parts.panes.current_row()
        if row < 0:
            self.ctx.report_error(tr("Select a segment first."))
            return
        turn = self.parts.model.turn(row)
        def pick(sid: int | None) -> None:
            self.ctx.run(tr("Change speaker of turn"), lambda: ops.set_turn_speaker(self.ctx.store, turn.id, sid))

        self.picker = SpeakerPicker(self.model.speakers, tr("Speaker of turn {n}").format(n=turn.number), pick,
                                    self.window())
        self.picker.open()

    def rename_current_turn_speaker(self) -> None:
        """Ctrl+Shift+N: rename the selected turn's speaker (everywhere)."""
        row = self.parts.panes.current_row()
        turn = self.parts.model.turn(row) if row >= 0 else None
        sp = self.parts.model.speaker(turn) if turn is not None else None
        if sp is None:
            self.ctx.report_error(tr("The selected turn has no speaker to rename: pick one first (Ctrl+Shift+S)."))
            return
        dialog = QInputDialog(self.window())
        dialog.setObjectName("rename_speaker_dialog")
        dialog.setWindowTitle(tr("Rename speaker"))
        label = sp.label or speaker_name(sp)
        dialog.setLabelText(tr("Name of {label} (every turn, both languages):").format(label=label))
        dialog.setTextValue(sp.name or (self.suggested_name(turn.id) if turn is not None else None) or "")
        dialog.textValueSelected.connect(
            lambda name: self.ctx.run(tr("Rename speaker"),
                                      lambda: ops.rename_speaker(self.ctx.store, sp.id, name)))
        self.rename_dialog = dialog
        dialog.open()

    # -- suggestions ------------------------------------------------------------------
    def suggested_name(self, turn_id: int) -> str | None:
        """The name a pending suggestion proposes for this turn (from an operator's introduction)."""
        tid = self.ctx.transcript_id
        if tid is None:
            return None
        return next((s.name for s in ops.list_suggestions(self.ctx.store, tid)
                     if s.turn_id == turn_id and s.status == "pending" and s.name), None)

    def _jump_to_turn(self, item: QTreeWidgetItem) -> None:
        turn_id = item.data(1, Qt.ItemDataRole.UserRole)
        sk = self.parts.model.skeleton
        index = sk.turns.ids.index(turn_id) if sk and turn_id in sk.turns.ids else None
        if index is not None:
            self.parts.panes.go_turn(index + 1)

    def decide(self, accept: bool) -> None:
        item = self.suggestions.currentItem()
        if item is None:
            self.ctx.report_error(tr("Select a suggestion first."))
            return
        sid = item.data(0, Qt.ItemDataRole.UserRole)
        if accept:
            self.ctx.run(tr("Accept speaker suggestion"), lambda: ops.accept_suggestion(self.ctx.store, sid))
        else:
            self.ctx.run(tr("Dismiss speaker suggestion"), lambda: ops.dismiss_suggestion(self.ctx.store, sid))

    def decide_all(self, accept: bool) -> None:
        tid = self.ctx.transcript_id
        if tid is None:
            return
        if accept:
            self.ctx.run(tr("Accept all speaker suggestions"),
                         lambda: ops.accept_all_suggestions(self.ctx.store, tid))
        else:
            self.ctx.run(tr("Dismiss all speaker suggestions"),
                         lambda: ops.dismiss_all_suggestions(self.ctx.store, tid))
