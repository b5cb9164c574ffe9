"""The transcript a window is about to open, read in a thread while the window is being built.

Building the main window (its panes, docks and features: 0.15-0.3 s of the UI thread) needs
no data, and reading a transcript's skeleton needs no window: at 200,000 segments the read is
~0.3 s, two thirds of it SQLite fetching rows without the GIL. Started as soon as the database
is open, the read runs on the other core while the window is built; the window then takes
the result instead of reading again (``TranscriptModel.load``).

The read is only a head start: whatever goes wrong in it (a locked file, a transcript gone, a
damaged page) is forgotten here, and the window reads again on its own thread, where the error
is reported as it always was.
"""

from __future__ import annotations

import logging
import threading

from model.readmodel import SegmentView, load_segments
from model.skeleton import Skeleton, load_skeleton, transcript_ids
from model.store import Store

log = logging.getLogger(__name__)


class Prefetch:
    """Reads, in a thread, the transcript a window will open (see the module's docstring).

    ``preferred``: the transcript the window opens if it still exists (the one shown last),
    else the oldest one. ``first_rows``: the rows whose texts are read too (the first screen).
    """

    def __init__(self, store: Store, preferred: int | None, first_rows: int = 0) -> None:
        self._store = store
        self._preferred = preferred
        self._first_rows = first_rows
        self._skeleton: Skeleton | None = None
        self._segments: dict[int, SegmentView] = {}
        self._thread = threading.Thread(target=self._read, name="taiyaku-prefetch", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            ids = transcript_ids(self._store)
            chosen = self._preferred if self._preferred in ids else (ids[0] if ids else None)
            if chosen is None:  # an empty library
                return
            skeleton = load_skeleton(self._store, chosen)
            first = [sid for sid in skeleton.segment_ids.ids[:self._first_rows] if sid]
            self._segments = load_segments(self._store, first)
            self._skeleton = skeleton
        except Exception as exc:  # a head start only: the window reads again and reports it
            log.debug("the head start read nothing: %s", exc)

    def take(self, transcript_id: int) -> tuple[Skeleton, dict[int, SegmentView]] | None:
        """The skeleton and first segments of ``transcript_id`` if that is what was read, once
        (later calls, and another transcript, get None: read it yourself)."""
        self._thread.join()
        skeleton, segments = self._skeleton, self._segments
        self._skeleton, self._segments = None, {}  # the window owns them now (and changes them)
        if skeleton is None or skeleton.transcript_id != transcript_id:
            return None
        return skeleton, segments
