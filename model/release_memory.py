"""Hand memory the process freed back to the system (glibc keeps it otherwise).

A run of the QA checks reads every segment of the transcript and lets most of it go again;
glibc's allocator keeps the freed pages for later, so the window's resident memory stays at
its high-water mark. ``malloc_trim(0)`` returns what it can. Elsewhere (macOS, Windows,
musl) the call does not exist and nothing happens.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)
_trim: list[Callable[[int], int] | None] = []  # found once: [the function] or [None]


def _find_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim  # glibc only: musl has none
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def release_free_memory() -> bool:
    """Return freed heap memory to the system where glibc allows it; whether it was tried.

    ctypes lets go of the GIL during the call: other threads run meanwhile.
    """
    if not _trim:
        _trim.append(_find_trim())
    trim = _trim[0]
    if trim is None:
        return False
    try:
        trim(0)
    except OSError as exc:  # never worth a failure: the memory only stays with the process
        log.debug("malloc_trim failed: %s", exc)
        return False
    return True
