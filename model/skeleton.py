"""The shape of a transcript without its texts: turns, speakers and segment ids in order.

A 50,000-segment transcript opens by reading this skeleton (two narrow
queries); the texts of the rows on screen are read afterwards with
``model.readmodel.load_segments``. This keeps the first paint fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from model.errors import NotFound
from model.readmodel import SpeakerView
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

    @property
    def segment_count(self) -> int:
        return sum(1 for s in self.segment_ids if s is not None)


def load_speakers(store: Store, transcript_id: int) -> dict[int, SpeakerView]:
    """The transcript's speakers by id."""
    with store.read() as s:
        return {
            r.id: SpeakerView(r.id, r.label_en, r.label_ja, r.name, r.role, r.affiliation, r.redacted, r.position)
            for r in s.scalars(select(Speaker).where(Speaker.transcript_id == transcript_id))
        }


def load_skeleton(store: Store, transcript_id: int) -> Skeleton:
    """Read the skeleton of a transcript; ``NotFound`` if there is no such transcript."""
    with store.read() as s:
        t = s.execute(select(Transcript.title, Transcript.event_date).where(Transcript.id == transcript_id)).first()
        if t is None:
            raise NotFound(f"transcript {transcript_id} does not exist")
        turns = [TurnInfo(r[0], n + 1, r[1], r[2], r[3]) for n, r in enumerate(s.execute(
            select(Turn.id, Turn.kind, Turn.timestamp, Turn.speaker_id)
            .where(Turn.transcript_id == transcript_id).order_by(Turn.position, Turn.id)))]
        by_turn: dict[int, list[int]] = {}
        for sid, tid in s.execute(select(Segment.id, Segment.turn_id)
                                  .where(Segment.transcript_id == transcript_id)
                                  .order_by(Segment.turn_id, Segment.position, Segment.id)):
            by_turn.setdefault(tid, []).append(sid)
    speakers = load_speakers(store, transcript_id)
    sk = Skeleton(transcript_id, t[0], t[1], speakers, turns)
    for index, turn in enumerate(turns):
        ids: list[int | None] = list(by_turn.get(turn.id, ())) or [None]
        turn.first_row = len(sk.segment_ids)
        turn.row_count = len(ids)
        sk.segment_ids.extend(ids)
        sk.row_turn.extend([index] * len(ids))
    return sk
