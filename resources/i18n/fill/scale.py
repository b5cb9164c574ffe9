"""Japanese for the strings the scale work added (issue 15): the Search dock."""

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
}
