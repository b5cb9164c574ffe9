"""The transcript as a flat list model: one row per segment, in reading order.

Both panes (English, 日本語) are views of this one model and share its
selection model, so selecting, moving and scrolling stay linked by row. The
model starts from a skeleton (ids only) and reads the texts of rows in chunks
when a view first asks for them, so opening a 50,000-segment transcript costs
two narrow queries.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal

from model.errors import NotFound
from model.prefetch import Prefetch
from model.readmodel import SegmentView, SpeakerView, load_segments
from model.skeleton import Skeleton, TurnInfo, load_skeleton, load_speakers
from model.store import Changes, Store

log = logging.getLogger(__name__)
CHUNK = 80  # rows read around a missing one: a screenful or two either way
# Segments kept read (2-3 KB each with their derived texts): the rows on screen and around the
# last places visited. Without a bound, moving about a 500,000-segment transcript kept every
# segment ever shown (30 MB after a hundred jumps, the whole transcript after a read-through).
MAX_SEGMENTS = 1500

Index = QModelIndex | QPersistentModelIndex


class Roles(IntEnum):
    """Custom data roles of ``TranscriptModel``."""

    SegmentId = Qt.ItemDataRole.UserRole + 1
    TurnId = Qt.ItemDataRole.UserRole + 2
    TurnNumber = Qt.ItemDataRole.UserRole + 3
    IsTurnStart = Qt.ItemDataRole.UserRole + 4
    English = Qt.ItemDataRole.UserRole + 5
    Japanese = Qt.ItemDataRole.UserRole + 6
    Segment = Qt.ItemDataRole.UserRole + 7  # the SegmentView (None for an empty turn)


class TranscriptModel(QStringListModel):
    """Rows = segments of the open transcript (an empty turn shows as one row)."""

    segmentsInvalidated = Signal(object)  # set[int]: texts/children re-read, drop cached layouts
    repaintNeeded = Signal()  # speakers or turns changed but rows did not
    transcriptLoaded = Signal(object)  # int | None

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.skeleton: Skeleton | None = None
        self._segments: dict[int, SegmentView] = {}
        self._pending: tuple[Skeleton | None, dict[int, SegmentView]] | None = None
        self.initiator: object = None  # while changes are applied: who made them (Changes.initiator)
        # The first transcript's read, started while the window was built (model.prefetch): used once.
        self.prefetch: Prefetch | None = None
        self.modelReset.connect(self._adopt_pending)  # first connection: runs before any view's

    # -- loading -------------------------------------------------------------
    @property
    def transcript_id(self) -> int | None:
        return self.skeleton.transcript_id if self.skeleton else None

    def load(self, transcript_id: int | None) -> None:
        """Show ``transcript_id`` (None: nothing). ``NotFound`` if it does not exist."""
        prefetch, self.prefetch = self.prefetch, None
        read = prefetch.take(transcript_id) if prefetch is not None and transcript_id is not None else None
        if read is not None:
            self._reset_to(*read)
        else:
            self._reset_to(load_skeleton(self.store, transcript_id) if transcript_id is not None else None, {})
        self.transcriptLoaded.emit(transcript_id)

    def _reset_to(self, skeleton: Skeleton | None, segments: dict[int, SegmentView]) -> None:
        # setStringList resets the model; the new skeleton is adopted in the modelReset slot that
        # was connected first, so every other listener already sees it.
        self._pending = (skeleton, segments)
        self.setStringList([""] * (len(skeleton.segment_ids) if skeleton else 0))

    def _adopt_pending(self) -> None:
        if self._pending is not None:
            self.skeleton, self._segments = self._pending
            self._pending = None

    # -- Qt model API ----------------------------------------------------------
    # rowCount() and flags() are deliberately not overridden: QTreeView asks for them about three
    # times per row on every layout, and from Python that cost 0.9 s per layout at 50,000 rows.
    # QStringListModel answers in C++: the row count is the length of a list of empty strings, and
    # every row is enabled, selectable, editable (in-place editing; the delegate refuses rows
    # without a segment) and never has children.

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        return False  # edits go through store operations (the editing delegate), never into the model

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.skeleton is None:
            return None
        row = index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Roles.English):
            seg = self.segment(row)
            return seg.en if seg else None
        if role == Roles.Japanese:
            seg = self.segment(row)
            return seg.ja if seg else None
        if role == Roles.SegmentId:
            return self.skeleton.segment_ids[row]
        if role == Roles.TurnId:
            return self.turn(row).id
        if role == Roles.TurnNumber:
            return self.turn(row).number
        if role == Roles.IsTurnStart:
            return self.is_turn_start(row)
        if role == Roles.Segment:
            return self.segment(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and section == 0:
            return self.tr("Segment")
        return None

    # -- lookups used by the panes and features ----------------------------------
    def turn(self, row: int) -> TurnInfo:
        """The turn a row belongs to."""
        assert self.skeleton is not None
        return self.skeleton.turns[self.skeleton.row_turn[row]]

    def is_turn_start(self, row: int) -> bool:
        """Whether the row is the first of its turn (it carries the speaker header)."""
        assert self.skeleton is not None
        return self.skeleton.is_turn_start(row)

    def speaker(self, turn: TurnInfo) -> SpeakerView | None:
        """The turn's speaker (None: unknown)."""
        if self.skeleton is None or turn.speaker_id is None:
            return None
        return self.skeleton.speakers.get(turn.speaker_id)

    def segment_id(self, row: int) -> int | None:
        """The segment shown in ``row`` (None: an empty turn, or no such row)."""
        return self.skeleton.segment_ids[row] if self.skeleton and 0 <= row < len(self.skeleton.segment_ids) else None

    def row_of_segment(self, segment_id: int) -> int | None:
        """The row showing ``segment_id`` (None: not in this transcript)."""
        return self.skeleton.row_of(segment_id) if self.skeleton is not None else None

    def row_of_turn(self, number: int) -> int | None:
        """The first row of turn ``number`` (1-based), None when out of range."""
        if self.skeleton is None or not 1 <= number <= len(self.skeleton.turns):
            return None
        return self.skeleton.turns[number - 1].first_row

    def turn_count(self) -> int:
        return len(self.skeleton.turns) if self.skeleton else 0

    def segment(self, row: int) -> SegmentView | None:
        """The segment shown in ``row`` with its derived texts (read on first use, in chunks)."""
        sid = self.segment_id(row)
        if sid is None:
            return None
        seg = self._segments.pop(sid, None)
        if seg is None:
            self._fetch_around(row)
            return self._segments.get(sid)
        self._segments[sid] = seg  # last used goes last: the rows on screen are the last to go
        return seg

    def cached_segments(self) -> dict[int, SegmentView]:
        """Segments read so far, by id (for features that scan what is on screen)."""
        return self._segments

    def _fetch_around(self, row: int) -> None:
        assert self.skeleton is not None
        ids = self.skeleton.segment_ids
        lo, hi = max(0, row - CHUNK // 4), min(len(ids), row + CHUNK)
        wanted = [sid for sid in ids[lo:hi] if sid is not None and sid not in self._segments]
        self._segments.update(load_segments(self.store, wanted))
        extra = len(self._segments) - MAX_SEGMENTS
        if extra > 0:  # the least recently used go (a dict keeps its insertion order): those just read stay
            for sid in list(itertools.islice(self._segments, extra)):
                del self._segments[sid]

    # -- refreshing from store announcements ------------------------------------
    def apply_changes(self, changes: Changes) -> None:
        """Bring the model up to date after a committed change (do, undo, redo, import).

        While it does, ``initiator`` is the change's initiator (``Changes.initiator``): a view
        whose editor made the change leaves that editor as it is.
        """
        self.initiator = changes.initiator
        try:
            self._apply_changes(changes)
        finally:
            self.initiator = None

    def _apply_changes(self, changes: Changes) -> None:
        tid = self.transcript_id
        if tid is None or (changes.transcript_ids and tid not in changes.transcript_ids):
            return
        if changes.restructured and changes.touches("turn", "segment", "transcript"):
            try:
                skeleton = load_skeleton(self.store, tid)
            except NotFound:  # the transcript itself was deleted
                self.load(None)
                return
            assert self.skeleton is not None
            if skeleton.segment_ids != self.skeleton.segment_ids or skeleton.row_turn != self.skeleton.row_turn:
                self._restructure(skeleton, changes.segment_ids)
                return
            self.skeleton = skeleton
            self.repaintNeeded.emit()
        elif changes.touches("speaker"):
            assert self.skeleton is not None
            self.skeleton.speakers = load_speakers(self.store, tid)
            self.repaintNeeded.emit()
        self.refresh_segments(changes.segment_ids)

    def _restructure(self, skeleton: Skeleton, changed: Iterable[int]) -> None:
        # Rows were added, removed or moved: reset, keeping segments that did not change.
        stale = set(changed)
        keep = {sid: seg for sid, seg in self._segments.items() if sid not in stale}
        self.segmentsInvalidated.emit(stale)
        self._reset_to(skeleton, keep)

    def refresh_segments(self, segment_ids: Iterable[int]) -> None:
        """Re-read these segments (when loaded) and repaint their rows; cheap for a few ids."""
        ids = [sid for sid in segment_ids if self.row_of_segment(sid) is not None]
        if not ids:
            return
        fresh = load_segments(self.store, [sid for sid in ids if sid in self._segments])
        for sid in ids:
            if sid in fresh:
                self._segments[sid] = fresh[sid]
            else:
                self._segments.pop(sid, None)
        self.segmentsInvalidated.emit(set(ids))
        for sid in ids:
            row = self.row_of_segment(sid)
            assert row is not None
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)
