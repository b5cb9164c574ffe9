"""Taiyaku's entry point: the window by default, headless commands otherwise.

    python main.py                      open the window (default database)
    python main.py --sample             open the window on the bundled sample
    python main.py import FILE          headless commands: see ``--help``

Only this file decides between the two. The headless commands live in
``cli/`` and never import Qt; the window lives in ``gui/`` and is
imported only when it is asked for.
"""

from __future__ import annotations

import argparse
import os
import sys


def main(argv: list[str] | None = None) -> int:
    """Run Taiyaku with ``argv`` (default: the process arguments); returns the exit status."""
    import cli  # no Qt in here

    return cli.main(sys.argv[1:] if argv is None else list(argv), window=_run_window)


# Debian packages of the X11 libraries Qt's xcb platform plugin loads; without any of them Qt
# aborts the whole process at start instead of raising.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0", "xkbcommon-x11": "libxkbcommon-x11-0", "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1", "xcb-image": "libxcb-image0", "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
}


def _bundled(lib: str) -> bool:
    """Whether a packaged app (PyInstaller) carries its own copy of ``lib`` (e.g. libxcb-cursor.so.0)."""
    bundle = getattr(sys, "_MEIPASS", None) if getattr(sys, "frozen", False) else None
    if bundle is None:
        return False
    from pathlib import Path

    return any(Path(bundle).glob(f"lib{lib}.so*"))


def display_problem(environ: dict[str, str] | None = None) -> str | None:
    """Why Qt could not open a window here (it would abort the process), or None.

    Linux only: no display at all, or X11 without the libraries Qt's xcb plugin needs.
    """
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0]
    if platform not in ("", "xcb"):
        return None  # offscreen, wayland, vnc...: the user chose
    if not platform and env.get("WAYLAND_DISPLAY"):
        return None
    if not env.get("DISPLAY"):
        return "there is no graphical display (DISPLAY is not set)"
    from ctypes.util import find_library

    missing = sorted(pkg for lib, pkg in XCB_LIBRARIES.items() if find_library(lib) is None and not _bundled(lib))
    if missing:
        return f"Qt needs X11 libraries that are missing (sudo apt-get install {' '.join(missing)})"
    return None


def _run_window(_args: list[str], options: argparse.Namespace) -> int:
    """Open the window (``gui.app.run``), or explain in one line why it cannot open."""
    from importlib.util import find_spec

    import cli

    if find_spec("gui") is None or find_spec("gui.app") is None:
        return cli.window_unavailable("the window is not part of this build yet", options)
    if sys.stderr is not None:  # a crash in Qt or a thread prints where every thread was, not just "Segmentation fault"
        import faulthandler

        faulthandler.enable()
    problem = display_problem()
    if problem:  # Qt itself would abort the process with a long message
        return cli.window_unavailable(f"the window cannot open: {problem}", options, status=2)
    try:
        from gui import app  # the first import of Qt
    except ImportError as exc:  # PySide6 or a system library (libxcb, libEGL) missing
        return cli.window_unavailable(f"the window cannot start ({exc})", options, status=2)
    return int(app.run(options) or 0)  # the options cli parsed: the window declares none of its own


if __name__ == "__main__":
    import multiprocessing

    # The QA checks run in a process of their own (model.qa.service): in the packaged app
    # (PyInstaller) that process is this executable again, and must run the checks, not the app.
    multiprocessing.freeze_support()
    sys.exit(main())
