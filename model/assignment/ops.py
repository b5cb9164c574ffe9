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

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, func, select, update
from sqlalchemy.orm import aliased

from model.assignment.tables import STATES, Assignment, ensure_rows
from model.errors import NotFound, OperationFailed
from model.journal import record_update
from model.people import PermissionRefused
from model.schema import Annotator, Transcript, Turn, utcnow
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
    first_turn: int = 1  # the turns this work covers (model.assignment.tables.Assignment)
    last_turn: int | None = None

    @property
    def turns(self) -> str:
        """"10-40" for a range of turns, "" for a whole transcript."""
        if self.first_turn == 1 and self.last_turn is None:
            return ""
        return f"{self.first_turn}-{self.last_turn if self.last_turn is not None else ''}"


def _state_name(state: str) -> str:
    return state.replace("_", " ")


def parse_turns(text: str) -> tuple[int, int]:
    """"10-40" (or "12") as (first, last) turn numbers; a one-line error for anything else."""
    parts = text.replace("–", "-").split("-")
    try:
        first, last = (int(parts[0]), int(parts[-1])) if 1 <= len(parts) <= 2 else (0, 0)
    except ValueError:
        first = last = 0
    if first < 1 or last < first:
        raise OperationFailed(f"turns {text!r}: expected FIRST-LAST, e.g. 10-40 (turns count from 1)")
    return first, last


def _span(first: int, last: int | None) -> str:
    if last is not None:
        return f"turns {first}-{last}"
    return f"turns {first}-end" if first > 1 else "the whole transcript"


def _rows(conn: Connection, transcript_id: int) -> list[Row[Any]]:
    """The transcript's assignment rows (one per range of turns), locked until commit, in turn
    order (made, one unassigned row for the whole transcript, if it has none)."""
    if conn.execute(select(Transcript.__table__.c.id).where(Transcript.__table__.c.id == transcript_id)).first() \
            is None:
        raise NotFound(f"there is no transcript {transcript_id} (see: taiyaku list)")
    table = Assignment.__table__
    query = (select(*(table.c[c] for c in ("id", "first_turn", "last_turn", *_COLUMNS)))
             .where(table.c.transcript_id == transcript_id).order_by(table.c.first_turn))
    rows = list(conn.execute(query.with_for_update()))
    if not rows:
        ensure_rows(conn)
        rows = list(conn.execute(query.with_for_update()))
    return rows


def _row(conn: Connection, transcript_id: int, turns: tuple[int, int] | None = None,
         pick: Callable[[Row[Any]], bool] | None = None) -> Row[Any]:
    """The one row a step is about: the range ``turns``; else the transcript's only row; else
    the only one ``pick`` accepts (e.g. the acting person's own piece)."""
    rows = _rows(conn, transcript_id)
    if turns is not None:
        found = [r for r in rows if (r.first_turn, r.last_turn) == turns]
        if not found:
            raise NotFound(f"transcript {transcript_id} has no work on turns {turns[0]}-{turns[1]} "
                           f"(it has: {', '.join(_span(r.first_turn, r.last_turn) for r in rows)})")
        return found[0]
    if len(rows) == 1:
        return rows[0]
    chosen = [r for r in rows if pick is not None and pick(r)]
    if len(chosen) == 1:
        return chosen[0]
    raise OperationFailed(f"transcript {transcript_id} is split into ranges of turns "
                          f"({', '.join(_span(r.first_turn, r.last_turn) for r in rows)}); "
                          "say which with --turns FIRST-LAST")


def _turn_count(conn: Connection, transcript_id: int) -> int:
    turns = Turn.__table__
    return int(conn.execute(select(func.count()).select_from(turns).where(turns.c.transcript_id == transcript_id))
               .scalar() or 0)


def _carve(op: Operation, transcript_id: int, first: int, last: int, who: int) -> None:
    """Give turns ``first``..``last`` to ``who``: the unassigned rows they fall in are replaced by
    what is left of them before and after (unassigned, for "Next transcript") and the new range.
    Journaled through the ORM, so undo puts the rows back as they were."""
    conn = op.session.connection()
    # Read again, in a statement of its own: a second admin carving the same turns waited for the
    # first one's row locks in the caller's read, and only a new statement sees the rows the first
    # one made (a locking read skips rows deleted meanwhile and never sees new ones).
    rows = _rows(conn, transcript_id)
    count = _turn_count(conn, transcript_id)
    if last > count:
        raise OperationFailed(f"transcript {transcript_id} has {count} turns; turns {first}-{last} are not all there")
    overlapping = [r for r in rows if r.first_turn <= last and (r.last_turn is None or r.last_turn >= first)]
    for r in overlapping:
        if r.state != "unassigned" or r.annotator_id is not None or r.reviewer_id is not None:
            holder = f"assigned to {_name(op, r.annotator_id)}" if r.annotator_id is not None else _state_name(r.state)
            raise OperationFailed(f"turns {first}-{last} overlap {_span(r.first_turn, r.last_turn)} of transcript "
                                  f"{transcript_id} ({holder}); nothing changed")
    keep: list[Assignment] = []
    for r in overlapping:
        op.session.delete(op.session.get(Assignment, r.id))
        if r.first_turn < first:
            keep.append(Assignment(transcript_id=transcript_id, first_turn=r.first_turn, last_turn=first - 1,
                                   state="unassigned"))
        end = r.last_turn if r.last_turn is not None else count
        if end > last:
            keep.append(Assignment(transcript_id=transcript_id, first_turn=last + 1, last_turn=end, state="unassigned"))
    op.session.flush()  # the old rows go first: a remainder may start where one of them did
    op.session.add_all([*keep, Assignment(transcript_id=transcript_id, first_turn=first, last_turn=last,
                                          state="assigned", annotator_id=who, updated_at=utcnow())])
    op.session.flush()


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


def assign(store: Store, transcript_id: int, person: str, *, review: bool = False,
           turns: tuple[int, int] | None = None) -> int:
    """Give a transcript (or with ``turns`` a range of its turns, numbered from 1) to ``person``
    to annotate (state: assigned), or with ``review`` its review (the state stays; submitted
    work then waits for them). A range that overlaps someone else's is refused. Admins only."""
    action = ACTIONS["assign_review" if review else "assign"]
    with store.operation(action, transcript_id=transcript_id) as op:
        op.require("admin", "assign work")
        conn = op.session.connection()
        who = _person(op, person)
        existing = {(r.first_turn, r.last_turn) for r in _rows(conn, transcript_id)}
        if turns is not None and not review and turns not in existing:
            _carve(op, transcript_id, turns[0], turns[1], who)  # a new range, out of unassigned turns
        else:
            _assign_row(op, conn, transcript_id, who, review=review, turns=turns)
        op.description = f"{'review ' if review else ''}-> {person.strip()}" + (
            f" (turns {turns[0]}-{turns[1]})" if turns else "")
    return op.committed_id


def _assign_row(op: Operation, conn: Connection, transcript_id: int, who: int, *, review: bool,
                turns: tuple[int, int] | None) -> None:
    """(Re)assign one existing row: the transcript's only one, or the range ``turns``."""
    row = _row(conn, transcript_id, turns)
    what = f"transcript {transcript_id}" + (f" (turns {turns[0]}-{turns[1]})" if turns else "")
    if review:
        if row.state == "approved":
            raise OperationFailed(f"{what} is approved already; nothing to review")
        _write(op, row, transcript_id, {"reviewer_id": who})
    else:
        if row.state in ("submitted", "in_review", "approved"):
            raise OperationFailed(f"{what} is {_state_name(row.state)}; "
                                  "its annotation can no longer be reassigned (assign its review instead)")
        _write(op, row, transcript_id, {"annotator_id": who, "state": "assigned"})


def transition(store: Store, transcript_id: int, name: str, *, note: str | None = None,
               turns: tuple[int, int] | None = None) -> int:
    """Move a transcript's work along (``TRANSITIONS``: start, submit, review, approve, reject);
    a refusal says why in one line (wrong state, role, or someone else's work). On a transcript
    split into ranges of turns: the range ``turns``, else the acting person's own piece in a
    state the step starts from."""
    if name not in TRANSITIONS:
        raise OperationFailed(f"unknown step {name!r} (expected one of {', '.join(TRANSITIONS)})")
    sources, target, role, what = TRANSITIONS[name]
    with store.operation(ACTIONS[name], transcript_id=transcript_id) as op:
        conn = op.session.connection()
        me = op.annotator_id
        row = _row(conn, transcript_id, turns, lambda r: r.state in sources and (
            r.annotator_id == me if role == "annotator" else r.reviewer_id in (None, me)))
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
    claimed = claim_next_range(store)
    return None if claimed is None else (claimed[0], claimed[1])


def claim_next_range(store: Store) -> tuple[int, int, tuple[int, int] | None] | None:
    """``claim_next``, also telling the range of turns claimed: (transcript id, change event id,
    (first, last) or None for a whole transcript). Ranges nobody has are handed out like whole
    transcripts, each to one person only."""
    try:
        return _claim(store)
    except _NothingLeft:
        return None  # rolled back: nothing written, nothing announced


class _NothingLeft(Exception):
    """Leaves the claim's operation without writing (no transcript left)."""


def _claim(store: Store) -> tuple[int, int, tuple[int, int] | None]:
    table = Assignment.__table__
    claimed: int | None = None
    span: tuple[int, int] | None = None
    with store.operation(ACTIONS["claim"]) as op:
        conn = op.session.connection()
        me = op.annotator_id
        picked = (table.c.id, table.c.transcript_id, table.c.first_turn, table.c.last_turn)
        own = conn.execute(select(*picked).where(table.c.annotator_id == me, table.c.state == "assigned")
                           .order_by(table.c.transcript_id, table.c.first_turn).limit(1)).first()
        if own is not None:
            claimed = _take(op, conn, own.id, own.transcript_id, (table.c.state == "assigned",), "assigned")
            span = _range_of(own)
        else:
            ensure_rows(conn)
            while claimed is None:
                candidates = conn.execute(select(*picked).where(
                    table.c.annotator_id.is_(None), table.c.state == "unassigned")
                    .order_by(table.c.transcript_id, table.c.first_turn).limit(20)).all()
                if not candidates:
                    break
                for cand in candidates:
                    claimed = _take(op, conn, cand.id, cand.transcript_id,
                                    (table.c.annotator_id.is_(None), table.c.state == "unassigned"), "unassigned",
                                    annotator_id=me)
                    if claimed is not None:
                        span = _range_of(cand)
                        break
        if claimed is None:
            raise _NothingLeft
        op.transcript_id = claimed
        op.description = "-> in progress" + (f" (turns {span[0]}-{span[1]})" if span else "")
    return claimed, op.committed_id, span


def _range_of(row: Any) -> tuple[int, int] | None:
    """(first, last) of a row that covers a range of turns; None for a whole transcript."""
    if row.first_turn == 1 and row.last_turn is None:
        return None
    return int(row.first_turn), int(row.last_turn) if row.last_turn is not None else 10**9


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
                    table.c.note, table.c.first_turn, table.c.last_turn)
             .select_from(Transcript)
             .outerjoin(table, table.c.transcript_id == Transcript.id)
             .outerjoin(ann, ann.id == table.c.annotator_id)
             .outerjoin(rev, rev.id == table.c.reviewer_id)
             .order_by(Transcript.id, table.c.first_turn))
    if mine:
        me = store.annotator_id
        query = query.where(
            ((table.c.annotator_id == me) & table.c.state.in_(("assigned", "in_progress")))
            | ((table.c.reviewer_id == me) & table.c.state.in_(("submitted", "in_review"))))
    with store.read() as s:
        return [WorkItem(int(r[0]), str(r[1]), str(r[2] or "unassigned"), r[3], r[4], r[5], r[6],
                         int(r[7] or 1), r[8])
                for r in s.execute(query)]


def work_of(store: Store, transcript_ids: list[int] | None = None, me: str | None = None) -> dict[int, WorkItem]:
    """The assignment of each transcript (all of them when ``transcript_ids`` is None), by id. Of a
    transcript split into ranges of turns: ``me``'s piece if they have one, else the first piece
    someone has, else the first."""
    wanted = None if transcript_ids is None else set(transcript_ids)
    pieces: dict[int, list[WorkItem]] = {}
    for w in list_work(store):
        if wanted is None or w.transcript_id in wanted:
            pieces.setdefault(w.transcript_id, []).append(w)

    def rank(w: WorkItem) -> int:
        if me is not None and me in (w.annotator, w.reviewer) and w.state not in ("approved", "unassigned"):
            return 0
        return 1 if w.state != "unassigned" else 2

    return {tid: min(items, key=rank) for tid, items in pieces.items()}


def my_range(store: Store, transcript_id: int) -> tuple[int, int] | None:
    """The range of turns the acting person has unfinished work on in this transcript (to annotate,
    or to review), or None (no range of theirs: the whole transcript is theirs, or nothing is)."""
    table = Assignment.__table__
    with store.read() as s:
        # Nobody's unfinished range here (a transcript nobody was given): the acting person's id is
        # not needed; its first look-up waits for the file's damage check and writes, on the window's
        # thread right after the first paint (50 ms at 50,000 segments).
        if s.scalar(select(table.c.id).where(
                table.c.transcript_id == transcript_id,
                table.c.state.in_(("assigned", "in_progress", "submitted", "in_review"))).limit(1)) is None:
            return None
    me = store.annotator_id
    with store.read() as s:
        rows = s.execute(select(table.c.first_turn, table.c.last_turn).where(
            table.c.transcript_id == transcript_id,
            ((table.c.annotator_id == me) & table.c.state.in_(("assigned", "in_progress")))
            | ((table.c.reviewer_id == me) & table.c.state.in_(("submitted", "in_review"))))
            .order_by(table.c.first_turn)).all()
    return _range_of(rows[0]) if rows else None


__all__ = ["ACTIONS", "STATES", "TRANSITIONS", "WorkItem", "assign", "claim_next", "claim_next_range",
           "list_work", "my_range", "parse_turns", "transition", "work_of"]
