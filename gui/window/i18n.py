"""The UI language: Taiyaku's own translations and Qt's, following the system or the settings.

The one place that installs translators: the window's catalog and every feature's
(``resources/i18n/*_<lang>.qm``; in English only ``plurals_en.qm``, the forms of counts), at
start-up and when the annotator picks another language (``gui.window.language_switch`` then
rebuilds the window in it)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)
UI_LANGUAGES = ("system", "en", "ja")
_installed: list[QTranslator] = []
_language = "en"


def current_language() -> str:
    """The UI language installed by ``install_translators`` ('en' or 'ja')."""
    return _language


def i18n_dir() -> Path:
    """The folder holding ``taiyaku_<lang>.qm``."""
    try:
        from model.resources import resource_path

        return resource_path("i18n")
    except Exception:  # resources module absent or folder missing: the source checkout layout
        return Path(__file__).resolve().parents[2] / "resources" / "i18n"


def resolve_language(choice: str | None) -> str:
    """'en' or 'ja' for a setting ('system', 'en', 'ja' or None)."""
    if choice in ("en", "ja"):
        return choice
    return "ja" if QLocale.system().name().lower().startswith("ja") else "en"


def install_translators(app: QCoreApplication, choice: str | None = None) -> str:
    """Load the translators for the chosen UI language; returns the language in use."""
    global _language
    for old in _installed:
        app.removeTranslator(old)
        old.deleteLater()  # children of the app: they would pile up, one set per switch
    _installed.clear()
    lang = resolve_language(choice)
    _language = lang
    folder = i18n_dir()
    if lang == "en":  # the source texts, but for the plural forms of counts ("1 match", "12 matches")
        plurals = QTranslator(app)
        if plurals.load("plurals_en", str(folder)):
            app.installTranslator(plurals)
            _installed.append(plurals)
        return lang
    # The window's strings first, then every feature's (annotate_ja.qm, review_ja.qm, ...):
    # one decision about the language for the whole app.
    names = [f"taiyaku_{lang}"] + sorted(p.stem for p in folder.glob(f"*_{lang}.qm") if p.stem != f"taiyaku_{lang}")
    for name in names:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("no translation %s in %s", name, folder)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return lang
