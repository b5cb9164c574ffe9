"""Background threads step aside for the window: the UI thread's activity, and pacing.

A thread reading or checking a whole transcript competes with the window's thread
for the GIL: each time the window's thread lets it go (SQLite releases it for every
row it reads) the other thread takes it and keeps it for up to Python's switch
interval, so a repaint that reads a few hundred rows could wait a quarter of a
second. Two remedies live here:

- ``UiActivity`` tells whether the window's thread is waiting for events (idle) or
  handling them (awake): Qt's event dispatcher announces both. ``pace()`` lets a
  worker thread wait, between two short steps of its work, until the window is idle.
- ``hurried()`` shortens Python's GIL switch interval while any background thread
  works, so the window's thread gets the GIL back within half a millisecond.
- ``taking_turns()``: the window's background threads work one at a time. When the GIL
  is let go, CPython gives it to any thread waiting for it, not to the window's first:
  with four threads importing and reading after the first paint (the review's marks,
  the icons, the translation memory, the library), each time the window's thread needed
  the GIL it waited behind several of them (a follow 120-170 ms at 50,000 segments).
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QObject

PAUSE_S = 0.001  # a pause after each step: the UI thread takes the GIL at once if it waits for it
# The window's thread may work on without ever waiting for events (a long loop of its own that
# calls processEvents, as tests do): after this long awake, the work goes on a step at a time.
STARVE_S = 0.15
# While a background thread works, the UI thread waits at most this long for the GIL each time it
# needs it (Python's default is 5 ms: a repaint that calls into Python a hundred times could wait 0.5 s).
SWITCH_S = 0.0005
THREAD_PREFIX = "taiyaku-"  # the names of the window's background threads (``wait_for_threads``)
_switching = {"threads": 0, "before": sys.getswitchinterval()}
_switching_lock = threading.Lock()
_collecting = {"threads": 0, "was_on": True}
_turn = threading.Lock()  # held by the one background thread that works now (taking_turns)
# A thread waits this long for its turn at most, then works anyway: a read stuck on an unreachable
# server holds its turn until the connection times out, and the icons must not wait for that.
TURN_WAIT_S = 2.0
_holding = threading.local()  # .turn: this thread holds _turn


@contextmanager
def taking_turns() -> Iterator[None]:
    """Inside, this thread is the only background thread doing its work (others wait at theirs);
    ``pace()`` lets the turn go while it waits for the window. Re-entrant in one thread. After
    ``TURN_WAIT_S`` without a turn the thread works anyway, beside the one that holds it."""
    if getattr(_holding, "turn", False) or not _turn.acquire(timeout=TURN_WAIT_S):
        yield
        return
    _holding.turn = True
    try:
        yield
    finally:
        if _holding.turn:  # (not if a pace could not take it back in time)
            _holding.turn = False
            _turn.release()


@contextmanager
def hurried() -> Iterator[None]:
    """Shorten the GIL's switch interval while any background thread works inside; restore it after."""
    with _switching_lock:
        if _switching["threads"] == 0:
            _switching["before"] = sys.getswitchinterval()
            sys.setswitchinterval(SWITCH_S)
        _switching["threads"] += 1
    try:
        yield
    finally:
        with _switching_lock:
            _switching["threads"] -= 1
            if _switching["threads"] == 0:
                sys.setswitchinterval(_switching["before"])


@contextmanager
def no_collection() -> Iterator[None]:
    """No automatic garbage collection inside (a collection walks what a long read builds,
    with the GIL held: 40-80 ms the window's thread could not run)."""
    with _switching_lock:  # counted: threads overlapping each other turn it back on once the last ends
        if _collecting["threads"] == 0:
            _collecting["was_on"] = gc.isenabled()
            gc.disable()
        _collecting["threads"] += 1
    try:
        yield
    finally:
        with _switching_lock:
            _collecting["threads"] -= 1
            if _collecting["threads"] == 0 and _collecting["was_on"]:
                gc.enable()


class UiActivity(QObject):
    """Whether the window's thread is waiting for events (idle) or handling them (awake).

    One per application, made in the window's thread (``ui_activity()``): its event
    dispatcher announces ``aboutToBlock`` before it waits and ``awake`` after.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle = threading.Event()
        self.awake_since = time.monotonic()
        self.quitting = False  # the app is winding down: start no more background work
        dispatcher = QAbstractEventDispatcher.instance()  # this (the window's) thread's
        self._dispatcher: QAbstractEventDispatcher | None = None
        if dispatcher is None:  # no event loop to watch: never hold the work back
            self.idle.set()
            return
        dispatcher.aboutToBlock.connect(self._blocking)
        dispatcher.awake.connect(self._awake)
        self._dispatcher = dispatcher
        app = QCoreApplication.instance()
        if app is not None:  # no calls into Python from the event loop while the app winds down
            app.aboutToQuit.connect(self._stop_watching)

    def _stop_watching(self) -> None:
        dispatcher, self._dispatcher = self._dispatcher, None
        self.quitting = True
        self.idle.set()  # a thread still stepping goes on to its end
        if dispatcher is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                dispatcher.aboutToBlock.disconnect(self._blocking)
                dispatcher.awake.disconnect(self._awake)

    def _blocking(self) -> None:
        self.idle.set()

    def _awake(self) -> None:
        if self.idle.is_set() and self._dispatcher is not None:
            self.awake_since = time.monotonic()
            self.idle.clear()

    def wait_idle(self, cancelled: threading.Event, starve_s: float = STARVE_S) -> None:
        """In a worker thread: return once the window's thread waits for events (or has been
        awake for ``starve_s``: it works on without waiting, e.g. a loop of processEvents)."""
        while not cancelled.is_set() and not self.idle.is_set():
            left = self.awake_since + starve_s - time.monotonic()
            if left <= 0:
                return
            self.idle.wait(min(left, 0.02))


_activity: list[UiActivity] = []


def ui_activity() -> UiActivity:
    """The application's ``UiActivity`` (made on first use: call it from the window's thread)."""
    app = QCoreApplication.instance()
    try:
        current = bool(_activity) and _activity[0].parent() is app
    except RuntimeError:  # its application is gone (tests make more than one)
        current = False
    if not current:
        _activity[:] = [UiActivity(app)]
    return _activity[0]


def pace(activity: UiActivity, cancelled: threading.Event) -> None:
    """In a worker thread, between two steps of its work: pause a moment, then wait while the
    window's thread works; its turn (``taking_turns``) goes to another thread meanwhile."""
    turn = getattr(_holding, "turn", False)
    if turn:
        _holding.turn = False
        _turn.release()
    try:
        time.sleep(PAUSE_S)
        activity.wait_idle(cancelled)
    finally:
        if turn and _turn.acquire(timeout=TURN_WAIT_S):
            _holding.turn = True


def wait_for_threads(timeout_s: float = 5.0) -> list[str]:
    """At the app's end, once its event loop has returned: wait (at most ``timeout_s`` in all) for
    the window's background threads (named ``THREAD_PREFIX``...) to finish; the names of those
    still running. A daemon thread still inside an import of a Qt module (the icons') while
    Python tore itself down crashed the process at exit."""
    deadline = time.monotonic() + timeout_s
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and thread.name.startswith(THREAD_PREFIX):
            thread.join(max(0.0, deadline - time.monotonic()))
    return [t.name for t in threading.enumerate() if t.name.startswith(THREAD_PREFIX) and t.is_alive()]


__all__ = ["THREAD_PREFIX", "UiActivity", "hurried", "no_collection", "pace", "taking_turns", "ui_activity",
           "wait_for_threads"]
