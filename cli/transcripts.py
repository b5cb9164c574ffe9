"""``taiyaku import``, ``list`` and ``export``: transcripts in and out of the database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cli.core import (
    PROG_NAME,
    db_path,
    format_table,
    open_store,
    register_command,
    text_out,
    transcript_id,
    transcript_rows,
)
from model.errors import ImportRefused, NotFound, TaiyakuError

# -- import --------------------------------------------------------------------

def _configure_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", metavar="FILE", type=Path, nargs="+",
                   help="plain-text bilingual transcripts, or folders of them (*.txt): one transcript each")
    p.add_argument("--translation", metavar="FILE", type=Path,
                   help="a second file holding the translation of FILE (aligned paragraph by paragraph)")
    p.add_argument("--title", help="the transcript's title (default: from the file)")


_SUFFIXES = (".txt", ".text")


def _expand(paths: list[Path]) -> list[Path]:
    """The files to import: each file as given, each folder's transcript files in name order."""
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise NotFound(f"{path}: no such file")
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in _SUFFIXES and p.is_file())
            if not found:
                raise NotFound(f"{path} is a folder without transcript files (*.txt)")
            files.extend(found)
        else:
            files.append(path)
    return files


def _run_import(args: argparse.Namespace) -> int:
    from model.importer.load import check_regular

    files = _expand(list(args.files))
    translation: Path | None = args.translation
    if translation is not None and len(files) != 1:
        raise ImportRefused("--translation pairs one file with its translation: give exactly one FILE")
    for path in [*files, *([translation] if translation is not None else [])]:
        check_regular(path)  # a FIFO would block the read forever: refuse before opening the database
    store = open_store(args, create=True)
    failed = 0
    out = text_out()
    try:
        for path in files:
            try:
                tid = _import_one(store, path, translation, args.title if len(files) == 1 else None)
            except ImportRefused as exc:  # say which file: the user may import many at once
                message = str(exc)
                message = message if path.name in message else f"{path}: {message}"
                if len(files) == 1:
                    raise ImportRefused(message) from None
                print(f"{PROG_NAME}: error: {message}", file=sys.stderr)
                failed += 1
                continue
            row = next((r for r in transcript_rows(store) if r[0] == tid), None)
            if row is not None:
                from model.db import display_url

                print(f"imported {row[1]!r}: {row[2]} turns, {row[3]} segments, "
                      f"into {display_url(db_path(args))}", file=out)
            print(tid, file=out)
    finally:
        store.close()
    return 2 if failed else 0


def _import_one(store: Any, path: Path, translation: Path | None, title: str | None) -> int:
    """Import one file (with its translation file), warning first if the same bytes were imported before."""
    from model.importer import ImportSummary, file_sha256, import_file, imported_before

    earlier = imported_before(store, file_sha256(path))
    if earlier:
        tid, name = earlier[-1]
        print(f"{PROG_NAME}: warning: {path} was imported before (transcript {tid}, {name!r}); "
              "importing it again as a new transcript", file=sys.stderr)
    summary = ImportSummary()
    tid = import_file(store, path, title=title, translation=translation, summary=summary)
    for line in summary.lines():
        print(f"{PROG_NAME}: {path.name}: {line}", file=sys.stderr)
    return tid


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
    p.add_argument("--timestamps", action="store_true",
                   help="txt, md, html, docx: start each paragraph with its time in the recording, [hh:mm:ss]")
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
    if getattr(args, "timestamps", False):
        extra["timestamps"] = True
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



register_command("import", "import transcript files or folders; prints each new id on a line of its own",
                 _configure_import, _run_import,
                 "Import plain-text bilingual transcripts (any common encoding), one transcript per file; a "
                 "folder imports its *.txt files. With --translation, FILE and its translation in a second "
                 "file become one transcript. Prints each new transcript's id alone on the last line of its "
                 "report; what the import found (layout, turns, pairs, ...) goes to stderr.")
register_command("list", "list the transcripts in the database", _configure_list, _run_list,
                 "List the transcripts in the database: id, title, turns, segments.")
register_command("export", "export a transcript (json, txt, ...)", _configure_export, _run_export,
                 "Export one transcript. Files are written atomically: a failed export leaves no file.")
