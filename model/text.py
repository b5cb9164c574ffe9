"""Deriving corrected text from an original and its corrections, and span arithmetic.

A segment's *history* in one language is every character its text has ever
had: the original with each correction's replacement (``after``) inserted
right after the span it replaces, in ``id`` order, and nothing ever removed.
A correction's ``start``/``end`` index the history as it stood just before it
(the original plus every earlier correction's replacement, whatever their
status): the characters it replaced. Those positions never depend on review
decisions, so rejecting or accepting a correction never moves another one.

Deriving replays the chain: a live correction (proposed or accepted) hides the
characters of its span and shows its replacement. It is a *conflict* (skipped,
and its replacement stays hidden) when what shows in its span is no longer its
``before`` (it edited text that an earlier correction, now rejected, had made),
or when it inserted into the middle of such text. Nothing is ever looked for by
searching the text: where a correction applies is fixed by where it was made.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

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


@dataclass
class History:
    """A segment's history in one language (see the module notes) and what of it shows.

    ``origin[i]`` is None for a character of the original, else the id of the
    correction that inserted it; ``spans[id]`` are the history indices a
    correction replaced (in order); ``applied`` the ids that count.
    """

    original: str
    corrections: list[CorrectionLike]
    chars: list[str] = field(default_factory=list)
    origin: list[int | None] = field(default_factory=list)
    shown: list[bool] = field(default_factory=list)
    spans: dict[int, list[int]] = field(default_factory=dict)
    applied: set[int] = field(default_factory=set)
    conflicts: tuple[int, ...] = ()

    @property
    def text(self) -> str:
        """The corrected text."""
        return "".join(ch for ch, show in zip(self.chars, self.shown, strict=True) if show)

    def _shown_at(self) -> list[int]:
        return [i for i, show in enumerate(self.shown) if show]

    def anchor(self, start: int, end: int) -> tuple[int, int]:
        """History span for replacing ``text[start:end]`` by a new (last) correction.

        A replacement covers exactly the characters from the first to the last one
        replaced; an insertion goes right after the character before the cursor.
        """
        shown_at = self._shown_at()
        if start < end:
            return shown_at[start], shown_at[end - 1] + 1
        at = shown_at[start - 1] + 1 if start > 0 else 0
        return at, at

    def cut(self, position: int) -> Cut | None:
        """How to split the history at ``position`` of the corrected text (0 <= position < len).

        None when every way to cut there would cut through a correction that
        applies, or change what either part shows.
        """
        shown_at = self._shown_at()
        lo = shown_at[position - 1] + 1 if position > 0 else 0
        hi = shown_at[position] if position < len(shown_at) else len(self.chars)
        extent: dict[int, tuple[int, int]] = {}
        blocks: dict[int, tuple[int, int]] = {}
        for i, o in enumerate(self.origin):
            if o is not None:
                first, _ = blocks.get(o, (i, i))
                blocks[o] = (first, i)
        for c in self.corrections:
            ends = [*self.spans.get(c.id, ()), *blocks.get(c.id, ())]
            if ends:
                extent[c.id] = (min(ends), max(ends))
        options = []
        for q in range(lo, hi + 1):  # every place between the two characters the cursor is between
            sides, cost = _sides(self, q, extent, blocks)
            if sides is not None:
                options.append((cost, q, sides))
        text = self.text
        for _cost, q, sides in sorted(options, key=lambda o: (o[0], o[1])):
            plan = _plan(self, q, sides)
            if _check(self, plan, text[:position], text[position:]):
                return plan
        return None


@dataclass(frozen=True)
class Cut:
    """A split of a history: where the original is cut, and each correction's new span per part."""

    original: int
    first: dict[int, tuple[int, int]]
    second: dict[int, tuple[int, int]]


@dataclass
class _Moved:
    """A correction with new offsets, for checking a plan by deriving it."""

    id: int
    start: int
    end: int
    before: str
    after: str
    status: str


def history(original: str, corrections: Iterable[CorrectionLike]) -> History:
    """Replay ``corrections`` (any status, applied in id order) over ``original``."""
    h = History(original, sorted(corrections, key=lambda c: c.id))
    pieces, span_runs, conflicts = _replay(original, h.corrections, h.applied)
    h.conflicts = tuple(conflicts)
    where: dict[int, int] = {}  # id of a piece's first character -> its index in the history
    for p in pieces:
        where[p[3]] = len(h.chars)
        h.chars.extend(p[0])
        h.origin.extend([p[1]] * len(p[0]))
        h.shown.extend([p[2]] * len(p[0]))
    h.spans = {cid: [where[u] + k for u, n in runs for k in range(n)] for cid, runs in span_runs.items()}
    return h


# A piece of history: [text, origin (None or correction id), shown, id of its first character].
# Character ids are given once and never change, so a span can be followed as pieces are split.
_Piece = list[Any]


def _replay(original: str, corrections: list[CorrectionLike], applied: set[int], spans: bool = True
            ) -> tuple[list[_Piece], dict[int, list[tuple[int, int]]], list[int]]:
    """The history as pieces, each correction's span as runs of character ids, the conflicts;
    ``applied`` is filled in. Pieces, not characters: deriving 50,000 segments stays fast."""
    pieces: list[_Piece] = [[original, None, True, 0]] if original else []
    size = fresh = len(original)
    span_runs: dict[int, list[tuple[int, int]]] = {}
    conflicts: list[int] = []
    for c in corrections:
        fits = 0 <= c.start <= c.end <= size
        start = min(max(c.start, 0), size)
        end = min(max(c.end, start), size)
        i = _split_at(pieces, start)
        j = _split_at(pieces, end)
        live = c.status in LIVE_STATUSES
        applies = live and fits and "".join(p[0] for p in pieces[i:j] if p[2]) == c.before
        if applies and start == end and 0 < start < size:
            # An insertion into the middle of text that no longer counts goes with it.
            left, right = pieces[i - 1][1], pieces[i][1]
            applies = not (left is not None and right is not None and left not in applied and right not in applied)
        if live and not applies:
            conflicts.append(c.id)
        if applies:
            applied.add(c.id)
            for p in pieces[i:j]:
                p[2] = False
        if spans:
            span_runs[c.id] = [(p[3], len(p[0])) for p in pieces[i:j]]
        if c.after:
            pieces.insert(j, [c.after, c.id, applies, fresh])
            fresh += len(c.after)
            size += len(c.after)
    return pieces, span_runs, conflicts


def _split_at(pieces: list[_Piece], pos: int) -> int:
    """Index of the piece that starts at ``pos`` (len(pieces) at the end), splitting one if needed."""
    at = 0
    for k, p in enumerate(pieces):
        if at == pos:
            return k
        n = len(p[0])
        if pos < at + n:
            cut = pos - at
            pieces[k:k + 1] = [[p[0][:cut], p[1], p[2], p[3]], [p[0][cut:], p[1], p[2], p[3] + cut]]
            return k + 1
        at += n
    return len(pieces)


def derive(original: str, corrections: Iterable[CorrectionLike]) -> Derived:
    """Apply the live corrections (proposed or accepted) to ``original`` in id order."""
    pieces, _spans, conflicts = _replay(original, sorted(corrections, key=lambda c: c.id), set(), spans=False)
    return Derived("".join(p[0] for p in pieces if p[2]), tuple(conflicts))


def _sides(h: History, q: int, extent: dict[int, tuple[int, int]],
           blocks: dict[int, tuple[int, int]]) -> tuple[dict[int, int] | None, int]:
    """Which part (1 or 2) each correction goes to when the history is cut before index ``q``.

    A correction that applies may not be cut through; one that does not (rejected,
    reverted, in conflict) may, and then follows its replacement (or, with none, its
    first part) and can no longer apply (cost 1 each: fewer is better).
    """
    sides: dict[int, int] = {}
    cost = 0
    for c in h.corrections:
        lo, hi = extent.get(c.id, (0, 0))
        if c.id not in extent or hi < q:
            sides[c.id] = 1
        elif lo >= q:
            sides[c.id] = 2
        elif c.id in h.applied:
            return None, 0
        else:
            block = blocks.get(c.id)
            if block is not None and block[0] < q <= block[1]:
                return None, 0  # through its (hidden) replacement
            sides[c.id] = 2 if block is not None else 1
            cost += 1
    return sides, cost


def _relocate(origin: Sequence[int | None], spans: dict[int, list[int]], members: Iterable[int]
              ) -> dict[int, tuple[int, int]]:
    """Each member correction's span in a history whose characters come from ``origin``."""
    first_block: dict[int, int] = {}
    for i, o in enumerate(origin):
        if o is not None and o not in first_block:
            first_block[o] = i
    out = {}
    for cid in members:
        span = spans.get(cid) or []
        at = span[0] if span else first_block.get(cid, 0)
        start = sum(1 for o in origin[:at] if o is None or o < cid)  # the history just before it
        out[cid] = (start, start + len(span))
    return out


def _plan(h: History, q: int, sides: dict[int, int]) -> Cut:
    parts = []
    for side, lo, hi in ((1, 0, q), (2, q, len(h.chars))):
        members = [cid for cid, s in sides.items() if s == side]
        spans = {cid: [i - lo for i in h.spans.get(cid, ()) if lo <= i < hi] for cid in members}
        parts.append(_relocate(h.origin[lo:hi], spans, members))
    return Cut(sum(1 for o in h.origin[:q] if o is None), parts[0], parts[1])


def _moved(h: History, spans: dict[int, tuple[int, int]]) -> list[_Moved]:
    return [_Moved(c.id, *spans[c.id], c.before, c.after, c.status) for c in h.corrections if c.id in spans]


def _check(h: History, plan: Cut, first: str, second: str) -> bool:
    """Both parts show exactly what they showed before, with the same corrections applying."""
    a = history(h.original[:plan.original], _moved(h, plan.first))
    b = history(h.original[plan.original:], _moved(h, plan.second))
    return a.text == first and b.text == second and a.applied | b.applied == h.applied


def join(left: History, separator: str, right: History) -> dict[int, tuple[int, int]] | None:
    """New spans of both chains' corrections when ``right`` follows ``left`` after ``separator``.

    None if the joined history would not show ``left + separator + right``.
    """
    shift = len(left.chars) + len(separator)
    origin = [*left.origin, *([None] * len(separator)), *right.origin]
    spans = {**left.spans, **{cid: [i + shift for i in s] for cid, s in right.spans.items()}}
    out = _relocate(origin, spans, [c.id for c in left.corrections] + [c.id for c in right.corrections])
    moved = _moved(left, out) + _moved(right, out)
    joined = history(left.original + separator + right.original, moved)
    if joined.text != left.text + separator + right.text or joined.applied != left.applied | right.applied:
        return None
    return out


def carry_spans(old: History, new: History, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where spans of ``old.text`` lie in ``new.text``: the same history under other review decisions.

    A span keeps the characters it covered that still show (and what shows between
    them). When none does, it covers what now shows in their place, between the
    characters around it (a rejected edit over a marker gives the marker back), and
    is empty -- gone -- when nothing does. Nothing is searched for.
    """
    if len(old.chars) != len(new.chars):
        raise ValueError("not the same history")
    old_at = [i for i, show in enumerate(old.shown) if show]
    before = [0]  # before[i]: how many characters of the new text come before history index i
    for show in new.shown:
        before.append(before[-1] + show)
    out = []
    for start, end in spans:
        kept = [i for i in old_at[start:end] if new.shown[i]]
        if kept:
            out.append((before[kept[0]], before[kept[-1] + 1]))
            continue
        lo = old_at[start - 1] + 1 if start > 0 else 0
        hi = old_at[end] if end < len(old_at) else len(new.chars)
        out.append((before[lo], before[hi]))
    return out


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
