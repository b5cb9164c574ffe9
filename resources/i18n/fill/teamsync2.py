"""Japanese for the strings teamsync2 added to offline take-out and sync back (gui/takeout.py:
sync and checkout in a thread of their own, with progress).

Applied with ``python tools/update_translations.py --fill resources/i18n/fill/teamsync2.py``.
"""

JA = {
    ("Takeout", "Connecting to the server…"): "サーバーに接続しています…",
    ("Takeout", "&Stop after this change"): "この変更の後で停止(&S)",
    ("Takeout", "Syncing with the server…"): "サーバーと同期しています…",
    ("Takeout", "Stopping after the change being sent…"): "送信中の変更の後で停止します…",
    ("Takeout", "Sent {done} of {total} offline changes…"): "オフラインの変更 {total} 件中 {done} 件を送信しました…",
    ("Takeout", "All {total} offline changes sent; refreshing this file from the server…"):
        "オフラインの変更 {total} 件をすべて送信しました。サーバーからこのファイルを更新しています…",
    ("Takeout", "Sync stopped: {reason}. Nothing was lost: what was not sent stays in this file; "
                "sync again later."):
        "同期が止まりました: {reason}。失われたものはありません。送信されなかった変更はこのファイルに"
        "残っています。後でもう一度同期してください。",
    ("Takeout", "Sync stopped; nothing was lost."): "同期が止まりました。失われたものはありません。",
    ("Takeout", "Changes sent: {sent}. Kept as competing corrections (they overlapped the server's): "
                "{conflicts}; conflict flags for the reviewer: {flags}. Refused by the server: {refused}."):
        "送信した変更: {sent} 件。競合する修正として残したもの(サーバーの変更と重なったもの): {conflicts} 件、"
        "レビュー担当者向けの競合フラグ: {flags} 件。サーバーに拒否されたもの: {refused} 件。",
    ("Takeout", "Stopped after {done} of {total} offline changes: the rest stays in this file and is "
                "sent by the next sync."):
        "オフラインの変更 {total} 件中 {done} 件で停止しました。残りはこのファイルに残り、次の同期で送信されます。",
    ("Takeout", "Copying…"): "コピーしています…",
}
