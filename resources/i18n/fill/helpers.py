"""Japanese for the strings of issue #18 (translator's helpers): glossary, proofing findings,
suggestions from earlier corrections, statistics.

Applied with ``python tools/update_translations.py --fill resources/i18n/fill/helpers.py``.
"""

JA = {
    ("HelpersFeature", "Glossary"): "用語集",
    ("HelpersFeature", "Suggestions"): "候補",
    ("HelpersFeature", "&Tools"): "ツール(&T)",
    ("HelpersFeature", "Add to &glossary…"): "用語集に追加(&G)…",
    ("HelpersFeature", "Add the selected words to the glossary"): "選択した語を用語集に追加します",
    ("HelpersFeature", "Apply &earlier correction"): "以前の修正を適用(&E)",
    ("HelpersFeature", "Apply the earlier correction of a similar segment shown under Suggestions"):
        "「候補」に表示された、似たセグメントの以前の修正を適用します",
    ("HelpersFeature", "&Statistics…"): "統計(&S)…",
    ("HelpersFeature", "Add to glossary"): "用語集に追加",
    ("HelpersFeature", "Add “{term}” to the glossary"): "「{term}」を用語集に追加",
    ("HelpersFeature", "Edit glossary entry"): "用語集の項目を編集",
    ("HelpersFeature", "nothing changed"): "変更はありません",
    ("HelpersFeature", "Edit glossary entry “{term}”"): "用語集の項目「{term}」を編集",
    ("HelpersFeature", "Delete “{term}” from the glossary"): "用語集から「{term}」を削除",
    ("HelpersFeature", "Import glossary"): "用語集を読み込む",
    ("HelpersFeature", "Glossaries (*.csv *.tsv *.tbx);;All files (*)"):
        "用語集 (*.csv *.tsv *.tbx);;すべてのファイル (*)",
    ("HelpersFeature", "the glossary already holds every entry of {file}"): "{file} の項目はすべて用語集にあります",
    ("HelpersFeature", "Import glossary {file}"): "用語集 {file} を読み込む",
    ("HelpersFeature", "Export glossary"): "用語集を書き出す",
    ("HelpersFeature", "CSV (*.csv);;TSV (*.tsv);;TBX (*.tbx)"): "CSV (*.csv);;TSV (*.tsv);;TBX (*.tbx)",
    ("HelpersFeature", "{n} glossary entries written to {file}"): "用語集の {n} 項目を {file} に書き出しました",
    ("HelpersFeature", "(not: {variants})"): "（不可: {variants}）",
    ("HelpersFeature", "No segment selected."): "セグメントが選択されていません。",
    ("HelpersFeature", "No earlier correction of a similar segment."): "似たセグメントの以前の修正はありません。",
    ("HelpersFeature", "{similarity}% similar · {author} · {source}"): "類似度 {similarity}% · {author} · {source}",
    ("HelpersFeature", "Ctrl+Alt+M applies it"): "Ctrl+Alt+M で適用",
    ("HelpersFeature", "No earlier correction to apply here"): "ここに適用できる以前の修正はありません",
    ("HelpersFeature", "Apply earlier correction"): "以前の修正を適用",
    ("EntryDialog", "variants not to use, separated by | or ;"): "使わない表記（| または ; で区切る）",
    ("EntryDialog", "English term"): "英語の用語",
    ("EntryDialog", "Approved Japanese"): "承認済みの訳語",
    ("EntryDialog", "Not to use"): "使わない表記",
    ("EntryDialog", "Note"): "メモ",
    ("GlossaryPanel", "Filter (English or Japanese)"): "絞り込み（英語または日本語）",
    ("GlossaryPanel", "English"): "英語",
    ("GlossaryPanel", "Japanese"): "日本語",
    ("GlossaryPanel", "Not to use"): "使わない表記",
    ("GlossaryPanel", "Note"): "メモ",
    ("GlossaryPanel", "Add…"): "追加…",
    ("GlossaryPanel", "Edit…"): "編集…",
    ("GlossaryPanel", "Delete"): "削除",
    ("GlossaryPanel", "Import…"): "読み込み…",
    ("GlossaryPanel", "Export…"): "書き出し…",
    ("Helpers", "full-width"): "全角",
    ("Helpers", "half-width"): "半角",
    ("Helpers", "“{term}” is rendered 「{variant}」; the glossary's approved term is 「{approved}」"):
        "「{term}」が「{variant}」と訳されています。用語集の訳語は「{approved}」です",
    ("Helpers", "“{term}”: the glossary's approved term 「{approved}」 is not in the Japanese"):
        "「{term}」: 用語集の訳語「{approved}」が日本語にありません",
    ("Helpers", "“{word}” is not in the dictionary: a name? Add it to the dictionary"):
        "「{word}」は辞書にありません。名前でしょうか？辞書に追加できます",
    ("Helpers", "“{word}” is not in the dictionary (did you mean {suggestions}?)"):
        "「{word}」は辞書にありません（{suggestions} の誤り？）",
    ("Helpers", "“{word}” is not in the dictionary"): "「{word}」は辞書にありません",
    ("Helpers", "{form} is written {preferred} (the preferred spelling)"):
        "{form} は {preferred} と書きます（優先表記）",
    ("Helpers", "digits"): "数字",
    ("Helpers", "Latin letters"): "英字",
    ("Helpers", "{what} written {second} here but {first} in {where}"):
        "{what}がここでは{second}、{where}では{first}です",
    ("Helpers", "「{second}」 here but 「{first}」 in {where}: one word written two ways"):
        "ここでは「{second}」、{where}では「{first}」: 表記ゆれです",
    ("Helpers", "turn {n}"): "ターン {n}",
    ("Helpers", "replace 「{old}」 with the approved term 「{new}」"): "「{old}」を用語集の訳語「{new}」に置き換える",
    ("Helpers", "replace “{old}” with “{new}”"): "「{old}」を「{new}」に置き換える",
    ("Helpers", "add “{word}” to the dictionary"): "「{word}」を辞書に追加",
    ("Helpers", "write {form} here"): "ここを {form} にする",
    ("Helpers", "write {form} everywhere (and prefer it from now on)"): "すべて {form} にする（今後もこの表記を優先）",
    ("HelpersFeature", "“{word}” is already in the dictionary"): "「{word}」はすでに辞書にあります",
    ("HelpersFeature", "Add “{word}” to the dictionary"): "「{word}」を辞書に追加",
    ("Helpers", "Add “{word}” to the dictionary"): "「{word}」を辞書に追加",
    ("StatsDialog", "Statistics"): "統計",
    ("StatsDialog", "All transcripts"): "すべての記録",
    ("StatsDialog", "No transcripts yet."): "記録はまだありません。",
    ("FindingsPanel", "Fix"): "修正",
    ("FindingsPanel", "Apply a correction the finding offers (one undo step)"):
        "指摘が示す修正を適用します（1 回で元に戻せます）",
    ("QaRunner", "nothing to change: the text already reads so"): "変更はありません: すでにその表記です",
}
