"""The main window's size on a first run (no saved geometry), shared by the start-up frame and the
window that replaces it, so the one does not jump to the other's size."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

DEFAULT = QSize(1280, 820)
LEFT_DOCK_WIDTH = 250  # the library and the docks tabbed with it, on a first run


def first_run_size(window: QWidget) -> QSize:
    """Most of the screen the window is on, so the panes get room beside the docks; less the
    window manager's frame (a title bar, borders), unknown before the window is shown."""
    screen = window.screen()
    if screen is None:
        return DEFAULT
    avail = screen.availableGeometry()
    return QSize(max(min(int(avail.width() * 0.9), 1800), min(DEFAULT.width(), avail.width() - 16)),
                 max(min(int(avail.height() * 0.9), 1100), min(DEFAULT.height(), avail.height() - 60)))


def bottom_dock_height(window_height: int) -> int:
    """The first-run height of the docks below the panes (the details, the recording): what they
    show without scrolling, where the window has room for it."""
    return max(150, min(260, int(window_height * 0.3)))
