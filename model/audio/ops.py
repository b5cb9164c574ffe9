"""Audio operations: each one user action, one journaled transaction, one undo step.

Attach, detach and relink a transcript's recording; stamp a segment's start at
the playhead and nudge it; apply an alignment. Stamps are the annotator's own
ear, so an alignment never overwrites them. Reading: ``recording_of``,
``segment_times``, ``gap_times``, ``paragraphs_to_align``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.audio.pcm import RecordingInfo, file_sha256
from model.audio.tables import GapTiming, Recording, SegmentTiming
from model.audio.timing import SegmentTime, read_times
from model.errors import NotFound, OperationFailed
from model.schema import Correction, Gap, Segment, Transcript, Turn, utcnow
from model.store import Store
from model.text import derive

if TYPE_CHECKING:  # the aligner's modules cost ~0.3 s: the window imports this module before it paints
    from model.audio.align import Alignment, Paragraph


@dataclass(frozen=True)
class RecordingView:
    """A transcript's recording as stored, and whether its file is where it was."""

    transcript_id: int
    path: str
    size: int
    sha256: str
    duration_ms: int

    @property
    def available(self) -> bool:
        """Whether the file is still there with the same size (the hash is checked on relink)."""
        try:
            return os.path.getsize(self.path) == self.size
        except OSError:
            return False


def recording_of(store: Store, transcript_id: int) -> RecordingView | None:
    """The recording attached to a transcript, or None."""
    rec = Recording.__table__.c  # Core: read before the window's first paint, without the ORM
    with store.read() as s:
        r = s.connection().execute(select(rec.transcript_id, rec.path, rec.size, rec.sha256, rec.duration_ms)
                                   .where(rec.transcript_id == transcript_id)).first()
        return None if r is None else RecordingView(*r)


def attach_recording(store: Store, transcript_id: int, info: RecordingInfo) -> int | None:
    """Attach (or replace) a transcript's recording. Times found for another recording
    (stamps, alignment) are dropped with it -- they belong to that file."""
    with store.operation("Attach recording", transcript_id=transcript_id) as op:
        op.get(Transcript, transcript_id)
        old = op.session.scalar(select(Recording).where(Recording.transcript_id == transcript_id))
        if old is not None and old.sha256 != info.sha256:
            _drop_times(op.session, transcript_id)
        if old is None:
            old = Recording(transcript_id=transcript_id)
            op.session.add(old)
        old.path, old.size, old.sha256, old.duration_ms = info.path, info.size, info.sha256, info.duration_ms
        old.attached_by_id, old.attached_at = op.annotator_id, utcnow()
        op.description = f"{Path(info.path).name} ({info.duration_ms // 1000} s)"
    return op.event_id


def _drop_times(session: Session, transcript_id: int) -> None:
    for cls in (SegmentTiming, GapTiming):
        for row in session.scalars(select(cls).where(cls.transcript_id == transcript_id)):
            session.delete(row)  # through the ORM: the journal keeps them for undo


def detach_recording(store: Store, transcript_id: int) -> int | None:
    """Detach the recording and the times found in it (undo brings both back)."""
    with store.operation("Detach recording", transcript_id=transcript_id) as op:
        rec = op.session.scalar(select(Recording).where(Recording.transcript_id == transcript_id))
        if rec is None:
            raise OperationFailed(f"transcript {transcript_id} has no recording")
        _drop_times(op.session, transcript_id)
        op.session.delete(rec)
        op.description = Path(rec.path).name
    return op.event_id


def find_by_sha256(folder: Path, size: int, sha256: str) -> Path | None:
    """A file under ``folder`` with this size and hash (only files of the same size are hashed)."""
    for root, _dirs, files in os.walk(folder):
        for name in files:
            p = Path(root) / name
            try:
                if p.is_file() and p.stat().st_size == size and file_sha256(p) == sha256:
                    return p
            except OSError:
                continue
    return None


def relink_recording(store: Store, transcript_id: int, folder: str | Path) -> int | None:
    """Find the moved recording again by its sha256 under ``folder`` and remember its new path."""
    rec = recording_of(store, transcript_id)
    if rec is None:
        raise OperationFailed(f"transcript {transcript_id} has no recording")
    found = find_by_sha256(Path(folder), rec.size, rec.sha256)
    if found is None:
        raise NotFound(f"no file in {folder} is the recording {Path(rec.path).name} (same size and sha256)")
    with store.operation("Relink recording", transcript_id=transcript_id) as op:
        row = op.session.scalar(select(Recording).where(Recording.transcript_id == transcript_id))
        if row is None:
            raise OperationFailed(f"transcript {transcript_id} has no recording")
        row.path = str(found.resolve())
        op.description = row.path
    return op.event_id


def _check_ms(ms: int) -> int:
    if ms < 0:
        raise OperationFailed("a time cannot be before the start of the recording")
    return int(ms)


def stamp_segment(store: Store, segment_id: int, start_ms: int) -> int | None:
    """Stamp a segment's start (the playhead, by ear): it becomes a known time, ``stamped``."""
    _check_ms(start_ms)
    with store.operation("Stamp segment") as op:
        seg = op.get(Segment, segment_id)
        op.transcript_id = seg.transcript_id
        row = op.session.scalar(select(SegmentTiming).where(SegmentTiming.segment_id == segment_id))
        if row is None:
            row = SegmentTiming(segment_id=segment_id, transcript_id=seg.transcript_id, start_ms=start_ms)
            op.session.add(row)
        elif row.end_ms is not None and row.end_ms <= start_ms:
            row.end_ms = None
        row.start_ms, row.kind = start_ms, "stamped"
        op.description = f"segment {segment_id} at {format_ms(start_ms)}"
    return op.event_id


def nudge_segment(store: Store, segment_id: int, delta_ms: int) -> int | None:
    """Move a segment's start by ``delta_ms`` (e.g. ±100); the nudged time counts as stamped."""
    with store.operation("Nudge segment") as op:
        seg = op.get(Segment, segment_id)
        op.transcript_id = seg.transcript_id
        row = op.session.scalar(select(SegmentTiming).where(SegmentTiming.segment_id == segment_id))
        if row is None:
            current = next((t for t in read_times(op.session, seg.transcript_id) if t.segment_id == segment_id), None)
            if current is None:
                raise OperationFailed("this segment has no time to nudge (attach a recording or stamp it first)")
            row = SegmentTiming(segment_id=segment_id, transcript_id=seg.transcript_id, start_ms=current.start_ms)
            op.session.add(row)
        row.start_ms = max(row.start_ms + delta_ms, 0)
        if row.end_ms is not None and row.end_ms <= row.start_ms:
            row.end_ms = None
        row.kind = "stamped"
        op.description = f"segment {segment_id} {delta_ms:+d} ms"
    return op.event_id


def apply_alignment(store: Store, transcript_id: int, alignment: Alignment) -> int | None:
    """Replace the aligned times of a transcript by ``alignment`` (stamps stay as they are)."""
    with store.operation("Sync with recording", transcript_id=transcript_id) as op:
        op.get(Transcript, transcript_id)
        timings = {t.segment_id: t for t in op.session.scalars(
            select(SegmentTiming).where(SegmentTiming.transcript_id == transcript_id))}
        for sid, t in timings.items():
            if t.kind == "aligned" and sid not in alignment.segments:
                op.session.delete(t)
        for sid, (start, end) in alignment.segments.items():
            known = timings.get(sid)
            if known is None:
                op.session.add(SegmentTiming(segment_id=sid, transcript_id=transcript_id, start_ms=start,
                                             end_ms=end, kind="aligned"))
            elif known.kind == "aligned" and (known.start_ms, known.end_ms) != (start, end):
                known.start_ms, known.end_ms = start, end
        gaps = {g.gap_id: g for g in op.session.scalars(
            select(GapTiming).where(GapTiming.transcript_id == transcript_id))}
        seg_of: dict[int, int] = {}
        found = dict(alignment.gaps)
        for gid, sid, counterpart in op.session.execute(select(Gap.id, Gap.segment_id, Gap.counterpart_id).where(
                Gap.transcript_id == transcript_id)):
            seg_of[gid] = sid
            if counterpart is not None and gid not in found and counterpart in alignment.gaps:
                found[gid] = alignment.gaps[counterpart]  # a Japanese gap takes its English counterpart's time
        for gid, g in gaps.items():
            if gid not in found:
                op.session.delete(g)
        for gid, (start, end) in found.items():
            if gid not in seg_of:
                continue
            old = gaps.get(gid)
            if old is None:
                op.session.add(GapTiming(gap_id=gid, segment_id=seg_of[gid], transcript_id=transcript_id,
                                         start_ms=start, end_ms=end))
            elif (old.start_ms, old.end_ms) != (start, end):
                old.start_ms, old.end_ms = start, end
        op.description = f"{len(alignment.segments)} segments aligned"
    return op.event_id


def segment_times(store: Store, transcript_id: int) -> list[SegmentTime]:
    """Every segment's time in reading order (known or estimated); empty when nothing is known."""
    with store.read() as s:
        return read_times(s, transcript_id)


def gap_times(store: Store, transcript_id: int) -> dict[int, tuple[int, int]]:
    """Gap id -> (start ms, end ms), for the gaps whose time is known."""
    with store.read() as s:
        rows = s.execute(select(GapTiming.gap_id, GapTiming.start_ms, GapTiming.end_ms)
                         .where(GapTiming.transcript_id == transcript_id))
        return {gid: (a, b) for gid, a, b in rows}


def paragraphs_to_align(store: Store, transcript_id: int) -> list[Paragraph]:
    """Each segment's current English text with its English gaps, in reading order."""
    from model.audio.align import Paragraph

    with store.read() as s:
        segs = s.execute(select(Segment.id, Segment.en_orig).join(Turn, Turn.id == Segment.turn_id)
                         .where(Segment.transcript_id == transcript_id)
                         .order_by(Turn.position, Segment.position)).all()
        cors: dict[int, list[Correction]] = {}
        for c in s.scalars(select(Correction).where(Correction.transcript_id == transcript_id,
                                                    Correction.lang == "en").order_by(Correction.id)):
            cors.setdefault(c.segment_id, []).append(c)
        gaps: dict[int, list[tuple[int, int, int]]] = {}
        for gid, sid, a, b in s.execute(select(Gap.id, Gap.segment_id, Gap.start, Gap.end).where(
                Gap.transcript_id == transcript_id, Gap.lang == "en").order_by(Gap.start)):
            gaps.setdefault(sid, []).append((gid, a, b))
    out = []
    for sid, en in segs:
        if en is None and sid not in cors:
            continue
        text = derive(en or "", cors.get(sid, [])).text
        out.append(Paragraph(sid, text, tuple(gaps.get(sid, ()))))
    return out


def format_ms(ms: int, *, millis: bool = False) -> str:
    """``1:02:03`` / ``2:03`` (``.450`` with ``millis``)."""
    seconds, rest = divmod(max(ms, 0), 1000)
    h, rem = divmod(seconds, 3600)
    m, sec = divmod(rem, 60)
    text = f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"
    return f"{text}.{rest:03d}" if millis else text
