"""``taiyaku tm import FILE``: translation units from TMX become suggestions (one undo step);
``taiyaku tm suggest ID``: the suggestions from earlier corrections for a transcript's segments."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.core import open_store, register_command, text_out
from model.errors import TaiyakuError
from model.wording import counted


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=("import", "suggest"), help="import a TMX file, or list suggestions")
    p.add_argument("target", metavar="FILE|ID", help="the TMX file to import, or the transcript's id")


def _run(args: argparse.Namespace) -> int:
    out = text_out()
    if args.action == "import":
        from model.tm import import_tmx, read_tmx

        read_tmx(Path(args.target))  # refused before the database is opened
        store = open_store(args, create=True)
        try:
            _event, added = import_tmx(store, Path(args.target))
        finally:
            store.close()
        print(f"{added} translation units added from {args.target}", file=out)
        return 0
    from cli.core import transcript_id
    from model.readmodel import load_transcript
    from model.tm import load_memory

    tid = transcript_id(args.target)
    store = open_store(args, create=False)
    try:
        memory = load_memory(store)
        view = load_transcript(store, tid)
    finally:
        store.close()
    count = 0
    for turn_no, turn in enumerate(view.turns, 1):
        for seg_no, seg in enumerate(turn.segments, 1):
            for s in memory.suggest(seg, limit=1):
                count += 1
                print(f"turn {turn_no}, segment {seg_no} [{s.lang}] {s.similarity:.0f}% "
                      f"({s.entry.author}, {s.entry.source}): {s.proposed}", file=out)
    print(counted(count, "suggestion"), file=out)
    return 0


def _check(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except ValueError as exc:
        raise TaiyakuError(str(exc)) from None


register_command("tm", "translation memory: import TMX, list suggestions from earlier corrections", _configure,
                 _check, "Suggestions from earlier corrections: 'import FILE' adds a TMX file's English/Japanese "
                 "units; 'suggest ID' lists, per segment, an earlier correction of a similar segment "
                 "(similarity >= 75%) with its author.")
