"""Japanese for the strings of issue #17 (team), part "teamwork": assignment and "my work",
opening other databases, live refresh.

Applied with ``python tools/update_translations.py --fill resources/i18n/fill/teamwork.py``.
"""

JA = {
    # The steps of a transcript's work: menus (Work) and History (History)
    ("Work", "Start work"): "作業を開始",
    ("Work", "Submit for review"): "レビューに提出",
    ("Work", "Take for review"): "レビューを引き受ける",
    ("Work", "Approve transcript"): "記録を承認",
    ("Work", "Reject (back to the annotator)…"): "差し戻す（アノテーターへ）…",
    ("Work", "Reject transcript"): "記録を差し戻す",
    ("Work", "What should the annotator fix?"): "アノテーターは何を直すべきですか？",
    ("Work", "Assign to…"): "担当者を割り当て…",
    ("Work", "Assign review to…"): "レビュー担当を割り当て…",
    ("Work", "Assign transcript"): "記録を割り当て",
    ("Work", "Assign review"): "レビューを割り当て",
    ("Work", "Person:"): "担当者:",
    ("Work", "My work"): "自分の作業",
    ("Work", "Only the transcripts I annotate or review and have not finished"):
        "自分がアノテーションまたはレビューを担当し、まだ終わっていない記録だけ",
    ("Work", "&Next transcript"): "次の記録(&N)",
    ("Work", "Open my next transcript: my assigned work first, else one nobody has"):
        "次の記録を開く: 割り当てられた作業を優先し、なければ未担当のもの",
    ("Work", "Nothing left: every transcript has someone on it"):
        "残りはありません: すべての記録に担当者がいます",
    ("Work", "Claim next transcript"): "次の記録を引き受ける",
    ("History", "Assign transcript"): "記録を割り当て",
    ("History", "Assign review"): "レビューを割り当て",
    ("History", "Start work"): "作業を開始",
    ("History", "Submit for review"): "レビューに提出",
    ("History", "Take for review"): "レビューを引き受ける",
    ("History", "Approve transcript"): "記録を承認",
    ("History", "Reject transcript"): "記録を差し戻す",
    ("History", "Claim next transcript"): "次の記録を引き受ける",
    # File > Open database… / Open recent (gui.work.databases)
    ("Work", "Open database"): "データベースを開く",
    ("Work", "A database file, or postgresql://user@host:5432/name"):
        "データベースファイル、または postgresql://user@host:5432/name",
    ("Work", "File…"): "ファイル…",
    ("Work", "Only for a server; never saved"): "サーバーの場合のみ。保存されません",
    ("Work", "Taiyaku databases (*.sqlite3 *.sqlite *.db);;All files (*)"):
        "Taiyaku データベース (*.sqlite3 *.sqlite *.db);;すべてのファイル (*)",
    ("Work", "Database:"): "データベース:",
    ("Work", "Password:"): "パスワード:",
    ("Work", "Open &database…"): "データベースを開く(&D)…",
    ("Work", "Work on another database: a file, or a team's server"):
        "別のデータベースで作業する: ファイル、またはチームのサーバー",
    ("Work", "Open &recent"): "最近使ったデータベース(&R)",
    ("Work", "The database open now"): "現在開いているデータベース",
    ("Work", "This file is gone (moved or deleted)"): "このファイルはありません（移動または削除されました）",
    ("Work", "Clear the list"): "一覧を消去",
    ("Work", "Taiyaku cannot open the database"): "Taiyaku はデータベースを開けません",
    ("Work", "Your text could not be saved, so this database stays open; the text is kept in the editor."):
        "テキストを保存できなかったため、このデータベースを開いたままにします。テキストはエディタに残っています。",
    ("Work", "Some typed text has not been saved yet, so this database stays open: edit the segment again "
             "and save it first."):
        "まだ保存されていない入力テキストがあるため、このデータベースを開いたままにします。"
        "先にそのセグメントをもう一度編集して保存してください。",
    # The library's work columns
    ("LibraryModel", "Assigned"): "割り当て済み",
    ("LibraryModel", "In progress"): "作業中",
    ("LibraryModel", "Submitted"): "提出済み",
    ("LibraryModel", "In review"): "レビュー中",
    ("LibraryModel", "Approved"): "承認済み",
    ("LibraryModel", "State"): "状態",
    ("LibraryModel", "Sent back by the reviewer: {note}"): "レビュー担当者からの差し戻し: {note}",
    ("LibraryModel", "Assignee"): "担当者",
    ("LibraryModel", "Where the work on the transcript stands"): "この記録の作業の状況",
    ("LibraryModel", "Who has the work: the annotator, or the reviewer once it is submitted"):
        "作業の担当者: アノテーター、提出後はレビュー担当者",
}
