"""Where features plug into the main window.

A feature is a function ``install(window, ctx)`` in its own module, listed
here by dotted path (one line per feature). The main window calls each after
building its own menus, panes and docks, and keeps what ``install`` returns in
``window.features`` under the module's last name (``window.features["annotate"]``).
``window`` is a ``FeatureWindow`` (below): a feature never imports the main window.
From ``window`` a feature uses:

- ``window.registry.add(key, text, slot, menu="edit", shortcut="F2", icon_name="mdi6.pencil",
  toolbar=True)`` -- an action with icon, tooltip and a line in Help > Keyboard shortcuts;
  ``window.registry.menu("review", self.tr("&Review"))`` for a menu of its own;
- ``window.add_dock(widget, title, area)`` -- a dock (View menu lists it);
- ``window.add_details_tab(widget, title)`` -- a tab in the details area of the selected segment;
- ``window.panes`` -- the two linked panes (``BilingualPanes``): ``panes.metrics.set_provider``,
  ``panes.metrics.add_decorator``, ``panes.set_delegate_class`` for in-place editors,
  ``panes.select_segment(id, lang)``, ``panes.pane("en")``;
- ``window.transcript_model`` -- rows, ``segment(row)``, ``row_of_segment(id)``;
- ``window.library_model`` -- the library (``reload()``); ``window.reload_library()``;
- ``window.update_status()`` -- the status bar again (e.g. after the annotator's name changed);
- ``window.show_error(title, message)`` -- a one-line reason in a dialog;
- ``window.after_paint(callback)`` -- run ``callback`` right after the window's first paint: build
  there what is heavy and not seen at once (Qt Multimedia, numpy...), and build it on first use if
  an action needs it sooner; ``window.painted()`` says whether that moment has passed. Install
  itself stays light: the first paint of the transcript waits for every feature's install;
- ``window.widget()`` -- the window as a Qt widget: the parent of a feature's objects and dialogs,
  and its dock layout (``tabifyDockWidget``, ``resizeDocks``, ``library_dock``).
And from ``ctx`` (``gui.window.context.AppContext``): ``store``, ``bridge.changed``, ``undo_stack``,
``run(text, perform)`` (one store operation = one undo step), ``transcript_id``,
``transcriptChanged`` (synchronous: keep it light) and ``transcriptShown`` (after the panes painted
the transcript: start heavy work there, in slices, so the window opens at once),
``selection``/``selectionChanged``, ``report_error(message)``, and ``firstPainted`` (once per run,
when the app's first transcript is painted: first-run questions go there, not in tests).

What ``install`` returns may have a ``window_closed()`` method: the window calls it when it closes
(a feature stops there what runs outside the window, such as a process).

A feature may be installed more than once for one context: a new UI language rebuilds the
window and installs every feature on the new one (``gui.window.language_switch``), then announces
the transcript and selection again. Keep what must outlive a window in the context, the
store or the settings; connect to ``ctx`` with bound methods of the feature's objects, so the
connections go with the old window.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QWidget

    from gui.models.library_model import LibraryModel
    from gui.models.transcript_model import TranscriptModel
    from gui.panes import BilingualPanes
    from gui.window.actions import ActionRegistry
    from gui.window.context import AppContext

log = logging.getLogger(__name__)

# One line per feature: "module:function". Keep the order (menus appear in it).
FEATURES: list[str] = [
    "gui.annotate:install",
    "gui.review:install",
    "gui.export_dialog:install",
    "gui.search_panel:install",
    "gui.library_tools:install",
    "gui.work:install",
    "gui.helpers:install",
    "gui.backups:install",
    "gui.takeout:install",
    "gui.audio:install",
    "gui.annotate.extras:install",
]


class FeatureWindow(Protocol):
    """What a feature may use of the main window (``gui.window.main_window.MainWindow`` is one)."""

    ctx: AppContext
    settings: QSettings
    registry: ActionRegistry
    panes: BilingualPanes
    transcript_model: TranscriptModel
    library_model: LibraryModel
    library_dock: QDockWidget
    features: dict[str, Any]  # what each feature's install returned, by the module's last name

    def widget(self) -> QMainWindow:
        """The window itself, as a Qt widget (parent of a feature's objects, its dock layout)."""
        ...

    def add_dock(self, widget: QWidget, title: str, area: Qt.DockWidgetArea = ...,
                 name: str | None = None) -> QDockWidget:
        """A dock in the window (the View menu lists it)."""
        ...

    def add_details_tab(self, widget: QWidget, title: str) -> int:
        """A tab about the selected segment in the details area."""
        ...

    def docks_in(self, area: Qt.DockWidgetArea) -> list[QDockWidget]:
        """The window's docked (not floating) docks on one side, in the order they were added."""
        ...

    def painted(self) -> bool:
        """Whether the window has painted its panes once."""
        ...

    def after_paint(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` right after the window's first paint (soon, if it has painted)."""
        ...

    def menu_separator(self, menu: str) -> None:
        """A separator at the end of a menu."""
        ...

    def show_error(self, title: str, message: str) -> QMessageBox:
        """A one-line reason in a window-modal dialog."""
        ...

    def update_status(self) -> None:
        """Show the status bar's counts, annotator and database again."""
        ...

    def reload_library(self) -> None:
        """Read the library again."""
        ...


def install_all(window: FeatureWindow, ctx: AppContext) -> list[str]:
    """Install every listed feature; returns one-line errors of those that failed (logged)."""
    errors: list[str] = []
    for spec in FEATURES:
        module_name, _, func_name = spec.partition(":")
        try:
            install = getattr(importlib.import_module(module_name), func_name or "install")
            window.features[module_name.rpartition(".")[2]] = install(window, ctx)
        except Exception as exc:  # one broken feature must not keep the window from opening
            log.exception("feature %s failed to install", spec)
            errors.append(f"{spec}: {exc}")
    return errors
