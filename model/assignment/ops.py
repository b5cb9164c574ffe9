"""The assignment's transitions: each one journaled store operation, allowed by the role.

- admin: ``assign`` (or reassign) a transcript to an annotator, or its review to a reviewer;
- annotator: ``start`` and ``submit`` their own work; ``claim_next`` hands them the next
  transcript nobody has (their own assigned work first);
- reviewer: ``take_review`` of submitted work, then ``approve`` it or ``reject`` it (back to
  the annotator, in progress, with a note saying why).

On SQLite and for a server's owner no role is enforced (``Store.role`` is None), as for every
other action. Each transition is announced like any change (the window's library follows, and
other programs see it live); undo is refused when the assignment has moved on since
(``tables.check_replay``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, select, update
from sqlalchemy.orm import aliased

from model.assignment.tables import STATES, Assignment, ensure_rows
from model.errors import NotFound, OperationFailed
from model.journal import record_update
from model.people import PermissionRefused
from model.schema import Annotator, Transcript, utcnow
from model.store import Operation, Store

# name: (states it starts from, state it leads to, role needed, what it is, for refusals)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str, str, str]] = {
    "start": (("assigned",), "in_progress", "annotator", "start work"),
    "submit": (("in_progress",), "submitted", "annotator", "submit work"),
    "review": (("submitted",), "in_review", "reviewer", "take work for review"),
    "approve": (("in_review",), "approved", "reviewer", "approve work"),
    "reject": (("in_review",), "in_progress", "reviewer", "reject work"),
}
# The journal's action names (the History shows them; gui translates them).
ACTIONS = {"assign": "Assign transcript", "assign_review": "Assign review", "start": "Start work",
           "submit": "Submit for review", "review": "Take for review", "approve": "Approve transcript",
           "reject": "Reject transcript", "claim": "Claim next transcript"}
_COLUMNS = ("state", "annotator_id", "reviewer_id", "note")


@dataclass(frozen=True)
class WorkItem:
    """One transcript with its assignment (``list_work``)."""

    transcript_id: int
    title: str
    state: str
    annotator: str | None
    reviewer: str | None
    updated_at: datetime | None
    note: str | None = None


def _state_name(state: str) -> str:
    return state.replace("_", " ")


def _row(conn: Connection, transcript_id: int) -> Row[Any]:
    """The transcript's assignment row, locked until commit (made, unassigned, if it has none)."""
    if conn.execute(select(Transcript.__table__.c.id).where(Transcript.__table__.c.id == transcript_id)).first() \
            is None:
        raise NotFound(f"there is no transcript {transcript_id} (see: taiyaku list)")
    table = Assignment.__table__
    query = select(*(table.c[c] for c in ("id", *_COLUMNS))).where(table.c.transcript_id == transcript_id)
    row = conn.execute(query.with_for_update()).first()
    if row is None:
        ensure_rows(conn)
        row = conn.execute(query.with_for_update()).one()
    return row


def _write(op: Operation, row: Row[Any], transcript_id: int, values: dict[str, Any]) -> None:
    """Change the row (already locked) and journal the change."""
    changed = {k: v for k, v in values.items() if getattr(row, k) != v}
    if not changed:
        raise OperationFailed("nothing to change: the assignment is like that already")
    now = utcnow()
    conn = op.session.connection()
    table = Assignment.__table__
    conn.execute(update(table).where(table.c.id == row.id).values(**changed, updated_at=now))
    record_update(op.session.info["journal"], "assignment", int(row.id),
                  {k: getattr(row, k) for k in changed}, changed, {"transcript_id": transcript_id})


def _person(op: Operation, name: str) -> int:
    found = op.session.scalar(select(Annotator.id).where(Annotator.name == name.strip()))
    if found is None:
        raise NotFound(f"nobody called {name!r} (see: taiyaku user list; an admin adds people with: "
                       f"taiyaku user add NAME)")
    return int(found)


def _name(op: Operation, annotator_id: int | None) -> str:
    if annotator_id is None:
        return "nobody"
    return str(op.session.scalar(select(Annotator.name).where(Annotator.id == annotator_id)))


def assign(store: Store, transcript_id: int, person: str, *, review: bool = False) -> int:
    """Give a transcript to ``person`` to annotate (state: assigned), or with ``review`` its review
    (the state stays; a submitted transcript then waits for them). Admins only."""
    action = ACTIONS["assign_review" if review else "assign"]
    with store.operation(action, transcript_id=transcript_id) as op:
        op.require("admin", "assign work")
        conn = op.session.connection()
        row = _row(conn, transcript_id)
        who = _person(op, person)
        if review:
            if row.state == "approved":
                raise OperationFailed(f"transcript {transcript_id} is approved already; nothing to review")
            _write(op, row, transcript_id, {"reviewer_id": who})
        else:
            if row.state in ("submitted", "in_review", "approved"):
                raise OperationFailed(f"transcript {transcript_id} is {_state_name(row.state)}; "
                                      "its annotation can no longer be reassigned (assign its review instead)")
            _write(op, row, transcript_id, {"annotator_id": who, "state": "assigned"})
        op.description = f"{'review ' if review else ''}-> {person.strip()}"
    return op.committed_id


def transition(store: Store, transcript_id: int, name: str, *, note: str | None = None) -> int:
    """Move a transcript's work along (``TRANSITIONS``: start, submit, review, approve, reject);
    a refusal says why in one line (wrong state, role, or someone else's work)."""
    if name not in TRANSITIONS:
        raise OperationFailed(f"unknown step {name!r} (expected one of {', '.join(TRANSITIONS)})")
    sources, target, role, what = TRANSITIONS[name]
    with store.operation(ACTIONS[name], transcript_id=transcript_id) as op:
        conn = op.session.connection()
        row = _row(conn, transcript_id)
        op.require(role, what)
        if row.state not in sources:
            raise OperationFailed(f"cannot {what}: transcript {transcript_id} is {_state_name(row.state)}, "
                                  f"not {' or '.join(_state_name(s) for s in sources)}")
        values: dict[str, Any] = {"state": target}
        enforced = op.role is not None and op.role != "admin"
        if role == "annotator" and enforced and row.annotator_id != op.annotator_id:
            raise PermissionRefused(f"cannot {what}: transcript {transcript_id} is assigned to "
                                    f"{_name(op, row.annotator_id)}, not to {op.annotator_name}")
        if name == "review":
            if enforced and row.reviewer_id not in (None, op.annotator_id):
                raise PermissionRefused(f"cannot {what}: its review is assigned to {_name(op, row.reviewer_id)}")
            if row.reviewer_id is None:
                values["reviewer_id"] = op.annotator_id
        elif role == "reviewer" and enforced and row.reviewer_id != op.annotator_id:
            raise PermissionRefused(f"cannot {what}: {_name(op, row.reviewer_id)} is reviewing it")
        if name == "reject":
            values["note"] = (note or "").strip() or None
        elif name == "submit":
            values["note"] = None
        _write(op, row, transcript_id, values)
        op.description = f"{_state_name(row.state)} -> {_state_name(target)}" + (f": {note.strip()}" if note else "")
    return op.committed_id


def claim_next(store: Store) -> tuple[int, int] | None:
    """Hand the acting person their next transcript: their own assigned work first (started
    now), else the first transcript nobody has (claimed and started). Returns (transcript id,
    change event id), or None when nothing is left.

    Two people calling this at the same moment never get the same transcript: the claim is a
    conditional UPDATE (``... WHERE annotator_id IS NULL``) and only the one whose UPDATE changed
    a row has it; the other's waits for the first to commit, finds the row taken (0 rows) and
    tries the next one. SQLite's write lock serialises the two anyway.
    """
    try:
        return _claim(store)
    except _NothingLeft:
        return None  # rolled back: nothing written, nothing announced


class _NothingLeft(Exception):
    """Leaves the claim's operation without writing (no transcript left)."""


def _claim(store: Store) -> tuple[int, int]:
    table = Assignment.__table__
    claimed: int | None = None
    with store.operation(ACTIONS["claim"]) as op:
        conn = op.session.connection()
        me = op.annotator_id
        own = conn.execute(select(table.c.id, table.c.transcript_id).where(
            table.c.annotator_id == me, table.c.state == "assigned").order_by(table.c.transcript_id).limit(1)).first()
        if own is not None:
            claimed = _take(op, conn, own.id, own.transcript_id, (table.c.state == "assigned",), "assigned")
        else:
            ensure_rows(conn)
            while claimed is None:
                candidates = conn.execute(select(table.c.id, table.c.transcript_id).where(
                    table.c.annotator_id.is_(None), table.c.state == "unassigned")
                    .order_by(table.c.transcript_id).limit(20)).all()
                if not candidates:
                    break
                for cand in candidates:
                    claimed = _take(op, conn, cand.id, cand.transcript_id,
                                    (table.c.annotator_id.is_(None), table.c.state == "unassigned"), "unassigned",
                                    annotator_id=me)
                    if claimed is not None:
                        break
        if claimed is None:
            raise _NothingLeft
        op.transcript_id = claimed
        op.description = "-> in progress"
    return claimed, op.committed_id


def _take(op: Operation, conn: Connection, row_id: int, transcript_id: int, conditions: tuple[Any, ...],
          state_before: str, **values: Any) -> int | None:
    """The conditional UPDATE of a claim: the transcript id if this one changed the row, else None."""
    table = Assignment.__table__
    done = conn.execute(update(table).where(table.c.id == row_id, *conditions)
                        .values(state="in_progress", updated_at=utcnow(), **values))
    if done.rowcount != 1:
        return None  # someone else's claim committed first
    before: dict[str, Any] = {"state": state_before}
    after: dict[str, Any] = {"state": "in_progress"}
    if "annotator_id" in values:
        before["annotator_id"], after["annotator_id"] = None, values["annotator_id"]
    record_update(op.session.info["journal"], "assignment", row_id, before, after, {"transcript_id": transcript_id})
    return transcript_id


def list_work(store: Store, *, mine: bool = False) -> list[WorkItem]:
    """Every transcript with its assignment (unassigned ones too), oldest first; ``mine``: only
    what the acting person annotates or reviews and has not finished."""
    table = Assignment.__table__
    ann, rev = aliased(Annotator), aliased(Annotator)
    query = (select(Transcript.id, Transcript.title, table.c.state, ann.name, rev.name, table.c.updated_at,
                    table.c.note)
             .select_from(Transcript)
             .outerjoin(table, table.c.transcript_id == Transcript.id)
             .outerjoin(ann, ann.id == table.c.annotator_id)
             .outerjoin(rev, rev.id == table.c.reviewer_id)
             .order_by(Transcript.id))
    if mine:
        me = store.annotator_id
        query = query.where(
            ((table.c.annotator_id == me) & table.c.state.in_(("assigned", "in_progress")))
            | ((table.c.reviewer_id == me) & table.c.state.in_(("submitted", "in_review"))))
    with store.read() as s:
        return [WorkItem(int(r[0]), str(r[1]), str(r[2] or "unassigned"), r[3], r[4], r[5], r[6])
                for r in s.execute(query)]


def work_of(store: Store, transcript_ids: list[int] | None = None) -> dict[int, WorkItem]:
    """The assignment of each transcript (all of them when ``transcript_ids`` is None), by id."""
    items = list_work(store)
    wanted = None if transcript_ids is None else set(transcript_ids)
    return {w.transcript_id: w for w in items if wanted is None or w.transcript_id in wanted}


__all__ = ["ACTIONS", "STATES", "TRANSITIONS", "WorkItem", "assign", "claim_next",
           "list_work", "transition", "work_of"]
