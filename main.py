"""Taiyaku's entry point: the window by default, headless commands otherwise.

    python main.py                      open the window (default database)
    python main.py --sample             open the window on the bundled sample
    python main.py import FILE          headless commands: see ``--help``

Only this file decides between the two. The headless commands live in
``model/cli.py`` and never import Qt; the window lives in ``gui/`` and is
imported only when it is asked for.
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    """Run Taiyaku with ``argv`` (default: the process arguments); returns the exit status."""
    from model import cli  # no Qt in here

    return cli.main(sys.argv[1:] if argv is None else list(argv), window=_run_window)


def _run_window(args: list[str], options: argparse.Namespace) -> int:
    """Open the window (``gui.app.run``), or explain in one line why it cannot open."""
    from importlib.util import find_spec

    from model import cli

    if find_spec("gui") is None or find_spec("gui.app") is None:
        return cli.window_unavailable("the window is not part of this build yet", options)
    try:
        from gui import app  # the first import of Qt
    except ImportError as exc:  # PySide6 or a system library (libxcb, libEGL) missing
        return cli.window_unavailable(f"the window cannot start ({exc})", options, status=2)
    return int(app.run(list(args)) or 0)  # the window parses its own options (argv without the program)


if __name__ == "__main__":
    sys.exit(main())
