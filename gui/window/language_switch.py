"""Switching the UI language while Taiyaku runs: new translators, then the window rebuilt in place.

Every string of the window and of its features is set when they are built, so
rather than teach each widget to translate itself again, the window is built
anew around the same ``AppContext`` (same store, same undo stack: the history
survives) and given what the annotator saw: geometry and dock layout, the
transcript, the selected segment and pane, the scroll position, the split
between the panes, the tabs and filters of the docks, an open find dialog.
An open in-place editor is saved first (one undo step, as when it closes).
Features install themselves on the new window through ``gui.window.features``;
connections of the old window's objects are cut when it is deleted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabWidget,
    QTextEdit,
    QUndoView,
    QWidget,
)

from gui.window.context import Selection
from gui.window.i18n import install_translators

if TYPE_CHECKING:  # pragma: no cover
    from gui.window.main_window import MainWindow

log = logging.getLogger(__name__)
_KEEP: set[QWidget] = set()  # rebuilt windows nobody else holds yet (a parentless widget dies with its wrapper)
Key = tuple[str, ...]


@dataclass
class WindowState:
    """What the annotator sees in a window, enough to show it again in another."""

    geometry: QByteArray
    state: QByteArray
    split: list[int]  # widths of the two panes
    transcript_id: int | None
    selection: Selection
    scroll: int
    fields: dict[Key, tuple[str, Any]] = field(default_factory=dict)  # widget path -> (kind, value)
    find: tuple[bool, dict[Key, tuple[str, Any]]] | None = None  # (replace shown, its fields)
    active_lang: str = "en"  # the pane the keyboard commands act on
    focus: Key | None = None  # the widget with the keyboard focus


def _path(widget: QWidget, top: QWidget) -> Key:
    """A widget's place under ``top``: object names, or class and rank among its siblings."""
    parts: list[str] = []
    w: QObject | None = widget
    while w is not None and w is not top:
        name = w.objectName()
        if not name:
            parent = w.parent()
            siblings = [c for c in parent.children() if type(c) is type(w)] if parent is not None else [w]
            name = f"{type(w).__name__}#{siblings.index(w)}"
        parts.append(name)
        w = w.parent()
    return tuple(reversed(parts))


def _inside(widget: QWidget, kinds: tuple[type, ...], top: QWidget) -> bool:
    w = widget.parentWidget()
    while w is not None and w is not top:
        if isinstance(w, kinds):
            return True
        w = w.parentWidget()
    return False


def _fields(top: QWidget) -> dict[Key, tuple[str, Any]]:
    """The values of the inputs under ``top``: filters, search texts, options, tabs, drafts, list positions."""
    from gui.panes import TranscriptPane

    out: dict[Key, tuple[str, Any]] = {}
    # Editors open in item views, and the parts of combo and spin boxes, are not inputs of their own;
    # dialogs (message boxes, the find dialog) are not the window's.
    skip = (QAbstractItemView, QComboBox, QAbstractSpinBox, QDialog)
    for w in top.findChildren(QWidget):
        if _inside(w, skip, top):
            continue
        if isinstance(w, QComboBox):
            out[_path(w, top)] = ("combo", (w.currentIndex(), w.currentData()))
        elif isinstance(w, QLineEdit) and not w.isReadOnly():
            out[_path(w, top)] = ("line", w.text())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)) and not w.isReadOnly():  # a reply being written
            out[_path(w, top)] = ("text", w.toPlainText())
        elif isinstance(w, (QCheckBox, QRadioButton)):  # not tool buttons: checking those runs actions
            out[_path(w, top)] = ("check", w.isChecked())
        elif isinstance(w, QTabWidget):
            out[_path(w, top)] = ("tab", w.currentIndex())
        # Lists: the chosen row and how far down. Not the panes (the selection is the context's),
        # nor an undo view, whose current row IS the undo stack's position.
        elif isinstance(w, QAbstractItemView) and not isinstance(w, (TranscriptPane, QUndoView)) \
                and w.model() is not None:
            index = w.currentIndex()
            out[_path(w, top)] = ("view", ((index.row(), index.column()) if index.isValid() else None,
                                           w.verticalScrollBar().value()))
    return out


_ORDER = {"combo": 0, "check": 0, "line": 0, "tab": 0, "view": 1, "text": 2}  # filters fill lists first


def _apply_fields(top: QWidget, fields: dict[Key, tuple[str, Any]]) -> None:
    found = [(w, fields[key]) for w in top.findChildren(QWidget) if (key := _path(w, top)) in fields]
    for w, (kind, value) in sorted(found, key=lambda item: _ORDER[item[1][0]]):
        if kind == "combo" and isinstance(w, QComboBox):
            index, data = value
            # By data (lists filled from the store may have grown), else by position (texts are translated).
            if data is not None and not (0 <= index < w.count() and w.itemData(index) == data):
                index = next((i for i in range(w.count()) if w.itemData(i) == data), -1)
            if 0 <= index < w.count() and index != w.currentIndex():
                w.setCurrentIndex(index)
        elif kind == "line" and isinstance(w, QLineEdit) and w.text() != value:
            w.setText(value)
        elif kind == "text" and isinstance(w, (QPlainTextEdit, QTextEdit)) and value and w.toPlainText() != value:
            w.setPlainText(value)
        elif kind == "check" and isinstance(w, (QCheckBox, QRadioButton)) and w.isChecked() != value:
            w.setChecked(value)
        elif kind == "tab" and isinstance(w, QTabWidget) and 0 <= value < w.count():
            w.setCurrentIndex(value)
        elif kind == "view" and isinstance(w, QAbstractItemView) and w.model() is not None:
            current, scroll = value
            if current is not None and current[0] < w.model().rowCount():
                w.setCurrentIndex(w.model().index(*current))
            w.verticalScrollBar().setValue(scroll)


def capture(window: MainWindow) -> WindowState:
    """What ``window`` shows now. Saves an open in-place editor (as closing it would)."""
    annotate = window.features.get("annotate")
    if annotate is not None and annotate.editor is not None:
        annotate.close_editor(save=True)
    find = None
    dialog = getattr(annotate, "find_dialog", None)
    if dialog is not None and dialog.isVisible():
        find = (dialog.replace_edit.isVisibleTo(dialog), _fields(dialog))
    focused = window.focusWidget()
    focus = _path(focused, window) if focused is not None and focused.window() is window else None
    return WindowState(
        geometry=window.saveGeometry(), state=window.saveState(), split=window.panes.splitter.sizes(),
        transcript_id=window.ctx.transcript_id, selection=window.ctx.selection,
        scroll=window.panes.pane("en").verticalScrollBar().value(), fields=_fields(window), find=find,
        active_lang=window.panes.active_lang, focus=focus)


class _Restorer(QObject):
    """Finishes the restore once the new window has painted the transcript (lists are filled then)."""

    def __init__(self, window: MainWindow, state: WindowState) -> None:
        super().__init__(window)
        self.window = window
        self.state = state

    def on_shown(self, _tid: object = None) -> None:
        self.window.ctx.transcriptShown.disconnect(self.on_shown)
        self.finish()

    def finish(self) -> None:
        w, s = self.window, self.state
        _apply_fields(w, s.fields)
        _split(w, s)  # again: docks may have taken their widths in the new language since
        w.panes.pane("en").verticalScrollBar().setValue(s.scroll)
        annotate = w.features.get("annotate")
        if s.find is not None and annotate is not None:
            annotate.show_find(s.find[0])
            _apply_fields(annotate.find_dialog, s.find[1])
        else:
            _focus(w, s)
        self.deleteLater()


def _split(window: MainWindow, state: WindowState) -> None:
    """The same share of the width for each pane (the window's width may differ by a few pixels)."""
    splitter = window.panes.splitter
    total, saved = sum(splitter.sizes()), sum(state.split)
    if total > 0 and saved > 0:
        splitter.setSizes([round(size * total / saved) for size in state.split])


def _focus(window: MainWindow, state: WindowState) -> None:
    """Give the keyboard focus to the widget that had it, and the keys to the pane that had them."""
    if state.focus is not None:
        target = next((c for c in window.findChildren(QWidget) if _path(c, window) == state.focus), None)
        if target is not None:
            target.setFocus()
    window.panes.active_lang = state.active_lang  # a pane taking the focus claims it: after that


def restore(window: MainWindow, state: WindowState) -> None:
    """Show ``state`` in ``window`` (built on the same context, shown, its old window gone)."""
    ctx = window.ctx
    _split(window, state)
    if state.transcript_id is not None:
        restorer = _Restorer(window, state)
        ctx.transcriptShown.connect(restorer.on_shown)
        # Every listener of the new window loads the transcript, as when the annotator opens one.
        ctx.set_transcript(state.transcript_id)
        ctx.set_selection(state.selection)
        window.panes.pane("en").verticalScrollBar().setValue(state.scroll)  # again once laid out (restorer)
    else:
        _apply_fields(window, state.fields)
    _focus(window, state)  # before the window is activated, which would focus its first pane
    window.reload_library()


def rebuild_window(old: MainWindow) -> MainWindow:
    """Replace ``old`` by a new window on the same context, showing the same things; returns it.

    ``old.replaced`` is emitted with the new window before ``old`` is deleted.
    """
    from shiboken6 import Shiboken

    from gui.window.main_window import MainWindow

    state = capture(old)
    # The new window is built on a context with no transcript, then told which one to show
    # (restore): features that find one already open would read it at once, for nothing.
    old.ctx.set_transcript(None)
    new = MainWindow(old.ctx, old.settings)
    new.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed = gone, and no longer kept here
    _KEEP.add(new)
    new.destroyed.connect(lambda *_a, w=new: _KEEP.discard(w))
    new.restore_layout(state.geometry, state.state, old.size())
    was_active = old.isActiveWindow()
    new.show()  # before the old one goes: the app quits when its last window closes
    old.replaced.emit(new)
    old.close()  # saves geometry and layout, cuts the window's links to the context
    Shiboken.delete(old)  # now, not later: nothing of it may answer the context's signals below
    restore(new, state)
    if was_active:
        new.activateWindow()
    return new


def follow_language(window: MainWindow) -> None:
    """Rebuild ``window`` in the language the annotator chooses in Preferences, and the window
    that replaces it, and so on (what ``gui.app.run`` does for the app's window)."""

    def rebuild(choice: str) -> None:
        follow_language(switch_language(window, choice))

    window.languageChosen.connect(rebuild)


def switch_language(window: MainWindow, choice: str) -> MainWindow:
    """Install the translators for ``choice`` ('system', 'en', 'ja') and rebuild ``window`` in them."""
    from gui.history_text import capture_undo_kinds, retranslate_undo_stack
    from gui.window.i18n import current_language

    # This session's undo steps were named in the old language: find each one's kind first...
    kinds = capture_undo_kinds(window.ctx.undo_stack, current_language())
    install_translators(cast(QCoreApplication, QCoreApplication.instance()), choice)
    retranslate_undo_stack(kinds)  # ...and name it again in the new one
    return rebuild_window(window)
