"""Preferences beyond the annotator's name and the UI language, as settings others can read.

Every value lives in QSettings under a documented key; read them with the functions here
(never with a key spelled out elsewhere), so a default is defined once:

- ``player/rewind_seconds``: how far the player jumps back on every resume, 0-5 s (the
  listening feature reads it with ``rewind_seconds(settings)``);
- ``export/default_folder``: where the export dialog starts before any export was made;
- ``gaps/marker_en``, ``gaps/marker_ja``: the marker "Insert gap" writes;
- ``fonts/<lang>_family``, ``fonts/<lang>_size``: a pane's font (empty: the UI font);
- ``ui/appearance``: ``system``, ``light`` or ``dark``;
- ``shortcuts/<action key>``: a rebound shortcut (see ``gui.preferences.shortcuts``).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

REWIND_DEFAULT = 1.5  # seconds heard again on every resume
REWIND_MAX = 5.0
APPEARANCES = ("system", "light", "dark")


def _float(value: object, default: float) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def rewind_seconds(settings: QSettings) -> float:
    """Seconds the audio player jumps back on every resume (0 to 5; default 1.5)."""
    value = _float(settings.value("player/rewind_seconds", REWIND_DEFAULT), REWIND_DEFAULT)
    return min(REWIND_MAX, max(0.0, value))


def default_export_folder(settings: QSettings) -> str:
    """The folder the export dialog starts in before the first export ('' : the documents folder)."""
    return str(settings.value("export/default_folder", "") or "")


def gap_marker(settings: QSettings, lang: str) -> str:
    """The text "Insert gap" writes in ``lang`` (default ``(inaudible)`` / ``(聞き取れない)``)."""
    value = str(settings.value(f"gaps/marker_{lang}", "") or "").strip()
    if value:
        return value
    from model.ops.gaps import MARKERS  # the gap operations: not imported before the first paint

    return MARKERS[lang]


def font_choice(settings: QSettings, lang: str) -> tuple[str | None, float | None]:
    """(family, point size) chosen for a pane; None for each: the UI font, the zoomed size."""
    family = str(settings.value(f"fonts/{lang}_family", "") or "") or None
    size = _float(settings.value(f"fonts/{lang}_size", 0), 0.0)
    return family, (size if size > 0 else None)


def appearance(settings: QSettings) -> str:
    """``system``, ``light`` or ``dark``."""
    value = str(settings.value("ui/appearance", "system") or "system")
    return value if value in APPEARANCES else "system"


def apply_appearance(choice: str) -> None:
    """Light, dark or the system's palette for the whole app, at once (no environment variable)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QPalette
    from PySide6.QtWidgets import QApplication

    from gui.window.theme import dark_palette

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    hints = QGuiApplication.styleHints()
    scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(choice, Qt.ColorScheme.Unknown)
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+: the platform and style follow
        hints.setColorScheme(scheme)
    if choice == "dark":
        app.setPalette(dark_palette())
    elif choice == "light":
        app.setPalette(app.style().standardPalette())
    else:
        app.setPalette(QPalette())  # an empty palette: the platform's own again


def apply_to_window(window: object, settings: QSettings) -> None:
    """Apply the preferences that act at once to ``window`` (a MainWindow): appearance, pane fonts."""
    apply_appearance(appearance(settings))
    panes = getattr(window, "panes", None)
    if panes is not None:
        panes.metrics.set_font_choices({lang: font_choice(settings, lang) for lang in ("en", "ja")})
