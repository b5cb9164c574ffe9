"""Japanese UI strings of the review feature (gui/review), built into resources/i18n/review_ja.qm.

Reads every ``self.tr("...")`` (context: the enclosing class),
``QCoreApplication.translate("Ctx", "...")`` and ``_t("...")`` (context
``Review``) in ``gui/review/*.py`` with ``ast``, writes ``review_ja.ts`` with the
translations in ``tools/review_ja.py`` and compiles it with
``pyside6-lrelease``. Exits with status 1 and lists strings without a
translation. Run: ``python tools/review_translations.py``
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from review_ja import JA  # noqa: E402


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def source_strings() -> list[tuple[str, str, bool]]:
    """(context, source text, plural) for every translatable literal, in order of first appearance."""
    found: list[tuple[str, str, bool]] = []

    def visit(node: ast.AST, context: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                func = child.func
                entry = None
                if isinstance(func, ast.Attribute) and func.attr == "tr" and child.args:
                    text = _literal(child.args[0])
                    if text is not None:
                        entry = (context, text, len(child.args) >= 3)
                elif isinstance(func, ast.Attribute) and func.attr == "translate" and len(child.args) >= 2:
                    ctx, text = _literal(child.args[0]), _literal(child.args[1])
                    if ctx and text is not None:
                        entry = (ctx, text, len(child.args) >= 4)
                elif isinstance(func, ast.Name) and func.id == "_t" and child.args:
                    text = _literal(child.args[0])
                    if text is not None:
                        entry = ("Review", text, False)
                if entry and entry not in found:
                    found.append(entry)
            visit(child, context)

    for path in sorted((ROOT / "gui" / "review").glob("*.py")):
        visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return found


def main() -> int:
    strings = source_strings()
    missing = sorted({text for _c, text, _p in strings if text not in JA})
    out = ROOT / "resources" / "i18n"
    out.mkdir(parents=True, exist_ok=True)
    ts = out / "review_ja.ts"
    contexts: dict[str, list[str]] = {}
    for context, text, plural in strings:
        if text not in JA:
            continue
        if plural:
            body = (f'    <message numerus="yes">\n        <source>{escape(text)}</source>\n'
                    f"        <translation><numerusform>{escape(JA[text])}</numerusform></translation>\n"
                    "    </message>\n")
        else:
            body = (f"    <message>\n        <source>{escape(text)}</source>\n"
                    f"        <translation>{escape(JA[text])}</translation>\n    </message>\n")
        contexts.setdefault(context, []).append(body)
    xml = "".join(f"<context>\n    <name>{escape(c)}</name>\n{''.join(m)}</context>\n" for c, m in contexts.items())
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ja_JP">\n'
                  f"{xml}</TS>\n", encoding="utf-8")
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    print(f"wrote {ts.relative_to(ROOT)} and {ts.with_suffix('.qm').name}: "
          f"{len(strings) - len(missing)} of {len(strings)} strings")
    for text in missing:
        print(f"untranslated: {text!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
