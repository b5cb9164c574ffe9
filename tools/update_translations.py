"""Refresh the UI translations: lupdate over gui/ into resources/i18n/*.ts, then lrelease to .qm.

    python tools/update_translations.py [--no-release]

Strings of files that a feature keeps in its own ``.ts`` (``annotate_ja.ts``,
``review_ja.ts``, ...) are left to that file; ``gui.i18n`` loads every
``*_ja.qm`` of ``resources/i18n``. Run it after adding or changing UI strings, translate the new entries of
``resources/i18n/taiyaku_ja.ts`` (Qt Linguist: ``pyside6-linguist``, or any
editor: fill ``<translation>`` and drop ``type="unfinished"``), then run it
again to build the ``.qm`` files the app loads. Existing translations are kept.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("ja",)


def tool(name: str) -> str:
    """The path of a Qt tool that comes with PySide6 (next to this Python, else on PATH)."""
    found = shutil.which(name, path=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    if not found:
        raise SystemExit(f"{name} not found: it comes with PySide6 (pip install PySide6-Essentials)")
    return found


def sources() -> list[str]:
    """Every Python file under gui/ (relative paths: stable locations in the .ts)."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py"))


def drop_contexts_kept_elsewhere(ts: Path) -> int:
    """Remove from ``ts`` the contexts (classes) that another .ts of the same language holds."""
    import xml.etree.ElementTree as ET

    lang = ts.stem.rsplit("_", 1)[-1]
    elsewhere: set[str] = {""}  # "": tr() aliases of other modules, which lupdate cannot place
    for other in I18N.glob(f"*_{lang}.ts"):
        if other != ts:
            elsewhere |= {c.findtext("name") or "" for c in ET.parse(other).getroot().iter("context")}
    tree = ET.parse(ts)
    root = tree.getroot()
    dropped = [c for c in root.findall("context") if c.findtext("name") in elsewhere]
    for context in dropped:
        root.remove(context)
    with ts.open("wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
    return len(dropped)


def main(argv: list[str] | None = None) -> int:
    """Run lupdate (and lrelease unless --no-release); returns 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-release", action="store_true", help="update the .ts files only")
    args = parser.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        ts = I18N / f"taiyaku_{lang}.ts"
        subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "relative", *sources(),
                        "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, check=True)
        if ts.stem.startswith("taiyaku_"):
            print(f"{drop_contexts_kept_elsewhere(ts)} contexts are kept in the features' own .ts files")
        if not args.no_release:
            subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
