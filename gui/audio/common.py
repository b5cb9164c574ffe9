"""Shared by the audio feature's widgets: its translation context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    """Translate a string of the audio feature (context ``Audio``)."""
    return QCoreApplication.translate("Audio", text)
