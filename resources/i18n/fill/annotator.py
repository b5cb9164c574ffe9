"""Japanese for the strings added by the annotator's-day work (issue 14); applied with
``python tools/update_translations.py --fill resources/i18n/fill/annotator.py``."""

JA = {
    # gui/gap_text.py
    ("GapText", "certain"): "確実",
    ("GapText", "best guess"): "推測",
    ("GapText", "Filled gap ({confidence}); transcribed as: {marker}"):
        "補った箇所（{confidence}）。書き起こしでは: {marker}",
    ("GapText", "Unrecoverable gap"): "聞き取り不能な箇所",
    ("GapText", "Open gap: not filled yet"): "未解決の箇所: まだ補っていません",
    # gui/theme.py
    ("Roles", "Unknown speaker"): "話者不明",
    ("Roles", "English"): "英語",
    # gui/annotate/feature.py
    ("Annotate", "Move Japanese &up"): "日本語を上へ移動(&U)",
    ("Annotate", "Move Japanese &down"): "日本語を下へ移動(&D)",
    ("Annotate", "Move English &up"): "英語を上へ移動(&U)",
    ("Annotate", "Move English &down"): "英語を下へ移動(&D)",
    ("Annotate", "Move Japanese up"): "日本語を上へ移動",
    ("Annotate", "Move Japanese down"): "日本語を下へ移動",
    ("Annotate", "Move English up"): "英語を上へ移動",
    ("Annotate", "Move English down"): "英語を下へ移動",
    # gui/annotate/find_replace_ui.py, replace_preview.py
    ("Annotate", "Invalid regular expression: {reason}"): "正規表現が正しくありません: {reason}",
    ("Annotate", "{n} replacements in {m} segments."): "{m} 段落で {n} 件を置換します。",
    ("Annotate", "{n} of these segments are approved: replacing resets their approval (they need review again)."):
        "このうち {n} 段落は承認済みです。置換すると承認が取り消されます（再レビューが必要です）。",
    ("Annotate", "Before"): "置換前",
    ("Annotate", "After"): "置換後",
    ("Annotate", "Approved"): "承認済み",
    ("Annotate", "yes — approval reset"): "はい — 承認を取り消し",
    # gui/annotate/row_status.py, extras.py
    ("Annotate", "&Row colours"): "行の色の見方(&R)",
    ("Annotate", "Row colours"): "行の色の見方",
    ("Annotate", "What the marks beside the rows and the gap colours mean"): "行の横の印と、聞き取れない箇所の色の意味",
    ("Annotate", "Open review flag (the number says how many)"): "未解決のレビューフラグ（数字は件数）",
    ("Annotate", "Edited: a correction changes the text"): "編集済み: 修正で本文が変わっています",
    ("Annotate", "An open inaudible gap"): "未解決の聞き取れない箇所",
    ("Annotate", "Gap, open"): "聞き取れない箇所（未解決）",
    ("Annotate", "Gap, filled (the words filled in; a ? marks a best guess)"):
        "聞き取れない箇所（補った語を表示。? は推測）",
    ("Annotate", "Gap, unrecoverable"): "聞き取れない箇所（聞き取り不能）",
    ("Annotate", "(inaudible)"): "(聞き取れない)",
    # gui/annotate/speakers_ui.py
    ("Annotate", "first in turn {n}: {text}"): "最初の発言 {n}: {text}",
    # gui/annotate/extras.py, filters.py
    ("Annotate", "Co&mment on segment…"): "段落にコメント(&M)…",
    ("Annotate", "Your own note on the selected segment (not a review flag); shown in the details, exported"):
        "選択した段落への自分用のメモ（レビューフラグではありません）。詳細に表示され、書き出しにも含まれます",
    ("Annotate", "Comment on segment"): "段落へのコメント",
    ("Annotate", "Your note on this segment (empty: no comment). Ctrl+Enter saves."):
        "この段落へのメモ（空にするとコメントなし）。Ctrl+Enter で保存します。",
    ("Annotate", "Comment"): "コメント",
    ("Annotate", "All rows"): "すべての行",
    ("Annotate", "Untranslated"): "未翻訳",
    ("Annotate", "Flagged"): "フラグあり",
    ("Annotate", "Not approved"): "未承認",
    ("Annotate", "With open gaps"): "未解決の聞き取れない箇所あり",
    ("Annotate", "With corrections"): "修正あり",
    ("Annotate", "With comments"): "コメントあり",
    ("Annotate", "Show &only"): "絞り込み表示(&O)",
    ("Annotate", "Show only some rows in both panes"): "両方のペインで一部の行だけを表示",
    ("Annotate", "Next open &gap"): "次の未解決の箇所(&G)",
    ("Annotate", "Go to the next open gap (wraps)"): "次の未解決の聞き取れない箇所へ（最後まで行くと先頭へ）",
    ("Annotate", "Previous open ga&p"): "前の未解決の箇所(&P)",
    ("Annotate", "Showing {n} of {total} segments: {filter}"): "{total} 段落のうち {n} 段落を表示中: {filter}",
    ("Annotate", "No open gaps in this transcript."): "この文字起こしには未解決の聞き取れない箇所はありません。",
    ("Annotate", "Open gap {n} of {total}"): "未解決の箇所 {n}/{total}",
    # gui/details.py
    ("SegmentDetails", "Comment"): "コメント",
    # gui/settings.py, gui/preferences/
    ("PreferencesDialog", "General"): "一般",
    ("PreferencesDialog", "Work"): "作業",
    ("PreferencesDialog", "Appearance"): "外観",
    ("PreferencesDialog", "Shortcuts"): "ショートカット",
    ("AppearancePage", "Follow the system"): "システムに合わせる",
    ("AppearancePage", "Light"): "ライト",
    ("AppearancePage", "Dark"): "ダーク",
    ("AppearancePage", "Appearance:"): "外観:",
    ("AppearancePage", "English text:"): "英語の本文:",
    ("AppearancePage", "日本語 text:"): "日本語の本文:",
    ("AppearancePage", "(the UI font)"): "（画面のフォント）",
    ("AppearancePage", "as zoomed"): "拡大率に従う",
    ("AppearancePage", " pt"): " pt",
    ("ShortcutsPage", "Command"): "コマンド",
    ("ShortcutsPage", "Shortcut"): "ショートカット",
    ("ShortcutsPage", "&Default"): "既定に戻す(&D)",
    ("ShortcutsPage", "New shortcut:"): "新しいショートカット:",
    ("ShortcutsPage", "{keys} is already the shortcut of “{command}”: choose another, or change that one first."):
        "{keys} は「{command}」のショートカットです。別のキーを選ぶか、先にそちらを変更してください。",
    ("WorkPage", "Your documents folder"): "ドキュメントフォルダー",
    ("WorkPage", "&Browse…"): "参照(&B)…",
    ("WorkPage", "Default export folder:"): "既定の書き出し先:",
    ("WorkPage", "Gap marker (English):"): "聞き取れない箇所の印（英語）:",
    ("WorkPage", "Gap marker (日本語):"): "聞き取れない箇所の印（日本語）:",
    ("WorkPage", " s"): " 秒",
    ("WorkPage", "How far the audio player jumps back"): "音声プレーヤーで巻き戻す秒数",
    ("WorkPage", "Rewind by:"): "巻き戻し:",
    ("WorkPage", "Default export folder"): "既定の書き出し先",
    # gui/review/flag_actions.py, flag_dialog.py
    ("FlagActions", "Approve"): "承認",
    ("FlagActions", "This segment has no translation. Press {keys} again to approve it anyway."):
        "この段落には翻訳がありません。それでも承認するには、もう一度 {keys} を押してください。",
    ("FlagDialog", "Ctrl+1 to Ctrl+{n} choose a category; Ctrl+Enter flags"):
        "Ctrl+1〜Ctrl+{n} で分類を選び、Ctrl+Enter でフラグを付けます",
}
