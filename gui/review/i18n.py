"""The review feature's Japanese strings (``resources/i18n/review_ja.qm``, built by
``tools/review_translations.py``)."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


_translator = None


def load_translation(choice: str | None) -> bool:
    """Install the review feature's Japanese strings (``resources/i18n/review_ja.qm``) when the UI is
    Japanese; remove them otherwise. Returns whether they are installed."""
    global _translator
    from PySide6.QtCore import QCoreApplication, QTranslator

    from gui.i18n import i18n_dir, resolve_language

    app = QCoreApplication.instance()
    if app is None:
        return False
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    if resolve_language(choice) != "ja":
        return False
    translator = QTranslator(app)
    if not translator.load("review_ja", str(i18n_dir())):
        log.warning("no review_ja.qm in %s", i18n_dir())
        return False
    app.installTranslator(translator)
    _translator = translator
    return True
