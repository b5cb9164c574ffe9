"""Fill translations into a Qt .ts file from a Python table: ``{(context, source): translation}``.

    python tools/fill_translations.py resources/i18n/taiyaku_ja.ts table.py [--overwrite]

``table.py`` defines ``JA`` (or ``TRANSLATIONS``). Only entries still
unfinished are filled unless ``--overwrite``; prints what is left untranslated.
A convenience for translators working in text; Qt Linguist edits the same file.
"""

from __future__ import annotations

import argparse
import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def fill(ts: Path, table: dict[tuple[str, str], str], overwrite: bool = False) -> list[tuple[str, str]]:
    """Write the translations into ``ts``; returns (context, source) pairs still unfinished."""
    tree = ET.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            tr = message.find("translation")
            if tr is None:
                tr = ET.SubElement(message, "translation")
            done = tr.get("type") not in ("unfinished", "vanished", "obsolete") and (tr.text or "")
            if (name, source) in table and (overwrite or not done):
                tr.text = table[(name, source)]
                tr.attrib.pop("type", None)
            elif not done:
                missing.append((name, source))
    with ts.open("wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ts", type=Path)
    parser.add_argument("table", type=Path)
    parser.add_argument("--overwrite", action="store_true")
    args = parser.parse_args(argv)
    names = runpy.run_path(str(args.table))
    table = names.get("JA") or names.get("TRANSLATIONS") or {}
    missing = fill(args.ts, table, args.overwrite)
    for name, source in missing:
        print(f"untranslated: [{name}] {source!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
