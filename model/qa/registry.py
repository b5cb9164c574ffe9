"""The registry of QA checks: ``@check`` and the ``Hit`` a check yields (see ``model.qa``).

Its own module: a module of checks imports this, not ``model.qa``, which imports the
built-in checks to run them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any


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


# Functions that give the checks what they need beyond the transcript (the glossary, the spelling
# dictionary), called with the store and the view before a run (``model.qa.prepare``).
Preparer = Callable[[Any, Any], None]  # (Store, TranscriptView): not imported here, to stay a leaf module
PREPARERS: list[Preparer] = []


def preparer(fn: Preparer) -> Preparer:
    """Register ``fn(store, view)``: it puts what its checks need into ``view.context``."""
    PREPARERS.append(fn)
    return fn


# -- corrections a finding offers (see model.qa.fixes) ---------------------------------------
# A fixer takes a Finding, an applier (Store, Finding, Fix): typed Any to keep this a leaf module.

@dataclass(frozen=True)
class Fix:
    """One correction a finding offers: a wording (English; ``params`` let a UI word it) and how to apply it."""

    label: str
    kind: str  # what apply_fix does: "replace", "add_word", "prefer_variant"
    params: tuple[tuple[str, str], ...] = ()

    def param(self, name: str) -> str:
        """The value of one parameter ('' when absent)."""
        return dict(self.params).get(name, "")

    def to_dict(self) -> dict[str, object]:
        """Plain values for JSON output."""
        return {"label": self.label, "kind": self.kind, "params": dict(self.params)}


FIXERS: dict[str, Callable[[Any], list[Fix]]] = {}
APPLIERS: dict[str, Callable[[Any, Any, Fix], int | None]] = {}


def fixer(check_name: str) -> Callable[[Callable[[Any], list[Fix]]], Callable[[Any], list[Fix]]]:
    """Register the fixes findings of ``check_name`` offer."""
    def register(fn: Callable[[Any], list[Fix]]) -> Callable[[Any], list[Fix]]:
        FIXERS[check_name] = fn
        return fn
    return register


def applier(kind: str) -> Callable[[Callable[[Any, Any, Fix], int | None]],
                                   Callable[[Any, Any, Fix], int | None]]:
    """Register how fixes of ``kind`` are applied."""
    def register(fn: Callable[[Any, Any, Fix], int | None]) -> Callable[[Any, Any, Fix], int | None]:
        APPLIERS[kind] = fn
        return fn
    return register
