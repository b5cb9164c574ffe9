"""Deciding about QA findings: dismiss one (with who and why), take a dismissal back,
or turn a finding into a flag. Each is one journaled, undoable operation."""

from __future__ import annotations

from sqlalchemy import select

from model.errors import OperationFailed
from model.ops.flags import add_flag
from model.qa import Finding
from model.schema import FindingDismissal, Transcript, utcnow
from model.store import Store


def dismiss_finding(store: Store, transcript_id: int, key: str, reason: str = "") -> int:
    """Record that a finding is not a problem (who, when, why). Returns the change event id."""
    if not key:
        raise OperationFailed("a finding to dismiss needs its key")
    with store.operation("Dismiss finding") as op:
        op.get(Transcript, transcript_id)
        op.transcript_id = transcript_id
        existing = op.session.scalar(select(FindingDismissal).where(
            FindingDismissal.transcript_id == transcript_id, FindingDismissal.finding_key == key))
        if existing is not None:
            raise OperationFailed("this finding is already dismissed")
        op.session.add(FindingDismissal(transcript_id=transcript_id, finding_key=key, reason=reason.strip(),
                                        annotator_id=op.annotator_id, created_at=utcnow()))
        op.description = key
    return op.committed_id


def restore_finding(store: Store, transcript_id: int, key: str) -> int:
    """Take back a dismissal: the finding is listed again."""
    with store.operation("Restore finding") as op:
        op.transcript_id = transcript_id
        rows = list(op.session.scalars(select(FindingDismissal).where(
            FindingDismissal.transcript_id == transcript_id, FindingDismissal.finding_key == key)))
        if not rows:
            raise OperationFailed("this finding is not dismissed")
        for row in rows:
            op.session.delete(row)
    return op.committed_id


def flag_finding(store: Store, finding: Finding, note: str = "", category: str | None = None) -> int:
    """Turn a finding into an open flag on its segment (the flag remembers the finding's key)."""
    if finding.segment_id is None:
        raise OperationFailed("this finding is not on a segment and cannot be flagged")
    text = note.strip() or finding.message
    return add_flag(store, finding.segment_id, category or finding.category, text, lang=finding.lang,
                    finding_key=finding.key)
