"""A checkout or a sync run in a thread of its own, so the window stays responsive meanwhile.

The work opens its own stores (its own connections to the file and to the server: a SQLAlchemy
connection is never shared between threads) and reports through queued Qt signals: progress
(operations sent / total), then one result or one line saying why it failed. ``cancel`` asks
the work to stop between two operations; nothing is lost then (receipts on the server make the
next sync send only what is left).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject, Signal
from shiboken6 import Shiboken

from model.errors import TaiyakuError

log = logging.getLogger(__name__)

# work(progress, cancelled) -> result
Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class TakeoutJob(QObject):
    """Runs ``work`` in a Python thread; its signals arrive on the thread the job lives in."""

    progressed = Signal(int, int)  # done, total
    succeeded = Signal(object)  # the work's result
    failed = Signal(str)  # one line

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self.worker: threading.Thread | None = None

    def start(self) -> None:
        """Begin the work (once)."""
        self.worker = threading.Thread(target=self._run, name="taiyaku-takeout", daemon=True)
        self.worker.start()

    def cancel(self) -> None:
        """Ask the work to stop before its next operation."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        """Whether ``cancel`` was called."""
        return self._cancel.is_set()

    def _emit(self, signal_name: str, *args: Any) -> None:
        # The window may have been closed (and this object deleted by Qt) while the work ran.
        if not Shiboken.isValid(self):
            return
        with suppress(RuntimeError):  # deleted between the check and the emit
            getattr(self, signal_name).emit(*args)

    def _run(self) -> None:
        try:
            result = self._work(lambda done, total: self._emit("progressed", done, total), self._cancel.is_set)
        except TaiyakuError as exc:
            self._emit("failed", str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        except Exception as exc:  # never a traceback in the window: one line, details in the log
            log.exception("offline take-out failed")
            self._emit("failed", f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": "))
        else:
            self._emit("succeeded", result)
