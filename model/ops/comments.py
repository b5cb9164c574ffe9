"""The annotator's own comment on a segment: a quick note that is not a review flag."""

from __future__ import annotations

from model.errors import OperationFailed
from model.ops._base import NothingToDo, optional_operation
from model.schema import Segment
from model.store import Store

MAX_COMMENT = 4000


def set_comment(store: Store, segment_id: int, text: str | None) -> int | None:
    """Set (or, empty, remove) a segment's comment; one operation. None when nothing changes."""
    value = (text or "").strip() or None
    if value is not None and len(value) > MAX_COMMENT:
        raise OperationFailed(f"a comment holds at most {MAX_COMMENT} characters")
    with optional_operation(store, "Comment") as op:
        seg = op.get(Segment, segment_id)
        op.transcript_id = seg.transcript_id
        if seg.comment == value:
            raise NothingToDo
        seg.comment = value
        op.description = f"segment {segment_id}: {'removed' if value is None else repr(value[:60])}"
    return op.event_id
