"""Keyboard-only dialogs: Ctrl+Enter accepts a dialog even from a multi-line text box."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QTextEdit


class CtrlEnterAccepts(QObject):
    """Installed on a dialog's text boxes: Ctrl+Enter accepts the dialog (Enter stays a new line)."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        for box in dialog.findChildren(QPlainTextEdit) + dialog.findChildren(QTextEdit):
            box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = event
            if isinstance(key, QKeyEvent) and key.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    key.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.dialog.accept()
                return True
        return super().eventFilter(watched, event)
