"""Spelling in the in-place editor: red wavy underlines under English words not in the dictionary
(the ``spelling`` check's rules) and, on right-click, suggestions and "Add to dictionary".

Attached from outside the editor: the helpers watch the panes' viewports for a new editor
(``ChildAdded``, looked at once the editor is built), so the annotation feature's editor needs no knowledge of spelling.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QContextMenuEvent, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from gui.helpers.names import tr
from model.qa.spelling import WORD, suggestions, unknown_words


class SpellHighlighter(QSyntaxHighlighter):
    """Red wavy underlines under the misspelled words of each block."""

    def __init__(self, document: QTextDocument, extra: Callable[[], set[str]]) -> None:
        super().__init__(document)
        self.extra = extra
        self.verdicts: dict[str, bool] = {}
        self.fmt = QTextCharFormat()
        self.fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.fmt.setUnderlineColor(QColor("#d32f2f"))

    def forget(self) -> None:
        """The dictionary changed: look every word up again."""
        self.verdicts.clear()
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        for m in unknown_words(text, [], self.extra(), self.verdicts):
            self.setFormat(m.start(), m.end() - m.start(), self.fmt)


class SpellingForEditors(QObject):
    """Gives every English in-place editor a highlighter and a spelling context menu."""

    def __init__(self, parent: QObject, extra: Callable[[], set[str]], add_word: Callable[[str], object]) -> None:
        super().__init__(parent)
        self.extra = extra
        self.add_word = add_word
        self.highlighters: list[SpellHighlighter] = []

    def watch(self, viewport: QObject) -> None:
        """Attach to the editors that will open over this viewport."""
        viewport.installEventFilter(self)

    def attach(self, editor: QPlainTextEdit) -> SpellHighlighter:
        """Underline ``editor``'s misspellings and offer corrections on right-click."""
        highlighter = SpellHighlighter(editor.document(), self.extra)
        self.highlighters.append(highlighter)
        highlighter.destroyed.connect(lambda *_a, h=highlighter: self._forget_highlighter(h))
        editor.installEventFilter(self)
        return highlighter

    def _attach_new(self, viewport: QObject) -> None:
        try:
            editors = viewport.findChildren(QPlainTextEdit)
        except RuntimeError:  # the pane is gone
            return
        for editor in editors:
            if getattr(editor, "lang", None) == "en" and not editor.property("taiyaku_spelling"):
                editor.setProperty("taiyaku_spelling", True)
                self.attach(editor)

    def _forget_highlighter(self, highlighter: SpellHighlighter) -> None:
        if highlighter in self.highlighters:
            self.highlighters.remove(highlighter)

    def dictionary_changed(self) -> None:
        """Words were added: underline again."""
        for h in list(self.highlighters):
            try:
                h.forget()
            except RuntimeError:  # its editor is gone
                self._forget_highlighter(h)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildAdded:
            # Sent from the child's QObject constructor: what it is shows once it is built.
            # (PySide's wrapper for it is a bare QObject then): look for it among the children after.
            QTimer.singleShot(0, lambda w=watched: self._attach_new(w))
        elif event.type() == QEvent.Type.ContextMenu and isinstance(watched, QPlainTextEdit) \
                and isinstance(event, QContextMenuEvent):
            self.context_menu(watched, event)
            return True
        return super().eventFilter(watched, event)

    def word_at(self, editor: QPlainTextEdit, cursor: QTextCursor) -> QTextCursor | None:
        """A cursor selecting the word at ``cursor`` if it is misspelled, else None."""
        block = cursor.block()
        at = cursor.position() - block.position()
        for m in unknown_words(block.text(), [], self.extra()):
            if m.start() <= at <= m.end():
                found = QTextCursor(block)
                found.setPosition(block.position() + m.start())
                found.setPosition(block.position() + m.end(), QTextCursor.MoveMode.KeepAnchor)
                return found
        return None

    def context_menu(self, editor: QPlainTextEdit, event: QContextMenuEvent) -> QMenu:
        """The editor's menu with suggestions and "Add to dictionary" first when on a misspelled word."""
        menu = editor.createStandardContextMenu(event.pos())
        word = self.word_at(editor, editor.cursorForPosition(event.pos()))
        if word is not None:
            text = word.selectedText()
            first = menu.actions()[0] if menu.actions() else None
            added = []
            for suggestion in suggestions(text):
                action = menu.addAction(suggestion)
                action.triggered.connect(lambda _c=False, w=word, s=suggestion: w.insertText(s))
                added.append(action)
            add = menu.addAction(tr("Add “{word}” to the dictionary").format(word=text))
            add.triggered.connect(lambda _c=False, t=text: self.add_word(t))
            added.append(add)
            if first is not None:  # before the standard entries (undo, cut, copy, ...)
                for action in added:
                    menu.insertAction(first, action)
                menu.insertSeparator(first)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())
        return menu


__all__ = ["WORD", "SpellHighlighter", "SpellingForEditors"]
