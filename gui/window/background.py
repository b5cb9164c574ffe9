"""A read of the database in a thread of its own, its result handed to the window's thread.

Features need whole-transcript reads after the first paint (the review dock's flags and
marks, the gutter's times, the translation memory). ``BackgroundRead`` runs such a read,
a plain function of the model (no Qt), in a Python thread: the model's functions open
their own sessions there (SQLite and psycopg release the GIL while they read). The
result, or the exception the read raised, arrives on the window's thread through a
queued signal (``done``). A newer request, or ``cancel`` (the transcript closed),
makes an earlier read's result stale: it is dropped, never delivered.

The thread steps aside for the window (``gui.window.activity``): it starts when the
window's thread waits for events, works when no other background thread does (one at a
time), with a short GIL switch interval and no automatic garbage collection, and the read
may call the ``pace`` it is given between two chunks of its work to wait again while the
user types or moves (another background thread may work meanwhile).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from gui.window.activity import hurried, no_collection, pace, taking_turns, ui_activity

if TYPE_CHECKING:  # pragma: no cover
    from model.store import Store

Pace = Callable[[], None]
WORK_S = 0.005  # a read waits at a pace only after this long of work since its last wait


class Stale(Exception):
    """Raised by ``pace`` inside a read whose result nobody wants any more: it stops there."""


class BackgroundRead(QObject):
    """One kind of background read of a feature; at most one result is ever awaited."""

    done = Signal(object)  # the read's result, or the exception it raised (on the window's thread)
    _arrived = Signal(int, object)  # generation, result (emitted in the thread, queued to this one)

    def __init__(self, parent: QObject | None = None, name: str = "taiyaku-read") -> None:
        super().__init__(parent)
        self.name = name
        self.reading = False
        self._generation = 0
        self._cancelled = threading.Event()
        self._activity = ui_activity()
        self._arrived.connect(self._deliver)

    def request(self, read: Callable[[Pace], object], store: Store | None = None) -> int:
        """Run ``read(pace)`` in a thread and deliver what it returns (``done``); an earlier read
        still under way is dropped. With ``store``, nothing is read before its background damage
        check has passed the file (on a damaged one the window exits, and a connection left open
        in this thread would leave the file's -wal/-shm siblings behind). Returns the generation."""
        self._cancelled.set()  # the earlier read stops at its next pace
        cancelled = self._cancelled = threading.Event()
        self._generation += 1
        generation = self._generation
        self.reading = True
        activity = self._activity

        worked_since = [0.0]  # when the read last came back from a pace

        def step() -> None:
            if cancelled.is_set():
                raise Stale
            if time.monotonic() - worked_since[0] < WORK_S:
                return  # a few milliseconds of work are not worth a wait (the window barely noticed)
            pace(activity, cancelled)
            if cancelled.is_set():
                raise Stale
            worked_since[0] = time.monotonic()

        def work() -> None:
            try:
                if store is not None:  # (a check of a whole file: no turn held while it runs)
                    store.ensure_intact()
                with taking_turns(), hurried(), no_collection():
                    step()  # begin while the window waits for events, not amid its work
                    result: object = read(step)
            except Stale:
                return
            except Exception as exc:  # handed to the window's thread (one line there)
                result = exc
            if cancelled.is_set():
                return
            with contextlib.suppress(RuntimeError):  # the window went meanwhile
                self._arrived.emit(generation, result)

        threading.Thread(target=work, name=self.name, daemon=True).start()
        return generation

    def cancel(self) -> None:
        """Drop the result of a read under way (and stop it at its next pace)."""
        self._cancelled.set()
        self._generation += 1
        self.reading = False

    @property
    def generation(self) -> int:
        """The latest request's generation (a result of an older one is never delivered)."""
        return self._generation

    def _deliver(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return
        self.reading = False
        self.done.emit(result)


__all__ = ["BackgroundRead", "Pace", "Stale"]
