"""Statistics of one transcript or of the whole database: size, progress, corrections, flags,
and time spent, read with a few aggregate queries (portable SQL) and the corrected texts.

Time spent comes from the journal: every change is an event with its annotator and time. An
annotator's actions less than ``IDLE_S`` apart belong to one stretch of work; a stretch lasts
from its first action to its last, plus ``CREDIT_S`` for the work before the first one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select

from model.errors import NotFound
from model.schema import Annotator, ChangeEvent, Correction, Flag, Gap, Segment, Transcript
from model.store import Store

IDLE_S = 300  # a pause longer than this is not editing time
CREDIT_S = 30  # the work before a stretch's first recorded action
_EN_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.\-][A-Za-z0-9]+)*")


def count_words(text: str | None) -> int:
    """English words (a hyphenated or contracted word is one)."""
    return len(_EN_WORD.findall(text or ""))


def count_chars(text: str | None) -> int:
    """Japanese characters: everything but spaces."""
    return sum(1 for c in text or "" if not c.isspace())


def active_seconds(times: Sequence[float]) -> float:
    """Editing time of one annotator's actions (POSIX seconds, any order): see the module's docstring."""
    total = 0.0
    start = prev = None
    for t in sorted(times):
        if prev is None or t - prev > IDLE_S:
            if start is not None and prev is not None:
                total += prev - start + CREDIT_S
            start = t
        prev = t
    if start is not None and prev is not None:
        total += prev - start + CREDIT_S
    return total


def transcript_stats(store: Store, transcript_ids: Sequence[int] | None = None) -> dict[str, Any]:
    """The statistics of the given transcripts together (None: every transcript). Keys: see README."""
    from model.ops.find_replace import corrected_texts

    with store.read() as s:
        known = list(s.scalars(select(Transcript.id).order_by(Transcript.id)))
        ids = known if transcript_ids is None else list(transcript_ids)
        for tid in ids:
            if tid not in known:
                raise NotFound(f"transcript {tid} does not exist")
        names = dict(s.execute(select(Annotator.id, Annotator.name)).all())
        one = transcript_ids is not None and len(ids) == 1
        title = s.scalar(select(Transcript.title).where(Transcript.id == ids[0])) if one else None

        def grouped(column: Any, model: Any, *extra: Any) -> dict[Any, int]:
            rows = s.execute(select(column, func.count()).select_from(model)
                             .where(model.transcript_id.in_(ids), *extra).group_by(column)).all()
            return {k: int(n) for k, n in rows}

        review = grouped(Segment.review_state, Segment)
        gaps = grouped(Gap.status, Gap)
        flags = grouped(Flag.status, Flag)
        by_status = grouped(Correction.status, Correction)
        live = Correction.status.in_(("proposed", "accepted"))
        by_category = grouped(Correction.category, Correction, live)
        by_author = grouped(Correction.annotator_id, Correction, live)
        made = grouped(Correction.annotator_id, Correction)
        events: dict[int, list[float]] = defaultdict(list)
        for annotator_id, at in s.execute(select(ChangeEvent.annotator_id, ChangeEvent.created_at)
                                          .where(ChangeEvent.transcript_id.in_(ids))):
            events[annotator_id].append(at.timestamp())
    segments = translated = untranslated = words = chars = 0
    for tid in ids:
        pair: dict[str, str | None] = {}
        for _sid, lang, text in corrected_texts(store, tid):
            pair[lang] = text
            if lang != "ja":
                continue
            en, ja = pair.get("en"), pair.get("ja")
            segments += 1
            has_en, has_ja = bool(en and en.strip()), bool(ja and ja.strip())
            translated += has_en and has_ja
            untranslated += has_en != has_ja
            words += count_words(en)
            chars += count_chars(ja)
    approved = review.get("approved", 0)
    time_by: dict[str, dict[str, Any]] = {}
    for annotator_id, times in sorted(events.items(), key=lambda kv: names.get(kv[0], "")):
        active = active_seconds(times)
        n = made.get(annotator_id, 0)
        time_by[names.get(annotator_id, str(annotator_id))] = {
            "active_s": round(active), "actions": len(times), "corrections": n,
            "corrections_per_hour": round(n / (active / 3600), 1) if active else 0.0}
    return {
        "transcripts": ids,
        "title": title,
        "segments": segments,
        "translated": translated,
        "untranslated": untranslated,
        "words_en": words,
        "chars_ja": chars,
        "gaps": {k: gaps.get(k, 0) for k in ("open", "filled", "unrecoverable")},
        "corrections": {
            "live": sum(by_author.values()),
            "by_status": {k: by_status.get(k, 0) for k in ("proposed", "accepted", "rejected", "reverted")},
            "by_category": dict(sorted(Counter({(k or "uncategorised"): v for k, v in by_category.items()}).items())),
            "by_annotator": {names.get(k, str(k)): v for k, v in sorted(by_author.items(),
                                                                         key=lambda kv: names.get(kv[0], ""))},
        },
        "flags": {k: flags.get(k, 0) for k in ("open", "resolved", "wontfix")},
        "approval": {"approved": approved, "edited": review.get("edited", 0),
                     "not_reviewed": review.get("not_reviewed", 0),
                     "progress": round(approved / segments, 4) if segments else 0.0},
        "time": {"idle_s": IDLE_S, "by_annotator": time_by},
    }


def format_stats(stats: dict[str, Any]) -> list[str]:
    """The statistics as lines of text."""
    def hms(seconds: float) -> str:
        m, s = divmod(int(seconds), 60)
        h, m = divmod(m, 60)
        return f"{h}:{m:02d}:{s:02d}"

    a = stats["approval"]
    lines = [stats["title"] or f"All transcripts ({len(stats['transcripts'])})",
             f"segments: {stats['segments']} ({stats['translated']} translated, {stats['untranslated']} untranslated)",
             f"words (English): {stats['words_en']}; characters (Japanese): {stats['chars_ja']}",
             "gaps: " + ", ".join(f"{v} {k}" for k, v in stats["gaps"].items()),
             f"corrections: {stats['corrections']['live']} live ("
             + ", ".join(f"{v} {k}" for k, v in stats["corrections"]["by_status"].items()) + ")"]
    if stats["corrections"]["by_category"]:
        lines.append("  by category: " + ", ".join(f"{k} {v}" for k, v in stats["corrections"]["by_category"].items()))
    if stats["corrections"]["by_annotator"]:
        lines.append("  by annotator: " + ", ".join(f"{k} {v}"
                                                    for k, v in stats["corrections"]["by_annotator"].items()))
    lines.append("flags: " + ", ".join(f"{v} {k}" for k, v in stats["flags"].items()))
    lines.append(f"approved: {a['approved']} of {stats['segments']} ({a['progress']:.0%}); "
                 f"{a['edited']} edited, {a['not_reviewed']} not reviewed")
    for name, t in stats["time"]["by_annotator"].items():
        lines.append(f"time: {name}: {hms(t['active_s'])} active, {t['actions']} actions, "
                     f"{t['corrections']} corrections ({t['corrections_per_hour']}/hour)")
    return lines
