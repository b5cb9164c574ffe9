"""Japanese for the strings of issue #11 (trust): storage errors, backups, the note limit.

Applied with ``python tools/update_translations.py --fill resources/i18n/fill/trust.py``.
"""

JA = {
    ("Trust", "Another program is writing to this database; your text is kept, try again."):
        "別のプログラムがこのデータベースに書き込み中です。入力した文章は残っています。もう一度お試しください。",
    ("Trust", "Another program is writing to this database; nothing was changed, try again."):
        "別のプログラムがこのデータベースに書き込み中です。何も変更されていません。もう一度お試しください。",
    ("Trust", "The disk is full; your text is kept. Free some space and try again."):
        "ディスクがいっぱいです。入力した文章は残っています。空き容量を作ってからもう一度お試しください。",
    ("Trust", "The disk is full; nothing was changed. Free some space and try again."):
        "ディスクがいっぱいです。何も変更されていません。空き容量を作ってからもう一度お試しください。",
    ("Trust", "Your text could not be saved and is kept in the editor: {reason}"):
        "文章を保存できませんでした。エディターに残してあります: {reason}",
    ("Trust", "Waiting for another program to finish writing… ({seconds} s)"):
        "別のプログラムの書き込み終了を待っています…（{seconds} 秒）",
    ("Trust", "Another program is writing to this database; Taiyaku waits a few seconds for it."):
        "別のプログラムがこのデータベースに書き込み中です。Taiyaku は数秒間待ちます。",
    ("Trust", "Not saved"): "未保存",
    ("Trust", "The last change could not be written: {reason}"): "直前の変更を書き込めませんでした: {reason}",
    ("Trust", "Automatic backup failed: {reason}"): "自動バックアップに失敗しました: {reason}",
    ("Trust", "Restore from backup"): "バックアップから復元",
    ("Trust", "Restore from &backup…"): "バックアップから復元(&B)…",
    ("Trust", "Restore an automatic copy of this database into a new file"):
        "このデータベースの自動コピーを新しいファイルに復元します",
    ("Trust", "Taiyaku copies this database when it opens and closes and every {minutes} minutes of work, "
              "keeping the newest {keep}. A copy is restored into a new file; the open database is not "
              "changed."):
        "Taiyaku はこのデータベースを開くときと閉じるとき、作業中は {minutes} 分ごとにコピーし、"
        "新しいものから {keep} 個を残します。コピーは新しいファイルに復元され、"
        "開いているデータベースは変更されません。",
    ("Trust", "Taken"): "作成日時",
    ("Trust", "Transcripts"): "トランスクリプト数",
    ("Trust", "Size"): "サイズ",
    ("Trust", "When"): "時機",
    ("Trust", "&Restore into a new file…"): "新しいファイルに復元(&R)…",
    ("Trust", "&Back up now"): "今すぐバックアップ(&B)",
    ("Trust", "opened"): "開いたとき",
    ("Trust", "closed"): "閉じたとき",
    ("Trust", "while working"): "作業中",
    ("Trust", "by hand"): "手動",
    ("Trust", "Folder: {folder}"): "フォルダー: {folder}",
    ("Trust", "Back up"): "バックアップ",
    ("Trust", "Restore into a new file"): "新しいファイルに復元",
    ("Trust", "Taiyaku database (*.sqlite3)"): "Taiyaku データベース (*.sqlite3)",
    ("Trust", "Restored {count} transcripts into {path}. Open it in a new window?"):
        "{count} 件のトランスクリプトを {path} に復元しました。新しいウィンドウで開きますか？",
    ("FlagDialog", "This note has {count} characters; a note is limited to {limit}."):
        "このメモは {count} 文字あります。メモは {limit} 文字までです。",
}
