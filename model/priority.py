"""Background work that should never take a core from the window's thread."""

from __future__ import annotations

import contextlib
import os
import sys
import threading


def yield_the_cpu() -> None:
    """Lower the calling thread's CPU priority (Linux schedules threads one by one; elsewhere
    nothing happens). For work that runs with the GIL released for a long while -- a copy or a
    check of a whole database file -- on a machine with few cores: the window's thread, and the
    reads it waits for, get a core first."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
