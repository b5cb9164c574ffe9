"""The review feature's whole-transcript reads, in a thread of their own.

After a transcript's first paint (and after its structure changes) the review dock
needs its flags, the review progress and every segment's marks for the overview
strip. At 200,000 segments those reads took the window's thread 2-4 s right after
the paint, and a keystroke made then waited that long. ``ReviewReader`` reads them
on a ``BackgroundRead`` (a thread with its own database sessions, pacing itself to the
window's input) and hands the result to the window's thread; a newer request makes an
older one's result stale, and it is dropped.
"""

from __future__ import annotations

import logging
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from gui.window.background import BackgroundRead, Pace
from model.review import FlagList, Progress, list_flags, marker_bit_batches, progress

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


def read_marks(store: Store, transcript_id: int, row_of: Callable[[int], int | None], pace: Pace | None = None,
               ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Every marked segment's row (through ``row_of``) and strip bits, as arrays, rows ascending.
    The model's marker bits are the strip's (``test_marker_bits_are_the_strips``). Kept in
    arrays as the batches come: lists of every mark (500,000 at 500,000 segments) took the
    window 150 MB more at its peak."""
    import numpy as np

    rows, bits = array("q"), array("q")
    for batch in marker_bit_batches(store, transcript_id):  # 5,000 marks: a few ms of the thread's work
        for sid, value in batch:
            row = row_of(sid)
            if row is not None and value:
                rows.append(row)
                bits.append(value)
        if pace is not None:
            pace()
    row_array = np.frombuffer(rows, dtype=np.int64) if rows else np.zeros(0, dtype=np.int64)
    bit_array = np.frombuffer(bits, dtype=np.int64) if bits else np.zeros(0, dtype=np.int64)
    order = np.argsort(row_array, kind="stable")
    return row_array[order], bit_array[order]


class ReviewReader(QObject):
    """Reads flags, progress and marks of a transcript in a thread; ``read`` is delivered on the
    window's thread with the snapshot (a failure as a ``TaiyakuError`` or other exception)."""

    read = Signal(object)  # ReviewSnapshot, or the exception the read raised

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.background = BackgroundRead(self, name="taiyaku-review-read")
        self.background.done.connect(self.read)

    @property
    def reading(self) -> bool:
        """Whether a read is under way (its result not delivered yet)."""
        return self.background.reading

    def request(self, store: Store, transcript_id: int, skeleton: object, row_of: Callable[[int], int | None], *,
                flags: bool, marks: bool) -> None:
        """Read in the background (progress always; flags and marks when asked); an earlier
        request still under way is dropped."""

        def work(pace: Pace) -> ReviewSnapshot:
            listing = list_flags(store, transcript_id) if flags else None
            pace()
            done = progress(store, transcript_id)
            pace()
            return ReviewSnapshot(transcript_id, skeleton, listing, done,
                                  read_marks(store, transcript_id, row_of, pace) if marks else None)

        self.background.request(work, store)

    def cancel(self) -> None:
        """Drop the result of a read under way."""
        self.background.cancel()
