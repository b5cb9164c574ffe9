"""The shape of a transcript without its texts: turns, speakers and segment ids in order.

A 50,000-segment transcript opens by reading this skeleton (two narrow
queries); the texts of the rows on screen are read afterwards with
``model.readmodel.load_segments``. This keeps the first paint fast.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain, islice, repeat
from operator import lt
from typing import Any, cast, overload

from sqlalchemy import Connection, select

from model.errors import NotFound
from model.readmodel import AnySelect, SpeakerView
from model.schema import Segment, Speaker, Transcript, Turn
from model.store import Store

BATCH_ROWS = 20_000  # rows fetched at a time while reading a skeleton


@dataclass(slots=True)
class TurnInfo:
    """A turn as the window needs it: who, what kind, where its rows are (made when asked for)."""

    id: int
    number: int  # 1-based, in reading order
    kind: str
    timestamp: str | None
    speaker_id: int | None
    first_row: int = 0
    row_count: int = 0


class Turns(Sequence[TurnInfo]):
    """The turns in reading order, kept as columns of machine integers.

    A list of 100,000 ``TurnInfo`` objects took 10 MB (a Python int per field); these arrays
    take 3 MB. Indexing makes a ``TurnInfo`` on the fly: a copy, not a live record.
    """

    __slots__ = ("ids", "kind_codes", "kinds", "timestamps", "speaker_ids", "first_rows", "row_counts")

    def __init__(self) -> None:
        self.ids = array("q")
        self.kind_codes = array("B")  # index into ``kinds``: a handful of distinct words
        self.kinds: list[str] = []
        self.timestamps: dict[int, str] = {}  # turn index -> its timestamp (most turns have none)
        self.speaker_ids = array("q")  # 0: no speaker (ids start at 1)
        self.first_rows = array("q")
        self.row_counts = array("q")

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> TurnInfo: ...
    @overload
    def __getitem__(self, index: slice) -> list[TurnInfo]: ...

    def __getitem__(self, index: int | slice) -> TurnInfo | list[TurnInfo]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self.ids)
        speaker = self.speaker_ids[index]
        return TurnInfo(self.ids[index], index + 1, self.kinds[self.kind_codes[index]], self.timestamps.get(index),
                        speaker or None, self.first_rows[index], self.row_counts[index])

    def __iter__(self) -> Iterator[TurnInfo]:
        return (self[i] for i in range(len(self.ids)))


class RowIds(Sequence[int | None]):
    """The segment id of every row (None: an empty turn's row), in an ``array('q')`` (0 for None).

    8 bytes a row instead of a list slot and an int object (36 bytes): 5 MB saved at 200,000 rows.
    """

    __slots__ = ("ids", "_empty")

    def __init__(self, ids: array[int] | None = None) -> None:
        self.ids = ids if ids is not None else array("q")
        self._empty = -1  # rows without a segment, counted when first asked

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> int | None: ...
    @overload
    def __getitem__(self, index: slice) -> list[int | None]: ...

    def __getitem__(self, index: int | slice) -> int | None | list[int | None]:
        if isinstance(index, slice):
            return [sid or None for sid in self.ids[index]]
        return self.ids[index] or None

    def __iter__(self) -> Iterator[int | None]:
        return (sid or None for sid in self.ids)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RowIds):
            return self.ids == other.ids
        if isinstance(other, list):
            return list(self) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def count(self, value: object) -> int:
        """How many rows show ``value`` (None: empty turns' rows)."""
        if value is None:
            if self._empty < 0:
                self._empty = self.ids.count(0)
            return self._empty
        return self.ids.count(value) if isinstance(value, int) and value else 0

    def present(self) -> Iterator[int]:
        """The segment ids in reading order, empty turns' rows left out."""
        return (sid for sid in self.ids if sid)


@dataclass(slots=True)
class Skeleton:
    """Turns, speakers and one row per segment (an empty turn gets one row, segment id None)."""

    transcript_id: int
    title: str
    event_date: str | None
    speakers: dict[int, SpeakerView]
    turns: Turns = field(default_factory=Turns)
    segment_ids: RowIds = field(default_factory=RowIds)
    row_turn: array[int] = field(default_factory=lambda: array("i"))  # row -> index into turns
    lead_lang: str = "en"  # the source's language; the other one is the translation
    # segment ids in ascending order and, beside them, their rows (None: the rows are 0, 1, 2...):
    # a bisection finds a row; a dict of 200,000 ids took 15 MB
    _sorted_ids: array[int] | None = None
    _sorted_rows: array[int] | None = None

    @property
    def translation_lang(self) -> str:
        """The language the transcript was translated into (the one that is not the lead)."""
        return "en" if self.lead_lang == "ja" else "ja"

    @property
    def segment_count(self) -> int:
        return len(self.segment_ids) - self.segment_ids.count(None)  # counted once: the status bar asks often

    def turn_index(self, row: int) -> int:
        """The index into ``turns`` of the turn ``row`` belongs to."""
        return self.row_turn[row]

    def is_turn_start(self, row: int) -> bool:
        """Whether ``row`` is the first row of its turn (without making a ``TurnInfo``)."""
        return self.turns.first_rows[self.row_turn[row]] == row

    def row_of(self, segment_id: int) -> int | None:
        """The row showing ``segment_id`` (None: not in this transcript)."""
        if self._sorted_ids is None:
            self._index_rows()
        keys = self._sorted_ids
        assert keys is not None
        at = bisect_left(keys, segment_id)
        if at == len(keys) or keys[at] != segment_id:
            return None
        return at if self._sorted_rows is None else self._sorted_rows[at]

    def _index_rows(self) -> None:
        ids = self.segment_ids.ids
        # Compared by map() in C: a generator over pairwise() took 37 ms at 200,000 rows before the paint.
        if 0 not in ids and all(map(lt, ids, islice(ids, 1, None))):
            self._sorted_ids, self._sorted_rows = ids, None  # the usual case: ids grow with the rows
            return
        order = sorted((r for r in range(len(ids)) if ids[r]), key=ids.__getitem__)
        self._sorted_ids = array("q", [ids[r] for r in order])
        self._sorted_rows = array("q", order)


def _plain_batches(conn: Connection, stmt: AnySelect, size: int = BATCH_ROWS) -> Iterator[list[tuple[Any, ...]]]:
    """Rows of a Core statement as plain tuples, straight from the DB-API cursor, a batch at a time.

    Still portable SQL (compiled by SQLAlchemy for the connection's dialect);
    it only skips SQLAlchemy's per-row result objects, which cost about 2 µs a
    row: 0.1 s of the first paint for 50,000 segments. In batches, so the tuples
    of 200,000 rows (25 MB) never live at once: only the arrays built from them stay.
    """
    compiled = stmt.compile(dialect=conn.dialect)
    params = compiled.construct_params()
    args: Any = [params[k] for k in compiled.positiontup or ()] if conn.dialect.positional else params
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), args)
        while batch := cast(list[tuple[Any, ...]], cursor.fetchmany(size)):
            yield batch
    finally:
        cursor.close()


def transcript_ids(store: Store) -> list[int]:
    """Ids of every transcript in the database, oldest first (cheap: no counts)."""
    transcript = Transcript.__table__.c  # table columns: no ORM mapper configuration before the paint
    with store.read() as s:
        return list(s.connection().scalars(select(transcript.id).order_by(transcript.id)))


def load_speakers(store: Store, transcript_id: int) -> dict[int, SpeakerView]:
    """The transcript's speakers by id."""
    speaker = Speaker.__table__.c
    with store.read() as s:
        rows = s.connection().execute(
            select(speaker.id, speaker.label_en, speaker.label_ja, speaker.name, speaker.role, speaker.affiliation,
                   speaker.redacted, speaker.position).where(speaker.transcript_id == transcript_id))
        return {r[0]: SpeakerView(*r) for r in rows}


def load_skeleton(store: Store, transcript_id: int) -> Skeleton:
    """Read the skeleton of a transcript; ``NotFound`` if there is no such transcript."""
    transcript, turn, segment = Transcript.__table__.c, Turn.__table__.c, Segment.__table__.c
    with store.read() as session:
        s = session.connection()  # Core rows, without the ORM's per-row work (0.15 s at 14,000 turns)
        t = s.execute(select(transcript.title, transcript.event_date, transcript.lead_lang)
                      .where(transcript.id == transcript_id)).first()
        if t is None:
            raise NotFound(f"transcript {transcript_id} does not exist")
        turns = Turns()
        kinds: dict[str, int] = {}
        for batch in _plain_batches(s, select(turn.id, turn.kind, turn.timestamp, turn.speaker_id)
                                    .where(turn.transcript_id == transcript_id).order_by(turn.position, turn.id)):
            at = len(turns.ids)
            turns.ids.fromlist([r[0] for r in batch])
            turns.kind_codes.fromlist([kinds.setdefault(r[1], len(kinds)) for r in batch])
            turns.timestamps.update((at + n, r[2]) for n, r in enumerate(batch) if r[2] is not None)
            turns.speaker_ids.fromlist([r[3] or 0 for r in batch])
        turns.kinds = list(kinds)
        # Segments in reading order, through the turns: the (transcript_id, position) index of turns,
        # then the (turn_id, position) index of segments, cover the query and its order (no sort).
        ids, counts = array("q"), Counter[int]()
        for batch in _plain_batches(s, select(segment.id, segment.turn_id)
                                    .join(Turn.__table__, turn.id == segment.turn_id)
                                    .where(turn.transcript_id == transcript_id)
                                    .order_by(turn.position, turn.id, segment.position, segment.id)):
            ids.fromlist([r[0] for r in batch])
            counts.update([r[1] for r in batch])  # (Counter counts a list in C)
    speakers = load_speakers(store, transcript_id)
    sk = Skeleton(transcript_id, t[0], t[1], speakers, turns, lead_lang=t[2] or "en")
    # Per row only comprehensions and C (array, Counter): ~1 us a row in all.
    row_counts = [counts.get(tid, 0) for tid in turns.ids]
    if len(counts) == len(turns):  # no empty turn: the rows are the segments
        sk.segment_ids = RowIds(ids)
    else:  # an empty turn shows as one row without a segment (id 0)
        spread, at = array("q"), 0
        for n in row_counts:
            if n:
                spread.extend(ids[at:at + n])
            else:
                spread.append(0)
            at += n
        sk.segment_ids = RowIds(spread)
    turns.row_counts = array("q", [n or 1 for n in row_counts])
    turns.first_rows = array("q", accumulate(turns.row_counts, initial=0))
    turns.first_rows.pop()  # (the total)
    sk.row_turn = array("i", chain.from_iterable(map(repeat, range(len(turns)), turns.row_counts)))
    return sk
