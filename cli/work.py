"""``taiyaku assign``, ``taiyaku work`` and ``taiyaku next``: who works on which transcript.

    taiyaku assign ID PERSON [--review] [--db DB]     an admin hands out work (or its review)
    taiyaku work [--mine] [--db DB]                   every transcript with its state and people
    taiyaku work ID start|submit|review|approve|reject [--note TEXT] [--db DB]
    taiyaku next [--db DB]                            claim the next transcript nobody has

Each step is one journaled operation (model.assignment) that the acting person's role allows
on a shared server; a refusal says why in one line. Two people running ``next`` at the same
moment never get the same transcript.
"""

from __future__ import annotations

import argparse

from cli.core import format_table, open_store, register_command, text_out, transcript_id

STEPS = ("start", "submit", "review", "approve", "reject")


def _configure_assign(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=transcript_id, metavar="ID", help="the transcript (see: taiyaku list)")
    p.add_argument("person", metavar="PERSON", help="who gets it (see: taiyaku user list)")
    p.add_argument("--review", action="store_true", help="give PERSON its review instead of its annotation")


def _run_assign(args: argparse.Namespace) -> int:
    from model.assignment.ops import assign

    store = open_store(args, create=False)
    try:
        event = assign(store, args.id, args.person, review=args.review)
    finally:
        store.close()
    what = "its review" if args.review else "transcript"
    print(f"{what} {args.id} assigned to {args.person.strip()} (change {event})".capitalize(), file=text_out())
    return 0


def _configure_work(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=transcript_id, metavar="ID", nargs="?", help="a transcript, to move its work along")
    p.add_argument("step", metavar="STEP", nargs="?", choices=STEPS,
                   help="start | submit (annotator) · review | approve | reject (reviewer)")
    p.add_argument("--mine", action="store_true", help="only what I annotate or review and have not finished")
    p.add_argument("--note", default=None, help="with reject: what the annotator should fix")


def _run_work(args: argparse.Namespace) -> int:
    from model.assignment.ops import list_work, transition
    from model.errors import OperationFailed

    if (args.id is None) != (args.step is None):
        raise OperationFailed("give a transcript ID and a STEP (start, submit, review, approve, reject), or neither")
    store = open_store(args, create=False)
    out = text_out()
    try:
        if args.step is not None:
            event = transition(store, args.id, args.step, note=args.note)
            now = {w.transcript_id: w for w in list_work(store)}[args.id]
            print(f"transcript {args.id} is now {now.state.replace('_', ' ')} (change {event})", file=out)
            return 0
        items = list_work(store, mine=args.mine)
    finally:
        store.close()
    if not items:
        print("nothing to do" if args.mine else "no transcripts", file=out)
        return 0
    notes = any(w.note and w.state == "in_progress" for w in items)  # why a reviewer sent work back
    rows = [(w.transcript_id, w.title, w.state.replace("_", " "), w.annotator or "-", w.reviewer or "-")
            + ((w.note if w.note and w.state == "in_progress" else "",) if notes else ())
            for w in items]
    header = ("id", "title", "state", "annotator", "reviewer") + (("sent back because",) if notes else ())
    for line in format_table(header, rows, (True, False, False, False, False, False)[:len(header)]):
        print(line, file=out)
    return 0


def _run_next(args: argparse.Namespace) -> int:
    from model.assignment.ops import claim_next
    from model.readmodel import list_transcripts

    store = open_store(args, create=False)
    try:
        claimed = claim_next(store)
        titles = {t.id: t.title for t in list_transcripts(store)} if claimed else {}
    finally:
        store.close()
    out = text_out()
    if claimed is None:
        print("nothing left: every transcript has someone on it", file=out)
        return 0
    tid, event = claimed
    print(f"{tid}\t{titles.get(tid, '')}\t(in progress; change {event})", file=out)
    return 0


register_command("assign", "give a transcript (or its review) to a person", _configure_assign, _run_assign,
                 "Assign transcript ID to PERSON to annotate, or with --review to review (admins, on a shared "
                 "server). One undo step.")
register_command("work", "list who works on what; move a transcript's work along", _configure_work, _run_work,
                 "Without arguments: every transcript with its state, annotator and reviewer (--mine: only yours). "
                 "With ID STEP: start, submit, review, approve or reject its work.")
register_command("next", "claim the next transcript nobody has, and start it", lambda p: None, _run_next,
                 "Your own assigned work first, else the first transcript nobody has; prints its id and title. "
                 "Two people asking at once never get the same one.")
