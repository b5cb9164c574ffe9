"""Japanese for the strings of offline take-out and sync back (issue #17, gui/takeout.py).

Applied with ``python tools/update_translations.py --fill resources/i18n/fill/teamsync.py``.
"""

JA = {
    ("Takeout", "Check out for offline work"): "オフライン作業用にチェックアウト",
    ("Takeout", "Copies one transcript of a shared database, with its history, into a new file you can "
                "work in without the server. Sync now sends your work back; edits that overlap "
                "someone else's are kept for the reviewer."):
        "共有データベースの書き起こし1件を、履歴ごと新しいファイルにコピーします。サーバーがなくても"
        "作業できます。「今すぐ同期」で作業をサーバーに送り返します。ほかの人の編集と重なった編集は"
        "レビュー担当者のために残されます。",
    ("Takeout", "&Server:"): "サーバー(&S):",
    ("Takeout", "&Transcript number:"): "書き起こし番号(&T):",
    ("Takeout", "&Browse…"): "参照(&B)…",
    ("Takeout", "&New file:"): "新しいファイル(&N):",
    ("Takeout", "&Check out"): "チェックアウト(&C)",
    ("Takeout", "Check out into a new file"): "新しいファイルにチェックアウト",
    ("Takeout", "Taiyaku database (*.sqlite3)"): "Taiyaku データベース (*.sqlite3)",
    ("Takeout", "Give the server's address and a new file."):
        "サーバーのアドレスと新しいファイルを指定してください。",
    ("Takeout", "Check &out for offline work…"): "オフライン作業用にチェックアウト(&O)…",
    ("Takeout", "Copy a transcript of a shared database into a file to work offline"):
        "共有データベースの書き起こしをファイルにコピーして、オフラインで作業します",
    ("Takeout", "S&ync now"): "今すぐ同期(&Y)",
    ("Takeout", "Send the work of this checked-out file back to its server"):
        "チェックアウトしたこのファイルの作業を、元のサーバーに送り返します",
    ("Takeout", "Checked out into {path}. Open it in a new window?"):
        "{path} にチェックアウトしました。新しいウィンドウで開きますか?",
    ("Takeout", "Sync now"): "今すぐ同期",
    ("Takeout", "This database is not a checked-out file."):
        "このデータベースはチェックアウトしたファイルではありません。",
    ("Takeout", "{sent} changes sent; {conflicts} overlapping texts kept as competing corrections; "
                "{flags} conflict flags for the reviewer."):
        "{sent} 件の変更を送信しました。重なったテキスト {conflicts} 件は競合する修正として残し、"
        "レビュー担当者向けに競合フラグを {flags} 件立てました。",
    ("Takeout", "This file now holds the server's transcript."):
        "このファイルはサーバーの最新の書き起こしになりました。",
    ("Takeout", "This file was not refreshed (it changed meanwhile): sync again."):
        "このファイルは更新されませんでした(同期中に変更されたため)。もう一度同期してください。",
}
