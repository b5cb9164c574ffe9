"""Which segment holds the first occurrence of something, for checks that report a thing once
per transcript (a word written two ways, a name not in the dictionary) while a scan reads the
transcript a span at a time and forgets the segments.

Segments are checked in reading order, so when a segment is checked every earlier one has
been seen: whether it holds the first occurrence of a key is known then. A recheck of an
edited segment replaces what that segment contributed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Order = tuple[int, int, int, int]  # turn position, turn id, segment position, segment id


def order_of(turn: Any, seg: Any) -> Order:
    """Where a segment stands in reading order."""
    return (turn.position, turn.id, seg.position, seg.id)


class FirstSeen:
    """For each key, the earliest segment seen holding it (kept per transcript view).

    Memory grows with the number of distinct keys, not with the transcript: only the segments
    that hold a first occurrence are remembered, with the keys they hold first. That is all a
    recheck needs -- a segment that loses a key it did not hold first changes nothing.
    """

    def __init__(self) -> None:
        self.first: dict[Any, tuple[Order, int]] = {}  # key -> (order, offset in the segment's text)
        self._firsts_of: dict[int, set[Any]] = {}  # segment id -> the keys it holds first

    def record(self, order: Order, items: Iterable[tuple[Any, int]]) -> None:
        """Note the keys a segment holds now (with their offsets), replacing what it held before."""
        seg_id = order[3]
        now: dict[Any, int] = {}
        for key, offset in items:
            now.setdefault(key, offset)
        mine = self._firsts_of.get(seg_id)
        if mine:
            for key in [k for k in mine if k not in now]:
                del self.first[key]  # gone from its first segment (a later one may hold it: rechecked then)
                mine.discard(key)
        first, firsts_of = self.first, self._firsts_of
        for key, offset in now.items():
            held = first.get(key)
            if held is None or (order, offset) <= held or held[0][3] == seg_id:
                if held is not None and held[0][3] != seg_id:
                    before = firsts_of[held[0][3]]
                    before.discard(key)
                    if not before:
                        del firsts_of[held[0][3]]
                first[key] = (order, offset)
                if mine is None:
                    mine = firsts_of[seg_id] = set()
                mine.add(key)
        if mine is not None and not mine:
            del firsts_of[seg_id]

    def is_first(self, key: Any, order: Order) -> bool:
        """Whether the segment at ``order`` holds the first occurrence of ``key``."""
        held = self.first.get(key)
        return held is not None and held[0] == order

    def where(self, key: Any) -> tuple[Order, int] | None:
        """The first occurrence of ``key``: the segment's order and the offset, or None."""
        return self.first.get(key)
