"""``taiyaku stats ID | --all [--format text|json]``: a transcript's (or the database's) statistics."""

from __future__ import annotations

import argparse
import json

from cli.core import open_store, register_command, text_out, transcript_id
from model.errors import TaiyakuError


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="ID", type=transcript_id, nargs="?", help="the transcript's id (see 'list')")
    p.add_argument("--all", action="store_true", help="every transcript of the database together")
    p.add_argument("--format", "-f", choices=("text", "json"), default="text", help="output format (default: text)")


def _run(args: argparse.Namespace) -> int:
    from model.stats import format_stats, transcript_stats

    if (args.id is None) == (not args.all):
        raise TaiyakuError("give a transcript ID or --all")
    store = open_store(args, create=False)
    try:
        stats = transcript_stats(store, None if args.all else [args.id])
    finally:
        store.close()
    out = text_out()
    if args.format == "json":
        json.dump(stats, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for line in format_stats(stats):
            print(line, file=out)
    return 0


register_command("stats", "statistics of a transcript (or of all): size, progress, corrections, time spent",
                 _configure, _run,
                 "Segments, translated and untranslated, English words and Japanese characters, gaps, "
                 "corrections by category and annotator, flags, approval progress, and each annotator's "
                 "active editing time (from the change journal) and corrections per hour.")
