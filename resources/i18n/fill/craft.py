"""Japanese for the strings issue 12 (craft) added or moved (tools/update_translations.py --fill)."""

JA = {
    # AppContext.run is the one undo path now (was gui.annotate.common.run_op, context Annotate).
    ("AppContext", "Nothing to change"): "変更はありません",
}
