"""``taiyaku assign``, ``taiyaku work`` and ``taiyaku next``: who works on which transcript.

    taiyaku assign ID PERSON [--review] [--db DB]     an admin hands out work (or its review)
    taiyaku assign ID --turns 10-40 --to PERSON       ... or a range of its turns (never overlapping)
    taiyaku work [--mine] [--db DB]                   every transcript with its state and people
    taiyaku work ID start|submit|review|approve|reject [--turns A-B] [--note TEXT] [--db DB]
    taiyaku next [--db DB]                            claim the next transcript nobody has

Each step is one journaled operation (model.assignment) that the acting person's role allows
on a shared server; a refusal says why in one line. Two people running ``next`` at the same
moment never get the same transcript.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cli.core import format_table, open_store, register_command, text_out, transcript_id

if TYPE_CHECKING:  # pragma: no cover
    from model.store import Store

STEPS = ("start", "submit", "review", "approve", "reject")


def _configure_assign(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=transcript_id, metavar="ID", help="the transcript (see: taiyaku list)")
    p.add_argument("person", metavar="PERSON", nargs="?", help="who gets it (see: taiyaku user list)")
    p.add_argument("--to", dest="to", metavar="PERSON", default=None, help="who gets it (instead of PERSON)")
    p.add_argument("--turns", metavar="FIRST-LAST", default=None,
                   help="only these turns (numbered from 1, as in the window), e.g. 10-40")
    p.add_argument("--review", action="store_true", help="give PERSON its review instead of its annotation")


def _run_assign(args: argparse.Namespace) -> int:
    from model.assignment.ops import assign, parse_turns
    from model.errors import OperationFailed

    if (args.person is None) == (args.to is None):
        raise OperationFailed("say who gets the work: PERSON or --to PERSON (one of them)")
    person = args.person if args.person is not None else args.to
    turns = parse_turns(args.turns) if args.turns is not None else None
    store = open_store(args, create=False)
    try:
        event = assign(store, args.id, person, review=args.review, turns=turns)
    finally:
        store.close()
    what = ("the review of " if args.review else "") + (f"turns {turns[0]}-{turns[1]} of " if turns else "")
    print(f"{what}transcript {args.id} assigned to {person.strip()} (change {event})".capitalize(), file=text_out())
    return 0


def _configure_work(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=transcript_id, metavar="ID", nargs="?", help="a transcript, to move its work along")
    p.add_argument("step", metavar="STEP", nargs="?", choices=STEPS,
                   help="start | submit (annotator) · review | approve | reject (reviewer)")
    p.add_argument("--mine", action="store_true", help="only what I annotate or review and have not finished")
    p.add_argument("--note", default=None, help="with reject: what the annotator should fix")
    p.add_argument("--turns", metavar="FIRST-LAST", default=None,
                   help="with STEP, on a transcript split into ranges: which range (default: your own)")


def _run_work(args: argparse.Namespace) -> int:
    from model.assignment.ops import list_work, parse_turns, transition
    from model.errors import OperationFailed

    if (args.id is None) != (args.step is None):
        raise OperationFailed("give a transcript ID and a STEP (start, submit, review, approve, reject), or neither")
    turns = parse_turns(args.turns) if args.turns is not None else None
    store = open_store(args, create=False)
    out = text_out()
    try:
        if args.step is not None:
            event = transition(store, args.id, args.step, note=args.note, turns=turns)
            state = _state_after(store, event)
            print(f"transcript {args.id} is now {state.replace('_', ' ')} (change {event})", file=out)
            return 0
        items = list_work(store, mine=args.mine)
    finally:
        store.close()
    if not items:
        print("nothing to do" if args.mine else "no transcripts", file=out)
        return 0
    notes = any(w.note and w.state == "in_progress" for w in items)  # why a reviewer sent work back
    ranges = any(w.turns for w in items)  # a column for the turns only where work is split
    rows = [(w.transcript_id, w.title) + ((w.turns or "all",) if ranges else ())
            + (w.state.replace("_", " "), w.annotator or "-", w.reviewer or "-")
            + ((w.note if w.note and w.state == "in_progress" else "",) if notes else ())
            for w in items]
    header = ("id", "title") + (("turns",) if ranges else ()) + ("state", "annotator", "reviewer") \
        + (("sent back because",) if notes else ())
    for line in format_table(header, rows, (True,) + (False,) * (len(header) - 1)):
        print(line, file=out)
    return 0


def _state_after(store: Store, event: int) -> str:
    """The state a step's change left its assignment row in (read from the change itself)."""
    from sqlalchemy import select

    from model.schema import ChangeEvent

    with store.read() as s:
        rows = s.scalar(select(ChangeEvent.rows).where(ChangeEvent.id == event)) or []
    return next((str(r["after"]["state"]) for r in rows if r["t"] == "assignment" and "state" in r["after"]), "?")


def _run_next(args: argparse.Namespace) -> int:
    from model.assignment.ops import claim_next_range
    from model.readmodel import list_transcripts

    store = open_store(args, create=False)
    try:
        claimed = claim_next_range(store)
        titles = {t.id: t.title for t in list_transcripts(store)} if claimed else {}
    finally:
        store.close()
    out = text_out()
    if claimed is None:
        print("nothing left: every transcript has someone on it", file=out)
        return 0
    tid, event, span = claimed
    turns = f"turns {span[0]}-{span[1]}; " if span else ""
    print(f"{tid}\t{titles.get(tid, '')}\t({turns}in progress; change {event})", file=out)
    return 0


register_command("assign", "give a transcript (or its review) to a person", _configure_assign, _run_assign,
                 "Assign transcript ID (or with --turns a range of its turns) to PERSON to annotate, or with "
                 "--review to review (admins, on a shared server). Ranges never overlap. One undo step.")
register_command("work", "list who works on what; move a transcript's work along", _configure_work, _run_work,
                 "Without arguments: every transcript with its state, annotator and reviewer (--mine: only yours). "
                 "With ID STEP: start, submit, review, approve or reject its work.")
register_command("next", "claim the next transcript nobody has, and start it", lambda p: None, _run_next,
                 "Your own assigned work first, else the first transcript nobody has; prints its id and title. "
                 "Two people asking at once never get the same one.")
