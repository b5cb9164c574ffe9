"""Japanese UI strings of the annotation feature (context ``Annotate``), built into a .qm.

Finds every ``tr("...")`` in ``gui/annotate/*.py``, writes
``resources/i18n/annotate_ja.ts`` with the translations below and compiles it
with ``pyside6-lrelease`` to ``annotate_ja.qm``. Exits with status 1 and lists
any string that has no translation yet.
Run: ``python tools/annotate_translations.py``
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
CONTEXT = "Annotate"

JA = {
    "Nothing to change": "変更はありません",
    "(no category)": "(分類なし)",
    "Category of the selected correction": "選択した修正の分類",
    "Note on the selected correction (Enter to save)": "選択した修正へのメモ(Enterで保存)",
    "Describe correction": "修正の説明",
    "proposed": "提案",
    "accepted": "承認",
    "rejected": "却下",
    "reverted": "元に戻した",
    "mishearing": "聞き間違い",
    "mistranslation": "誤訳",
    "typo": "誤字",
    "style": "表現",
    "other": "その他",
    "Language": "言語",
    "Change": "変更",
    "Category": "分類",
    "Status": "状態",
    "By": "担当",
    "When": "日時",
    "Enter: save · Ctrl+Enter: save and edit the next segment · Shift+Enter: new line · Esc: cancel":
        "Enter: 保存 · Ctrl+Enter: 保存して次の段落へ · Shift+Enter: 改行 · Esc: 取り消し",
    "Corrections": "修正",
    "Gaps": "聞き取れない箇所",
    "Speakers": "話者",
    "Opened": "開いた時点",
    "History": "履歴",
    "&Annotate": "注釈(&A)",
    "&Edit segment text": "段落を編集(&E)",
    "Re&vert segment to original": "段落を原文に戻す(&V)",
    "&Accept correction": "修正を承認(&A)",
    "&Reject correction": "修正を却下(&R)",
    "&Mark selection inaudible": "選択範囲を聞き取れない箇所にする(&M)",
    "&Insert gap at cursor": "カーソル位置に聞き取れない箇所を挿入(&I)",
    "&Fill gap…": "聞き取れない箇所を埋める…(&F)",
    "&Change speaker of turn…": "発言の話者を変更…(&C)",
    "Re&name speaker…": "話者名を変更…(&N)",
    "S&plit segment at cursor": "カーソル位置で段落を分割(&P)",
    "Merge segment with &next": "次の段落と結合(&N)",
    "Move translation &up": "訳文を上へ移動(&U)",
    "Move translation &down": "訳文を下へ移動(&D)",
    "Split &turn here": "ここで発言を分割(&T)",
    "Merge turn with ne&xt": "次の発言と結合(&X)",
    "&Find…": "検索…(&F)",
    "Find and &replace…": "検索と置換…(&R)",
    "&History": "履歴(&H)",
    "&Corrected text": "修正後の本文(&C)",
    "C&hanges inline": "変更箇所を表示(&H)",
    "&Original text": "原文(&O)",
    "&Switch view mode": "表示を切り替え(&S)",
    "Edit text": "本文の編集",
    "Move translation down": "訳文を下へ移動",
    "Move translation up": "訳文を上へ移動",
    "Showing the corrected text": "修正後の本文を表示中",
    "Showing the changes inline": "変更箇所を表示中",
    "Showing the original text": "原文を表示中",
    "Who is annotating?": "注釈者の名前",
    "Your name is recorded with every change you make.\nYou can change it later in Edit > Preferences.":
        "すべての変更にあなたの名前が記録されます。\n後から[編集]>[設定]で変更できます。",
    "Edit the selected segment in place (also Enter or double-click; Esc cancels, Ctrl+Enter saves and goes on "
    "to the next segment)":
        "選択した段落をその場で編集(Enterやダブルクリックでも可。Escで取り消し、Ctrl+Enterで保存して次の段落へ)",
    "Mark the selected words as an inaudible gap (select them in the editor first)":
        "選択した語句を聞き取れない箇所にする(先に編集中の本文で選択してください)",
    "Insert an (inaudible) marker at the editor's cursor": "編集中のカーソル位置に(inaudible)の印を挿入",
    "Propose what was said in the selected gap": "選択した箇所で話された内容を提案",
    "Pick the speaker of the selected turn from the keyboard": "選択した発言の話者をキーボードで選ぶ",
    "Split the segment at the editor's cursor": "編集中のカーソル位置で段落を分割",
    "Start a new turn at the selected segment": "選択した段落から新しい発言を始める",
    "Switch between corrected text, changes inline and the original": "修正後の本文・変更箇所・原文を切り替え",
    "Select a segment first.": "先に段落を選択してください。",
    "Revert segment": "段落を原文に戻す",
    "Accept correction": "修正を承認",
    "Reject correction": "修正を却下",
    "Select the inaudible words in the editor first (F2 to edit).":
        "先に編集中の本文で聞き取れない語句を選択してください(F2で編集)。",
    "Mark gap": "聞き取れない箇所の指定",
    "Put the cursor where the gap is, in the editor (F2 to edit).":
        "編集中の本文で、聞き取れない箇所にカーソルを置いてください(F2で編集)。",
    "Insert gap": "聞き取れない箇所の挿入",
    "Put the cursor where the segment should be split, in the editor (F2).":
        "編集中の本文で、分割する位置にカーソルを置いてください(F2)。",
    "Split segment": "段落の分割",
    "Merge segments": "段落の結合",
    "Split turn": "発言の分割",
    "Merge turns": "発言の結合",
    "This segment has no correction to review.": "この段落には確認する修正がありません。",
    "Both languages": "両方の言語",
    "English": "英語",
    "Regular e&xpression": "正規表現(&X)",
    "&Match case": "大文字と小文字を区別(&M)",
    "Find:": "検索:",
    "Replace with:": "置換後:",
    "&Previous": "前へ(&P)",
    "&Next": "次へ(&N)",
    "&Replace": "置換(&R)",
    "Replace &all": "すべて置換(&A)",
    "Replace every match in the transcript, as one undo step": "記録全体の一致箇所をすべて置換(一度で元に戻せます)",
    "Close": "閉じる",
    "Replace": "置換",
    "Replace all": "すべて置換",
    "Find and replace": "検索と置換",
    "Find": "検索",
    "No match": "一致なし",
    "Match {n} of {total}": "{total}件中{n}件目",
    "No more matches": "これ以上一致はありません",
    "Replaced {n} matches (one undo step)": "{n}件を置換しました(一度で元に戻せます)",
    "Fill gap": "聞き取れない箇所を埋める",
    "the words you hear": "聞こえた語句",
    "&Certain": "確実(&C)",
    "&Best guess": "推測(&B)",
    "Cannot be &recovered": "復元できない(&R)",
    "Link gaps": "箇所を対応付け",
    "open": "未解決",
    "filled": "補完済み",
    "unrecoverable": "復元不可",
    "certain": "確実",
    "best guess": "推測",
    "Gap": "箇所",
    "Proposal": "提案",
    "Counterpart": "対応箇所",
    "Fill…": "埋める…",
    "Unrecoverable": "復元不可",
    "Reopen": "再開",
    "Link counterpart": "対応箇所と結ぶ",
    "Unlink": "対応を解除",
    "Remove": "削除",
    "This segment has no gap selected.": "この段落で聞き取れない箇所が選択されていません。",
    "Mark gap unrecoverable": "復元不可にする",
    "Reopen gap": "箇所を再開",
    "No gap in the other language is free to link with this one.": "もう一方の言語に対応付けられる箇所がありません。",
    "Unlink gap": "対応の解除",
    "Remove gap": "箇所の削除",
    "All gaps": "すべての箇所",
    "Open": "未解決",
    "Filled": "補完済み",
    "Turn": "発言",
    "{open} open of {total}": "{total}件中{open}件が未解決",
    "What was said at {marker}?": "{marker}の部分では何と言っていますか?",
    "Double-click to rename; the name applies to every turn, in both languages.":
        "ダブルクリックで名前を変更。名前は両言語のすべての発言に反映されます。",
    "Type a name, role or affiliation…": "名前・役割・所属を入力…",
    "Names from operator introductions": "オペレーターの紹介による名前の候補",
    "pending": "未決定",
    "dismissed": "却下",
    "Merge speakers": "話者の統合",
    "Split speaker": "話者の分割",
    "Rename speaker": "話者名の変更",
    "Edit speaker": "話者の編集",
    "Unknown speaker": "不明な話者",
    "Merge into…": "統合先を選ぶ…",
    "Merge the selected speaker into another: its turns move there": "選択した話者を別の話者に統合(発言が移ります)",
    "Split off turns": "発言を切り分ける",
    "Give the turns selected in the transcript to a new speaker": "記録で選択した発言を新しい話者に移す",
    "Suggested name": "候補の名前",
    "Affiliation": "所属",
    "Accept": "承認",
    "Dismiss": "却下",
    "Accept all": "すべて承認",
    "Dismiss all": "すべて却下",
    "Select the speaker to merge first.": "先に統合する話者を選択してください。",
    "Select a speaker here and some of their turns in the transcript.": "ここで話者を、記録でその話者の発言を選択してください。",
    "The selected turn has no speaker to rename: pick one first (Ctrl+Shift+S).":
        "選択した発言には話者がいません。先に話者を選んでください(Ctrl+Shift+S)。",
    "Select a suggestion first.": "先に候補を選択してください。",
    "Accept speaker suggestion": "話者の候補を承認",
    "Dismiss speaker suggestion": "話者の候補を却下",
    "Accept all speaker suggestions": "話者の候補をすべて承認",
    "Dismiss all speaker suggestions": "話者の候補をすべて却下",
    "Name": "名前",
    "Role": "役割",
    "Turns": "発言数",
    "Label": "表記",
    "Japanese label": "日本語の表記",
    "Merge {name} into…": "{name}の統合先…",
    "Speaker of turn {n}": "発言{n}の話者",
    "Change speaker of turn": "発言の話者の変更",
    "Name of {label} (every turn, both languages):": "{label}の名前(両言語のすべての発言):",
    "(name inaudible)": "(名前が聞き取れない)",
    "This session": "このセッション",
    "&Speakers panel": "話者パネル(&S)",
    "Show the speakers: names, roles, merge and split, suggestions": "話者を表示: 名前・役割・統合と分割・候補",
    "All &gaps": "すべての聞き取れない箇所(&G)",
    "Show every gap of the transcript with its status": "記録内のすべての聞き取れない箇所と状態を表示",
    "All changes": "すべての変更",
    "Action": "操作",
    "Details": "詳細",
    "undone": "取り消し済み",
}


def source_strings() -> list[str]:
    """Every ``tr("...")`` literal of gui/annotate, in order of first appearance."""
    seen: list[str] = []
    for path in sorted((ROOT / "gui" / "annotate").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str) and node.args[0].value not in seen):
                seen.append(node.args[0].value)
    return seen


def main() -> int:
    strings = source_strings()
    missing = [s for s in strings if s not in JA]
    out = ROOT / "resources" / "i18n"
    out.mkdir(parents=True, exist_ok=True)
    ts = out / "annotate_ja.ts"
    messages = "".join(
        f"    <message>\n        <source>{escape(s)}</source>\n"
        f"        <translation>{escape(JA[s])}</translation>\n    </message>\n"
        for s in strings if s in JA)
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ja_JP">\n'
                  f"<context>\n    <name>{CONTEXT}</name>\n{messages}</context>\n</TS>\n", encoding="utf-8")
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    print(f"wrote {ts.relative_to(ROOT)} and {ts.with_suffix('.qm').name}: {len(strings) - len(missing)} strings")
    for s in missing:
        print(f"untranslated: {s!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
