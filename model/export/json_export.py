"""JSON export: the full truth of one transcript.

The keys below are a contract (issue 2); new keys may be added beside them,
none is renamed or removed:

- top level: ``title``, ``turns``
- turn: ``speaker`` (object: ``label``, ``name``, ``role``, ``affiliation``), ``segments``
- segment: ``en``, ``ja`` (the original text, null when absent), ``en_corrected``,
  ``ja_corrected``, ``gaps`` (each ``lang``, ``start``, ``end``, ``text``, ``status``)

Beside them: the transcript's id, source, date and lead language; each turn's
position, kind and timestamp; each segment's id, position, label prefixes,
review state, corrections, redactions and flags; the turn's speaker
suggestions. Gap offsets index the corrected text; correction offsets the text
as it stood when the correction was made; redaction offsets the original.
Options are ignored: the JSON is always complete.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from model.errors import NotFound
from model.export import ExportOptions, register
from model.schema import (
    Annotator,
    Correction,
    Flag,
    FlagReply,
    Gap,
    Redaction,
    Segment,
    Speaker,
    SpeakerSuggestion,
    Transcript,
    Turn,
)
from model.text import derive

if TYPE_CHECKING:
    from model.store import Store

FORMAT_VERSION = 1


def _when(value: datetime | None) -> str | None:
    # Stored as naive UTC.
    return None if value is None else value.isoformat(timespec="seconds") + "Z"


def _rows(session: Any, cls: type, transcript_id: int, order: Any) -> list[Any]:
    return list(session.scalars(select(cls).where(cls.transcript_id == transcript_id).order_by(*order)))


def build(store: Store, transcript_id: int) -> dict[str, Any]:
    """The transcript as plain JSON-able data (what ``export_json`` writes)."""
    with store.read() as s:
        t = s.get(Transcript, transcript_id)
        if t is None:
            raise NotFound(f"transcript {transcript_id} does not exist")
        names = {a.id: a.name for a in s.scalars(select(Annotator))}
        speakers = {sp.id: sp for sp in _rows(s, Speaker, transcript_id, (Speaker.position, Speaker.id))}
        turns = _rows(s, Turn, transcript_id, (Turn.position, Turn.id))
        by_turn: dict[int, list[Segment]] = defaultdict(list)
        for seg in _rows(s, Segment, transcript_id, (Segment.position, Segment.id)):
            by_turn[seg.turn_id].append(seg)
        per_segment: dict[type, dict[int, list[Any]]] = {}
        for cls in (Correction, Gap, Redaction, Flag):
            grouped: dict[int, list[Any]] = defaultdict(list)
            for row in _rows(s, cls, transcript_id, (cls.start if cls is not Flag else cls.id, cls.id)):
                grouped[row.segment_id].append(row)
            per_segment[cls] = grouped
        replies: dict[int, list[FlagReply]] = defaultdict(list)
        flag_ids = [f.id for rows in per_segment[Flag].values() for f in rows]
        if flag_ids:
            query = select(FlagReply).join(Flag, Flag.id == FlagReply.flag_id).where(
                Flag.transcript_id == transcript_id).order_by(FlagReply.id)
            for reply in s.scalars(query):
                replies[reply.flag_id].append(reply)
        suggestions: dict[int, list[SpeakerSuggestion]] = defaultdict(list)
        for sug in _rows(s, SpeakerSuggestion, transcript_id, (SpeakerSuggestion.id,)):
            suggestions[sug.turn_id].append(sug)

        def name(annotator_id: int | None) -> str | None:
            return None if annotator_id is None else names.get(annotator_id)

        def speaker(sp: Speaker | None) -> dict[str, Any]:
            if sp is None:
                return {"id": None, "label": None, "label_en": None, "label_ja": None, "name": None,
                        "role": None, "affiliation": None, "redacted": False}
            lead, other = (sp.label_en, sp.label_ja) if t.lead_lang != "ja" else (sp.label_ja, sp.label_en)
            return {"id": sp.id, "label": lead or other, "label_en": sp.label_en, "label_ja": sp.label_ja,
                    "name": sp.name, "role": sp.role, "affiliation": sp.affiliation, "redacted": sp.redacted}

        def segment(seg: Segment) -> dict[str, Any]:
            corrections = per_segment[Correction].get(seg.id, [])
            out: dict[str, Any] = {"id": seg.id, "position": seg.position, "en": seg.en_orig, "ja": seg.ja_orig}
            conflicts: set[int] = set()
            for lang, original in (("en", seg.en_orig), ("ja", seg.ja_orig)):
                mine = [c for c in corrections if c.lang == lang]
                if original is None and not mine:
                    out[f"{lang}_corrected"] = None
                    continue
                derived = derive(original or "", mine)
                out[f"{lang}_corrected"] = derived.text
                conflicts.update(derived.conflicts)
            out["gaps"] = [
                {"id": g.id, "lang": g.lang, "start": g.start, "end": g.end, "text": g.text, "status": g.status,
                 "kind": g.kind, "proposed_text": g.proposed_text, "confidence": g.confidence,
                 "counterpart_id": g.counterpart_id, "origin": g.origin,
                 "updated_by": name(g.updated_by_id), "updated_at": _when(g.updated_at)}
                for g in sorted(per_segment[Gap].get(seg.id, []), key=lambda g: (g.lang, g.start, g.id))
            ]
            out.update({
                "en_prefix": seg.en_prefix,
                "ja_prefix": seg.ja_prefix,
                "review_state": seg.review_state,
                "reviewed_by": name(seg.reviewed_by_id),
                "reviewed_at": _when(seg.reviewed_at),
                "corrections": [
                    {"id": c.id, "lang": c.lang, "start": c.start, "end": c.end, "before": c.before,
                     "after": c.after, "category": c.category, "note": c.note, "status": c.status,
                     "annotator": name(c.annotator_id), "created_at": _when(c.created_at),
                     "reviewed_by": name(c.reviewed_by_id), "reviewed_at": _when(c.reviewed_at),
                     "conflict": c.id in conflicts}
                    for c in sorted(corrections, key=lambda c: c.id)
                ],
                "redactions": [
                    {"id": r.id, "lang": r.lang, "start": r.start, "end": r.end, "text": r.text}
                    for r in sorted(per_segment[Redaction].get(seg.id, []), key=lambda r: (r.lang, r.start, r.id))
                ],
                "flags": [
                    {"id": f.id, "lang": f.lang, "start": f.start, "end": f.end, "category": f.category,
                     "note": f.note, "status": f.status, "author": name(f.author_id),
                     "created_at": _when(f.created_at), "resolution_note": f.resolution_note,
                     "resolved_by": name(f.resolved_by_id), "resolved_at": _when(f.resolved_at),
                     "replies": [{"author": name(r.author_id), "created_at": _when(r.created_at), "text": r.text}
                                 for r in replies.get(f.id, [])]}
                    for f in per_segment[Flag].get(seg.id, [])
                ],
            })
            return out

        return {
            "format": "taiyaku-transcript",
            "format_version": FORMAT_VERSION,
            "id": t.id,
            "title": t.title,
            "source": t.source,
            "date": t.event_date,
            "source_filename": t.source_filename,
            "source_sha256": t.source_sha256,
            "encoding": t.encoding,
            "lead_lang": t.lead_lang,
            "imported_at": _when(t.imported_at),
            "imported_by": name(t.imported_by_id),
            "speakers": [speaker(sp) for sp in speakers.values()],
            "turns": [
                {"id": turn.id, "position": turn.position, "kind": turn.kind, "timestamp": turn.timestamp,
                 "speaker": speaker(speakers.get(turn.speaker_id) if turn.speaker_id is not None else None),
                 "speaker_suggestions": [
                     {"id": g.id, "name": g.name, "affiliation": g.affiliation, "status": g.status,
                      "source_turn_id": g.source_turn_id, "decided_by": name(g.decided_by_id),
                      "decided_at": _when(g.decided_at)}
                     for g in suggestions.get(turn.id, [])
                 ],
                 "segments": [segment(seg) for seg in by_turn.get(turn.id, [])]}
                for turn in turns
            ],
        }


@register("json", suffix=".json", description="the full truth: every text, correction, gap and flag")
def export_json(store: Store, transcript_id: int, options: ExportOptions) -> str:
    """The transcript as indented UTF-8 JSON (see the module docstring for the keys)."""
    del options  # always complete
    return json.dumps(build(store, transcript_id), ensure_ascii=False, indent=2) + "\n"
