"""The library: every transcript in the database with its size and progress."""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from gui.window.background import BackgroundRead, Pace
from model.assignment.ops import WorkItem, work_of
from model.errors import TaiyakuError
from model.readmodel import TranscriptSummary, list_transcripts
from model.store import Store

Index = QModelIndex | QPersistentModelIndex
TranscriptIdRole = Qt.ItemDataRole.UserRole + 1


def _acting_name(store: Store) -> str:
    """The acting person's name. On a server the login decides who that is, whatever name the
    settings hold (``Store.role`` maps it); on an SQLite file the name is simply the one set."""
    if store.engine.dialect.name != "sqlite":
        with contextlib.suppress(TaiyakuError):  # a login with no account: nothing is "mine"
            _ = store.role
    return store.annotator_name


class LibraryModel(QAbstractTableModel):
    """One row per transcript: title, date, turns, segments, approved share, open flags, open gaps,
    and who works on it (``model.assignment``): its state and its annotator (or reviewer)."""

    COLUMNS = ("title", "date", "turns", "segments", "approved", "flags", "gaps", "state", "assignee")

    SORT_KEYS = ("imported", "title", "date", "progress")

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.all_rows: list[TranscriptSummary] = []
        self.rows: list[TranscriptSummary] = []  # what is shown: filtered and sorted
        self.filter_text = ""
        self.sort_key = "imported"
        self.descending = False
        self.work: dict[int, WorkItem] = {}  # transcript id -> its assignment
        self.mine_only = False  # "My work": what I annotate or review and have not finished
        self.me = store.annotator_name  # who "I" am (on a server: the person the login maps to)
        # The counts' read steps aside for the window (idle start, short GIL switch interval, no
        # collection in it); a newer reload drops an older one's result.
        self._reader = BackgroundRead(self, name="taiyaku-library")
        self._reader.done.connect(self._on_read)

    @property
    def reading(self) -> bool:
        """Whether a background read of the library is under way."""
        return self._reader.reading

    def reload(self) -> None:
        """Read the library again (after an import, a deletion or review progress)."""
        self._reader.cancel()  # a read still under way in the background is stale now
        self.all_rows = list_transcripts(self.store)
        self.me = _acting_name(self.store)
        self.work = work_of(self.store, me=self.me)
        self._arrange()

    def reload_in_background(self) -> None:
        """``reload`` with the reading in a background read (``BackgroundRead``): the counts read
        every segment of the library (a quarter of a second at 500,000), which the window must not
        wait for."""
        store = self.store

        def read(step: Pace) -> object:
            me = _acting_name(store)
            rows = list_transcripts(store)
            step()  # between the two reads: input made meanwhile goes first
            return rows, work_of(store, me=me), me

        self._reader.request(read)

    def _on_read(self, result: object) -> None:
        if isinstance(result, BaseException):
            raise result
        self.all_rows, self.work, self.me = result  # type: ignore[misc]
        self._arrange()

    def set_view(self, filter_text: str | None = None, sort_key: str | None = None,
                 descending: bool | None = None, mine_only: bool | None = None) -> None:
        """Show only titles containing ``filter_text`` (any case), sorted by ``sort_key`` (``SORT_KEYS``);
        with ``mine_only`` only the acting person's unfinished work."""
        if mine_only is not None:
            self.mine_only = mine_only
        if filter_text is not None:
            self.filter_text = filter_text
        if sort_key is not None and sort_key in self.SORT_KEYS:
            self.sort_key = sort_key
        if descending is not None:
            self.descending = descending
        self._arrange()

    def _arrange(self) -> None:
        wanted = self.filter_text.casefold().split()
        rows = [r for r in self.all_rows if all(w in r.title.casefold() for w in wanted)]
        if self.mine_only:
            rows = [r for r in rows if self.is_mine(r.id)]
        key = {
            "imported": lambda r: (r.id,),
            "title": lambda r: (r.title.casefold(), r.id),
            "date": lambda r: (r.event_date or r.imported_at.strftime("%Y-%m-%d"), r.id),
            "progress": lambda r: (r.approved / r.segments if r.segments else 0.0, r.id),
        }[self.sort_key]
        rows.sort(key=key, reverse=self.descending)
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def is_mine(self, transcript_id: int) -> bool:
        """Whether the acting person annotates (assigned, in progress) or reviews (submitted, in review) it."""
        work = self.work.get(transcript_id)
        if work is None:
            return False
        me = self.me
        return (work.annotator == me and work.state in ("assigned", "in_progress")) or \
            (work.reviewer == me and work.state in ("submitted", "in_review"))

    def state_text(self, transcript_id: int) -> str:
        """The work's state in the UI language ("" when nobody has it)."""
        work = self.work.get(transcript_id)
        if work is None or work.state == "unassigned":
            return ""
        return {"assigned": self.tr("Assigned"), "in_progress": self.tr("In progress"),
                "submitted": self.tr("Submitted"), "in_review": self.tr("In review"),
                "approved": self.tr("Approved")}.get(work.state, work.state)

    def assignee(self, transcript_id: int) -> str:
        """Who has the work now: the reviewer once it is submitted, else the annotator ("" if nobody)."""
        work = self.work.get(transcript_id)
        if work is None:
            return ""
        if work.state in ("submitted", "in_review", "approved") and work.reviewer:
            who = work.reviewer
        else:
            who = work.annotator or ""
        if who and work.turns:  # a range of turns (model.assignment): which (short: it shares a row with the title)
            who = self.tr("{name} (turns {range})").format(name=who, range=work.turns.replace("-", "–"))
        return who

    def row_of(self, transcript_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == transcript_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Title"), self.tr("Date"), self.tr("Turns"), self.tr("Segments"),
                    self.tr("Approved"), self.tr("Flags"), self.tr("Gaps"), self.tr("State"),
                    self.tr("Assignee")][section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return [None, None, None, None, self.tr("Share of segments approved by a reviewer"),
                    self.tr("Open flags"), self.tr("Inaudible gaps not yet resolved"),
                    self.tr("Where the work on the transcript stands"),
                    self.tr("Who has the work: the annotator, or the reviewer once it is submitted")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == TranscriptIdRole:
            return r.id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "title":
                return r.title
            if col == "date":
                return r.event_date or r.imported_at.strftime("%Y-%m-%d")
            if col == "approved":
                return f"{(100 * r.approved // r.segments) if r.segments else 0}%"
            if col == "state":
                return self.state_text(r.id)
            if col == "assignee":
                return self.assignee(r.id)
            return {"turns": r.turns, "segments": r.segments, "flags": r.open_flags, "gaps": r.open_gaps}[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == "title":
            work = self.work.get(r.id)
            if work is not None and work.note and work.state == "in_progress":  # why a reviewer sent it back
                return r.title + "\n" + self.tr("Sent back by the reviewer: {note}").format(note=work.note)
            return r.title
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in ("title", "date", "state", "assignee"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
