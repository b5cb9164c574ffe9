"""The shape of a transcript without its texts: turns, speakers and segment ids in order.

A 50,000-segment transcript opens by reading this skeleton (two narrow
queries); the texts of the rows on screen are read afterwards with
``model.readmodel.load_segments``. This keeps the first paint fast.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Connection, select

from model.errors import NotFound
from model.readmodel import AnySelect, SpeakerView
from model.schema import Segment, Speaker, Transcript, Turn
from model.store import Store


@dataclass(slots=True)
class TurnInfo:
    """A turn as the window needs it: who, what kind, where its rows are."""

    id: int
    number: int  # 1-based, in reading order
    kind: str
    timestamp: str | None
    speaker_id: int | None
    first_row: int = 0
    row_count: int = 0


@dataclass(slots=True)
class Skeleton:
    """Turns, speakers and one row per segment (an empty turn gets one row, segment id None)."""

    transcript_id: int
    title: str
    event_date: str | None
    speakers: dict[int, SpeakerView]
    turns: list[TurnInfo]
    segment_ids: list[int | None] = field(default_factory=list)
    row_turn: list[int] = field(default_factory=list)  # row -> index into turns
    lead_lang: str = "en"  # the source's language; the other one is the translation

    @property
    def translation_lang(self) -> str:
        """The language the transcript was translated into (the one that is not the lead)."""
        return "en" if self.lead_lang == "ja" else "ja"

    @property
    def segment_count(self) -> int:
        return len(self.segment_ids) - self.segment_ids.count(None)  # in C: the status bar asks often


def _plain_rows(conn: Connection, stmt: AnySelect) -> list[tuple[Any, ...]]:
    """Rows of a Core statement as plain tuples, straight from the DB-API cursor.

    Still portable SQL (compiled by SQLAlchemy for the connection's dialect);
    it only skips SQLAlchemy's per-row result objects, which cost about 2 µs a
    row: 0.1 s of the first paint for 50,000 segments.
    """
    compiled = stmt.compile(dialect=conn.dialect)
    params = compiled.construct_params()
    args: Any = [params[k] for k in compiled.positiontup or ()] if conn.dialect.positional else params
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), args)
        return cast(list[tuple[Any, ...]], cursor.fetchall())
    finally:
        cursor.close()


def transcript_ids(store: Store) -> list[int]:
    """Ids of every transcript in the database, oldest first (cheap: no counts)."""
    with store.read() as s:
        return list(s.scalars(select(Transcript.id).order_by(Transcript.id)))


def load_speakers(store: Store, transcript_id: int) -> dict[int, SpeakerView]:
    """The transcript's speakers by id."""
    with store.read() as s:
        return {
            r.id: SpeakerView(r.id, r.label_en, r.label_ja, r.name, r.role, r.affiliation, r.redacted, r.position)
            for r in s.scalars(select(Speaker).where(Speaker.transcript_id == transcript_id))
        }


def load_skeleton(store: Store, transcript_id: int) -> Skeleton:
    """Read the skeleton of a transcript; ``NotFound`` if there is no such transcript."""
    with store.read() as session:
        s = session.connection()  # Core rows, without the ORM's per-row work (0.15 s at 14,000 turns)
        t = s.execute(select(Transcript.title, Transcript.event_date, Transcript.lead_lang)
                      .where(Transcript.id == transcript_id)).first()
        if t is None:
            raise NotFound(f"transcript {transcript_id} does not exist")
        turns = [TurnInfo(r[0], n + 1, r[1], r[2], r[3]) for n, r in enumerate(_plain_rows(s,
            select(Turn.id, Turn.kind, Turn.timestamp, Turn.speaker_id)
            .where(Turn.transcript_id == transcript_id).order_by(Turn.position, Turn.id)))]
        # Segments in reading order, through the turns: the (transcript_id, position) index of turns,
        # then the (turn_id, position) index of segments, cover the query and its order (no sort).
        rows = _plain_rows(s, select(Segment.id, Segment.turn_id).join(Turn, Turn.id == Segment.turn_id)
                           .where(Turn.transcript_id == transcript_id)
                           .order_by(Turn.position, Turn.id, Segment.position, Segment.id))
    speakers = load_speakers(store, transcript_id)
    sk = Skeleton(transcript_id, t[0], t[1], speakers, turns, lead_lang=t[2] or "en")
    # Per row only list comprehensions and C (Counter, list.extend): ~1 µs a row in all.
    ids: list[int | None] = [r[0] for r in rows]
    counts = Counter([r[1] for r in rows])
    if len(counts) == len(turns):  # no empty turn: the rows are the segments
        sk.segment_ids = ids
    else:  # an empty turn shows as one row without a segment
        at = 0
        for turn in turns:
            n = counts.get(turn.id, 0)
            sk.segment_ids.extend(ids[at:at + n] if n else [None])
            at += n
    row = 0
    for index, turn in enumerate(turns):
        n = counts.get(turn.id, 0) or 1
        turn.first_row, turn.row_count = row, n
        sk.row_turn.extend([index] * n)
        row += n
    return sk
