"""Speakers: names, roles, merging and splitting, the speaker of a turn, suggestions.

A speaker belongs to one transcript; its display name (``name``) applies to
every turn it speaks, in both languages (the labels as written stay). Names
proposed by operator introductions at import are ``SpeakerSuggestion`` rows on
the introduced turn, accepted or dismissed here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from model.errors import OperationFailed
from model.ops._base import NothingToDo, optional_operation
from model.schema import ROLES, Speaker, SpeakerSuggestion, Turn, utcnow
from model.store import Operation, Store

_UNSET: Any = object()


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def rename_speaker(store: Store, speaker_id: int, name: str | None) -> int:
    """Set a speaker's display name everywhere (empty: show the label as written again)."""
    with store.operation("Rename speaker") as op:
        sp = op.get(Speaker, speaker_id)
        op.transcript_id = sp.transcript_id
        sp.name = _clean(name)
        if sp.name:  # a pending suggestion of this very name for one of its turns is settled by the rename
            turns = select(Turn.id).where(Turn.speaker_id == sp.id)
            for sug in op.session.scalars(select(SpeakerSuggestion).where(
                    SpeakerSuggestion.turn_id.in_(turns), SpeakerSuggestion.status == "pending")):
                if (sug.name or "").casefold() == sp.name.casefold():
                    sug.status, sug.decided_by_id, sug.decided_at = "accepted", op.annotator_id, utcnow()
        op.description = f"{sp.label_en or sp.label_ja or '?'} -> {sp.name or '(label)'}"
    return op.committed_id


def set_speaker_details(store: Store, speaker_id: int, *, role: str = _UNSET, affiliation: str | None = _UNSET,
                        label_ja: str | None = _UNSET, name: str | None = _UNSET) -> int | None:
    """Set any of a speaker's role, affiliation, Japanese label and name; None if nothing changed."""
    if role is not _UNSET and role not in ROLES:
        raise OperationFailed(f"unknown role {role!r} (expected one of {', '.join(ROLES)})")
    with optional_operation(store, "Edit speaker") as op:
        sp = op.get(Speaker, speaker_id)
        op.transcript_id = sp.transcript_id
        changes = {"role": role, "affiliation": affiliation, "label_ja": label_ja, "name": name}
        changed = False
        for attr, value in changes.items():
            if value is _UNSET:
                continue
            value = value if attr == "role" else _clean(value)
            if getattr(sp, attr) != value:
                setattr(sp, attr, value)
                changed = True
        if not changed:
            raise NothingToDo
    return op.event_id


def _same_transcript(*speakers: Speaker) -> None:
    if len({s.transcript_id for s in speakers}) != 1:
        raise OperationFailed("these speakers belong to different transcripts")


def merge_speakers(store: Store, keep_id: int, other_id: int) -> int:
    """Merge ``other`` into ``keep``: its turns move to ``keep`` and it is deleted.

    Details ``keep`` lacks (name, affiliation, labels, a known role) are taken from ``other``.
    """
    if keep_id == other_id:
        raise OperationFailed("choose two different speakers to merge")
    with store.operation("Merge speakers") as op:
        keep, other = op.get(Speaker, keep_id), op.get(Speaker, other_id)
        _same_transcript(keep, other)
        op.transcript_id = keep.transcript_id
        for turn in op.session.scalars(select(Turn).where(Turn.speaker_id == other.id)):
            turn.speaker_id = keep.id
        for attr in ("name", "affiliation", "label_en", "label_ja"):
            if getattr(keep, attr) is None and getattr(other, attr) is not None:
                setattr(keep, attr, getattr(other, attr))
        if keep.role == "unknown":
            keep.role = other.role
        # ``keep`` keeps its position, hence its colour in the panes: the speaker the annotator kept.
        op.session.flush()  # turns point at ``keep`` before ``other`` goes
        op.session.delete(other)
    return op.committed_id


def _copy(op: Operation, sp: Speaker, name: str | None, affiliation: str | None = None) -> Speaker:
    top = op.session.scalar(select(func.max(Speaker.position)).where(Speaker.transcript_id == sp.transcript_id))
    new = Speaker(transcript_id=sp.transcript_id, label_en=sp.label_en, label_ja=sp.label_ja, name=name,
                  role=sp.role, affiliation=affiliation if affiliation is not None else sp.affiliation,
                  redacted=sp.redacted, position=(top or 0) + 1)
    op.session.add(new)
    op.session.flush()
    return new


def split_speaker(store: Store, speaker_id: int, turn_ids: Iterable[int], name: str | None = None) -> int:
    """Move the chosen turns of a speaker to a new speaker (same label and role, new name)."""
    ids = sorted(set(turn_ids))
    if not ids:
        raise OperationFailed("choose the turns to move to the new speaker")
    with store.operation("Split speaker") as op:
        sp = op.get(Speaker, speaker_id)
        op.transcript_id = sp.transcript_id
        turns = [op.get(Turn, tid) for tid in ids]
        if any(t.speaker_id != sp.id for t in turns):
            raise OperationFailed("only turns of this speaker can be split off")
        new = _copy(op, sp, _clean(name))
        for t in turns:
            t.speaker_id = new.id
    return op.committed_id


def set_turn_speaker(store: Store, turn_id: int, speaker_id: int | None) -> int | None:
    """Change who speaks a turn (None: unknown speaker); None if it already is that speaker."""
    with optional_operation(store, "Change speaker of turn") as op:
        turn = op.get(Turn, turn_id)
        op.transcript_id = turn.transcript_id
        if speaker_id is not None and op.get(Speaker, speaker_id).transcript_id != turn.transcript_id:
            raise OperationFailed("that speaker belongs to another transcript")
        if turn.speaker_id == speaker_id:
            raise NothingToDo
        turn.speaker_id = speaker_id
    return op.event_id


def _accept(op: Operation, sug: SpeakerSuggestion) -> None:
    """Give the suggested name to the suggestion's turn, splitting the speaker if it has other turns."""
    if sug.status != "pending":
        raise OperationFailed(f"this suggestion was already {sug.status}")
    if not sug.name:
        raise OperationFailed("the introduced name was inaudible: rename the speaker instead")
    turn = op.get(Turn, sug.turn_id)
    same = op.session.scalars(select(Speaker).where(Speaker.transcript_id == turn.transcript_id,
                                                    func.lower(Speaker.name) == sug.name.lower())).first()
    if same is not None:  # the same person spoke before: reuse that speaker
        if turn.speaker_id != same.id:
            turn.speaker_id = same.id
        if sug.affiliation and not same.affiliation:
            same.affiliation = sug.affiliation
    elif turn.speaker_id is None:
        new = Speaker(transcript_id=turn.transcript_id, name=sug.name, affiliation=sug.affiliation,
                      role="journalist", position=(op.session.scalar(select(func.max(Speaker.position)).where(
                          Speaker.transcript_id == turn.transcript_id)) or 0) + 1)
        op.session.add(new)
        op.session.flush()
        turn.speaker_id = new.id
    else:
        sp = op.get(Speaker, turn.speaker_id)
        others = op.session.scalar(select(func.count()).select_from(Turn).where(
            Turn.speaker_id == sp.id, Turn.id != turn.id))
        if others:  # e.g. every "Q" is one label but many people
            turn.speaker_id = _copy(op, sp, sug.name, sug.affiliation).id
        else:
            sp.name = sug.name
            if sug.affiliation:
                sp.affiliation = sug.affiliation
    sug.status, sug.decided_by_id, sug.decided_at = "accepted", op.annotator_id, utcnow()


def _dismiss(op: Operation, sug: SpeakerSuggestion) -> None:
    if sug.status != "pending":
        raise OperationFailed(f"this suggestion was already {sug.status}")
    sug.status, sug.decided_by_id, sug.decided_at = "dismissed", op.annotator_id, utcnow()


def accept_suggestion(store: Store, suggestion_id: int) -> int:
    """Accept a suggested speaker name for its turn."""
    with store.operation("Accept speaker suggestion") as op:
        sug = op.get(SpeakerSuggestion, suggestion_id)
        op.transcript_id = sug.transcript_id
        _accept(op, sug)
        op.description = sug.name or ""
    return op.committed_id


def dismiss_suggestion(store: Store, suggestion_id: int) -> int:
    """Dismiss a suggested speaker name."""
    with store.operation("Dismiss speaker suggestion") as op:
        sug = op.get(SpeakerSuggestion, suggestion_id)
        op.transcript_id = sug.transcript_id
        _dismiss(op, sug)
    return op.committed_id


def _pending(op: Operation, transcript_id: int) -> list[SpeakerSuggestion]:
    return list(op.session.scalars(select(SpeakerSuggestion).where(
        SpeakerSuggestion.transcript_id == transcript_id, SpeakerSuggestion.status == "pending")
        .order_by(SpeakerSuggestion.id)))


def accept_all_suggestions(store: Store, transcript_id: int) -> int | None:
    """Accept every pending suggestion that has a name, as one step; None if there is none."""
    with optional_operation(store, "Accept all speaker suggestions") as op:
        op.transcript_id = transcript_id
        todo = [s for s in _pending(op, transcript_id) if s.name]
        if not todo:
            raise NothingToDo
        for sug in todo:
            _accept(op, sug)
            op.session.flush()  # later suggestions see the speakers made by earlier ones
        op.description = f"{len(todo)} suggestions"
    return op.event_id


def dismiss_all_suggestions(store: Store, transcript_id: int) -> int | None:
    """Dismiss every pending suggestion, as one step; None if there is none."""
    with optional_operation(store, "Dismiss all speaker suggestions") as op:
        op.transcript_id = transcript_id
        todo = _pending(op, transcript_id)
        if not todo:
            raise NothingToDo
        for sug in todo:
            _dismiss(op, sug)
        op.description = f"{len(todo)} suggestions"
    return op.event_id


@dataclass(frozen=True, slots=True)
class SuggestionRow:
    """A speaker suggestion of a transcript (read-only)."""

    id: int
    turn_id: int
    name: str | None
    affiliation: str | None
    status: str


def list_suggestions(store: Store, transcript_id: int) -> list[SuggestionRow]:
    """The transcript's speaker suggestions, in order (a read, not an operation)."""
    sug = SpeakerSuggestion.__table__.c  # Core: read before the window's first paint, without the ORM
    with store.read() as s:
        return [SuggestionRow(*r) for r in s.connection().execute(
            select(sug.id, sug.turn_id, sug.name, sug.affiliation, sug.status).where(sug.transcript_id == transcript_id)
            .order_by(sug.id))]
