"""Automatic QA checks: small pluggable functions over the read model.

A check is registered with ``@check(name, scope="segment"|"turn")`` and is
called as ``fn(view, turn, segment)`` (segment scope) or ``fn(view, turn)``
(turn scope); it yields ``Hit``s -- a message, the language concerned (or
None) and a ``detail`` that tells two hits of the same check apart. The runner
turns them into ``Finding``s with positions (from 1) and a stable ``key``
(check, segment or turn id, language, detail), which is what a dismissal or a
flag made from the finding remembers. Checks read the corrected texts.

    from model.qa.finding import Finding, _key
from model.qa.registry import Hit, check  # (a check module imports the registry, not model.qa)

    @check("double_space")
    def double_space(view, turn, seg):
        for lang in ("en", "ja"):
            if "  " in (seg.corrected(lang) or ""):
                yield Hit("two spaces in a row", lang, "")
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from model.qa.finding import Finding, _key
from model.qa.registry import CHECKS, PREPARERS, CheckSpec, Hit, check, preparer
from model.readmodel import SegmentView, TranscriptView, TurnView, load_transcript
from model.schema import FindingDismissal, Flag
from model.store import Store

BUILTIN_MODULES = ("model.qa.checks", "model.qa.glossary_check", "model.qa.spelling", "model.qa.variants")


def load_builtin_checks() -> None:
    """Register the built-in checks (importing their modules registers them)."""
    from model.qa import checks, glossary_check, spelling, variants  # noqa: F401


def _module_rank(spec: CheckSpec) -> int:
    """Checks run (and findings are listed) in the built-in modules' order, whatever order the
    modules happened to be imported in; a check from elsewhere comes after them."""
    module = spec.fn.__module__
    return BUILTIN_MODULES.index(module) if module in BUILTIN_MODULES else len(BUILTIN_MODULES)


def prepare(store: Store, view: TranscriptView) -> None:
    """Run every preparer (``model.qa.registry.preparer``) on ``view``, once: a prepared view is
    left as it is. Without it, checks that need the database (glossary, spelling) find less."""
    load_builtin_checks()
    if view.context.get("prepared"):
        return
    for fn in PREPARERS:
        fn(store, view)
    view.context["prepared"] = True


def segment_finding_key(name: str, segment_id: int, lang: str | None = None, detail: str = "") -> str:
    """The key a segment's finding of check ``name`` has (what a dismissal records)."""
    return _key(name, f"s{segment_id}", lang, detail)


_SHARED = "qa.shared"  # view.context: messages and values findings share
SHARED_MAX = 20_000  # at most this many (a streamed run must not keep every distinct message)


def _one_copy(shared: dict[Any, Any], value: Any) -> Any:
    """``value``, or an equal one seen before (kept in ``shared``, up to ``SHARED_MAX`` of them)."""
    known = shared.get(value)
    if known is not None:
        return known
    if len(shared) < SHARED_MAX:
        shared[value] = value
    return value


def _kind(shared: dict[Any, Any], name: str, hit: Hit, category: str, per_turn: bool = False) -> Any:
    """The kind of a finding of check ``name`` from ``hit``: one copy of it for all findings that read the same."""
    kind = Finding.kind_of(name, hit.lang, _one_copy(shared, hit.message), _one_copy(shared, hit.detail), category,
                           _one_copy(shared, hit.params), per_turn)
    return _one_copy(shared, kind)


def check_view(view: TranscriptView, segment_ids: Iterable[int] | None = None,
               names: Iterable[str] | None = None) -> list[Finding]:
    """Every finding of the registered checks on ``view`` (or only around ``segment_ids``), in reading order."""
    return check_turns(view, 0, len(view.turns), segment_ids, names)


def check_turns(view: TranscriptView, first: int, stop: int, segment_ids: Iterable[int] | None = None,
                names: Iterable[str] | None = None) -> list[Finding]:
    """Findings in turns ``first`` to ``stop - 1`` (indexes into ``view.turns``): lets a window check
    a long transcript in slices without freezing."""
    load_builtin_checks()
    wanted = set(segment_ids) if segment_ids is not None else None
    specs = [CHECKS[n] for n in names] if names is not None else sorted(CHECKS.values(), key=_module_rank)
    # Looked up once, not per segment: this loop runs 50,000 times on a long transcript.
    turn_specs = [(s.name, s.category, s.fn) for s in specs if s.scope == "turn"]
    seg_specs = [(s.name, s.category, s.fn) for s in specs if s.scope == "segment"]
    found: list[Finding] = []
    add, of_kind = found.append, Finding.of_kind
    shared: dict[object, Any] = view.context.setdefault(_SHARED, {})  # one copy of each message / values
    for turn_no in range(first + 1, min(stop, len(view.turns)) + 1):
        turn = view.turns[turn_no - 1]
        segments = turn.segments
        if wanted is not None and not any(s.id in wanted for s in segments):
            continue
        first_seg = segments[0] if segments else None
        for name, category, fn in turn_specs:
            for hit in fn(view, turn):
                kind = _kind(shared, name, hit, category, per_turn=True)
                add(of_kind(kind, turn_no, 1 if first_seg else None, first_seg.id if first_seg else None, turn.id))
        for seg_no, seg in enumerate(segments, 1):
            if wanted is not None and seg.id not in wanted:
                continue
            for name, category, fn in seg_specs:
                for hit in fn(view, turn, seg):
                    add(of_kind(_kind(shared, name, hit, category), turn_no, seg_no, seg.id, turn.id))
    return found


def settled_keys(store: Store, transcript_id: int) -> tuple[dict[str, str], set[str]]:
    """Keys dismissed (key -> reason) and keys already turned into flags."""
    with store.read() as s:
        dismissed = {k: r for k, r in s.execute(select(FindingDismissal.finding_key, FindingDismissal.reason)
                                                 .where(FindingDismissal.transcript_id == transcript_id))}
        flagged = {k for k in s.scalars(select(Flag.finding_key).where(Flag.transcript_id == transcript_id,
                                                                        Flag.finding_key.is_not(None))) if k}
    return dismissed, flagged


def run_checks(store: Store, transcript_id: int, segment_ids: Iterable[int] | None = None, *,
               view: TranscriptView | None = None, include_settled: bool = False) -> list[Finding]:
    """Run the checks on a transcript (or on some of its segments and their turns).

    Findings already dismissed or already turned into a flag are left out unless
    ``include_settled``. Pass ``view`` to reuse a loaded transcript. A whole transcript in
    bounded memory: ``model.qa.scan.iter_checks``.
    """
    view = view or load_transcript(store, transcript_id)
    prepare(store, view)
    found = check_view(view, segment_ids)
    if include_settled:
        return found
    dismissed, flagged = settled_keys(store, transcript_id)
    return [f for f in found if f.key not in dismissed and f.key not in flagged]


__all__ = ["CHECKS", "PREPARERS", "CheckSpec", "Finding", "Hit", "SegmentView", "TurnView", "check", "check_turns",
           "check_view", "load_builtin_checks", "prepare", "preparer", "run_checks", "segment_finding_key",
           "settled_keys"]
