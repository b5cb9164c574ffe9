"""Refresh the UI translations: every catalog's .ts from the sources, then lrelease to .qm.

    python tools/update_translations.py [--no-release] [--fill TABLE.py [--overwrite]]

The translations live in the ``.ts`` files of ``resources/i18n`` (edit them with Qt
Linguist, ``pyside6-linguist``, or any editor: fill ``<translation>`` and drop
``type="unfinished"``); ``gui.window.i18n`` loads every ``*_ja.qm`` of that folder.

- ``taiyaku_ja.ts``: the window's strings, ``pyside6-lupdate`` over ``gui/`` (contexts that a
  feature's catalog holds are left to it).
- ``annotate_ja.ts``, ``review_ja.ts``, ``export_ja.ts``: a feature's strings. Features
  translate through a module alias (``tr("...")`` in context ``Annotate``) that lupdate
  cannot place, so their sources are read with ``ast``: ``self.tr`` (context: the class),
  ``QCoreApplication.translate("Ctx", ...)`` and the alias; translations already in the
  file are kept, new strings are added unfinished, strings gone from the code are dropped.

- ``plurals_en.ts``: English has no catalog of its own, but a string with a count (``%n``) needs
  one for its plural forms ("1 match", "12 matches"): made from every catalog's ``%n`` strings
  and the forms in ``resources/i18n/fill/plurals_en.py``; loaded when the UI speaks English.

``--fill`` writes translations from a Python table ``JA = {(context, source): text}``
(or ``{source: text}``) into the unfinished entries. Exits with status 1 and lists the
strings of the features' catalogs that still have no translation.
"""

from __future__ import annotations

import argparse
import ast
import os
import runpy
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("ja",)
# catalog -> (sources, module alias function, its context)
FEATURES: dict[str, tuple[list[str], str, str]] = {
    "annotate": (["gui/annotate"], "tr", "Annotate"),
    "review": (["gui/review"], "_t", "Review"),
    "export": (["gui/export_dialog.py", "gui/export_form.py"], "tr", "Export"),
    "search": (["gui/search_panel.py"], "tr", "Search"),
    "library": (["gui/library_tools.py"], "tr", "Library"),
    "startup": (["gui/window/startup_frame.py"], "tr", "StartupFrame"),
    "trust": (["gui/window/storage_errors.py", "gui/backups.py"], "tr", "Trust"),
    "audio": (["gui/audio"], "tr", "Audio"),
    "helpers": (["gui/helpers"], "tr", "Helpers"),
    "work": (["gui/work"], "tr", "Work"),
    "takeout": (["gui/takeout.py"], "tr", "Takeout"),
}
Entry = tuple[str, str, bool]  # context, source text, plural (%n)


def tool(name: str) -> str:
    """The path of a Qt tool that comes with PySide6 (next to this Python, else on PATH)."""
    found = shutil.which(name, path=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    if not found:
        raise SystemExit(f"{name} not found: it comes with PySide6 (pip install PySide6-Essentials)")
    return found


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        path = ROOT / p
        out.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return out


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def source_strings(catalog: str) -> list[Entry]:
    """(context, source, plural) of every translatable literal of a feature, in order of appearance."""
    paths, alias, alias_context = FEATURES[catalog]
    found: list[Entry] = []

    def visit(node: ast.AST, context: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call) and child.args:
                func, entry = child.func, None
                if isinstance(func, ast.Attribute) and func.attr == "tr" and _literal(child.args[0]) is not None:
                    entry = (context, _literal(child.args[0]), len(child.args) >= 3)
                elif isinstance(func, ast.Attribute) and func.attr == "translate" and len(child.args) >= 2:
                    ctx, text = _literal(child.args[0]), _literal(child.args[1])
                    if ctx and text is not None:
                        entry = (ctx, text, len(child.args) >= 4)
                elif isinstance(func, ast.Name) and func.id == alias and _literal(child.args[0]) is not None:
                    entry = (alias_context, _literal(child.args[0]), len(child.args) >= 3)
                if entry and entry not in found:
                    found.append(entry)  # type: ignore[arg-type]
            visit(child, context)

    for path in _files(paths):
        visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return found


def read_ts(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the ``<translation>`` element of every message of ``ts``."""
    out: dict[tuple[str, str], ET.Element] = {}
    if ts.exists():
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                tr = message.find("translation")
                if tr is not None:
                    out[(name, message.findtext("source") or "")] = tr
    return out


def is_finished(tr: ET.Element | None) -> bool:
    """Whether a ``<translation>`` holds a finished translation."""
    if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    return bool("".join(tr.itertext()).strip())


def write_ts(ts: Path, lang: str, entries: list[Entry], old: dict[tuple[str, str], ET.Element]) -> None:
    """Write ``entries`` to ``ts``, keeping the translations ``old`` has for them."""
    root = ET.Element("TS", version="2.1", language=f"{lang}_JP" if lang == "ja" else lang)
    contexts: dict[str, ET.Element] = {}
    for context, text, plural in entries:
        ctx = contexts.get(context)
        if ctx is None:
            ctx = contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = context
        message = ET.SubElement(ctx, "message", numerus="yes") if plural else ET.SubElement(ctx, "message")
        ET.SubElement(message, "source").text = text
        previous = old.get((context, text))
        if previous is not None and is_finished(previous):
            message.append(previous)
        else:
            tr = ET.SubElement(message, "translation", type="unfinished")
            if plural:
                ET.SubElement(tr, "numerusform")
    _save(ET.ElementTree(root), ts)


def _save(tree: ET.ElementTree, ts: Path) -> None:
    # lupdate's layout (contexts at the margin, plural forms inline): small diffs between runs.
    root = tree.getroot()
    root.text = "\n"
    for context in root:
        ET.indent(context, space="    ")
        context.tail = "\n"
        for tr in context.iter("translation"):
            if len(tr):
                tr.text = None
                for form in tr:
                    form.tail = None
    with ts.open("wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")


def drop_contexts_kept_elsewhere(ts: Path) -> int:
    """Remove from ``ts`` the contexts (classes) that another .ts of the same language holds."""
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
    _save(tree, ts)
    return len(dropped)


def fill(ts: Path, table: dict, overwrite: bool = False) -> int:  # type: ignore[type-arg]
    """Write translations from ``table`` ({(context, source) or source: text}) into ``ts``; returns how many."""
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            text = table.get((name, source), table.get(source))
            tr = message.find("translation")
            if text is None or tr is None or (is_finished(tr) and not overwrite):
                continue
            tr.attrib.pop("type", None)
            forms = tr.findall("numerusform")
            if forms:
                for form in forms:
                    form.text = text
            else:
                tr.text = text
            filled += 1
    _save(tree, ts)
    return filled


def write_english_plurals(forms: dict[str, tuple[str, str]]) -> list[str]:
    """Write ``plurals_en.ts`` for every ``%n`` string of the Japanese catalogs, with its English
    forms from ``forms`` ({source: (one, other)}); returns the sources that have none."""
    root = ET.Element("TS", version="2.1", language="en")
    missing: list[str] = []
    contexts: dict[str, ET.Element] = {}
    for ts in sorted(I18N.glob("*_ja.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                if message.get("numerus") != "yes":
                    continue
                if source not in forms:
                    missing.append(f"plurals_en.ts [{name}] {source!r}")
                    continue
                ctx = contexts.get(name)
                if ctx is None:
                    ctx = contexts[name] = ET.SubElement(root, "context")
                    ET.SubElement(ctx, "name").text = name
                out = ET.SubElement(ctx, "message", numerus="yes")
                ET.SubElement(out, "source").text = source
                tr = ET.SubElement(out, "translation")
                for form in forms[source]:
                    ET.SubElement(tr, "numerusform").text = form
    _save(ET.ElementTree(root), I18N / "plurals_en.ts")
    return missing


def main(argv: list[str] | None = None) -> int:
    """Update every catalog (and lrelease unless --no-release); 1 when a feature string is untranslated."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-release", action="store_true", help="update the .ts files only")
    parser.add_argument("--fill", type=Path, help="a Python file defining JA = {(context, source): text}")
    parser.add_argument("--overwrite", action="store_true", help="--fill replaces finished translations too")
    args = parser.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    table = runpy.run_path(str(args.fill)).get("JA", {}) if args.fill else {}
    missing: list[str] = []
    for lang in LANGUAGES:
        for catalog in FEATURES:
            ts = I18N / f"{catalog}_{lang}.ts"
            write_ts(ts, lang, source_strings(catalog), read_ts(ts))
        ts = I18N / f"taiyaku_{lang}.ts"
        sources = [str(p.relative_to(ROOT)) for p in _files(["gui"])]
        subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "relative", *sources,
                        "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, check=True)
        drop_contexts_kept_elsewhere(ts)
        for ts in sorted(I18N.glob(f"*_{lang}.ts")):
            if table:
                print(f"{ts.name}: filled {fill(ts, table, args.overwrite)}")
            if not args.no_release:
                subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                               check=True)
            untranslated = [f"{ts.name} [{c}] {s!r}" for (c, s), tr in read_ts(ts).items() if not is_finished(tr)]
            if ts.stem.split("_")[0] in FEATURES:
                missing += untranslated
            elif untranslated:
                print(f"{ts.name}: {len(untranslated)} strings to translate")
    plurals = runpy.run_path(str(I18N / "fill" / "plurals_en.py"))["EN"]
    missing += write_english_plurals(plurals)
    if not args.no_release:
        ts = I18N / "plurals_en.ts"
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    for line in missing:
        print(f"untranslated: {line}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
