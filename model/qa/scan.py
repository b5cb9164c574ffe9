"""Checking a whole transcript in short steps, and checking again the turns an edit touched.

A window cannot stop for seconds to check 50,000 segments, and it should not keep
them all in memory afterwards. ``Scan`` reads the transcript's outline (turns and
speakers), then each ``step()`` reads the segments of the next span of turns by
their range of positions (a few statements, whatever the span's size), checks
them, and lets them go again: only the findings and which turn each segment is in
stay. The span grows or shrinks so that a step takes about ``step_s`` seconds (a
step reads whole turns: a single turn of thousands of paragraphs is one long step).

The findings are those of ``check_view`` on the whole transcript, in the same
order, whatever the steps were.
"""

from __future__ import annotations

import gc
import time
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from model.qa import Finding, check_turns, prepare, settled_keys
from model.readmodel import TranscriptView, TurnView, fill_turn_span, fill_turns, load_transcript
from model.store import Store

FIRST_SPAN = 32  # turns read by the first step, to measure how long a turn takes
MIN_SPAN, MAX_SPAN = 4, 4096


class Scan:
    """The QA checks of one transcript, run a step at a time (see the module's docstring)."""

    def __init__(self, store: Store, transcript_id: int, *, step_s: float = 0.02, span: int = FIRST_SPAN,
                 remember: bool = True, names: Iterable[str] | None = None,
                 pace: Callable[[], None] | None = None) -> None:
        """``pace``: called every few thousand turns of the outline's read (see ``load_transcript``)."""
        self.store = store
        self.remember = remember  # False: no rechecks later, so which turn holds each segment is not kept
        self.transcript_id = transcript_id
        self.step_s = step_s
        self.span = span
        self.names = list(names) if names is not None else None  # only these checks (None: all)
        self.view: TranscriptView = load_transcript(store, transcript_id, segments=False, pace=pace)  # the outline
        prepare(store, self.view)  # the glossary, the dictionary: read once per scan
        self.findings: list[Finding] = []
        # False: whoever takes ``findings`` away keeps them; a recheck then only reports ``rechecked``.
        self.keep_findings = True
        self.turn_of = SegmentTurns()  # segment id -> index of its turn in view.turns
        self.at = 0  # the next turn to check
        self._index_of: dict[int, int] | None = None  # turn id -> index, for rechecks
        self.rechecked: list[tuple[int, list[Finding]]] = []  # what the last recheck found, per turn

    @property
    def done(self) -> bool:
        """Whether every turn has been checked."""
        return self.at >= len(self.view.turns)

    def step(self) -> bool:
        """Read and check the next span of turns; True once every turn is checked."""
        if self.done:
            return True
        start = time.perf_counter()
        first, stop = self.at, min(self.at + self.span, len(self.view.turns))
        turns = self.view.turns[first:stop]
        with _young_objects_die_young():
            fill_turn_span(self.store, self.transcript_id, turns)
            self.findings.extend(check_turns(self.view, first, stop, names=self.names))
            self._let_go(first, turns)
        self.at = stop
        # The next span: as many turns as fit in step_s at this pace, at most twice as many as now.
        took = max(time.perf_counter() - start, 1e-4)
        self.span = max(MIN_SPAN, min(MAX_SPAN, 2 * self.span, int(len(turns) * self.step_s / took)))
        return self.done

    def run(self) -> list[Finding]:
        """Every step at once (no window to keep responsive); the findings."""
        while not self.step():
            pass
        return self.findings

    def recheck(self, segment_ids: Iterable[int] = (), turn_ids: Iterable[int] = ()) -> bool:
        """Check again the turns holding these segments, and these turns; the findings are updated in place.

        Returns False if a segment is unknown (new since the scan): the caller should scan again.
        Only a finished scan can be rechecked. ``rechecked`` then lists (turn number, its findings
        now) for each turn checked again, for a copy of the findings kept elsewhere (``splice_turn``).
        """
        self.rechecked = []
        if self._index_of is None:
            self._index_of = {t.id: i for i, t in enumerate(self.view.turns)}
        indexes: set[int] = set()
        for sid in segment_ids:
            index = self.turn_of.get(sid)
            if index is None:
                return False
            indexes.add(index)
        indexes |= {self._index_of[t] for t in turn_ids if t in self._index_of}
        order = sorted(indexes, reverse=True)  # from the end: earlier turns' findings keep their places
        fill_turns(self.store, [self.view.turns[i] for i in order])
        for i in order:
            fresh = check_turns(self.view, i, i + 1, names=self.names)
            self._let_go(i, [self.view.turns[i]])
            if self.keep_findings:
                splice_turn(self.findings, i + 1, fresh)
            self.rechecked.append((i + 1, fresh))
        return True

    def _let_go(self, first: int, turns: list[TurnView]) -> None:
        """Remember where each segment of ``turns`` is, then drop the segments (memory, and the GC's work)."""
        turn_of = self.turn_of
        for i, turn in enumerate(turns, first):
            if self.remember:
                for seg in turn.segments:
                    turn_of.add(seg.id, i)
            turn.segments = ()  # no list kept per turn (see TurnView)


class SegmentTurns:
    """Which turn (its index in the outline) holds each segment the scan has seen.

    Two arrays of machine ints, sorted by segment id on the first look-up: 12 bytes a segment
    where a dict took about 100 (20 MB at 200,000 segments, kept while the window is open).
    What is added after that (a recheck reads its turns again) goes in a small dict.
    """

    def __init__(self) -> None:
        self._ids = array("q")
        self._turns = array("l")
        self._sorted = False
        self._later: dict[int, int] = {}

    def add(self, segment_id: int, turn: int) -> None:
        """``segment_id`` is in the turn at index ``turn``."""
        if self._sorted:
            self._later[segment_id] = turn
        else:
            self._ids.append(segment_id)
            self._turns.append(turn)

    def get(self, segment_id: int) -> int | None:
        """The index of the turn holding ``segment_id``; None if the scan never saw it."""
        if segment_id in self._later:
            return self._later[segment_id]
        if not self._sorted:
            order = sorted(range(len(self._ids)), key=self._ids.__getitem__)
            self._ids = array("q", (self._ids[i] for i in order))
            self._turns = array("l", (self._turns[i] for i in order))
            self._sorted = True
        at = bisect_left(self._ids, segment_id)
        return self._turns[at] if at < len(self._ids) and self._ids[at] == segment_id else None


def _turn_number(finding: Finding) -> int:
    return finding.turn


def turn_block(findings: list[Finding], turn: int) -> tuple[int, int]:
    """Where the findings of turn number ``turn`` are in ``findings`` (in reading order): ``lo``, ``hi``."""
    # Findings are in reading order: the turn's block is where its number is (turn numbers are from 1).
    lo = bisect_left(findings, turn, key=_turn_number)
    return lo, bisect_right(findings, turn, lo=lo, key=_turn_number)


def splice_turn(findings: list[Finding], turn: int, fresh: list[Finding]) -> list[Finding]:
    """Replace, in ``findings`` (in reading order), those of turn number ``turn`` with ``fresh``;
    returns the ones replaced."""
    lo, hi = turn_block(findings, turn)
    old = findings[lo:hi]
    findings[lo:hi] = fresh
    return old


@contextmanager
def _young_objects_die_young() -> Iterator[None]:
    """No automatic garbage collection inside: the segments a step reads are freed at its end.

    Collected while alive, they would be promoted to the oldest generation, and Python
    then runs full collections of the whole process (50-200 ms each in the window, ten of
    them in a scan of 50,000 segments) although they die a moment later. A step is short.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def iter_checks(store: Store, transcript_id: int, *, include_settled: bool = False,
                names: Iterable[str] | None = None) -> Iterator[Finding]:
    """Every finding of a whole transcript in reading order, read and checked a span of turns at a time:
    memory holds one span, not the transcript nor all its findings (``taiyaku qa``).

    The findings are ``model.qa.run_checks``'s, in the same order; those already dismissed or
    turned into a flag are left out unless ``include_settled``. ``names``: only these checks.
    """
    dismissed, flagged = ({}, set()) if include_settled else settled_keys(store, transcript_id)
    scan = Scan(store, transcript_id, step_s=0.25, remember=False, names=names)
    while not scan.done:
        scan.step()
        for f in scan.findings:
            if f.key not in dismissed and f.key not in flagged:
                yield f
        scan.findings.clear()
