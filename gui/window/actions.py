"""Registering actions: menus, toolbar, icons, tooltips naming shortcuts, one list for the help.

Every command of the window (and of features) goes through ``ActionRegistry.add``
so it gets an icon, a tooltip with its shortcut, a place in a menu, and a line
in Help > Keyboard shortcuts, which is generated from this registry.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from gui.window.activity import THREAD_PREFIX, hurried, pace, taking_turns, ui_activity

log = logging.getLogger(__name__)

ShortcutSpec = str | QKeySequence | QKeySequence.StandardKey | list[str | QKeySequence] | None


ICON_FONT = "mdi6"  # every icon name starts with it (a test checks)
ICON_SLICE = 6  # icons given per turn of the event loop after the paint (an input gets in between)


def icon(name: str | None) -> QIcon:
    """A qtawesome icon by name (e.g. ``"mdi6.file-import"``); an empty icon if unavailable."""
    if not name:
        return QIcon()
    try:
        import qtawesome

        found: QIcon = qtawesome.icon(name)
        return found
    except Exception as exc:  # a missing glyph must not stop the window from opening
        log.debug("icon %s unavailable: %s", name, exc)
        return QIcon()


def _load_our_font_only() -> None:
    """Give qtawesome only the font the window's icons come from (Material Design Icons 6, "mdi6"):
    at its first icon it loads all twelve of its fonts, each checked by an MD5 of its file first
    (65 ms of the window's thread right after the first paint, against ~15 ms for this one)."""
    try:
        import qtawesome
        from qtawesome.iconic_font import IconicFont

        resource = qtawesome._resource
        if resource.get("iconic") is None:
            ours = [font for font in qtawesome._BUNDLED_FONTS if font[0] == ICON_FONT]
            if ours:
                resource["iconic"] = IconicFont(*ours)
    except Exception as exc:  # another qtawesome: it loads its fonts as it always did
        log.debug("qtawesome's fonts load as usual: %s", exc)


@dataclass
class Registered:
    """An action and where it is listed in the shortcuts help."""

    key: str
    action: QAction
    group: str


class ActionRegistry(QObject):
    """The window's actions by key, with their menus and the main toolbar."""

    _iconsImported = Signal()  # from the thread that imported qtawesome (queued to the window's thread)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.items: dict[str, Registered] = {}
        self.menus: dict[str, QMenu] = {}
        self.toolbar: QToolBar | None = None
        self.icons_loaded = False  # qtawesome costs ~0.3 s to import: icons come right after the first paint
        self._icon_names: dict[str, str] = {}
        self._later: list[tuple[object, str]] = []  # (widget with setIcon, icon name) for load_icons
        self._importing = False
        self._blank: QIcon | None = None
        self._iconsImported.connect(self._load_fonts)

    def menu(self, key: str, title: str | None = None) -> QMenu:
        """The top-level menu ``key`` (created, before Help, when new)."""
        menu = self.menus.get(key)
        if menu is None:
            menu = QMenu(title or key, self.window)
            menu.setObjectName(f"menu_{key}")
            bar = self.window.menuBar()
            help_menu = self.menus.get("help")
            if help_menu is not None:
                bar.insertMenu(help_menu.menuAction(), menu)
            else:
                bar.addMenu(menu)
            self.menus[key] = menu
        elif title:
            menu.setTitle(title)
        return menu

    def add(self, key: str, text: str, slot: Callable[..., object] | None = None, *, menu: str | None = None,
            shortcut: ShortcutSpec = None, icon_name: str | None = None, tip: str | None = None,
            toolbar: bool = False, checkable: bool = False, group: str | None = None) -> QAction:
        """Create (or replace) the action ``key`` and put it in ``menu`` and, if asked, the toolbar."""
        if self.icons_loaded:
            first_icon = icon(icon_name)
        elif toolbar and icon_name and self.toolbar is not None:
            first_icon = self._placeholder()  # the toolbar's size from the start (see _placeholder)
        else:
            first_icon = QIcon()
        action = QAction(first_icon, text, self.window)
        if icon_name:
            self._icon_names[key] = icon_name
        action.setObjectName(f"action_{key}")
        action.setCheckable(checkable)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(lambda checked=False, f=slot: f(checked) if checkable else f())
        self.set_tip(action, tip or text)
        self.window.addAction(action)  # shortcuts work even when the menu bar is hidden
        if menu is not None:
            self.menus[menu].addAction(action) if menu in self.menus else self.menu(menu).addAction(action)
        if toolbar and self.toolbar is not None:
            self.toolbar.addAction(action)
        self.items[key] = Registered(key, action, group or (menu or ""))
        return action

    def _placeholder(self) -> QIcon:
        """A blank icon of the toolbar's icon size, until the real ones are loaded: a toolbar of
        text buttons changed height when its icons came, and the panes laid out every row again
        (0.15 s of the window's thread at 500,000 segments, right after the first paint)."""
        if self._blank is None:
            assert self.toolbar is not None
            pixmap = QPixmap(self.toolbar.iconSize())
            pixmap.fill(Qt.GlobalColor.transparent)
            self._blank = QIcon(pixmap)
        return self._blank

    @staticmethod
    def set_tip(action: QAction, tip: str) -> None:
        """Tooltip = description plus the shortcut, e.g. "Go to turn (Ctrl+G)"."""
        tip = tip.replace("&", "")
        seq = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({seq})" if seq else tip)
        action.setStatusTip(tip)

    def load_icons(self) -> None:
        """Give every action its icon (called once the window has painted).

        qtawesome's import (0.2 s of CPU) runs in a thread first: on the window's thread it
        held up a keystroke made right after the first paint by that long.
        """
        if self.icons_loaded or self._importing or ui_activity().quitting:
            return  # (quitting: an after-paint step the event loop ran on its way out)
        if "qtawesome" in sys.modules:
            self._give_icons()
            return
        self._importing = True
        activity, never = ui_activity(), threading.Event()

        def load() -> None:
            try:
                # Begun while the window waits for events, with the GIL handed back quickly: the
                # import is pure Python, and a keystroke right after the paint competed with it.
                pace(activity, never)
                with taking_turns(), hurried():
                    import qtawesome  # noqa: F401
            except Exception as exc:  # icons are not essential: empty ones then (see icon())
                log.debug("qtawesome unavailable: %s", exc)
            with contextlib.suppress(RuntimeError):  # the window went meanwhile
                self._iconsImported.emit()

        # Python must not tear down while this thread is still inside the import (the process then
        # crashed at exit): the app waits for it at its end (gui.window.background.wait_for_threads).
        threading.Thread(target=load, name=f"{THREAD_PREFIX}icons", daemon=True).start()

    def _load_fonts(self) -> None:
        """The icon font's load (Qt's font database, on the window's thread), in a turn of the event
        loop of its own: an input gets in before the icons are given in the next ones."""
        _load_our_font_only()
        icon(next(iter(self._icon_names.values()), None))  # never raises (see icon())
        QTimer.singleShot(0, self, partial(self._give_icons, True))

    def _give_icons(self, sliced: bool = False) -> None:
        """Give the actions their icons: with ``sliced``, ``ICON_SLICE`` of them per turn of the event
        loop (all of them in one turn held the window's thread ~35 ms right after the paint)."""
        pending = [(self.items[key].action, name) for key, name in self._icon_names.items() if key in self.items]
        self._give_slice(pending, sliced)

    def _give_slice(self, pending: list[tuple[QAction, str]], sliced: bool) -> None:
        batch, rest = (pending[:ICON_SLICE], pending[ICON_SLICE:]) if sliced else (pending, [])
        for action, name in batch:
            with contextlib.suppress(RuntimeError):  # the action is gone already
                action.setIcon(icon(name))
        if rest:
            QTimer.singleShot(0, self, partial(self._give_slice, rest, True))
            return
        self._importing = False
        self.icons_loaded = True
        later, self._later = self._later, []
        for widget, name in later:
            with contextlib.suppress(RuntimeError):  # the widget is gone already
                widget.setIcon(icon(name))  # type: ignore[attr-defined]

    def icon_later(self, widget: object, name: str) -> None:
        """Give ``widget`` (a button...) its icon once icons are loaded (at once if they are)."""
        if self.icons_loaded:
            widget.setIcon(icon(name))  # type: ignore[attr-defined]
        else:
            # Meanwhile a blank icon of its size: the speakers panel's buttons grew 20 px wider when
            # their icons came, which widened the whole left dock column and laid out every row of
            # the panes again, right after the first paint (0.1-0.15 s at 50,000-500,000 segments).
            size = widget.iconSize() if hasattr(widget, "iconSize") else None
            if size is not None and not size.isEmpty():
                pixmap = QPixmap(size)
                pixmap.fill(Qt.GlobalColor.transparent)
                widget.setIcon(QIcon(pixmap))  # type: ignore[attr-defined]
            self._later.append((widget, name))

    def get(self, key: str) -> QAction:
        """The action registered as ``key`` (KeyError when none)."""
        return self.items[key].action

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(menu, action text, shortcuts) for every action that has a shortcut, in menu order."""
        rows: list[tuple[str, str, str]] = []
        for item in self.items.values():
            seqs = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in item.action.shortcuts()]
            if not any(seqs):
                continue
            menu = self.menus.get(item.group)
            group = menu.title().replace("&", "") if menu else item.group
            rows.append((group, item.action.text().replace("&", ""), ", ".join(s for s in seqs if s)))
        return rows

    def retitle(self, key: str, text: str, tip: str | None = None) -> None:
        """Change an action's text after a language change."""
        action = self.get(key)
        action.setText(text)
        self.set_tip(action, tip or text)


def standard(key: QKeySequence.StandardKey) -> QKeySequence:
    """A platform standard key sequence (for readability at call sites)."""
    return QKeySequence(key)


__all__ = ["ActionRegistry", "icon", "standard", "Qt"]
