"""Where features plug into the main window.

A feature is a function ``install(window, ctx)`` in its own module, listed
here by dotted path (one line per feature). The main window calls each after
building its own menus, panes and docks. From ``window`` a feature uses:

- ``window.registry.add(key, text, slot, menu="edit", shortcut="F2", icon_name="mdi6.pencil",
  toolbar=True)`` -- an action with icon, tooltip and a line in Help > Keyboard shortcuts;
  ``window.registry.menu("review", self.tr("&Review"))`` for a menu of its own;
- ``window.add_dock(widget, title, area)`` -- a dock (View menu lists it);
- ``window.add_details_tab(widget, title)`` -- a tab in the details area of the selected segment;
- ``window.panes`` -- the two linked panes (``BilingualPanes``): ``panes.metrics.set_provider``,
  ``panes.metrics.add_decorator``, ``panes.set_delegate_class`` for in-place editors,
  ``panes.select_segment(id, lang)``, ``panes.pane("en")``;
- ``window.transcript_model`` -- rows, ``segment(row)``, ``row_of_segment(id)``;
- ``window.library_model`` -- the library (``reload()``).
And from ``ctx`` (``gui.context.AppContext``): ``store``, ``bridge.changed``, ``undo_stack``,
``run(text, perform)`` (one store operation = one undo step), ``transcript_id``,
``transcriptChanged`` (synchronous: keep it light) and ``transcriptShown`` (after the panes painted
the transcript: start heavy work there, in slices, so the window opens at once),
``selection``/``selectionChanged``, ``report_error(message)``.

A feature may be installed more than once for one context: a new UI language rebuilds the
window and installs every feature on the new one (``gui.language_switch``), then announces
the transcript and selection again. Keep what must outlive a window in the context, the
store or the settings; connect to ``ctx`` with bound methods of the feature's objects, so the
connections go with the old window.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from gui.context import AppContext
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)

# One line per feature: "module:function". Keep the order (menus appear in it).
FEATURES: list[str] = [
    "gui.annotate:install",
    "gui.review:install",
    "gui.export_dialog:install",
    "gui.search_panel:install",
    "gui.library_tools:install",
]


def install_all(window: MainWindow, ctx: AppContext) -> list[str]:
    """Install every listed feature; returns one-line errors of those that failed (logged)."""
    errors: list[str] = []
    for spec in FEATURES:
        module_name, _, func_name = spec.partition(":")
        try:
            install = getattr(importlib.import_module(module_name), func_name or "install")
            install(window, ctx)
        except Exception as exc:  # one broken feature must not keep the window from opening
            log.exception("feature %s failed to install", spec)
            errors.append(f"{spec}: {exc}")
    return errors
