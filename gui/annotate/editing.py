"""In-place editing of a segment's text in either pane.

Double-click, Enter or F2 opens an editor over the row; Enter (or clicking
elsewhere) commits, Ctrl+Enter commits and edits the next segment,
Shift+Enter starts a new line, Esc cancels. The text is persisted only when
the edit is committed -- never on ``textChanged``, which fires on every
keystroke of a Japanese input method while the text is still being composed.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QFrame,
    QPlainTextEdit,
    QStyleOptionViewItem,
    QWidget,
)

from gui.annotate.common import tr
from gui.row_metrics import GUTTER, RIGHT
from gui.segment_delegate import SegmentDelegate

Index = QModelIndex | QPersistentModelIndex
Hint = QAbstractItemDelegate.EndEditHint


class SegmentEditor(QPlainTextEdit):
    """The editor over a row: plain text, committed by Enter, cancelled by Esc."""

    commitRequested = Signal(bool)  # True: then edit the next segment
    cancelRequested = Signal()

    def __init__(self, segment_id: int, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"segment_editor_{lang}")
        self.segment_id = segment_id
        self.lang = lang
        self.base_text = ""
        self.base_version: int | None = None  # the segment's version the text was read at (model.versions)
        self.setFrameShape(QFrame.Shape.Box)
        self.setTabChangesFocus(True)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.setToolTip(tr("Enter: save · Ctrl+Enter: save and edit the next segment · "
                                "Shift+Enter: new line · Esc: cancel"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods & Qt.KeyboardModifier.ShiftModifier:
            self.commitRequested.emit(bool(mods & Qt.KeyboardModifier.ControlModifier))
            return
        if key == Qt.Key.Key_Escape:
            self.cancelRequested.emit()
            return
        super().keyPressEvent(event)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        # Files dropped (or pasted) here are meant for the window: a recording to attach or a
        # transcript to import. Refusing them lets the drop travel on to the window.
        if source.hasUrls() and any(url.isLocalFile() for url in source.urls()):
            return False
        return super().canInsertFromMimeData(source)

    def span(self) -> tuple[int, int] | None:
        """The selected text (start, end), or None."""
        c = self.textCursor()
        return (c.selectionStart(), c.selectionEnd()) if c.hasSelection() else None

    def cursor_position(self) -> int:
        return self.textCursor().position()


class EditorHost(Protocol):
    """What the delegate asks of whoever runs the editing (the annotation feature)."""

    unsaved_text: dict[tuple[int, str], str]  # (segment, lang) -> typed text the database refused
    held_editor: SegmentEditor | None  # kept open while the "not saved" dialog has the focus

    def editor_opened(self, editor: SegmentEditor) -> None: ...
    def editor_cursor_moved(self, editor: SegmentEditor) -> None: ...
    def save_editor(self, editor: SegmentEditor) -> bool: ...  # False: not saved, the text stays
    def editor_closed(self, editor: SegmentEditor) -> None: ...
    def edit_next(self, lang: str) -> None: ...
    def segment_version(self, segment_id: int) -> int | None: ...  # model.versions: what a save is based on


class AnnotateDelegate(SegmentDelegate):
    """The panes' delegate with an in-place editor; ``feature`` is bound by ``bind_delegate``."""

    feature: EditorHost

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.closeEditor.connect(lambda editor, _hint=None: self.feature.editor_closed(editor))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.feature.held_editor:
            if event.type() == QEvent.Type.FocusIn:
                self.feature.held_editor = None  # back from the dialog: the usual rules again
            elif event.type() in (QEvent.Type.FocusOut, QEvent.Type.Hide):
                return False  # the "not saved" dialog took the focus: keep the editor and its text
        return super().eventFilter(watched, event)

    def createEditor(  # type: ignore[override]  # Qt takes None: no editor for this row
            self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget | None:
        seg = self.metrics.model.segment(index.row())
        if seg is None:
            return None
        editor = SegmentEditor(seg.id, self.lang, parent)
        editor.setFont(self.metrics.fonts[self.lang])
        editor.commitRequested.connect(lambda nxt, e=editor: self._commit(e, nxt))
        editor.cancelRequested.connect(lambda e=editor: self.closeEditor.emit(e, Hint.RevertModelCache))
        editor.cursorPositionChanged.connect(lambda e=editor: self.feature.editor_cursor_moved(e))
        self.feature.editor_opened(editor)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, SegmentEditor)
        if editor is self.metrics.model.initiator:
            return  # its own edit coming back: it shows that text already
        seg = self.metrics.model.segment(index.row())
        text = (seg.corrected(self.lang) if seg is not None else None) or ""
        if text == editor.base_text or editor.document().isModified():
            return  # the row changed otherwise (a flag, a gap), or the annotator is typing: keep the editor
        editor.base_text = text
        editor.base_version = self.feature.segment_version(editor.segment_id)
        unsaved = self.feature.unsaved_text.get((editor.segment_id, editor.lang))
        editor.setPlainText(text if unsaved is None else unsaved)  # text that could not be saved comes back
        editor.document().setModified(unsaved is not None and unsaved != text)
        editor.moveCursor(QTextCursor.MoveOperation.End)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, SegmentEditor)
        self.feature.save_editor(editor)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        rect = QRect(option.rect)
        top = rect.top() + self.metrics.text_top(index.row()) - 4
        height = max(rect.bottom() - top - 2, editor.fontMetrics().height() * 2 + 12)
        editor.setGeometry(QRect(rect.left() + GUTTER - 6, top, rect.width() - GUTTER - RIGHT + 12, height))

    def _commit(self, editor: SegmentEditor, edit_next: bool) -> None:
        if not self.feature.save_editor(editor):
            editor.setFocus()  # not saved (the database was busy or full): the text stays in the editor
            return
        self.commitData.emit(editor)  # nothing left to save: closes the loop with the view
        self.closeEditor.emit(editor, Hint.NoHint)
        if edit_next:
            self.feature.edit_next(self.lang)


class EditKeys(QObject):
    """Enter on a pane opens the editor (F2 and double-click are the view's own triggers)."""

    def __init__(self, view: QAbstractItemView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():  # type: ignore[attr-defined]
                index = self.view.currentIndex()
                if index.isValid() and self.view.state() != QAbstractItemView.State.EditingState:
                    self.view.edit(index)
                    return True
        return False


def bind_delegate(feature: EditorHost) -> type[AnnotateDelegate]:
    """A delegate class bound to the feature (the panes instantiate it per language)."""
    return type("BoundAnnotateDelegate", (AnnotateDelegate,), {"feature": feature})
