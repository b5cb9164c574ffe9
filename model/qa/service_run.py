"""The process that runs a window's QA checks (``model.qa.service`` starts it; this is its main).

It opens the database on its own (it only reads), checks the transcript a step at a time
(``model.qa.scan.Scan``) and sends the findings to the window in batches, in reading order
(``model.qa.service_protocol``); then it waits for recheck requests after edits, answering
a burst of them at once. Between two steps it looks at its pipe: a ``Stop``, or the pipe
closing because the window's process ended, ends it. It runs at a lower CPU priority than
the window, and gives the memory of its reading back to the system once the scan is over.
"""

from __future__ import annotations

import logging
import time
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from model.errors import TaiyakuError
from model.qa.service_protocol import (
    Batch,
    Failed,
    Finished,
    GoOn,
    Held,
    Outlined,
    Recheck,
    Rechecked,
    Reply,
    Rescan,
    Start,
    Stop,
)

if TYPE_CHECKING:  # pragma: no cover
    from model.qa.scan import Scan
    from model.store import Store

log = logging.getLogger(__name__)

BATCH_S = 0.1  # findings are sent at most this often (each batch costs the window a little)


class _Ended(Exception):
    """A ``Stop`` came, or the window's end of the pipe closed: the process ends."""


def main(conn: Connection) -> None:
    """Serve one ``Start`` request (then its rechecks) from the window at the other end of ``conn``."""
    from model.priority import yield_the_cpu

    yield_the_cpu()  # the window gets a core first (the threads started later inherit the priority)
    try:
        start = conn.recv()
        if isinstance(start, Start):
            _Run(conn, start).serve()
    except (_Ended, EOFError, OSError):
        pass
    finally:
        conn.close()


def figures() -> tuple[float, float]:
    """This process's peak resident memory (MB) and CPU time (s) so far."""
    from model.peak_memory import peak_mb

    return peak_mb(), time.process_time()


class _Run:
    def __init__(self, conn: Connection, start: Start) -> None:
        self.conn = conn
        self.start = start
        self.requests: list[Recheck] = []  # rechecks asked for while the scan runs
        self.go_on = False

    def send(self, reply: Reply) -> None:
        try:
            self.conn.send(reply)
        except (BrokenPipeError, EOFError, OSError) as exc:  # the window's process is gone
            raise _Ended from exc

    def receive(self, block: bool) -> bool:
        """Take the requests waiting in the pipe (at least one if ``block``); False if none."""
        got = False
        try:
            while block or self.conn.poll():
                block = False
                request = self.conn.recv()
                got = True
                if isinstance(request, Stop):
                    raise _Ended
                if isinstance(request, Recheck):
                    self.requests.append(request)
                elif isinstance(request, GoOn):
                    self.go_on = True
        except (EOFError, OSError) as exc:
            raise _Ended from exc
        return got

    def pace(self) -> None:
        self.receive(block=False)

    def serve(self) -> None:
        from model.db import make_engine
        from model.store import Store

        store: Store | None = None
        try:
            # It only reads: the window opened (and migrated, and set the journal mode of) the database.
            store = Store(make_engine(self.start.database, wal=False))
            scan = self._scan(store)
            peak, cpu = figures()
            self.send(Finished(peak, cpu))
            from model.release_memory import release_free_memory

            # The scan's reading of every segment is garbage now: give its pages back.
            release_free_memory()
            self._serve_rechecks(scan)
        except TaiyakuError as exc:  # the database went away, is locked, ...: one line
            self.send(Failed(str(exc)))
        except _Ended:
            raise
        except Exception as exc:  # told to the window in one line, logged here
            log.exception("the QA checks failed")
            self.send(Failed(str(exc) or type(exc).__name__))
        finally:
            if store is not None:
                store.close()

    def _scan(self, store: Store) -> Scan:
        from model.qa.scan import Scan
        from model.qa.spelling import load_dictionary

        start = self.start
        load_dictionary(self.pace)
        scan = Scan(store, start.transcript_id, step_s=start.step_s, pace=self.pace)
        self.send(Outlined(len(scan.view.turns)))
        # The window keeps the findings; a recheck reports its turns' findings anew.
        scan.keep_findings = False
        hold_at = start.hold_at
        held = hold_at is None
        last = time.monotonic()
        while True:
            if hold_at is not None and not held:  # land on the turn asked for, a turn at a time
                scan.span = max(1, min(scan.span, hold_at - scan.at))
            done = scan.step()
            if done or time.monotonic() - last >= BATCH_S or not held:
                if scan.findings:
                    batch, scan.findings = scan.findings, []
                    self.send(Batch(batch))
                last = time.monotonic()
            if hold_at is not None and not held and scan.at >= hold_at:
                held = True
                self.send(Held(scan.at))
                while not self.go_on:
                    self.receive(block=True)
            if done:
                return scan
            self.pace()

    def _serve_rechecks(self, scan: Scan) -> None:
        while True:
            if not self.requests:
                self.receive(block=True)
                continue
            self.receive(block=False)  # a burst of edits: one recheck
            segments: set[int] = set()
            turns: set[int] = set()
            for request in self.requests:
                segments |= request.segment_ids
                turns |= request.turn_ids
            served, self.requests = len(self.requests), []
            if not scan.recheck(segments, turns):
                self.send(Rescan())
                return
            self.send(Rechecked(served, list(scan.rechecked)))


__all__ = ["figures", "main"]
