"""Japanese for the importer's window strings (issue 13): applied with tools/update_translations.py --fill."""

JA = {
    ("ImportFlow", "Import: the source file"): "インポート：原文のファイル",
    ("ImportFlow", "Import: its translation"): "インポート：その翻訳のファイル",
    ("ImportFlow", "Transcripts (*.txt *.text);;All files (*)"):
        "トランスクリプト (*.txt *.text);;すべてのファイル (*)",
    ("ImportFlow", "paragraph and translation in turn"): "段落と訳文が交互",
    ("ImportFlow", "two blocks (one language, then the other)"): "二つのブロック（一方の言語の後にもう一方）",
    ("ImportFlow", "two files (source and translation)"): "二つのファイル（原文と翻訳）",
    ("ImportFlow", "Layout: {layout}; lead language: {lang}"): "レイアウト：{layout}、原文の言語：{lang}",
    ("ImportFlow", "English"): "英語",
    ("ImportFlow", "Japanese"): "日本語",
    ("ImportFlow", "{turns} turns, {speakers} speakers, {pairs} pairs, {untranslated} untranslated, "
                   "{gaps} gaps, {markers} markers"):
        "ターン {turns}、話者 {speakers}、対訳 {pairs}、未翻訳 {untranslated}、"
        "聞き取れない箇所 {gaps}、マーカー {markers}",
    ("ImportFlow", "{n} doubtful pairs: QA lists them as “check this pairing”"):
        "確信度の低い対訳 {n} 件：QA に「対訳の組み合わせを確認」として表示されます",
    ("ImportFlow", "Warning: {text}"): "注意：{text}",
    ("ImportFlow", "Import summary"): "インポートの概要",
    ("ImportFlow", "Import again?"): "もう一度インポートしますか？",
    ("ImportFlow", "{name} was imported before (“{title}”). Import it again as a new transcript?"):
        "{name} は以前インポートされています（「{title}」）。新しいトランスクリプトとしてもう一度インポートしますか？",
    ("MainWindow", "Import with &Translation File…"): "翻訳ファイルと一緒にインポート(&T)…",
    ("MainWindow", "Import a transcript and a second file holding its translation, aligned paragraph by paragraph"):
        "トランスクリプトとその翻訳のファイルをインポートし、段落ごとに対応付けます",
    ("Roles", "Omission"): "中略",
    ("Roles", "Reaction"): "反応",
    ("Roles", "Interpretation"): "通訳",
    ("Roles", "Crosstalk"): "クロストーク",
    ("Roles", "End"): "終了",
    ("Review", "Pairing"): "対訳の組み合わせ",
    ("Review", "check this pairing: the importer paired these paragraphs with confidence {confidence}"):
        "対訳の組み合わせを確認してください：インポート時の確信度は {confidence} です",
}
