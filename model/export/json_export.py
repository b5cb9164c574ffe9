"""JSON export: the full truth of one transcript.

The keys below are a contract (issue 2); new keys may be added beside them,
none is renamed or removed:

- top level: ``title``, ``turns``
- turn: ``speaker`` (object: ``label``, ``name``, ``role``, ``affiliation``), ``segments``
- segment: ``en``, ``ja`` (the original text, null when absent), ``en_corrected``,
  ``ja_corrected``, ``gaps`` (each ``lang``, ``start``, ``end``, ``text``, ``status``)

Beside them: the transcript's id, source, date and lead language; each turn's
position, kind and timestamp; each segment's id, position, label prefixes, how
the importer paired its two sides and how sure it was (``pairing``,
``confidence`` 0..1; both null for a segment made after the import: see
docs/importer.md), review state, corrections, redactions and flags (with their
discussion); the turn's speaker suggestions; the ``recording`` (``path``, ``sha256``, ``duration_ms``,
``size``; null without one), each segment's ``start_ms``, ``end_ms`` and ``timing``
(``imported``, ``stamped``, ``aligned``, ``estimated``; all null when nothing is
known) and each gap's ``start_ms``/``end_ms`` when known. Gap offsets index the corrected text, correction
offsets the segment's history (the original with every earlier correction's
``after`` inserted after the span it replaced, nothing removed: see
``model.text``), redaction offsets the original. The texts are the read model's (``model.readmodel``), so they
are the same as the window shows. Options are ignored: the JSON is complete.
"""

from __future__ import annotations

import io
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.audio.tables import GapTiming, Recording
from model.audio.timing import read_times
from model.export import ExportOptions, register_writer
from model.readmodel import SegmentView, SpeakerView, TurnView
from model.schema import Annotator, Correction, Flag, FlagReply, Gap, Segment, SpeakerSuggestion, Transcript

if TYPE_CHECKING:
    from model.store import Store

FORMAT_VERSION = 1


def _when(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds") + "Z"  # stored as naive UTC


@dataclass
class _Extras:
    """What the read model does not carry: who reviewed and decided what, and flag discussions.

    The transcript's flags and suggestions are read once; the per-segment details
    (reviews, gap history) a batch at a time (``read_batch``), so memory stays bounded.
    """

    transcript: dict[str, Any] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    segment_review: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)
    correction_review: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)
    flag_resolution: dict[int, dict[str, Any]] = field(default_factory=dict)
    replies: dict[int, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    suggestions: dict[int, dict[str, Any]] = field(default_factory=dict)
    gap_history: dict[int, dict[str, Any]] = field(default_factory=dict)
    recording: dict[str, Any] | None = None
    times: dict[int, tuple[int, int, str]] = field(default_factory=dict)  # segment -> start, end, kind
    gap_times: dict[int, tuple[int, int]] = field(default_factory=dict)

    def who(self, annotator_id: int | None) -> str | None:
        return None if annotator_id is None else self.names.get(annotator_id)

    def read_batch(self, store: Store, segment_ids: list[int]) -> None:
        """Replace the per-segment details by those of ``segment_ids``."""
        self.segment_review, self.correction_review, self.gap_history = {}, {}, {}
        if not segment_ids:
            return
        who = self.who
        with store.read() as s:
            for sid, by, at in s.execute(select(Segment.id, Segment.reviewed_by_id, Segment.reviewed_at).where(
                    Segment.id.in_(segment_ids), Segment.reviewed_by_id.is_not(None))):
                self.segment_review[sid] = (who(by), _when(at))
            for cid, by, at in s.execute(select(Correction.id, Correction.reviewed_by_id, Correction.reviewed_at)
                                         .where(Correction.segment_id.in_(segment_ids),
                                                Correction.reviewed_by_id.is_not(None))):
                self.correction_review[cid] = (who(by), _when(at))
            for g in s.execute(select(Gap.id, Gap.created_by_id, Gap.updated_by_id, Gap.updated_at)
                               .where(Gap.segment_id.in_(segment_ids))):
                self.gap_history[g.id] = {"created_by": who(g.created_by_id), "updated_by": who(g.updated_by_id),
                                          "updated_at": _when(g.updated_at)}


def _extras(store: Store, transcript_id: int) -> _Extras:
    out = _Extras()
    with store.read() as s:
        out.names = dict(s.execute(select(Annotator.id, Annotator.name)).all())
        who = out.who
        t = s.get(Transcript, transcript_id)
        if t is not None:
            out.transcript = {"source_sha256": t.source_sha256, "imported_by": who(t.imported_by_id)}
        for f in s.execute(select(Flag.id, Flag.resolution_note, Flag.resolved_by_id, Flag.resolved_at,
                                  Flag.finding_key).where(Flag.transcript_id == transcript_id)):
            out.flag_resolution[f.id] = {"resolution_note": f.resolution_note, "resolved_by": who(f.resolved_by_id),
                                         "resolved_at": _when(f.resolved_at), "finding_key": f.finding_key}
        for r in s.execute(select(FlagReply.flag_id, FlagReply.author_id, FlagReply.created_at, FlagReply.text)
                           .join(Flag, Flag.id == FlagReply.flag_id)
                           .where(Flag.transcript_id == transcript_id).order_by(FlagReply.id)):
            out.replies[r.flag_id].append({"author": who(r.author_id), "created_at": _when(r.created_at),
                                           "text": r.text})
        for g in s.execute(select(SpeakerSuggestion.id, SpeakerSuggestion.source_turn_id,
                                  SpeakerSuggestion.decided_by_id, SpeakerSuggestion.decided_at)
                           .where(SpeakerSuggestion.transcript_id == transcript_id)):
            out.suggestions[g.id] = {"source_turn_id": g.source_turn_id, "decided_by": who(g.decided_by_id),
                                     "decided_at": _when(g.decided_at)}
        _audio_extras(s, transcript_id, out)
    return out


def _audio_extras(s: Session, transcript_id: int, out: _Extras) -> None:
    """The recording (its identity) and every segment's and gap's time (``model.audio``)."""
    rec = s.scalar(select(Recording).where(Recording.transcript_id == transcript_id))
    if rec is not None:
        out.recording = {"path": rec.path, "sha256": rec.sha256, "duration_ms": rec.duration_ms, "size": rec.size}
    out.times = {t.segment_id: (t.start_ms, t.end_ms, t.kind) for t in read_times(s, transcript_id)}
    out.gap_times = {g: (a, b) for g, a, b in s.execute(
        select(GapTiming.gap_id, GapTiming.start_ms, GapTiming.end_ms).where(GapTiming.transcript_id == transcript_id))}


def _speaker(sp: SpeakerView | None, lead_lang: str) -> dict[str, Any]:
    if sp is None:  # a title, time or note block, or text before the first label
        return {"id": None, "label": None, "label_en": None, "label_ja": None, "name": None, "role": None,
                "affiliation": None, "redacted": False}
    lead, other = (sp.label_ja, sp.label_en) if lead_lang == "ja" else (sp.label_en, sp.label_ja)
    return {"id": sp.id, "label": lead or other, "label_en": sp.label_en, "label_ja": sp.label_ja,
            "name": sp.name, "role": sp.role, "affiliation": sp.affiliation, "redacted": sp.redacted}


def _span_order(item: Any) -> tuple[str, int, int]:
    return item.lang, item.start, item.id


def _id_order(item: Any) -> int:
    return int(item.id)


def _segment(seg: SegmentView, extras: _Extras) -> dict[str, Any]:
    # Most segments have no gaps, corrections or flags: skip the empty comprehensions (50,000 times).
    reviewed_by, reviewed_at = extras.segment_review.get(seg.id, (None, None))
    start_ms, end_ms, timing = extras.times.get(seg.id, (None, None, None))
    return {
        "id": seg.id,
        "position": seg.position,
        "en": seg.en_orig,
        "ja": seg.ja_orig,
        "en_corrected": seg.en,
        "ja_corrected": seg.ja,
        "gaps": [
            {"id": g.id, "lang": g.lang, "start": g.start, "end": g.end, "text": g.text, "status": g.status,
             "kind": g.kind, "proposed_text": g.proposed_text, "confidence": g.confidence,
             "counterpart_id": g.counterpart_id, "origin": g.origin, **extras.gap_history.get(g.id, {}),
             "start_ms": extras.gap_times.get(g.id, (None, None))[0],
             "end_ms": extras.gap_times.get(g.id, (None, None))[1]}
            for g in sorted(seg.gaps, key=_span_order)
        ] if seg.gaps else [],
        "en_prefix": seg.en_prefix,
        "ja_prefix": seg.ja_prefix,
        "pairing": seg.pairing,
        "confidence": seg.confidence,
        "start_ms": start_ms,
        "end_ms": end_ms,
        "timing": timing,
        "review_state": seg.review_state,
        "reviewed_by": reviewed_by,
        "reviewed_at": reviewed_at,
        "corrections": [
            {"id": c.id, "lang": c.lang, "start": c.start, "end": c.end, "before": c.before, "after": c.after,
             "category": c.category, "note": c.note, "status": c.status, "annotator": c.annotator,
             "created_at": _when(c.created_at),
             "reviewed_by": extras.correction_review.get(c.id, (None, None))[0],
             "reviewed_at": extras.correction_review.get(c.id, (None, None))[1],
             "conflict": c.id in seg.conflicts}
            for c in sorted(seg.corrections, key=_id_order)
        ] if seg.corrections else [],
        "redactions": [
            {"id": r.id, "lang": r.lang, "start": r.start, "end": r.end, "text": r.text}
            for r in sorted(seg.redactions, key=_span_order)
        ] if seg.redactions else [],
        "flags": [
            {"id": f.id, "lang": f.lang, "start": f.start, "end": f.end, "category": f.category, "note": f.note,
             "status": f.status, "author": f.author, "created_at": _when(f.created_at),
             **extras.flag_resolution.get(f.id, {}), "replies": extras.replies.get(f.id, [])}
            for f in sorted(seg.flags, key=_id_order)
        ] if seg.flags else [],
        # The annotator's own note on the segment: only when there is one (older files stay as they were).
        **({"comment": seg.comment} if seg.comment else {}),
    }


def _turn(turn: TurnView, lead_lang: str, extras: _Extras) -> dict[str, Any]:
    return {
        "id": turn.id,
        "position": turn.position,
        "kind": turn.kind,
        "timestamp": turn.timestamp,
        "speaker": _speaker(turn.speaker, lead_lang),
        "speaker_suggestions": [
            {"id": g.id, "name": g.name, "affiliation": g.affiliation, "status": g.status,
             **extras.suggestions.get(g.id, {})}
            for g in sorted(turn.suggestions, key=lambda g: g.id)
        ],
        "segments": [_segment(seg, extras) for seg in turn.segments],
    }


class JsonSource:
    """A transcript read for the JSON export a batch at a time: the top-level fields, then turn dicts."""

    def __init__(self, store: Store, transcript_id: int, *, batch: int | None = None) -> None:
        from model.export.stream import BATCH_SEGMENTS, ExportSource

        self.store = store
        self.source = ExportSource(store, transcript_id, batch=batch or BATCH_SEGMENTS, export_flags=False)
        self.view = self.source.view
        self.extras = _extras(store, transcript_id)

    def head(self) -> dict[str, Any]:
        """Every top-level field but ``turns``, in the file's order."""
        view = self.view
        return {
            "format": "taiyaku-transcript",
            "format_version": FORMAT_VERSION,
            "id": view.id,
            "title": view.title,
            "source": view.source,
            "date": view.event_date,
            "source_filename": view.source_filename,
            "encoding": view.encoding,
            "lead_lang": view.lead_lang,
            "imported_at": _when(view.imported_at),
            **self.extras.transcript,
            "recording": self.extras.recording,
            "speakers": [_speaker(sp, view.lead_lang) for sp in view.speakers.values()],
        }

    def turns(self) -> Iterator[dict[str, Any]]:
        """Each turn as the file holds it, in reading order."""
        lead, extras = self.view.lead_lang, self.extras
        for run in self.source.batches():
            extras.read_batch(self.store, [seg.id for turn in run for seg in turn.segments])
            for turn in run:
                yield _turn(turn, lead, extras)


def build(store: Store, transcript_id: int) -> dict[str, Any]:
    """The transcript as plain JSON-able data (what ``export_json`` writes); NotFound if absent."""
    source = JsonSource(store, transcript_id)
    return {**source.head(), "turns": list(source.turns())}


def _one(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def write_json(head: dict[str, Any], turns: Iterable[dict[str, Any]], out: TextIO) -> None:
    """JSON text with one speaker and one turn per line, written a turn at a time.

    Readable and friendly to line-based diffs, and fast: ``indent=`` would make
    Python use its pure-Python encoder (about three times slower on 50,000
    segments, measured); each line here goes through the C encoder.
    """
    out.write("{\n")
    for key, value in head.items():
        if key == "speakers" and value:
            out.write(f"  {_one(key)}: [\n" + ",\n".join(f"    {_one(item)}" for item in value) + "\n  ],\n")
        else:
            out.write(f"  {_one(key)}: {_one(value)},\n")
    first = True
    for turn in turns:
        out.write(f'  "turns": [\n    {_one(turn)}' if first else f",\n    {_one(turn)}")
        first = False
    out.write('  "turns": []\n}\n' if first else "\n  ]\n}\n")


def dumps(data: dict[str, Any]) -> str:
    """``data`` (as ``build`` makes it) as the JSON export's text."""
    buf = io.StringIO(newline="")
    head = {k: v for k, v in data.items() if k != "turns"}
    write_json(head, data.get("turns", []), buf)
    return buf.getvalue()


@register_writer("json", suffix=".json", description="the full truth: every text, correction, gap and flag")
def export_json(store: Store, transcript_id: int, options: ExportOptions, out: BinaryIO) -> None:
    """The transcript as UTF-8 JSON, one turn per line (see the module docstring for the keys)."""
    del options  # always complete
    from model.export.stream import text_out
    from model.export.walk import paused_gc  # the collector would rescan every view object, again and again

    with paused_gc(), text_out(out) as text:
        source = JsonSource(store, transcript_id)
        write_json(source.head(), source.turns(), text)
