"""Japanese UI strings of the export dialog (context ``Export``), built into a .qm.

Finds every ``tr("...")`` in ``gui/export_dialog.py`` (three arguments: a ``%n``
plural), writes ``resources/i18n/export_ja.ts`` with the translations below
and compiles it with ``pyside6-lrelease`` to ``export_ja.qm``. Exits with
status 1 and lists any string without a translation.
Run: ``python tools/export_translations.py``
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
CONTEXT = "Export"
SOURCES = [ROOT / "gui" / "export_dialog.py"]

JA = {
    "Web page (HTML)": "ウェブページ(HTML)",
    "Word document (.docx)": "Word文書(.docx)",
    "Markdown": "Markdown",
    "Plain text (source layout)": "テキスト(元の体裁)",
    "Translation memory (TMX)": "翻訳メモリ(TMX)",
    "JSON (everything)": "JSON(すべての情報)",
    "Change report": "変更レポート",
    "&Export…": "書き出し…(&E)",
    "Export": "書き出し",
    "Tick every transcript to export; several go into one folder":
        "書き出す記録にチェックを入れてください。複数の場合は一つのフォルダーに書き出します",
    "Transcripts": "記録",
    "Options": "オプション",
    "&Format:": "形式(&F):",
    "&Report as:": "レポートの形式(&R):",
    "&Corrected": "修正後(&C)",
    "&Original (as imported)": "原文(取り込んだまま)(&O)",
    "Text:": "本文:",
    "&Languages:": "言語(&L):",
    "Interleaved paragraphs": "段落を交互に",
    "Side by side (table)": "左右に並べる(表)",
    "La&yout:": "レイアウト(&Y):",
    "Show &annotations (gaps, flags)": "注釈を表示(聞き取れない箇所・フラグ)(&A)",
    "Off: a clean reading copy": "オフ: 注釈のない読みやすい版",
    "Only a&pproved segments": "承認済みの段落のみ(&P)",
    "&Keep gap markers as transcribed": "聞き取れない箇所の記号を書き起こしのまま残す(&K)",
    "Off: every unresolved gap is written as the text below":
        "オフ: 未解決の聞き取れない箇所はすべて下の文字列で書き出します",
    "Unresolved gap (English):": "未解決の箇所(英語):",
    "Unresolved gap (Japanese):": "未解決の箇所(日本語):",
    "Preview (first page)": "プレビュー(最初のページ)",
    "The first %n segments.": "最初の%n段落。",
    "(No preview for a transcript this long in this format.)": "(この形式では、これほど長い記録のプレビューは表示しません。)",
    "Export failed": "書き出しに失敗しました",
    "Export transcripts as text, Markdown, HTML, Word, JSON, TMX or a change report":
        "記録をテキスト・Markdown・HTML・Word・JSON・TMX・変更レポートとして書き出す",
    "Spreadsheet (CSV)": "表計算(CSV)",
    "English and Japanese": "英語と日本語",
    "English only": "英語のみ",
    "Japanese only": "日本語のみ",
    "&Export %n transcripts…": "%n件の記録を書き出し…(&E)",
    "Nothing to preview: the library is empty.": "プレビューするものがありません: ライブラリが空です。",
    "Export to": "書き出し先",
    "Export into folder": "書き出し先のフォルダー",
    "Cancel": "キャンセル",
    "Close": "閉じる",
    "Export cancelled; nothing half-written was left.": "書き出しを中止しました。書きかけのファイルは残っていません。",
    "Export cancelled": "書き出しを中止しました",
    "A Word document is laid out like this page, with Word's styles.":
        "Word文書はこのページと同じ構成で、Wordのスタイルを使って作られます。",
    "The beginning of the file.": "ファイルの先頭部分。",
    "Wrote %n file(s).": "%n個のファイルを書き出しました。",
    "Exporting {title}…": "{title}を書き出し中…",
}


def source_strings() -> list[tuple[str, bool]]:
    """(text, plural) of every ``tr("...")`` literal, in order of first appearance."""
    seen: list[tuple[str, bool]] = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                entry = (node.args[0].value, len(node.args) >= 3)
                if entry not in seen:
                    seen.append(entry)
    return seen


def main() -> int:
    strings = source_strings()
    missing = [s for s, _ in strings if s not in JA]
    out = ROOT / "resources" / "i18n"
    out.mkdir(parents=True, exist_ok=True)
    ts = out / "export_ja.ts"
    messages = []
    for text, plural in strings:
        if text not in JA:
            continue
        if plural:
            messages.append(f'    <message numerus="yes">\n        <source>{escape(text)}</source>\n'
                            f"        <translation><numerusform>{escape(JA[text])}</numerusform></translation>\n"
                            "    </message>\n")
        else:
            messages.append(f"    <message>\n        <source>{escape(text)}</source>\n"
                            f"        <translation>{escape(JA[text])}</translation>\n    </message>\n")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ja_JP">\n'
                  f"<context>\n    <name>{CONTEXT}</name>\n{''.join(messages)}</context>\n</TS>\n", encoding="utf-8")
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    print(f"wrote {ts.relative_to(ROOT)} and {ts.with_suffix('.qm').name}: {len(strings) - len(missing)} strings")
    for text in missing:
        print(f"untranslated: {text!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
