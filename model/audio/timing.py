"""When each segment is spoken: known times, and estimates for the rest.

Known starts come from three places, the stronger first: a stamp by ear
(``stamped``), the aligner (``aligned``), a timestamp written in the imported
text (``imported``: ``[00:12:34]`` or ``14:05`` before a paragraph). Every other
segment gets an ``estimated`` time: between two known starts the time is shared
out by text length; before the first and after the last one, text is taken to
be read at the speaking rate seen between known starts (else 14 characters a
second, a typical English briefing).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from model.audio.tables import Recording, SegmentTiming
from model.schema import Segment, Transcript, Turn

DEFAULT_CHARS_PER_SECOND = 14.0
# One Japanese character carries about as much speech as three English ones.
JA_WEIGHT = 3.0
_KIND_RANK = {"stamped": 3, "aligned": 2, "imported": 1}


@dataclass(frozen=True, slots=True)
class SegmentTime:
    """A segment's place in the recording (ms); ``kind`` says how it is known."""

    segment_id: int
    start_ms: int
    end_ms: int
    kind: str  # imported | stamped | aligned | estimated


@dataclass(slots=True)
class _Row:
    segment_id: int
    weight: float
    start: int | None = None
    end: int | None = None
    kind: str = "estimated"


def parse_timestamp(text: str) -> int | None:
    """Milliseconds of ``00:12:34``, ``1:02:03.5`` or ``14:05`` (hours:minutes, a clock time)."""
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,3}))?", text.strip())
    if m is None:
        return None
    a, b, c, frac = m.groups()
    # Two numbers are a time of day, hours and minutes.
    seconds = int(a) * 3600 + int(b) * 60 + (int(c) if c is not None else 0)
    ms = seconds * 1000
    if frac:
        ms += int(frac.ljust(3, "0"))
    return ms


def _prefix_timestamp(prefix: str) -> int | None:
    if not prefix:
        return None
    # Here, not at the top: importing the importer's patterns imports the whole importer (~50 ms),
    # which the window's start-up (the audio feature imports this module) does not need.
    from model.importer.patterns import TIMESTAMP_RE

    m = TIMESTAMP_RE.match(prefix)
    if m is None:
        return None
    return parse_timestamp(m.group("a") or m.group("b") or m.group("c") or m.group("d"))


def _weight(en: int | None, ja: int | None, lead: str) -> float:
    """How long a segment takes to say, in English characters (from its texts' lengths)."""
    if lead == "ja" and ja:
        return max(ja * JA_WEIGHT, 1.0)
    if en:
        return max(float(en), 1.0)
    return max((ja or 0) * JA_WEIGHT, 1.0)


def read_times(session: Session, transcript_id: int) -> list[SegmentTime]:
    """Every segment's time, in reading order (empty when nothing is known at all:
    no recording, no stamp, no timestamp in the text)."""
    lead = session.scalar(select(Transcript.lead_lang).where(Transcript.id == transcript_id)) or "en"
    duration = session.scalar(select(Recording.duration_ms).where(Recording.transcript_id == transcript_id))
    if duration is None and not _anything_known(session, transcript_id):
        return []  # the common case, answered without reading every segment (the window's start-up, exports)
    # Lengths, not texts: estimates only need how long each text is (50,000 segments are read at once).
    rows_q = (select(Segment.id, func.length(Segment.en_orig), func.length(Segment.ja_orig), Segment.en_prefix,
                     Segment.ja_prefix,
                     Turn.timestamp, Segment.turn_id)
              .join(Turn, Turn.id == Segment.turn_id)
              .where(Segment.transcript_id == transcript_id)
              .order_by(Turn.position, Segment.position))
    rows: list[_Row] = []
    imported: list[tuple[int, int]] = []  # (row index, ms as written)
    last_turn: int | None = None
    for sid, en, ja, en_pre, ja_pre, turn_ts, turn_id in session.execute(rows_q):
        ms = _prefix_timestamp(en_pre)
        if ms is None:
            ms = _prefix_timestamp(ja_pre)
        if ms is None and turn_ts and turn_id != last_turn:  # a turn's time belongs to its first segment
            ms = parse_timestamp(turn_ts)
        last_turn = turn_id
        if ms is not None:
            imported.append((len(rows), ms))
        rows.append(_Row(sid, _weight(en, ja, lead)))
    _place_imported(rows, imported, duration)
    known = session.execute(select(SegmentTiming.segment_id, SegmentTiming.start_ms, SegmentTiming.end_ms,
                                   SegmentTiming.kind).where(SegmentTiming.transcript_id == transcript_id))
    index = {r.segment_id: i for i, r in enumerate(rows)}
    for sid, start, end, kind in known:
        i = index.get(sid)
        if i is not None and _KIND_RANK.get(kind, 0) >= _KIND_RANK.get(rows[i].kind, 0):
            rows[i].start, rows[i].end, rows[i].kind = start, end, kind
    if duration is None and not any(r.start is not None for r in rows):
        return []
    return estimate(rows, duration)


def _anything_known(session: Session, transcript_id: int) -> bool:
    """Whether any start is known (a timing, a turn's timestamp, a timestamp in a prefix): a few
    indexed look-ups and the non-empty prefixes, instead of every segment."""
    timed = select(SegmentTiming.segment_id).where(SegmentTiming.transcript_id == transcript_id).limit(1)
    stamped = select(Turn.id).where(Turn.transcript_id == transcript_id, Turn.timestamp.is_not(None),
                                    Turn.timestamp != "").limit(1)
    if session.scalar(timed) is not None or session.scalar(stamped) is not None:
        return True
    prefixes = session.execute(select(Segment.en_prefix, Segment.ja_prefix)
                               .where(Segment.transcript_id == transcript_id,
                                      or_(Segment.en_prefix != "", Segment.ja_prefix != "")))
    return any(_prefix_timestamp(en) is not None or _prefix_timestamp(ja) is not None for en, ja in prefixes)


def _place_imported(rows: list[_Row], imported: list[tuple[int, int]], duration: int | None) -> None:
    """Timestamps written in the text are offsets into the recording when they fit in it;
    otherwise (clock times, or a recording that starts later) they count from the first one."""
    if not imported:
        return
    base = 0
    if duration is None or max(ms for _, ms in imported) > duration:
        base = imported[0][1]
    for i, ms in imported:
        if ms >= base:
            rows[i].start, rows[i].kind = ms - base, "imported"


def estimate(rows: Sequence[_Row], duration: int | None) -> list[SegmentTime]:
    """Fill in the rows without a known start, by text length between known ones."""
    anchors = [i for i, r in enumerate(rows) if r.start is not None]
    rate = _observed_rate(rows, anchors)
    starts: list[float] = [0.0] * len(rows)
    for i in anchors:
        starts[i] = float(rows[i].start or 0)
    if not anchors:  # a recording but nothing known: the text spread over the whole of it
        total = sum(r.weight for r in rows) or 1.0
        at = 0.0
        span = float(duration or 0)
        for i, r in enumerate(rows):
            starts[i] = at
            at += span * r.weight / total
    else:
        first, last = anchors[0], anchors[-1]
        at = starts[first]
        for i in range(first - 1, -1, -1):  # backwards from the first known start
            at -= rows[i].weight / rate * 1000
            starts[i] = max(at, 0.0)
        for a, b in itertools.pairwise(anchors):
            total = sum(r.weight for r in rows[a:b]) or 1.0
            span = max(starts[b] - starts[a], 0.0)
            at = starts[a]
            for i in range(a + 1, b):
                at += span * rows[i - 1].weight / total
                starts[i] = at
        at = starts[last]
        for i in range(last + 1, len(rows)):
            at += rows[i - 1].weight / rate * 1000
            starts[i] = min(at, float(duration)) if duration is not None else at
    out: list[SegmentTime] = []
    for i, r in enumerate(rows):
        start = int(round(starts[i]))
        if r.end is not None and r.end > start:
            end = r.end
        elif i + 1 < len(rows):
            end = max(int(round(starts[i + 1])), start)
        else:
            end = start + int(r.weight / rate * 1000)
            if duration is not None:
                end = max(min(end, duration), start)
        out.append(SegmentTime(r.segment_id, start, end, r.kind))
    return out


def _observed_rate(rows: Sequence[_Row], anchors: list[int]) -> float:
    """Characters a second between the first and last known start (default when unknown)."""
    if len(anchors) >= 2:
        a, b = anchors[0], anchors[-1]
        seconds = ((rows[b].start or 0) - (rows[a].start or 0)) / 1000
        chars = sum(r.weight for r in rows[a:b])
        if seconds > 1 and chars > 0:
            return min(max(chars / seconds, 5.0), 40.0)
    return DEFAULT_CHARS_PER_SECOND
