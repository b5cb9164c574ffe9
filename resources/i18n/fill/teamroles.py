"""Japanese for the strings added by the team-roles work (issue 17: ranges of turns); applied with
``python tools/update_translations.py --fill resources/i18n/fill/teamroles.py``."""

JA = {
    # gui/work/__init__.py
    ("Work", "Assign turns to…"): "発言の範囲を割り当て…",
    ("Work", "Assign turns"): "発言の範囲を割り当て",
    ("Work", "Turns (first-last, e.g. 10-40):"): "発言の範囲（最初-最後、例: 10-40）:",
    # gui/work/ranges.py
    ("Work", "Your turns in this transcript: {first}–{last}"): "この記録であなたの担当する発言: {first}–{last}",
    # gui/models/library_model.py
    ("LibraryModel", "{name} (turns {range})"): "{name}（発言 {range}）",
}
