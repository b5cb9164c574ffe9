"""The annotation feature: in-place editing, view modes, corrections, gaps, speakers,
find and replace, alignment, history. Installed through ``gui.features``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from gui.annotate.feature import AnnotateFeature
    from gui.context import AppContext
    from gui.main_window import MainWindow


def install(window: MainWindow, ctx: AppContext) -> AnnotateFeature:
    """Plug the annotation feature into the main window (kept as ``window.annotate``)."""
    from gui.annotate.feature import AnnotateFeature

    load_translation(str(window.settings.value("ui/language", "system")))
    feature = AnnotateFeature(window, ctx)
    window.annotate = feature  # type: ignore[attr-defined]
    return feature


_translator = None


def load_translation(choice: str | None) -> bool:
    """Install the feature's Japanese strings (``resources/i18n/annotate_ja.qm``) when the UI is Japanese."""
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
    if not translator.load("annotate_ja", str(i18n_dir())):
        return False
    app.installTranslator(translator)
    _translator = translator
    return True
