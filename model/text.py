"""Deriving corrected text from an original and its corrections, and span arithmetic.

A correction records ``start``/``end``/``before``/``after`` against the text as it
stood when it was made. Deriving applies the live corrections in order; when an
earlier one was rejected the later spans may have moved, so a correction whose
``before`` is not at its recorded place is looked for nearby (like ``patch``
with fuzz) and skipped, reported as a conflict, when it cannot be found.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

LIVE_STATUSES = ("proposed", "accepted")


class CorrectionLike(Protocol):
    id: int
    start: int
    end: int
    before: str
    after: str
    status: str


@dataclass(frozen=True)
class Derived:
    """Corrected text and the ids of corrections that could not be applied."""

    text: str
    conflicts: tuple[int, ...] = ()


def _locate(text: str, c: CorrectionLike) -> int | None:
    if text[c.start:c.end] == c.before:
        return c.start
    if not c.before:
        return min(c.start, len(text))
    hits = []
    pos = text.find(c.before)
    while pos != -1:
        hits.append(pos)
        pos = text.find(c.before, pos + 1)
    if not hits:
        return None
    return min(hits, key=lambda p: abs(p - c.start))


def derive(original: str, corrections: Iterable[CorrectionLike]) -> Derived:
    """Apply the live corrections (proposed or accepted) to ``original`` in id order."""
    text = original
    conflicts: list[int] = []
    for c in sorted(corrections, key=lambda c: c.id):
        if c.status not in LIVE_STATUSES:
            continue
        at = _locate(text, c)
        if at is None:
            conflicts.append(c.id)
            continue
        text = text[:at] + c.after + text[at + len(c.before):]
    return Derived(text, tuple(conflicts))


def single_edit(old: str, new: str) -> tuple[int, int, str, str] | None:
    """The smallest single replacement turning ``old`` into ``new``: (start, end, before, after)."""
    if old == new:
        return None
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return prefix, len(old) - suffix, old[prefix:len(old) - suffix], new[prefix:len(new) - suffix]


def shift_span(span: tuple[int, int], edit_start: int, edit_end: int, new_len: int) -> tuple[int, int]:
    """Where a span ends up after ``text[edit_start:edit_end]`` is replaced by ``new_len`` characters.

    Spans after the edit move by the length difference; a span overlapping the
    edit stretches or shrinks to cover what replaced the overlap.
    """
    start, end = span
    delta = new_len - (edit_end - edit_start)
    if edit_end <= start:  # wholly before (an insertion at the start stays outside)
        return start + delta, end + delta
    if edit_start >= end:  # wholly after
        return start, end
    return min(start, edit_start), max(end + delta, edit_start + new_len)


@dataclass(frozen=True)
class DiffPiece:
    """One piece of an inline comparison: kind is 'equal', 'delete' or 'insert'."""

    kind: str
    text: str


def inline_diff(original: str, corrected: str) -> list[DiffPiece]:
    """Character-level comparison for the 'changes' view (rapidfuzz: fast, no autojunk surprises)."""
    from rapidfuzz.distance import Levenshtein

    pieces: list[DiffPiece] = []
    for tag, a0, a1, b0, b1 in Levenshtein.opcodes(original, corrected).as_list():
        if tag == "equal":
            pieces.append(DiffPiece("equal", original[a0:a1]))
            continue
        if tag in ("delete", "replace"):
            pieces.append(DiffPiece("delete", original[a0:a1]))
        if tag in ("insert", "replace"):
            pieces.append(DiffPiece("insert", corrected[b0:b1]))
    return _merge_pieces(pieces)


def _merge_pieces(pieces: Sequence[DiffPiece]) -> list[DiffPiece]:
    merged: list[DiffPiece] = []
    for p in pieces:
        if merged and merged[-1].kind == p.kind:
            merged[-1] = DiffPiece(p.kind, merged[-1].text + p.text)
        else:
            merged.append(p)
    return merged
