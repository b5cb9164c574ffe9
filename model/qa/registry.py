"""The registry of QA checks: ``@check`` and the ``Hit`` a check yields (see ``model.qa``).

Its own module: a module of checks imports this, not ``model.qa``, which imports the
built-in checks to run them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    """What a check reports; the runner adds where it is."""

    message: str
    lang: str | None = None
    detail: str = ""
    params: tuple[tuple[str, str], ...] = ()  # the message's values, for a translated wording


@dataclass(frozen=True)
class CheckSpec:
    name: str
    scope: str  # "segment" or "turn"
    category: str
    fn: Callable[..., Iterable[Hit]]
    description: str


CHECKS: dict[str, CheckSpec] = {}


CheckFn = Callable[..., Iterable[Hit]]


def check(name: str, scope: str = "segment", category: str = "other") -> Callable[[CheckFn], CheckFn]:
    """Register a check under a stable ``name``; ``category`` is the flag category of its findings."""
    if scope not in ("segment", "turn"):
        raise ValueError(f"unknown check scope {scope!r}")

    def register(fn: CheckFn) -> CheckFn:
        summary = (fn.__doc__ or name).strip().splitlines()[0]
        CHECKS[name] = CheckSpec(name, scope, category, fn, summary)
        return fn

    return register
