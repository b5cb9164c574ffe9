"""``taiyaku import``, ``list`` and ``export``: transcripts in and out of the database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cli.core import db_path, format_table, open_store, register_command, text_out, transcript_id, transcript_rows
from model.errors import ImportRefused, NotFound, TaiyakuError

# -- import --------------------------------------------------------------------

def _configure_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", type=Path, help="a plain-text bilingual transcript")
    p.add_argument("--title", help="the transcript's title (default: from the file)")


def _run_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.exists():
        raise NotFound(f"{path}: no such file")
    if path.is_dir():
        raise NotFound(f"{path} is a folder, not a transcript file")
    store = open_store(args, create=True)
    try:
        from model.importer import import_file

        try:
            tid = import_file(store, path, title=args.title)
        except ImportRefused as exc:  # say which file: the user may import many in a script
            message = str(exc)
            raise ImportRefused(message if path.name in message else f"{path}: {message}") from None
        row = next((r for r in transcript_rows(store) if r[0] == tid), None)
    finally:
        store.close()
    out = text_out()
    if row is not None:
        print(f"imported {row[1]!r}: {row[2]} turns, {row[3]} segments, into {db_path(args)}", file=out)
    print(tid, file=out)
    return 0


# -- list ----------------------------------------------------------------------

def _configure_list(p: argparse.ArgumentParser) -> None:
    del p  # only --db


def _run_list(args: argparse.Namespace) -> int:
    out = text_out()
    path = db_path(args)
    if not path.exists():
        print(f"no transcripts yet (no database at {path})", file=out)
        return 0
    store = open_store(args, create=False)
    try:
        rows = transcript_rows(store)
    finally:
        store.close()
    if not rows:
        print(f"no transcripts yet in {path}", file=out)
        return 0
    for line in format_table(("id", "title", "turns", "segments"), rows, (True, False, True, True)):
        print(line, file=out)
    return 0


# -- export --------------------------------------------------------------------

def _configure_export(p: argparse.ArgumentParser) -> None:
    from model.export import load_builtin_exporters

    exporters = load_builtin_exporters()
    p.add_argument("ids", metavar="ID", type=transcript_id, nargs="+",
                   help="the transcript's id (see 'list'); several: one file each in the folder OUT")
    p.add_argument("--format", "-f", choices=sorted(exporters), metavar="FORMAT",
                   help="one of: " + "; ".join(f"{e.name} ({e.description})" for e in exporters.values())
                   + ". Default: from OUT's extension")
    p.add_argument("-o", "--output", metavar="OUT", type=Path,
                   help="the file to write (written whole or not at all), or a folder: one file per "
                        "transcript, named from its title; default: standard output")
    p.add_argument("--original", action="store_true", help="the text as imported, without corrections")
    p.add_argument("--lang", choices=("en", "ja", "both"), default="both", help="which language(s) (default: both)")
    p.add_argument("--clean", action="store_true", help="a reading copy: no gap or flag annotations")
    p.add_argument("--approved-only", action="store_true", help="only segments a reviewer approved")
    p.add_argument("--layout", choices=("interleaved", "side-by-side"), default="interleaved",
                   help="md, html, docx: paragraphs one after the other, or a bilingual table")
    p.add_argument("--gap-text-en", metavar="TEXT",
                   help="write every unresolved English gap as TEXT (default: the marker as transcribed, "
                        "'(inaudible)' where there is none)")
    p.add_argument("--gap-text-ja", metavar="TEXT", help="the same for Japanese (default '(聞き取れない)')")
    p.add_argument("--report-format", choices=("md", "html", "csv"), default=None,
                   help="the change report's format (with --format report; default: from OUT's extension, "
                        "else md). -o report.csv alone writes the report as CSV")


def _choose_format(args: argparse.Namespace) -> tuple[str, dict[str, Any]]:
    """The format (``--format``, else OUT's extension) and the ``options.extra`` the extension implies."""
    from model.export import EXPORTERS, exporter_for_path

    to_file = args.output is not None and not args.output.is_dir()
    found = exporter_for_path(args.output, args.format) if to_file else None
    if found is not None:
        return found[0].name, found[1]
    if args.format:
        return str(args.format), {}
    raise TaiyakuError("choose a format with --format (" + "|".join(sorted(EXPORTERS)) + ")")


def export_options(args: argparse.Namespace, implied: dict[str, Any] | None = None) -> Any:
    """The ``ExportOptions`` the export command's arguments ask for.

    ``implied``: format settings OUT's extension implies (``_choose_format``); an
    explicit option (``--report-format``) wins over them.
    """
    from model.export import ExportOptions
    from model.export.walk import DEFAULT_GAP_TEXT

    gap_text = dict(DEFAULT_GAP_TEXT)
    chosen = {"en": getattr(args, "gap_text_en", None), "ja": getattr(args, "gap_text_ja", None)}
    gap_text.update({lang: text for lang, text in chosen.items() if text is not None})
    extra = dict(implied or {})
    if getattr(args, "report_format", None):  # said on the command line: wins over the extension
        extra["report_format"] = args.report_format
    extra.setdefault("report_format", "md")
    return ExportOptions(
        text="original" if args.original else "corrected",
        langs=("en", "ja") if args.lang == "both" else (args.lang,),
        annotations=not args.clean,
        approved_only=args.approved_only,
        gap_text=gap_text,
        keep_markers=all(text is None for text in chosen.values()),
        layout=getattr(args, "layout", "interleaved").replace("-", "_"),
        extra=extra,
    )


def _run_export(args: argparse.Namespace) -> int:
    from model.export import export_many, get_exporter

    name, implied = _choose_format(args)
    exporter = get_exporter(name)
    options = export_options(args, implied)
    ids: list[int] = list(dict.fromkeys(args.ids))
    to_folder = args.output is not None and (len(ids) > 1 or args.output.is_dir())
    if len(ids) > 1 and args.output is None:
        raise TaiyakuError("several transcripts need a folder to write into: -o FOLDER")
    if args.output is None and exporter.binary and sys.stdout.isatty():
        raise TaiyakuError(f"{exporter.name} is a binary format; write it to a file with -o OUT")
    store = open_store(args, create=False)
    try:
        if to_folder:
            for path in export_many(store, ids, exporter, options, args.output):
                print(f"wrote {path}", file=sys.stderr)
        elif args.output is not None:
            # Written as it is read, into a temporary file renamed at the end.
            exporter.write_file(store, ids[0], args.output, options)
            print(f"wrote {args.output}", file=sys.stderr)
        else:
            sys.stdout.flush()
            exporter.write(store, ids[0], options, sys.stdout.buffer)
            sys.stdout.buffer.flush()
    finally:
        store.close()
    return 0


register_command("import", "import a transcript file; prints its new id on the last line",
                 _configure_import, _run_import,
                 "Import a plain-text bilingual transcript (any common encoding). "
                 "Prints the new transcript's id alone on the last line.")
register_command("list", "list the transcripts in the database", _configure_list, _run_list,
                 "List the transcripts in the database: id, title, turns, segments.")
register_command("export", "export a transcript (json, txt, ...)", _configure_export, _run_export,
                 "Export one transcript. Files are written atomically: a failed export leaves no file.")
