"""Japanese for strings the integration of the second wave added (review vocabulary).

Applied with ``python tools/update_translations.py --fill resources/i18n/fill/integrator.py``.
"""

JA = {
    ("Review", "Conflict"): "競合",
    ("Review", "Spelling variants"): "表記ゆれ",
}
