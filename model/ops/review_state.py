"""Review state of segments: not reviewed, edited, approved."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from model.errors import OperationFailed
from model.ops._base import NothingToDo, optional_operation
from model.schema import REVIEW_STATES, Correction, Segment, utcnow
from model.store import Store
from model.text import LIVE_STATUSES
from model.wording import counted


def set_review_state(store: Store, segment_ids: int | Iterable[int], state: str) -> int | None:
    """Set the review state of one or more segments as one step; None if none changed.

    Approving records who approved and when; any other state clears that.
    """
    if state not in REVIEW_STATES:
        raise OperationFailed(f"unknown review state {state!r} (expected one of {', '.join(REVIEW_STATES)})")
    ids = [segment_ids] if isinstance(segment_ids, int) else list(segment_ids)
    action = "Approve segment" if state == "approved" else "Set review state"
    with optional_operation(store, action if len(ids) < 2 else action.replace("segment", "segments")) as op:
        op.require("reviewer", "approve segments" if state == "approved" else "change review states")
        changed = 0
        for sid in ids:
            seg = op.get(Segment, sid)
            op.transcript_id = seg.transcript_id
            if seg.review_state == state:
                continue
            seg.review_state = state
            seg.reviewed_by_id = op.annotator_id if state == "approved" else None
            seg.reviewed_at = utcnow() if state == "approved" else None
            changed += 1
        if not changed:
            raise NothingToDo
        op.description = f"{counted(changed, 'segment')} -> {state}"
    return op.event_id


def approve(store: Store, segment_ids: int | Iterable[int]) -> int | None:
    """Approve segments (reviewer)."""
    return set_review_state(store, segment_ids, "approved")


def unapprove(store: Store, segment_ids: int | Iterable[int]) -> int | None:
    """Withdraw approval: back to 'edited' if a live correction changes the segment, else 'not_reviewed'."""
    ids = [segment_ids] if isinstance(segment_ids, int) else list(segment_ids)
    with optional_operation(store, "Withdraw approval") as op:
        op.require("reviewer", "withdraw approvals")
        changed = 0
        for sid in ids:
            seg = op.get(Segment, sid)
            op.transcript_id = seg.transcript_id
            if seg.review_state != "approved":
                continue
            live = op.session.scalar(select(Correction.id).where(
                Correction.segment_id == sid, Correction.status.in_(LIVE_STATUSES)).limit(1))
            seg.review_state = "edited" if live else "not_reviewed"
            seg.reviewed_by_id = seg.reviewed_at = None
            changed += 1
        if not changed:
            raise NothingToDo
        op.description = counted(changed, "segment")
    return op.event_id
