"""``taiyaku glossary import FILE | export FILE | list``: the database's glossary (termbase).

Import reads CSV/TSV (header ``en,ja,forbidden_ja,note``, variants separated by ``|`` or ``;``)
or TBX, checks the whole file first and refuses it in one line (nothing imported) if anything
is wrong; otherwise it is one change (one undo step in the window). Export writes CSV, TSV or
TBX (from the file's extension, or ``--format``) atomically.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.core import db_path, format_table, open_store, register_command, text_out
from model.errors import TaiyakuError


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=("import", "export", "list"), help="what to do with the glossary")
    p.add_argument("file", metavar="FILE", type=Path, nargs="?", help="the file to import or export")
    p.add_argument("--format", "-f", choices=("csv", "tsv", "tbx"), default=None,
                   help="file format (default: from the file's extension, else CSV)")


def _run(args: argparse.Namespace) -> int:
    from model.glossary.entries import import_terms, list_terms, records_of
    from model.glossary.exchange import format_of, read_glossary_file, render_glossary

    out = text_out()
    if args.action in ("import", "export") and args.file is None:
        raise TaiyakuError(f"glossary {args.action} needs a FILE")
    if args.action == "import":
        records = read_glossary_file(args.file)  # checked whole before the database is opened
        store = open_store(args, create=True)
        try:
            result = import_terms(store, records, source=args.file.name)
        finally:
            store.close()
        print(f"{result.added} added, {result.updated} updated, {result.unchanged} unchanged "
              f"({len(records)} entries in {args.file})", file=out)
        return 0
    if args.action == "list" and not db_path(args).exists():
        print("the glossary is empty (no database yet)", file=out)
        return 0
    store = open_store(args, create=False)
    try:
        terms = list_terms(store)
    finally:
        store.close()
    if args.action == "export":
        from model.export import write_atomic

        fmt = args.format or format_of(args.file)
        written = write_atomic(args.file, render_glossary(records_of(terms), fmt))
        print(f"{len(terms)} entries written to {written}", file=out)
        return 0
    if not terms:
        print("the glossary is empty", file=out)
        return 0
    rows = [(t.en, t.ja, " | ".join(t.forbidden), t.note.replace("\n", " ")[:40]) for t in terms]
    for line in format_table(("English", "Japanese", "not", "note"), rows, (False,) * 4):
        print(line, file=out)
    return 0


register_command("glossary", "import, export or list the glossary (termbase)", _configure, _run,
                 "The glossary shared by everyone using the database. 'import FILE' adds or updates entries "
                 "from CSV/TSV (header en,ja,forbidden_ja,note; variants separated by | or ;) or TBX; "
                 "'export FILE' writes CSV, TSV or TBX; 'list' prints the entries.")
