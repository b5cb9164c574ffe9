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
}
