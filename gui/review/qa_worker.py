"""The QA checks of one transcript in a thread of their own, off the UI thread.

A ``QaWorker`` runs a ``model.qa.scan.Scan`` in a Python thread that reads the database
through its own sessions (SQLite and psycopg release the GIL while they read) and hands
the findings to the UI thread in small batches, in reading order, through queued Qt
signals. Once the scan is over the thread stays, waiting, to check again the turns an
edit touched (``recheck``): requests made while the scan runs are served when it ends,
so an edit made meanwhile is never lost nor left with stale findings.

The thread steps aside for the window: it takes its next short step only while the
window's thread waits for events (``gui.window.activity``: Qt's event dispatcher says when it
blocks and when it wakes), and stays quiet a moment longer after the user typed or
moved (``ui_busy``), so a keystroke or a selection never competes with the checks for
the GIL for longer than one step.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal
from shiboken6 import Shiboken

from gui.release_memory import release_free_memory
from gui.window.activity import hurried, no_collection, pace, ui_activity
from model.errors import TaiyakuError
from model.qa import Finding
from model.qa.scan import Scan
from model.qa.spelling import load_dictionary
from model.readmodel import TranscriptView
from model.store import Store

log = logging.getLogger(__name__)

STEP_S = 0.008  # the length of one step of the thread's work between two pauses
YIELD_S = 0.05  # how long the thread stays quiet after the user did something (``ui_busy``)
BATCH_S = 0.1  # findings are handed over at most this often (each hand-over costs the UI a little)


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
        pace(self._activity, self._cancelled, lambda: self._ui_busy_until)

    def _run(self) -> None:
        gen = self.generation
        try:
            with hurried():
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
        # The spelling dictionary is built here a slice at a time, stepping aside between slices
        # (in the first step of the checks it held the GIL 30-40 ms at a time, ~0.25 s in all).
        load_dictionary(self._pause)
        self._pause()
        with no_collection():  # the outline's rows live on (gc.freeze takes them), its reading's die
            scan = self.scan = Scan(self.store, self.transcript_id, step_s=STEP_S, pace=self._pause)
        self.outlined.emit(self.generation, scan.view)
        # The findings are handed over, not kept here too: the window keeps them (a list of
        # 200,000 references at 200,000 segments); a recheck reports its turns' findings anew.
        scan.keep_findings = False
        last = time.monotonic()
        while not self._cancelled.is_set():
            done = scan.step()
            if done or time.monotonic() - last >= BATCH_S:
                if scan.findings:
                    batch, scan.findings = scan.findings, []
                    self.batch.emit(self.generation, batch)
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
            with hurried():
                found = scan.recheck(segments, turns)
            if not found:
                self.rescan.emit(self.generation)
                return
            self.rechecked.emit(self.generation, served, list(scan.rechecked))


def outline_of(worker: QaWorker | None) -> TranscriptView | None:
    """The outline the worker's scan read, once it has read it."""
    return worker.scan.view if worker is not None and worker.scan is not None else None


__all__ = ["Finding", "QaWorker", "outline_of"]
