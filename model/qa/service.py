"""The window's side of the process that runs its QA checks (``model.qa.service_run``).

In the window's own process the checks competed with the window's thread for the GIL (a
selection or a keystroke waited 100-270 ms on 2 cores) and left their memory there (the
spelling dictionaries, a scan's reading: 545 MB at 500,000 segments). ``QaService`` starts a
process for one run (``model.qa.service_warm`` picks how), sends it requests and reads its
replies (``model.qa.service_protocol``); the process reads the database on its own.

``receive`` blocks a caller's thread (not the window's) until the next reply. If the process
ends without saying why (killed, crashed), ``receive`` returns ``Ended`` with its exit code,
so nothing ever waits on a dead process. ``stop`` asks it to stop, then terminates it.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from model.priority import at_low_priority
from model.qa.service_protocol import Reply, Request, Start, Stop
from model.qa.service_warm import BOOT, context, model_root

log = logging.getLogger(__name__)

STEP_S = 0.05  # the scan's steps: the process answers a stop or a recheck within about this long


@dataclass(frozen=True, slots=True)
class Ended:
    """The process ended (its exit code: negative for a signal, None if unknown)."""

    exitcode: int | None

    def describe(self) -> str:
        """"signal 9", "exit status 1": how it ended, for a message."""
        if self.exitcode is None:
            return "unknown"
        return f"signal {-self.exitcode}" if self.exitcode < 0 else f"exit status {self.exitcode}"


def _launch() -> tuple[BaseProcess, Connection]:
    """Start the checks' process (and the forkserver, or a probing interpreter, the first time); our
    end of the pipe to it."""
    ctx = context()  # may ask a fresh interpreter where it finds ``model``
    ours, theirs = ctx.Pipe(duplex=True)
    # The entry is ``exec`` of a few lines (a builtin: nothing of ours imported to unpickle it), so
    # the process puts the window's folder first on sys.path before it imports ``model``.
    boot = {"root": model_root(), "conn": theirs}
    # daemon: ended at the window's exit. (``Process`` is on every context but the base class.)
    process: BaseProcess = ctx.Process(  # type: ignore[attr-defined]
        target=exec, args=(BOOT, boot), name="taiyaku-qa", daemon=True)
    process.start()
    theirs.close()  # ours is the only end left here: the pipe closes when the process ends
    return process, ours


class QaService:
    """One run of the checks (and its rechecks) in a process of its own."""

    def __init__(self, database: str, transcript_id: int, *, step_s: float = STEP_S,
                 hold_at: int | None = None) -> None:
        """``database``: an SQLite file's path or a server's URL (with its password: the process connects)."""
        self.start_request = Start(database, transcript_id, step_s, hold_at)
        self.process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._send_lock = threading.Lock()
        self._stopping = False

    def start(self) -> None:
        """Start the process and send it its ``Start``."""
        self.process, self._conn = at_low_priority(_launch)  # what it starts inherits the low priority
        self.send(self.start_request)

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None

    def send(self, request: Request) -> bool:
        """Send a request; False if the process is gone (its end is then told by ``receive``)."""
        conn = self._conn
        if conn is None:
            return False
        try:
            with self._send_lock:
                conn.send(request)
        except (OSError, EOFError, ValueError) as exc:  # ValueError: closed here meanwhile
            log.debug("the QA process did not take %s: %s", type(request).__name__, exc)
            return False
        return True

    def receive(self, timeout: float | None = None) -> Reply | Ended | None:
        """The next reply; ``Ended`` once the process has ended and said all it had; None after ``timeout``."""
        conn, process = self._conn, self.process
        if conn is None or process is None:
            return Ended(None)
        try:
            ready = wait([conn, process.sentinel], timeout)
            if not ready:
                return None
            if conn.poll():  # what it said before it ended comes first
                reply: Reply = conn.recv()
                return reply
        except (OSError, EOFError, ValueError):  # closed (the process ended, or ``stop`` here)
            pass
        process.join(5)
        return Ended(process.exitcode)

    @property
    def stopping(self) -> bool:
        """Whether ``stop`` was called."""
        return self._stopping

    def stop(self, wait_s: float = 1.0) -> None:
        """Ask the process to stop; terminate it if it has not ended after ``wait_s`` (0: do not wait)."""
        self._stopping = True
        self.send(Stop())
        process = self.process
        if process is None:
            return
        if wait_s > 0:
            process.join(wait_s)
            if process.is_alive():
                process.terminate()
                process.join(1)
            if process.is_alive():
                process.kill()
                process.join(1)
        else:
            # Not waited for: the reader thread of the caller joins it when the pipe closes; a process
            # busy in one long step is terminated by a timer meanwhile.
            timer = threading.Timer(2.0, _end, args=(process,))
            timer.daemon = True
            timer.start()


def _end(process: BaseProcess) -> None:
    """Terminate ``process`` if it is still there (a stop it did not heed in time)."""
    if process.is_alive():
        process.terminate()
        process.join(1)
        if process.is_alive():
            process.kill()
