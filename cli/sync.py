"""``taiyaku checkout`` and ``taiyaku sync``: take a transcript of a shared database out to work
offline, and send the work back.

    taiyaku checkout ID --from URL --to FILE.sqlite3
    taiyaku sync FILE.sqlite3 [--from URL] [--no-refresh]

The file is an ordinary Taiyaku database: open it in the window (``--db FILE.sqlite3``) or use it
with any command. ``sync`` sends its operations back in order (overlapping edits are kept as
competing corrections with a "conflict" flag for the reviewer; see docs/team.md) and then makes
the file a fresh copy of the server's transcript. Running it twice sends nothing the second time.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.core import db_argument, register_command, text_out, transcript_id


def _configure_checkout(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=transcript_id, metavar="ID", help="the transcript on the server (see: taiyaku list)")
    p.add_argument("--from", dest="source", type=db_argument, required=True, metavar="URL",
                   help="the shared database: postgresql://USER@HOST[:PORT]/NAME (or a file)")
    p.add_argument("--to", dest="target", type=Path, required=True, metavar="FILE",
                   help="the new SQLite file to work in offline (must not exist)")


def _run_checkout(args: argparse.Namespace) -> int:
    from model.sync.takeout import checkout

    copied = checkout(args.source, args.id, args.target)
    rows = copied.rows
    print(f"checked out transcript {args.id} to {args.target}: {rows.get('segment', 0)} segments, "
          f"{rows.get('correction', 0)} corrections, {rows.get('flag', 0)} flags, {rows.get('change_event', 0)} "
          f"changes of history (server change {copied.base_event}); send your work back with: "
          f"taiyaku sync {args.target}", file=text_out())
    return 0


def _configure_sync(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, metavar="FILE", help="a file made by taiyaku checkout")
    p.add_argument("--from", dest="source", type=db_argument, default=None, metavar="URL",
                   help="the server, if not the one the file came from (e.g. with a password)")
    p.add_argument("--no-refresh", action="store_true",
                   help="send only; do not make the file a fresh copy of the server's transcript")


def _run_sync(args: argparse.Namespace) -> int:
    from model.sync.takeout import sync

    report = sync(args.file, str(args.source) if args.source is not None else None, refresh=not args.no_refresh)
    out = text_out()
    print(report.summary(), file=out)
    for line in report.refused:
        print(f"  refused: {line}", file=out)
    for line in report.notes:
        print(f"  note: {line}", file=out)
    return 0


register_command("checkout", "copy a transcript of a shared database to a file, to work offline",
                 _configure_checkout, _run_checkout)
register_command("sync", "send a checked-out file's work back to its server (and refresh the file)",
                 _configure_sync, _run_sync)
