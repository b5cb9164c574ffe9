"""The review feature's whole-transcript reads, in a thread of their own.

After a transcript's first paint (and after its structure changes) the review dock
needs its flags, the review progress and every segment's marks for the overview
strip. At 200,000 segments those reads took the window's thread 2-4 s right after
the paint, and a keystroke made then waited that long. ``ReviewReader`` reads them
in a thread with its own database sessions (SQLite releases the GIL while it reads)
and hands the result to the window's thread through a queued signal; a newer request
makes an older one's result stale (its generation), and it is dropped.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from gui.review.overview import APPROVED, EDIT, FLAG, GAP
from model.review import FlagList, Progress, list_flags, markers, progress

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from model.store import Store

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ReviewSnapshot:
    """What one read found; a part not asked for is None."""

    transcript_id: int
    skeleton: object  # the window's skeleton the rows were mapped with: stale when the model has another
    flags: FlagList | None
    progress: Progress | None
    marks: tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]] | None  # rows ascending, their strip bits


def mark_bits(flagged: bool, gapped: bool, edited: bool, approved: bool) -> int:
    """The strip's bits for one segment's marks."""
    return (FLAG if flagged else 0) | (GAP if gapped else 0) | (EDIT if edited else 0) | (APPROVED if approved else 0)


def read_marks(store: Store, transcript_id: int, row_of: Callable[[int], int | None],
               ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Every marked segment's row (through ``row_of``) and strip bits, as arrays, rows ascending."""
    import numpy as np

    rows: list[int] = []
    bits: list[int] = []
    for sid, flagged, gapped, edited, approved in markers(store, transcript_id):
        row = row_of(sid)
        value = mark_bits(flagged, gapped, edited, approved)
        if row is not None and value:
            rows.append(row)
            bits.append(value)
    row_array = np.array(rows, dtype=np.int64)
    bit_array = np.array(bits, dtype=np.int64)
    order = np.argsort(row_array, kind="stable")
    return row_array[order], bit_array[order]


class ReviewReader(QObject):
    """Reads flags, progress and marks of a transcript in a thread; ``read`` is delivered on the
    window's thread with the snapshot (a failure as a ``TaiyakuError`` or other exception)."""

    read = Signal(object)  # ReviewSnapshot, or the exception the read raised
    _done = Signal(int, object)  # generation, snapshot or exception (queued from the thread)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self.reading = False
        self._done.connect(self._deliver)

    def request(self, store: Store, transcript_id: int, skeleton: object, row_of: Callable[[int], int | None], *,
                flags: bool, marks: bool) -> None:
        """Read in the background (progress always; flags and marks when asked); an earlier
        request still under way is dropped."""
        self._generation += 1
        generation = self._generation
        self.reading = True

        def work() -> None:
            # No automatic collection while it reads: the rows it builds (200,000 at 200k) die at
            # its end, and a collection meanwhile walks them all with the GIL held (40-80 ms).
            collecting = gc.isenabled()
            gc.disable()
            try:
                # Nothing is read before the background damage check has passed the file: on a
                # damaged one the window exits, and a connection left open in this thread would
                # leave the file's -wal/-shm siblings behind (as in the QA worker).
                store.ensure_intact()
                result: object = ReviewSnapshot(
                    transcript_id, skeleton,
                    list_flags(store, transcript_id) if flags else None,
                    progress(store, transcript_id),
                    read_marks(store, transcript_id, row_of) if marks else None)
            except Exception as exc:  # handed to the window's thread (one line there)
                result = exc
            finally:
                if collecting:
                    gc.enable()
            with contextlib.suppress(RuntimeError):  # the window went meanwhile
                self._done.emit(generation, result)

        threading.Thread(target=work, name="taiyaku-review-read", daemon=True).start()

    def cancel(self) -> None:
        """Drop the result of a read under way."""
        self._generation += 1
        self.reading = False

    def _deliver(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return
        self.reading = False
        self.read.emit(result)
