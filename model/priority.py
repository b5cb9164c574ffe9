"""Background work that should never take a core from the window's thread."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def yield_the_cpu() -> None:
    """Lower the calling thread's CPU priority (Linux schedules threads one by one; elsewhere
    nothing happens). For work that runs with the GIL released for a long while -- a copy or a
    check of a whole database file -- on a machine with few cores: the window's thread, and the
    reads it waits for, get a core first."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


def at_low_priority(work: Callable[[], T]) -> T:
    """``work()`` run in a short-lived thread of lower CPU priority, waited for. On Linux a process
    started from a thread inherits the thread's priority: the QA checks' forkserver (and its ~1 s of
    imports), a spawned process's imports, a probing interpreter then leave a core to the window's
    thread, as they start right after the first paint. (Lowering the calling thread itself could not
    be undone, and a thread that holds the GIL at a low priority makes the window wait for it.)"""
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        yield_the_cpu()
        try:
            outcome.append(work())
        except BaseException as exc:  # handed to the caller's thread
            failure.append(exc)

    thread = threading.Thread(target=run, name="taiyaku-low-priority", daemon=True)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return outcome[0]
