"""Alignment: split and merge segments, move a translation, split and merge turns.

Alignment changes the *segments* (their ``*_orig`` slices, prefixes, positions):
the imported ``SourceParagraph`` rows never change, so the file as imported is
always recoverable, and every step is journaled so undo restores the rows.

Corrections and gaps follow their text:

- Splitting at a cursor cuts the segment's history (``model.text``: the
  original with every correction's replacement, nothing removed) between the
  two characters the cursor is between, and the original with it; each
  correction goes to the part that holds its span and replacement, its offsets
  recomputed in that part's history. A cut through a correction that applies,
  or inside a gap, is refused; a rejected one may be cut through (it can then
  never apply again, and reports a conflict if accepted).
- Merging joins the texts with one space in English (none when either side
  already has whitespace at the join) and nothing in Japanese; the next
  segment's corrections, gaps, redactions and flags move over, corrections
  with offsets recomputed in the joined history (both chains in id order).
  Split then merge at a space round-trips.
- Moving a translation swaps one language (text, prefix, corrections, gaps,
  redactions, flags in that language) with the neighbouring segment; with an
  untranslated neighbour this moves the translation one segment up or down.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from model.errors import OperationFailed
from model.ops._base import check_lang, corrections_of, mark_edited, original, set_original
from model.qa import segment_finding_key
from model.schema import (
    LANGS,
    Correction,
    FindingDismissal,
    Flag,
    Gap,
    Redaction,
    Segment,
    SpeakerSuggestion,
    Turn,
    utcnow,
)
from model.store import Operation, Store
from model.text import derive, history, join


def _children(op: Operation, cls: Any, segment_id: int, lang: str | None = None) -> list[Any]:
    """The rows of ``cls`` (a table with segment_id and lang: Gap, Redaction, Flag, Correction) of a segment."""
    q = select(cls).where(cls.segment_id == segment_id)
    if lang is not None:
        q = q.where(cls.lang == lang)
    return list(op.session.scalars(q.order_by(cls.id)))


def _split_lang(op: Operation, seg: Segment, new: Segment, lang: str, cut: int | None) -> None:
    """Move what follows ``cut`` (corrected-text offset) in ``lang`` from ``seg`` to ``new``."""
    cors = corrections_of(op.session, seg.id, lang)
    hist = history(original(seg, lang) or "", cors)
    if cut is None or cut >= len(hist.text):
        set_original(new, lang, None)  # everything stays in the first part
        return
    if cut < 0:
        raise OperationFailed("put the cursor inside the text to split it")
    for g in _children(op, Gap, seg.id, lang):
        if g.start < cut < g.end:
            raise OperationFailed("the cursor is inside a gap: split before or after it")
    plan = hist.cut(cut)
    if plan is None:
        raise OperationFailed("the cursor is inside a corrected passage: split before or after it")
    for c in cors:  # spans index each part's own history (model.text): no text is searched
        if c.id in plan.second:
            c.segment_id = new.id
        c.start, c.end = plan.first.get(c.id) or plan.second[c.id]
    q = plan.original
    orig = original(seg, lang)
    set_original(seg, lang, None if orig is None else orig[:q] or None)
    set_original(new, lang, None if orig is None else orig[q:] or None)
    for g in _children(op, Gap, seg.id, lang):
        if g.start >= cut:
            g.segment_id, g.start, g.end = new.id, g.start - cut, g.end - cut
    for r in _children(op, Redaction, seg.id, lang):
        if r.start >= q:
            r.segment_id, r.start, r.end = new.id, r.start - q, r.end - q
    for f in _children(op, Flag, seg.id, lang):
        if f.start is not None and f.start >= cut:
            f.segment_id, f.start, f.end = new.id, f.start - cut, (f.end if f.end is not None else f.start) - cut


def _settle_pairing(op: Operation, *segments: Segment) -> None:
    """The annotator re-paired these segments: the importer's doubt about them is answered, so
    its "check this pairing" finding is dismissed in the same step (undo brings it back). The
    segment keeps the importer's pairing and confidence: they record what the import did."""
    # Here: the checks module compiles its patterns on import (~20 ms), which the window's
    # start-up (the annotate feature imports this module) does not need.
    from model.qa.checks import DOUBTFUL_PAIRING

    for seg in segments:
        if seg.confidence is None or seg.confidence >= DOUBTFUL_PAIRING:
            continue
        key = segment_finding_key("pairing", seg.id)
        if op.session.scalar(select(FindingDismissal.id).where(FindingDismissal.transcript_id == seg.transcript_id,
                                                                FindingDismissal.finding_key == key)) is None:
            op.session.add(FindingDismissal(transcript_id=seg.transcript_id, finding_key=key, reason="re-paired",
                                            annotator_id=op.annotator_id, created_at=utcnow()))


def _renumber_segments(op: Operation, turn_id: int, after: int, by: int) -> None:
    for s in op.session.scalars(select(Segment).where(Segment.turn_id == turn_id, Segment.position > after)):
        s.position += by


def _renumber_turns(op: Operation, transcript_id: int, after: int, by: int) -> None:
    for t in op.session.scalars(select(Turn).where(Turn.transcript_id == transcript_id, Turn.position > after)):
        t.position += by


def split_segment(store: Store, segment_id: int, lang: str, position: int, other_position: int | None = None) -> int:
    """Split a segment at the cursor ``position`` of its corrected text in ``lang``.

    The other language is split at ``other_position`` if given, else it stays
    with the first part (the second part is then untranslated).
    """
    check_lang(lang)
    other = "ja" if lang == "en" else "en"
    with store.operation("Split segment") as op:
        seg = op.get(Segment, segment_id)
        op.transcript_id = seg.transcript_id
        length = len(derive(original(seg, lang) or "", corrections_of(op.session, seg.id, lang)).text)
        if not 0 < position < length:
            raise OperationFailed("put the cursor inside the text to split it")
        _renumber_segments(op, seg.turn_id, seg.position, 1)
        new = Segment(turn_id=seg.turn_id, transcript_id=seg.transcript_id, position=seg.position + 1,
                      en_prefix="", ja_prefix="", review_state=seg.review_state,
                      reviewed_by_id=seg.reviewed_by_id, reviewed_at=seg.reviewed_at)
        op.session.add(new)
        op.session.flush()
        _split_lang(op, seg, new, lang, position)
        _split_lang(op, seg, new, other, other_position)
        _settle_pairing(op, seg)
        op.description = f"segment {segment_id} ({lang}) at {position}"
    return op.committed_id


def _separator(lang: str, left: str | None, right: str | None) -> str:
    if lang != "en" or not left or not right or left[-1].isspace() or right[0].isspace():
        return ""
    return " "


def _merged_state(a: str, b: str) -> str:
    if a == b == "approved":
        return "approved"
    return "edited" if "edited" in (a, b) else ("not_reviewed" if "not_reviewed" in (a, b) else a)


def merge_segments(store: Store, segment_id: int) -> int:
    """Merge a segment with the next one of the same turn (see the module notes on joining)."""
    with store.operation("Merge segments") as op:
        seg = op.get(Segment, segment_id)
        op.transcript_id = seg.transcript_id
        nxt = op.session.scalars(select(Segment).where(Segment.turn_id == seg.turn_id,
                                                       Segment.position > seg.position)
                                 .order_by(Segment.position).limit(1)).first()
        if nxt is None:
            raise OperationFailed("this is the last segment of its turn: merge the turns first")
        for lang in LANGS:
            left, right = original(seg, lang), original(nxt, lang)
            sep = _separator(lang, left, right)
            mine_cors = corrections_of(op.session, seg.id, lang)
            theirs_cors = corrections_of(op.session, nxt.id, lang)
            mine, theirs = history(left or "", mine_cors), history(right or "", theirs_cors)
            spans = join(mine, sep, theirs)  # both chains in one history, in id order (model.text)
            if spans is None:
                raise OperationFailed("these segments cannot be merged without changing their corrected text")
            for c in mine_cors + theirs_cors:
                c.segment_id, (c.start, c.end) = seg.id, spans[c.id]
            set_original(seg, lang, None if left is None and right is None else (left or "") + sep + (right or ""))
            shift = len(mine.text) + len(sep)
            for g in _children(op, Gap, nxt.id, lang):
                g.segment_id, g.start, g.end = seg.id, g.start + shift, g.end + shift
            for f in _children(op, Flag, nxt.id, lang):
                f.segment_id = seg.id
                if f.start is not None:
                    f.start, f.end = f.start + shift, (f.end if f.end is not None else f.start) + shift
            for r in _children(op, Redaction, nxt.id, lang):
                r.segment_id, r.start, r.end = seg.id, r.start + len(left or "") + len(sep), \
                    r.end + len(left or "") + len(sep)
        for f in _children(op, Flag, nxt.id):  # flags on the whole segment
            f.segment_id = seg.id
        seg.review_state = _merged_state(seg.review_state, nxt.review_state)
        if seg.review_state != "approved":
            seg.reviewed_by_id = seg.reviewed_at = None
        op.session.flush()  # children point at ``seg`` before ``nxt`` goes
        position = nxt.position
        op.session.delete(nxt)
        op.session.flush()
        _renumber_segments(op, seg.turn_id, position, -1)
        _settle_pairing(op, seg)
        op.description = f"segments {segment_id} and {nxt.id}"
    return op.committed_id


def _neighbour(op: Operation, seg: Segment, step: int) -> Segment | None:
    """The segment before (step -1) or after (+1) in reading order, across turns."""
    in_turn = select(Segment).where(Segment.turn_id == seg.turn_id)
    if step > 0:
        found = op.session.scalars(in_turn.where(Segment.position > seg.position)
                                   .order_by(Segment.position).limit(1)).first()
    else:
        found = op.session.scalars(in_turn.where(Segment.position < seg.position)
                                   .order_by(Segment.position.desc()).limit(1)).first()
    if found is not None:
        return found
    turn = op.get(Turn, seg.turn_id)
    turns = select(Turn).where(Turn.transcript_id == seg.transcript_id)
    turns = (turns.where(Turn.position > turn.position).order_by(Turn.position) if step > 0
             else turns.where(Turn.position < turn.position).order_by(Turn.position.desc()))
    for t in op.session.scalars(turns.limit(20)):  # skip the odd turn without segments
        segs = select(Segment).where(Segment.turn_id == t.id)
        found = op.session.scalars(segs.order_by(Segment.position if step > 0 else Segment.position.desc())
                                   .limit(1)).first()
        if found is not None:
            return found
    return None


def move_translation(store: Store, segment_id: int, step: int, lang: str = "ja") -> int:
    """Move a segment's text in ``lang`` one segment down (+1) or up (-1), swapping with the neighbour."""
    check_lang(lang)
    if step not in (-1, 1):
        raise OperationFailed("a translation moves one segment up or down")
    with store.operation("Move translation " + ("down" if step > 0 else "up")) as op:
        seg = op.get(Segment, segment_id)
        op.transcript_id = seg.transcript_id
        other = _neighbour(op, seg, step)
        if other is None:
            raise OperationFailed(f"there is no segment {'below' if step > 0 else 'above'} this one")
        mine = [x for cls in (Correction, Gap, Redaction, Flag) for x in _children(op, cls, seg.id, lang)]
        theirs = [x for cls in (Correction, Gap, Redaction, Flag) for x in _children(op, cls, other.id, lang)]
        for x in mine:
            x.segment_id = other.id
        for x in theirs:
            x.segment_id = seg.id
        a, b = original(seg, lang), original(other, lang)
        set_original(seg, lang, b)
        set_original(other, lang, a)
        pa, pb = (seg.en_prefix, other.en_prefix) if lang == "en" else (seg.ja_prefix, other.ja_prefix)
        if lang == "en":
            seg.en_prefix, other.en_prefix = pb, pa
        else:
            seg.ja_prefix, other.ja_prefix = pb, pa
        mark_edited(seg)
        mark_edited(other)
        _settle_pairing(op, seg, other)
        op.description = f"segment {segment_id} ({lang}) <-> {other.id}"
    return op.committed_id


def split_turn(store: Store, segment_id: int) -> int:
    """Start a new turn (same speaker) at this segment; it and the segments after it move."""
    with store.operation("Split turn") as op:
        seg = op.get(Segment, segment_id)
        op.transcript_id = seg.transcript_id
        turn = op.get(Turn, seg.turn_id)
        moving = list(op.session.scalars(select(Segment).where(Segment.turn_id == turn.id,
                                                               Segment.position >= seg.position)
                                         .order_by(Segment.position)))
        if op.session.scalar(select(Segment.id).where(Segment.turn_id == turn.id,
                                                      Segment.position < seg.position).limit(1)) is None:
            raise OperationFailed("this segment already starts its turn")
        _renumber_turns(op, turn.transcript_id, turn.position, 1)
        new = Turn(transcript_id=turn.transcript_id, position=turn.position + 1, speaker_id=turn.speaker_id,
                   kind=turn.kind, timestamp=None)
        op.session.add(new)
        op.session.flush()
        for i, s in enumerate(moving):
            s.turn_id, s.position = new.id, i
        op.description = f"turn {turn.id} at segment {segment_id}"
    return op.committed_id


def merge_turns(store: Store, turn_id: int) -> int:
    """Merge a turn with the next: its segments join this turn (this turn's speaker stays)."""
    with store.operation("Merge turns") as op:
        turn = op.get(Turn, turn_id)
        op.transcript_id = turn.transcript_id
        nxt = op.session.scalars(select(Turn).where(Turn.transcript_id == turn.transcript_id,
                                                    Turn.position > turn.position)
                                 .order_by(Turn.position).limit(1)).first()
        if nxt is None:
            raise OperationFailed("this is the last turn")
        top = op.session.scalars(select(Segment.position).where(Segment.turn_id == turn.id)
                                 .order_by(Segment.position.desc()).limit(1)).first()
        base = -1 if top is None else top
        for i, s in enumerate(op.session.scalars(select(Segment).where(Segment.turn_id == nxt.id)
                                                 .order_by(Segment.position))):
            s.turn_id, s.position = turn.id, base + 1 + i
        for sug in op.session.scalars(select(SpeakerSuggestion).where(SpeakerSuggestion.turn_id == nxt.id)):
            sug.turn_id = turn.id
        for sug in op.session.scalars(select(SpeakerSuggestion).where(SpeakerSuggestion.source_turn_id == nxt.id)):
            sug.source_turn_id = turn.id
        op.session.flush()  # segments point at ``turn`` before ``nxt`` goes
        position = nxt.position
        op.session.delete(nxt)
        op.session.flush()
        _renumber_turns(op, turn.transcript_id, position, -1)
        op.description = f"turns {turn_id} and {nxt.id}"
    return op.committed_id
