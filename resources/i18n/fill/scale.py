"""Japanese for the strings the scale work added (issue 15): the Search dock and the library tools."""

JA = {
    ("Search", "original"): "原文",
    ("Search", "Search every transcript…"): "すべてのトランスクリプトを検索…",
    ("Search", "Regex"): "正規表現",
    ("Search", "Both languages"): "両言語",
    ("Search", "English"): "英語",
    ("Search", "Japanese"): "日本語",
    ("Search", "Searching…"): "検索中…",
    ("Search", "(the first %n are listed)"): "(最初の%n件を表示)",
    ("Search", "%n match(es)"): "%n件一致",
    ("Search", "No matches."): "一致なし。",
    ("Search", "Searching… %n match(es) so far"): "検索中… これまでに%n件",
    ("Search", "Search"): "検索",
    ("Search", "&Search library…"): "ライブラリを検索(&S)…",
    ("Search", "Search every transcript's original and corrected text, English and Japanese"):
        "すべてのトランスクリプトの原文と修正後の本文を英語・日本語で検索",
    ("Library", "Filter by title…"): "タイトルで絞り込み…",
    ("Library", "Imported"): "取り込み順",
    ("Library", "Title"): "タイトル",
    ("Library", "Date"): "日付",
    ("Library", "Progress"): "進捗",
    ("Library", "Sort the library"): "ライブラリの並べ替え",
    ("Library", "Reverse the order"): "逆順にする",
    ("Library", "&Open"): "開く(&O)",
    ("Library", "&Rename…"): "名前を変更(&R)…",
    ("Library", "&Delete…"): "削除(&D)…",
    ("Library", "Rename transcript"): "トランスクリプトの名前を変更",
    ("Library", "Title:"): "タイトル:",
    ("Library", "Delete transcript"): "トランスクリプトを削除",
    ("Library", "Delete “{title}” ({n} segments) with all its corrections, gaps and flags?\n\n"
                "A complete copy (JSON) is saved first in {folder}."):
        "「{title}」({n}セグメント)を、すべての修正・欠落・フラグとともに削除しますか?\n\n"
        "削除の前に完全なコピー(JSON)を {folder} に保存します。",
    ("Library", "Deleted “{title}”; a copy is in {path}"): "「{title}」を削除しました。コピーは {path} にあります",
    ("StartupFrame", "Opening {name}…"): "{name} を開いています…",
    ("StartupFrame", "Opening…"): "開いています…",
    ("StartupFrame", "Opening the database…"): "データベースを開いています…",
    # gui/review/findings_panel.py, gui/review/qa_runner.py (the checks in a thread of their own)
    ("FindingsPanel", "{findings}, checking…"): "{findings}、チェック中…",
    ("QaRunner", "The checks stopped: {message}"): "チェックが止まりました: {message}",
    # gui/review/qa_worker.py (the checks in a process of their own)
    ("QaWorker", "their process ended unexpectedly ({how})"): "チェックのプロセスが予期せず終了しました ({how})",
}
