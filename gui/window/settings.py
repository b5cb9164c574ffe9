"""UI settings (QSettings: window geometry, last transcript, zoom, language, annotator name).
Nothing about transcripts lives here: that is in the database. The Preferences dialog is in
``gui.preferences.dialog`` (its widgets' types are not needed before the start-up frame)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from model.paths import default_annotator_name


def app_settings() -> QSettings:
    """The user's settings for Taiyaku."""
    return QSettings("Taiyaku", "Taiyaku")


def db_key(db_path: str) -> str:
    """A settings key for per-database values (paths may hold characters QSettings dislikes)."""
    import hashlib  # here: OpenSSL's start (~3 ms) is not on the start-up frame's way

    return hashlib.sha1(db_path.encode("utf-8")).hexdigest()[:16]


def annotator_name(settings: QSettings) -> str:
    """The annotator's name from the settings, else the system user name."""
    return str(settings.value("annotator/name", "") or default_annotator_name())


def last_transcript(settings: QSettings, db_path: str) -> int | None:
    """The transcript shown last in the database at ``db_path`` (None: none, or not a number)."""
    value = settings.value(f"last_transcript/{db_key(db_path)}")
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
