"""``taiyaku search PATTERN [--regex] [--lang en|ja] [--transcript ID]``: search the whole library.

Prints the hits grouped by transcript, each with where it is (turn.segment, language)
and the match in its context; ``[original]`` marks a hit only the imported text still
has (a correction changed it). Exit status 0 with hits, 1 with none (as grep).
"""

from __future__ import annotations

import argparse
import json

from cli import core as cli
from model.wording import counted

EXIT_NO_HITS = 1


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("pattern", metavar="PATTERN", help="text to find (any case; Japanese works as a substring)")
    p.add_argument("--regex", "-E", action="store_true", help="PATTERN is a regular expression")
    p.add_argument("--lang", choices=("en", "ja"), default=None, help="search one language only")
    p.add_argument("--transcript", "-t", type=cli.transcript_id, metavar="ID", default=None,
                   help="search one transcript only")
    p.add_argument("--limit", type=int, default=1000, metavar="N", help="show at most N hits (default 1000)")
    p.add_argument("--format", "-f", choices=("text", "json"), default="text", help="output format")


def _run(args: argparse.Namespace) -> int:
    from model.search import search

    store = cli.open_store(args, create=False)
    try:
        result = search(store, args.pattern, regex=args.regex,
                        langs=(args.lang,) if args.lang else ("en", "ja"),
                        transcript_id=args.transcript, limit=max(1, args.limit))
    finally:
        store.close()
    out = cli.text_out()
    if args.format == "json":
        rows = [{"transcript_id": h.transcript_id, "title": h.title, "segment_id": h.segment_id, "turn": h.turn,
                 "segment": h.segment, "lang": h.lang, "which": h.which, "before": h.before, "match": h.match,
                 "after": h.after} for h in result.hits]
        json.dump({"hits": rows, "truncated": result.truncated}, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0 if rows else EXIT_NO_HITS
    for tid, title, hits in result.by_transcript():
        print(f"#{tid} {title} ({len(hits)})", file=out)
        for h in hits:
            mark = " [original]" if h.which == "original" else ""
            context = f"{h.before}[{h.match}]{h.after}".replace("\n", " ")
            print(f"  {h.turn}.{h.segment} {h.lang}{mark}: {context}", file=out)
    more = " (more not shown: --limit)" if result.truncated else ""
    print(f"{counted(len(result.hits), 'hit')}{more}", file=out)
    return 0 if result.hits else EXIT_NO_HITS


cli.register_command("search", "search every transcript's original and corrected text", _configure, _run,
                     "Search the whole library (or one transcript) for a text or a regular expression, in "
                     "English and Japanese, original and corrected. Hits are grouped by transcript, each with "
                     "its turn.segment and context. Exit status 1 when nothing matches.")
