"""The QA checks of one transcript in a process of their own, off the window's process.

A ``QaWorker`` starts the checks' process (``model.qa.service``) for one run: it reads the
database on its own, at a lower CPU priority, and sends the findings in small batches, in
reading order; a thread here reads them and hands them to the UI thread through queued Qt
signals. Once the scan is over the process stays, waiting, to check again the turns an
edit touched (``recheck``): requests made while the scan runs are served when it ends, so
an edit made meanwhile is never lost nor left with stale findings.

In a thread of the window's own process the checks held the GIL while the window waited
(a selection or a keystroke: 100-270 ms on 2 cores), and their memory (dictionaries, the
scan's reading) stayed with the window. If the process ends unexpectedly (killed, crashed),
``failed`` says so in one line and the window goes on without the checks.

The client's own code (``model.qa.service``: multiprocessing, the protocol) is imported in
the worker's thread, in its turn among the background threads: on the window's thread the
import took 30-40 ms as the checks started after the first paint, and a keystroke waited.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, SignalInstance

from gui.window.activity import taking_turns
from model.errors import TaiyakuError
from model.qa import Finding
from model.store import Store

if TYPE_CHECKING:  # pragma: no cover
    from model.qa.service import QaService
    from model.qa.service_protocol import Outlined

log = logging.getLogger(__name__)


def database_of(store: Store) -> str:
    """What the checks' process opens: the store's file or server (with the password: it connects)."""
    return store.engine.url.render_as_string(hide_password=False)


# Every worker is held here until its thread has ended, and let go on the window's thread. A
# QObject whose last reference went with its thread was destroyed in that thread: ~QObject then
# waited for the GIL under one of Qt's shared signal locks while the window's thread, holding the
# GIL, waited for that lock to connect a signal -- the window froze for good.
_KEPT: list[QaWorker] = []


def _keep(worker: QaWorker) -> None:
    """Hold ``worker`` (on the window's thread), letting go of those whose thread has ended."""
    _KEPT[:] = [kept for kept in _KEPT if kept.thread_alive]
    _KEPT.append(worker)


class QaWorker(QObject):
    """One run of the checks over one transcript, in a process (see the module's docstring).

    Signals carry the run's ``generation`` so a receiver can ignore a run it has replaced.
    """

    outlined = Signal(int, object)  # generation, Outlined (how many turns the run checks)
    batch = Signal(int, object)  # generation, list[Finding]: the next findings in reading order
    finished = Signal(int)  # generation: every turn is checked (rechecks may follow)
    # generation, requests served, list[(turn number, list[Finding])]: replace these turns' findings
    rechecked = Signal(int, int, object)
    rescan = Signal(int)  # generation: a recheck met a segment the scan never saw (structure changed)
    failed = Signal(int, str)  # generation, a one-line message

    def __init__(self, store: Store, transcript_id: int, generation: int, *, hold_at: int | None = None) -> None:
        """``hold_at`` (tests): the scan waits after checking this many turns until ``go_on``."""
        super().__init__()  # no parent: held by _KEPT as long as its thread runs
        self.store = store
        self.transcript_id = transcript_id
        self.generation = generation
        self.outline: Outlined | None = None
        self.service: QaService | None = None  # made in the thread (see the module's docstring)
        self._database, self._hold_at = database_of(store), hold_at
        self.held = threading.Event()  # tests: the scan waits at ``hold_at``
        self.child_figures: tuple[float, float] | None = None  # the process's (peak MB, CPU s) at its scan's end
        self._early: list[tuple[frozenset[int], frozenset[int]]] = []  # rechecks asked for before it started
        self._live = False
        self._lock = threading.Lock()
        self._cancelled = threading.Event()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"taiyaku-qa-{generation}", daemon=True)

    def start(self) -> None:
        """Start the thread (it starts the process)."""
        _keep(self)
        self._thread.start()

    @property
    def thread_alive(self) -> bool:
        """Whether the worker's thread still runs."""
        return self._thread.is_alive()

    def recheck(self, segment_ids: Iterable[int], turn_ids: Iterable[int]) -> None:
        """Check these segments' turns and these turns again (after the scan, if it still runs)."""
        request = (frozenset(segment_ids), frozenset(turn_ids))
        with self._lock:
            if not self._live or self.service is None:
                self._early.append(request)
                return
        from model.qa.service_protocol import Recheck  # (imported by the thread once live)

        self.service.send(Recheck(*request))

    def go_on(self) -> None:
        """Tests: a scan waiting at ``hold_at`` goes on."""
        from model.qa.service_protocol import GoOn

        if self.service is not None:
            self.service.send(GoOn())

    def stop(self, wait_s: float = 1.0) -> None:
        """Stop the process (after its current step) and wait for it a little."""
        self._cancelled.set()
        service = self.service  # None: the thread has not made it yet, and sees the cancel before it starts it
        if service is not None:
            service.stop(wait_s)
        if wait_s > 0 and self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(wait_s)

    def cancel(self) -> None:
        """Stop the process after its current step, without waiting for it."""
        self.stop(wait_s=0)

    @property
    def scanning(self) -> bool:
        """Whether the first pass over the transcript is still going."""
        return not self._done.is_set() and not self._cancelled.is_set()

    def figures(self) -> tuple[float, float] | None:
        """The process's peak resident memory (MB) and CPU seconds at its scan's end (benchmarks)."""
        return self.child_figures

    # -- in the thread ------------------------------------------------------------------------------
    def _emit(self, signal: SignalInstance, *args: object) -> bool:
        """Emit; False once Qt deleted this object (at exit, while the process still talked)."""
        try:
            signal.emit(*args)
        except RuntimeError as exc:
            log.debug("the QA checks' news came after the window went: %s", exc)
            self._cancelled.set()
            return False
        return True

    def _run(self) -> None:
        gen = self.generation
        try:
            # Nothing opens the file before the background damage check has passed it: on a damaged
            # one the window exits, and a connection left open would leave its -wal/-shm behind.
            self.store.ensure_intact()
            with taking_turns():
                from model.qa.service import QaService
                from model.qa.service_protocol import Recheck
            service = QaService(self._database, self.transcript_id, hold_at=self._hold_at)
            self.service = service
            if self._cancelled.is_set():
                return
            service.start()
            with self._lock:
                self._live = True
                early, self._early = self._early, []
            for segments, turns in early:
                service.send(Recheck(segments, turns))
            if self._cancelled.is_set():  # stopped while it started: the stop did not reach it
                service.stop(wait_s=0)
            self._serve(service, gen)
        except TaiyakuError as exc:  # the file is damaged, the server went away: one line
            if not self._cancelled.is_set():
                self._emit(self.failed, gen, str(exc))
        except Exception as exc:  # a thread must not die with a traceback on stderr
            if self._cancelled.is_set():
                log.debug("the QA checks stopped: %s", exc)
                return
            log.exception("the QA checks failed")
            self._emit(self.failed, gen, str(exc) or type(exc).__name__)
        finally:
            self._done.set()

    def _serve(self, service: QaService, gen: int) -> None:
        from model.qa.service import Ended
        from model.qa.service_protocol import Batch, Failed, Finished, Held, Outlined, Rechecked, Rescan

        said_why = False  # the process told why it ends (a failure, a rescan)
        while True:
            reply = service.receive()
            if isinstance(reply, Ended):
                if not said_why and not self._cancelled.is_set() and not service.stopping:
                    message = self.tr("their process ended unexpectedly ({how})").format(how=reply.describe())
                    self._emit(self.failed, gen, message)
                return
            if reply is None or self._cancelled.is_set():
                continue  # stopping: read on until the process has ended
            ok = True
            if isinstance(reply, Outlined):
                self.outline = reply
                ok = self._emit(self.outlined, gen, reply)
            elif isinstance(reply, Batch):
                ok = self._emit(self.batch, gen, reply.findings)
            elif isinstance(reply, Finished):
                self.child_figures = (reply.peak_mb, reply.cpu_s)
                self._done.set()
                ok = self._emit(self.finished, gen)
            elif isinstance(reply, Rechecked):
                ok = self._emit(self.rechecked, gen, reply.served, reply.changed)
            elif isinstance(reply, Rescan):
                said_why = True
                ok = self._emit(self.rescan, gen)
            elif isinstance(reply, Failed):
                said_why = True
                ok = self._emit(self.failed, gen, reply.message)
            elif isinstance(reply, Held):
                self.held.set()
            if not ok:
                service.stop(wait_s=0)


def outline_of(worker: QaWorker | None) -> Outlined | None:
    """What the worker's process read of the transcript's outline, once it has read it."""
    return worker.outline if worker is not None else None


__all__ = ["Finding", "QaWorker", "database_of", "outline_of"]
