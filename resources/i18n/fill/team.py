"""Japanese for the strings of issue #17 (team): the "theirs / mine / both" conflict dialog.

Applied with ``python tools/update_translations.py --fill resources/i18n/fill/team.py``.
"""

JA = {
    ("Annotate", "Someone else changed this text"): "他の人がこのテキストを変更しました",
    ("Annotate", "%1 changed this segment while you were editing it. Nothing was overwritten."):
        "編集中に %1 さんがこのセグメントを変更しました。何も上書きされていません。",
    ("Annotate", "Theirs: %1\nYours: %2"): "相手の版: %1\nあなたの版: %2",
    ("Annotate", "Keep theirs"): "相手の版を残す",
    ("Annotate", "Use mine"): "自分の版を使う",
    ("Annotate", "Keep both for review"): "両方を残してレビューへ",
    ("Annotate", "Their text stays; yours is kept as a competing correction"):
        "相手の版がそのまま残り、あなたの版は対立する修正として保存されます",
    ("Annotate", "Your text replaces theirs; theirs stays in the history"):
        "あなたの版で置き換えます。相手の版は履歴に残ります",
    ("Annotate", "Their text stays; yours is kept and the segment is flagged for a reviewer"):
        "相手の版が残り、あなたの版も保存され、セグメントにレビュー用のフラグが付きます",
}
