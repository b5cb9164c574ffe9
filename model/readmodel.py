"""Read model: a transcript as plain dataclasses, with corrected texts derived.

The GUI, the exporters and the QA checks read through here, never through ORM
objects: views stay simple values that can be cached, and reading a 50,000
segment transcript costs a handful of Core queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from model.errors import NotFound
from model.schema import (
    Annotator,
    Correction,
    Flag,
    Gap,
    Redaction,
    Segment,
    Speaker,
    SpeakerSuggestion,
    Transcript,
    Turn,
)
from model.store import Store
from model.text import derive

LANG_NAMES = {"en": "English", "ja": "日本語"}


@dataclass(slots=True)
class GapView:
    id: int
    segment_id: int
    lang: str
    start: int
    end: int
    text: str
    kind: str
    status: str
    proposed_text: str | None
    confidence: str | None
    counterpart_id: int | None
    origin: str


@dataclass(slots=True)
class RedactionView:
    id: int
    segment_id: int
    lang: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class CorrectionView:
    id: int
    segment_id: int
    lang: str
    start: int
    end: int
    before: str
    after: str
    category: str | None
    note: str | None
    status: str
    annotator: str
    created_at: datetime


@dataclass(slots=True)
class FlagView:
    id: int
    segment_id: int
    lang: str | None
    start: int | None
    end: int | None
    category: str
    note: str
    status: str
    author: str
    created_at: datetime


@dataclass(slots=True)
class SpeakerView:
    id: int
    label_en: str | None
    label_ja: str | None
    name: str | None
    role: str
    affiliation: str | None
    redacted: bool
    position: int

    @property
    def known_name(self) -> str | None:
        """The annotator's name for the speaker, else the label as written; None when there is
        neither (the UI says "unknown speaker" in its own language)."""
        return self.name or self.label_en or self.label_ja or None

    @property
    def display_name(self) -> str:
        """``known_name``, or "Unknown speaker" (English: for exports and QA messages, not the UI)."""
        return self.known_name or "Unknown speaker"

    @property
    def label(self) -> str | None:
        """The label as written (English first)."""
        return self.label_en or self.label_ja


@dataclass(slots=True)
class SuggestionView:
    id: int
    turn_id: int
    name: str | None
    affiliation: str | None
    status: str


@dataclass(slots=True)
class SegmentView:
    id: int
    turn_id: int
    position: int
    en_prefix: str
    en_orig: str | None
    ja_prefix: str
    ja_orig: str | None
    review_state: str
    en: str | None = None  # derived (corrected) texts
    ja: str | None = None
    gaps: list[GapView] = field(default_factory=list)
    redactions: list[RedactionView] = field(default_factory=list)
    corrections: list[CorrectionView] = field(default_factory=list)
    flags: list[FlagView] = field(default_factory=list)
    conflicts: tuple[int, ...] = ()
    pairing: str | None = None  # how the importer paired the sides (None: made after the import)
    confidence: float | None = None  # how sure it was, 0..1
    en_tail: str | None = None  # what followed each side's paragraph in the file (None: a blank line)
    ja_tail: str | None = None
    comment: str | None = None  # the annotator's own note (not a review flag)

    def tail(self, lang: str) -> str | None:
        """What followed this side's paragraph in the imported file (None: one blank line, or unknown)."""
        return self.en_tail if lang == "en" else self.ja_tail

    def original(self, lang: str) -> str | None:
        """The imported text in ``lang`` (None: absent)."""
        return self.en_orig if lang == "en" else self.ja_orig

    def corrected(self, lang: str) -> str | None:
        """The derived corrected text in ``lang`` (None: absent)."""
        return self.en if lang == "en" else self.ja

    def text(self, lang: str, corrected: bool = True) -> str | None:
        """Corrected or original text in ``lang``."""
        return self.corrected(lang) if corrected else self.original(lang)

    def prefix(self, lang: str) -> str:
        """What stood before the speech in the paragraph (timestamp, label)."""
        return self.en_prefix if lang == "en" else self.ja_prefix

    def gaps_in(self, lang: str) -> list[GapView]:
        """This segment's gaps in ``lang``, in text order."""
        return sorted((g for g in self.gaps if g.lang == lang), key=lambda g: (g.start, g.id))

    def is_edited(self, lang: str | None = None) -> bool:
        """Whether a live correction changes the text (in ``lang`` or either)."""
        langs = (lang,) if lang else ("en", "ja")
        return any(self.corrected(lg) != self.original(lg) for lg in langs)


@dataclass(slots=True)
class TurnView:
    id: int
    position: int
    kind: str
    timestamp: str | None
    speaker: SpeakerView | None
    # Empty tuples until filled, not a list each: an outline of 200,000 segments has 57,000 turns,
    # and a window keeps its outline (two empty lists a turn took 6 MB). Replaced, never appended to.
    segments: Sequence[SegmentView] = ()
    suggestions: Sequence[SuggestionView] = ()


@dataclass(slots=True)
class TranscriptView:
    id: int
    title: str
    source: str | None
    event_date: str | None
    lead_lang: str
    encoding: str | None
    newline: str
    source_filename: str | None
    imported_at: datetime
    speakers: dict[int, SpeakerView]
    turns: list[TurnView]
    layout: str | None = None  # interleaved / blocks / files (None: imported before this was kept)
    text_head: str | None = None  # what stood before the first paragraph of the file
    # What QA checks prepared for this transcript (model.qa.prepare): a glossary, a dictionary, ...
    context: dict[str, Any] = field(default_factory=dict)

    def segments(self) -> Iterator[tuple[TurnView, SegmentView]]:
        """Every segment with its turn, in reading order."""
        for turn in self.turns:
            for seg in turn.segments:
                yield turn, seg

    @property
    def segment_count(self) -> int:
        return sum(len(t.segments) for t in self.turns)


@dataclass(slots=True)
class TranscriptSummary:
    id: int
    title: str
    event_date: str | None
    turns: int
    segments: int
    imported_at: datetime
    approved: int = 0
    open_flags: int = 0
    open_gaps: int = 0


# Views are built from rows by position (named access is slow); the type checker cannot
# count a row's columns, so these constructors take any arguments.
_correction_view: Callable[..., CorrectionView] = CorrectionView
_flag_view: Callable[..., FlagView] = FlagView
_segment_view_of: Callable[..., SegmentView] = SegmentView

# A statement of any columns (SQLAlchemy types a select by the types of its columns).
AnySelect = Select[*tuple[Any, ...]]

# The statements below select table columns (``Model.__table__.c``), not the mapped classes'
# attributes: Core statements compile without the ORM, so the window's first rows are read before
# SQLAlchemy configures its mappers (gui.app does that in a step of its own after the paint).
_SEG, _TURN = Segment.__table__.c, Turn.__table__.c

# SegmentView's first eight fields, in order (rows are turned into views positionally).
_SEGMENT_COLUMNS = select(_SEG.id, _SEG.turn_id, _SEG.position, _SEG.en_prefix, _SEG.en_orig,
                          _SEG.ja_prefix, _SEG.ja_orig, _SEG.review_state, _SEG.pairing,
                          _SEG.confidence, _SEG.en_tail, _SEG.ja_tail, _SEG.comment)


def _names(session: Session) -> dict[int, str]:
    names = Annotator.__table__.c
    return dict(session.connection().execute(select(names.id, names.name)).all())


def _child_statements(where: Callable[[Any], Any]) -> tuple[AnySelect, ...]:
    """Gaps, redactions, corrections and flags of the segments ``where(columns)`` selects (in that order)."""
    gap, red, cor, flag = (m.__table__.c for m in (Gap, Redaction, Correction, Flag))
    return (
        select(gap.id, gap.segment_id, gap.lang, gap.start, gap.end, gap.text, gap.kind, gap.status,
               gap.proposed_text, gap.confidence, gap.counterpart_id, gap.origin)
        .where(where(gap)).order_by(gap.start, gap.id),
        select(red.id, red.segment_id, red.lang, red.start, red.end, red.text)
        .where(where(red)).order_by(red.start),
        select(cor.id, cor.segment_id, cor.lang, cor.start, cor.end,
               cor.before, cor.after, cor.category, cor.note, cor.status,
               cor.annotator_id, cor.created_at).where(where(cor)).order_by(cor.id),
        select(flag.id, flag.segment_id, flag.lang, flag.start, flag.end, flag.category, flag.note, flag.status,
               flag.author_id, flag.created_at).where(where(flag)).order_by(flag.id),
    )


@cache
def _span_statements() -> tuple[AnySelect, tuple[AnySelect, ...]]:
    """The segments, and their children, of the turns at positions ``lo`` to ``hi`` of transcript ``tid``.

    Built once with bind parameters: building statements costs more than running them on a short span.
    """
    span = select(_TURN.id).where(_TURN.transcript_id == bindparam("tid"), _TURN.position >= bindparam("lo"),
                                  _TURN.position <= bindparam("hi"))
    segments = select(_SEG.id).where(_SEG.turn_id.in_(span))
    return (_SEGMENT_COLUMNS.where(_SEG.turn_id.in_(span)).order_by(_SEG.turn_id, _SEG.position),
            _child_statements(lambda table: table.segment_id.in_(segments)))


def _children(session: Session, transcript_id: int | None, segment_ids: Iterable[int] | None,
              names: dict[int, str], statements: tuple[AnySelect, ...] | None = None,
              params: dict[str, Any] | None = None) -> dict[str, dict[int, list[Any]]]:
    """Gaps, redactions, corrections and flags grouped by segment id.

    Of a whole transcript, of a list of segment ids, or as ``statements`` (``_child_statements``) select.
    """
    out: dict[str, dict[int, list[Any]]] = {k: defaultdict(list) for k in ("gap", "red", "cor", "flag")}
    if statements is None:
        ids = list(segment_ids) if segment_ids is not None else None

        def where(table: Any) -> Any:
            if ids is not None:
                return table.segment_id.in_(ids)
            return table.transcript_id == transcript_id

        statements = _child_statements(where)
    # Plain column rows, not ORM entities: building 50,000 instances costs seconds.
    gap, red, cor, flag = out["gap"], out["red"], out["cor"], out["flag"]
    conn = session.connection()  # Core rows: no ORM result processing
    gaps, reds, cors, flags = (conn.execute(stmt, params).all() for stmt in statements)
    for r in gaps:
        gap[r[1]].append(GapView(*r))
    for r in reds:
        red[r[1]].append(RedactionView(*r))
    for r in cors:
        cor[r[1]].append(_correction_view(*r[:10], names.get(r[10], "?"), r[11]))
    for r in flags:
        flag[r[1]].append(_flag_view(*r[:8], names.get(r[8], "?"), r[9]))
    return out


def _segment_view(row: Any, children: dict[str, dict[int, list[Any]]]) -> SegmentView:
    # Positional: the query selects SegmentView's first eight fields in order (named access is slow),
    # then the importer's pairing, confidence and separators, and the annotator's comment.
    sid = row[0]
    seg = _segment_view_of(*row[:8], None, None, children["gap"].get(sid) or [], children["red"].get(sid) or [],
                           children["cor"].get(sid) or [], children["flag"].get(sid) or [], (), *row[8:13])
    derive_texts(seg)
    return seg


def derive_texts(seg: SegmentView) -> None:
    """Fill ``seg.en``/``seg.ja`` from the originals and the live corrections."""
    if not seg.corrections:  # most segments: nothing to apply
        seg.en, seg.ja, seg.conflicts = seg.en_orig, seg.ja_orig, ()
        return
    conflicts: list[int] = []
    for lang in ("en", "ja"):
        original = seg.original(lang)
        cors = [c for c in seg.corrections if c.lang == lang]
        if original is None and not cors:
            setattr(seg, lang, None)
            continue
        derived = derive(original or "", cors)
        conflicts.extend(derived.conflicts)
        # A text that was absent stays absent until a correction gives it words.
        setattr(seg, lang, derived.text if (original is not None or derived.text) else None)
    seg.conflicts = tuple(conflicts)


def _speaker_view(r: Speaker) -> SpeakerView:
    return SpeakerView(r.id, r.label_en, r.label_ja, r.name, r.role, r.affiliation, r.redacted, r.position)


PACE_TURNS = 4096  # turns of an outline read between two paces (a few ms)


def load_transcript(store: Store, transcript_id: int, *, segments: bool = True,
                    pace: Callable[[], None] | None = None) -> TranscriptView:
    """The whole transcript with derived texts; ``NotFound`` if there is no such transcript.

    ``segments=False``: speakers and turns only, every turn's ``segments`` empty; fill them a slice
    at a time with ``fill_turns`` (a window checks 50,000 segments without a pause of seconds).
    ``pace`` is called every few thousand turns (a background thread waits there while the window
    works: the outline of 200,000 segments is a quarter of a second of Python).
    """
    with store.read() as s:
        t = s.get(Transcript, transcript_id)
        if t is None:
            raise NotFound(f"transcript {transcript_id} does not exist")
        speakers = {r.id: _speaker_view(r) for r in s.scalars(
            select(Speaker).where(Speaker.transcript_id == transcript_id).order_by(Speaker.position, Speaker.id))}
        turns: dict[int, TurnView] = {}
        kinds: dict[str, str] = {}
        # Core rows, read by position: 14,000 turns in a few milliseconds (named access costs more).
        for n, (turn_id, position, kind, timestamp, speaker_id) in enumerate(s.connection().execute(
                select(_TURN.id, _TURN.position, _TURN.kind, _TURN.timestamp, _TURN.speaker_id)
                .where(_TURN.transcript_id == transcript_id).order_by(_TURN.position)).all(), 1):
            speaker = speakers.get(speaker_id) if speaker_id is not None else None
            # One string per kind, not one per turn (the driver makes a new one for each row).
            kind = kinds.setdefault(kind, kind)
            turns[turn_id] = TurnView(turn_id, position, kind, timestamp, speaker)
            if pace is not None and n % PACE_TURNS == 0:
                pace()
        if segments:
            children = _children(s, transcript_id, None, _names(s))
            read: dict[int, list[SegmentView]] = defaultdict(list)
            for r in s.connection().execute(_SEGMENT_COLUMNS.where(_SEG.transcript_id == transcript_id)
                                            .order_by(_SEG.turn_id, _SEG.position)):
                read[r[1]].append(_segment_view(r, children))
            for turn_id, segs in read.items():
                turns[turn_id].segments = segs
        suggested: dict[int, list[SuggestionView]] = defaultdict(list)
        for sug in s.scalars(select(SpeakerSuggestion).where(SpeakerSuggestion.transcript_id == transcript_id)):
            if sug.turn_id in turns:
                suggested[sug.turn_id].append(
                    SuggestionView(sug.id, sug.turn_id, sug.name, sug.affiliation, sug.status))
        for turn_id, found in suggested.items():
            turns[turn_id].suggestions = found
        return TranscriptView(t.id, t.title, t.source, t.event_date, t.lead_lang, t.encoding, t.newline,
                              t.source_filename, t.imported_at, speakers,
                              sorted(turns.values(), key=lambda tv: tv.position), t.layout, t.text_head)


def fill_turns(store: Store, turns: Sequence[TurnView]) -> None:
    """Load the segments (children, derived texts) of ``turns``, in place: their ``segments`` are replaced."""
    by_id = {t.id: t for t in turns}
    if not by_id:
        return
    with store.read() as s:
        conn = s.connection()
        rows = conn.execute(_SEGMENT_COLUMNS.where(_SEG.turn_id.in_(list(by_id)))
                            .order_by(_SEG.turn_id, _SEG.position)).all()
        children = _children(s, None, [r[0] for r in rows], _names(s))
    read: dict[int, list[SegmentView]] = defaultdict(list)
    for r in rows:
        read[r[1]].append(_segment_view(r, children))
    for turn in by_id.values():
        turn.segments = read.get(turn.id, ())


def fill_turn_span(store: Store, transcript_id: int, turns: Sequence[TurnView]) -> None:
    """``fill_turns`` for consecutive turns of one transcript in reading order (a slice of its ``turns``).

    Reads them by their range of positions, not by a list of ids: the same few statements
    every time, so reading a 50,000-segment transcript in slices costs about what one read costs.
    """
    by_id = {t.id: t for t in turns}
    if not by_id:
        return
    segments, children = _span_statements()
    params = {"tid": transcript_id, "lo": turns[0].position, "hi": turns[-1].position}
    with store.read() as s:
        rows = s.connection().execute(segments, params).all()
        found = _children(s, None, None, _names(s), children, params)
    read: dict[int, list[SegmentView]] = defaultdict(list)
    for r in rows:
        if r[1] in by_id:  # not: a turn beside the span sharing a boundary position
            read[r[1]].append(_segment_view(r, found))
    for turn in by_id.values():
        turn.segments = read.get(turn.id, ())


def load_segment(store: Store, segment_id: int) -> SegmentView:
    """One segment with its children and derived texts (for refreshing a row after an edit)."""
    with store.read() as s:
        row = s.connection().execute(_SEGMENT_COLUMNS.where(_SEG.id == segment_id)).first()
        if row is None:
            raise NotFound(f"segment {segment_id} does not exist")
        return _segment_view(row, _children(s, None, [segment_id], _names(s)))


def load_segments(store: Store, segment_ids: Iterable[int]) -> dict[int, SegmentView]:
    """Several segments by id (missing ones are left out)."""
    ids = list(segment_ids)
    if not ids:
        return {}
    with store.read() as s:
        children = _children(s, None, ids, _names(s))
        rows = s.connection().execute(_SEGMENT_COLUMNS.where(_SEG.id.in_(ids)))
        return {r[0]: _segment_view(r, children) for r in rows}


def list_transcripts(store: Store) -> list[TranscriptSummary]:
    """Every transcript in the library with its size and review progress, oldest first."""
    with store.read() as s:
        turns = dict(s.execute(select(Turn.transcript_id, func.count()).group_by(Turn.transcript_id)).all())
        segs = dict(s.execute(select(Segment.transcript_id, func.count()).group_by(Segment.transcript_id)).all())
        approved = dict(s.execute(select(Segment.transcript_id, func.count()).where(Segment.review_state == "approved")
                                  .group_by(Segment.transcript_id)).all())
        flags = dict(s.execute(select(Flag.transcript_id, func.count()).where(Flag.status == "open")
                               .group_by(Flag.transcript_id)).all())
        gaps = dict(s.execute(select(Gap.transcript_id, func.count()).where(Gap.status == "open")
                              .group_by(Gap.transcript_id)).all())
        return [
            TranscriptSummary(t.id, t.title, t.event_date, turns.get(t.id, 0), segs.get(t.id, 0), t.imported_at,
                              approved.get(t.id, 0), flags.get(t.id, 0), gaps.get(t.id, 0))
            for t in s.scalars(select(Transcript).order_by(Transcript.id))
        ]
