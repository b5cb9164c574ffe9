"""``taiyaku qa ID [--format text|json]``: print a transcript's QA findings.

Exit status 0 even when there are findings (they are information, not an
error); dismissed findings and those already turned into flags are left out
unless ``--all``.
"""

from __future__ import annotations

import argparse
import json

from cli import core as cli
from model.wording import counted


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="ID", type=cli.transcript_id, help="the transcript's id (see 'list')")
    p.add_argument("--format", "-f", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--all", action="store_true", help="include findings already dismissed or flagged")


def _run(args: argparse.Namespace) -> int:
    from model.qa.scan import iter_checks

    store = cli.open_store(args, create=False)
    try:
        # Printed as they are found: a 500,000-segment transcript is never held whole.
        found = iter_checks(store, args.id, include_settled=args.all)
        out = cli.text_out()
        if args.format == "json":
            first = True
            from model.qa.fixes import fixes_for

            for f in found:
                row = {"check": f.check, "turn": f.turn, "segment": f.segment, "lang": f.lang, "message": f.message,
                       "segment_id": f.segment_id, "key": f.key, "category": f.category, "params": dict(f.params),
                       "fixes": [x.to_dict() for x in fixes_for(f)]}
                # As json.dump(rows, indent=2) lays it out, a row at a time (strings hold no raw newlines).
                item = json.dumps(row, ensure_ascii=False, indent=2).replace("\n", "\n  ")
                out.write(("[\n  " if first else ",\n  ") + item)
                first = False
            out.write("[]\n" if first else "\n]\n")
            return 0
        count = 0
        for f in found:
            where = f"turn {f.turn}" + (f", segment {f.segment}" if f.segment is not None else "")
            lang = f" [{f.lang}]" if f.lang else ""
            print(f"{where}{lang}: {f.check}: {f.message}", file=out)
            count += 1
        print(counted(count, "finding"), file=out)
        return 0
    finally:
        store.close()


cli.register_command("qa", "run the QA checks on a transcript and print the findings", _configure, _run,
                     "Run the automatic QA checks (untranslated, empty_turn, unknown_speaker, gap_count, numbers, "
                     "redaction, speaker_label, glossary, spelling, variants) and print the findings. "
                     "Exit status 0 even with findings.")
