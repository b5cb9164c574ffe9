"""The messages between the window and the process that runs its QA checks (``model.qa.service``).

Plain frozen dataclasses, pickled through a ``multiprocessing`` pipe. The window sends a
``Start`` first, then ``Recheck`` requests, and ``Stop`` (or closes the pipe); the checks'
process answers with ``Outlined``, ``Batch``es of findings in reading order, ``Finished``,
then a ``Rechecked`` (or ``Rescan``) per burst of recheck requests, or ``Failed`` at any time.
``Held``/``GoOn`` are for tests that need the scan to wait at a known place.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.qa import Finding

# -- the window to the checks' process ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Start:
    """Check this transcript of this database (an SQLite file's path or a server's URL)."""

    database: str
    transcript_id: int
    step_s: float = 0.05  # the scan's steps: between two of them the process looks at its pipe
    hold_at: int | None = None  # tests: after checking this many turns, wait for ``GoOn``


@dataclass(frozen=True, slots=True)
class Recheck:
    """Check again the turns holding these segments, and these turns (after the scan if it runs)."""

    segment_ids: frozenset[int]
    turn_ids: frozenset[int]


@dataclass(frozen=True, slots=True)
class GoOn:
    """Tests: a scan held at ``Start.hold_at`` goes on."""


@dataclass(frozen=True, slots=True)
class Stop:
    """Stop and end the process."""


# -- the checks' process to the window ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outlined:
    """The transcript's outline is read: so many turns will be checked."""

    turns: int


@dataclass(frozen=True, slots=True)
class Batch:
    """The next findings, in reading order."""

    findings: list[Finding]


@dataclass(frozen=True, slots=True)
class Finished:
    """Every turn is checked (rechecks may follow); the process's figures so far."""

    peak_mb: float = 0.0
    cpu_s: float = 0.0


@dataclass(frozen=True, slots=True)
class Rechecked:
    """``served`` recheck requests answered at once: these turns' findings (turn number, findings) now."""

    served: int
    changed: list[tuple[int, list[Finding]]]


@dataclass(frozen=True, slots=True)
class Rescan:
    """A recheck met a segment the scan never saw (the structure changed): scan again."""


@dataclass(frozen=True, slots=True)
class Failed:
    """The checks stopped: a one-line message."""

    message: str


@dataclass(frozen=True, slots=True)
class Held:
    """Tests: the scan waits after checking ``at`` turns (``Start.hold_at``) for ``GoOn``."""

    at: int


Request = Start | Recheck | GoOn | Stop
Reply = Outlined | Batch | Finished | Rechecked | Rescan | Failed | Held
