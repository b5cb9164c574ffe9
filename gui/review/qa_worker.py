"""The QA checks of one transcript in a thread of their own, off the UI thread.

A ``QaWorker`` runs a ``model.qa.scan.Scan`` in a Python thread that reads the database
through its own sessions (SQLite and psycopg release the GIL while they read) and hands
the findings to the UI thread in small batches, in reading order, through queued Qt
signals. Once the scan is over the thread stays, waiting, to check again the turns an
edit touched (``recheck``): requests made while the scan runs are served when it ends,
so an edit made meanwhile is never lost nor left with stale findings.

The thread steps aside for the window: it takes its next short step only while the
window's thread waits for events (``UiActivity``: Qt's event dispatcher says when it
blocks and when it wakes), and stays quiet a moment longer after the user typed or
moved (``ui_busy``), so a keystroke or a selection never competes with the checks for
the GIL for longer than one step.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import queue
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QObject, Signal
from shiboken6 import Shiboken

from gui.release_memory import release_free_memory
from model.errors import TaiyakuError
from model.qa import Finding
from model.qa.scan import Scan
from model.readmodel import TranscriptView
from model.store import Store

log = logging.getLogger(__name__)

STEP_S = 0.008  # the length of one step of the thread's work between two pauses
PAUSE_S = 0.001  # a pause after each step: the UI thread takes the GIL at once if it waits for it
# The window's thread may work on without ever waiting for events (a long loop of its own that
# calls processEvents, as tests do): after this long awake, the checks go on a step at a time.
STARVE_S = 0.15
YIELD_S = 0.05  # how long the thread stays quiet after the user did something (``ui_busy``)
BATCH_S = 0.1  # findings are handed over at most this often (each hand-over costs the UI a little)
# While a thread checks, the UI thread waits at most this long for the GIL each time it needs it
# (Python's default is 5 ms: a repaint that calls into Python a hundred times could wait 0.5 s).
SWITCH_S = 0.0005
_switching = {"threads": 0, "before": sys.getswitchinterval()}
_switching_lock = threading.Lock()


@contextmanager
def _hurried() -> Iterator[None]:
    """Shorten the GIL's switch interval while any checks' thread works; restore it after."""
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


class UiActivity(QObject):
    """Whether the window's thread is waiting for events (idle) or handling them (awake).

    One per application, made in the window's thread (``ui_activity()``): its event
    dispatcher announces ``aboutToBlock`` before it waits and ``awake`` after.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle = threading.Event()
        self.awake_since = time.monotonic()
        dispatcher = QAbstractEventDispatcher.instance()  # this (the window's) thread's
        self._dispatcher: QAbstractEventDispatcher | None = None
        if dispatcher is None:  # no event loop to watch: never hold the checks back
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


@contextmanager
def _no_collection() -> Iterator[None]:
    """No automatic garbage collection inside (a collection walks what a long read builds,
    with the GIL held: 40-80 ms the window's thread could not run)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _deleted(worker: QObject) -> bool:
    """Whether Qt deleted ``worker``'s C++ side: at exit it does so while a long step (the
    outline, the dictionary) may still run, and the step's next signal then raises."""
    return not Shiboken.isValid(worker)


class QaWorker(QObject):
    """One run of the checks over one transcript, in a thread (see the module's docstring).

    Signals carry the run's ``generation`` so a receiver can ignore a run it has replaced.
    """

    outlined = Signal(int, object)  # generation, TranscriptView (the outline: turns, no segments)
    batch = Signal(int, object)  # generation, list[Finding]: the next findings in reading order
    finished = Signal(int)  # generation: every turn is checked (rechecks may follow)
    # generation, requests served, list[(turn number, list[Finding])]: replace these turns' findings
    rechecked = Signal(int, int, object)
    rescan = Signal(int)  # generation: a recheck met a segment the scan never saw (structure changed)
    failed = Signal(int, str)  # generation, a one-line message

    def __init__(self, store: Store, transcript_id: int, generation: int) -> None:
        super().__init__()  # no parent: it lives as long as its thread needs it
        self.store = store
        self.transcript_id = transcript_id
        self.generation = generation
        self.scan: Scan | None = None
        self._requests: queue.Queue[tuple[set[int], set[int]] | None] = queue.Queue()
        self._cancelled = threading.Event()
        self._ui_busy_until = 0.0
        self._activity = ui_activity()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"taiyaku-qa-{generation}", daemon=True)

    def start(self) -> None:
        """Start the thread."""
        self._thread.start()

    def recheck(self, segment_ids: Iterable[int], turn_ids: Iterable[int]) -> None:
        """Check these segments' turns and these turns again (after the scan, if it still runs)."""
        self._requests.put((set(segment_ids), set(turn_ids)))

    def ui_busy(self) -> None:
        """The user is doing something: stay quiet for a moment."""
        self._ui_busy_until = time.monotonic() + YIELD_S

    def stop(self, wait_s: float = 1.0) -> None:
        """Stop the thread (after its current step) and wait for it a little."""
        self._cancelled.set()
        self._requests.put(None)
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(wait_s)

    def cancel(self) -> None:
        """Stop the thread after its current step, without waiting for it."""
        self.stop(wait_s=0)

    @property
    def scanning(self) -> bool:
        """Whether the first pass over the transcript is still going."""
        return not self._done.is_set() and not self._cancelled.is_set()

    # -- in the thread ------------------------------------------------------------------------------
    def _pause(self) -> None:
        time.sleep(PAUSE_S)
        while not self._cancelled.is_set():
            while time.monotonic() < self._ui_busy_until and not self._cancelled.is_set():
                time.sleep(0.01)
            self._activity.wait_idle(self._cancelled)
            if time.monotonic() >= self._ui_busy_until:  # not touched again while waiting
                return

    def _run(self) -> None:
        gen = self.generation
        try:
            with _hurried():
                scan = self._scan_all()
            if scan is None:  # cancelled
                return
            self._done.set()
            self.finished.emit(gen)
            # The scan's reading of every segment is garbage now: give its pages back (here, off
            # the window's thread; at 200,000 segments ~100 MB stayed resident otherwise).
            release_free_memory()
            self._serve_rechecks(scan)
        except TaiyakuError as exc:  # the database went away, is locked, ...: one line, no traceback
            if not self._cancelled.is_set():
                self._tell_failed(gen, str(exc))
        except Exception as exc:  # a thread must not die with a traceback on stderr
            if self._cancelled.is_set() or _deleted(self):  # the app quits: the store closed under a step
                log.debug("the QA checks stopped: %s", exc)
                return
            log.exception("the QA checks failed")
            self._tell_failed(gen, str(exc) or type(exc).__name__)
        finally:
            self._done.set()

    def _tell_failed(self, gen: int, message: str) -> None:
        try:
            self.failed.emit(gen, message)
        except RuntimeError as exc:  # nobody is left to tell
            log.debug("the QA checks failed after the window went: %s (%s)", message, exc)

    def _scan_all(self) -> Scan | None:
        # Read nothing before the background damage check has passed the file: on a damaged
        # one the window exits, and a connection left open in this thread would leave the
        # file's -wal/-shm siblings behind.
        self.store.ensure_intact()
        self._pause()  # the outline is a long first step: not while the window works
        with _no_collection():  # the outline's rows live on (gc.freeze takes them), its reading's die
            scan = self.scan = Scan(self.store, self.transcript_id, step_s=STEP_S)
        self.outlined.emit(self.generation, scan.view)
        sent, last = 0, time.monotonic()
        while not self._cancelled.is_set():
            done = scan.step()
            if done or time.monotonic() - last >= BATCH_S:
                if len(scan.findings) > sent:
                    self.batch.emit(self.generation, scan.findings[sent:])
                    sent = len(scan.findings)
                last = time.monotonic()
            if done:
                return scan
            self._pause()
        return None

    def _serve_rechecks(self, scan: Scan) -> None:
        while True:
            request = self._requests.get()
            if request is None or self._cancelled.is_set():
                return
            segments, turns = request
            served = 1
            while True:  # a burst of edits: one recheck
                try:
                    more = self._requests.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    return
                segments |= more[0]
                turns |= more[1]
                served += 1
            self._pause()
            with _hurried():
                found = scan.recheck(segments, turns)
            if not found:
                self.rescan.emit(self.generation)
                return
            self.rechecked.emit(self.generation, served, list(scan.rechecked))


def outline_of(worker: QaWorker | None) -> TranscriptView | None:
    """The outline the worker's scan read, once it has read it."""
    return worker.scan.view if worker is not None and worker.scan is not None else None


__all__ = ["Finding", "QaWorker", "outline_of"]
