"""A read-only view of Markdown notes that never follows a link by itself.

Notes are untrusted text: they are rendered by ``model.notes.render_note``
(Markdown, then nh3) and shown in a QTextBrowser with link following turned
off. Clicking a link only copies its address and says so; the app never opens
a network connection.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTextBrowser, QWidget


class NoteView(QTextBrowser):
    """Sanitized HTML of notes; ``linkClicked(url)`` reports a click, nothing is opened."""

    linkClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.anchorClicked.connect(self._on_anchor)

    def _on_anchor(self, url: QUrl) -> None:
        # Harmless: keep the view where it is, copy the address for the user to judge.
        text = url.toString()
        QGuiApplication.clipboard().setText(text)
        self.linkClicked.emit(text)

    def loadResource(self, type_: int, name: QUrl | str) -> None:
        """Never load anything a note refers to (images, style sheets): offline and safe."""
        return None
