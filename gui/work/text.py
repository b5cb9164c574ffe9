"""The translation function of team work's strings (context ``Work``, catalog ``work``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate a string of team work (context ``Work``)."""
    return QCoreApplication.translate("Work", text, disambiguation, n)
