"""Taiyaku's headless command line: one module per command group, never Qt.

``cli.core`` holds the parser, the command registry and the one-line error
handling; ``cli.transcripts`` (import, list, export) and ``cli.qa`` register
their commands when imported. ``main.py`` calls :func:`main`.
"""

from __future__ import annotations

from cli.core import main, window_unavailable

__all__ = ["main", "window_unavailable"]
