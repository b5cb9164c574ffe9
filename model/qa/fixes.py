"""Corrections a QA finding offers ("replace with the approved term", "add to dictionary", ...).

A check module registers ``@fixer(check_name)``: a function from a ``Finding`` to the ``Fix``es
it offers (read from the finding's ``params``, so a finding printed as JSON carries them too).
``apply_fix`` carries one out as ONE store operation (one undo step), checked against the
current text: a stale finding never writes in the wrong place.
"""

from __future__ import annotations

import unicodedata

from model.errors import OperationFailed
from model.qa import Finding, load_builtin_checks
from model.qa.registry import APPLIERS, FIXERS, Fix, applier
from model.store import Store


def fixes_for(finding: Finding) -> list[Fix]:
    """The corrections ``finding`` offers (none for most checks)."""
    load_builtin_checks()
    fn = FIXERS.get(finding.check)
    return fn(finding) if fn is not None else []


def apply_fix(store: Store, finding: Finding, fix: Fix) -> int | None:
    """Carry out ``fix`` as one operation; its change event id (None: nothing needed doing)."""
    load_builtin_checks()
    fn = APPLIERS.get(fix.kind)
    if fn is None:
        raise OperationFailed(f"unknown kind of fix {fix.kind!r}")
    return fn(store, finding, fix)


def find_normalized(text: str, needle: str) -> tuple[int, int] | None:
    """Where ``needle`` occurs in ``text`` when both are compared after NFKC (full-width letters and
    digits match their ASCII forms): the span in ``text`` itself, or None."""
    at = text.find(needle)
    if at != -1:
        return at, at + len(needle)
    target = unicodedata.normalize("NFKC", needle)
    if not target:
        return None
    pieces: list[str] = []
    starts: list[int] = []  # normalized index -> index in text
    for i, ch in enumerate(text):
        norm = unicodedata.normalize("NFKC", ch)
        pieces.append(norm)
        starts.extend([i] * len(norm))
    normalized = "".join(pieces)
    at = normalized.find(target)
    if at == -1:
        return None
    end = at + len(target)
    return starts[at], (starts[end] if end < len(starts) else len(text))


def replace_in_segment(store: Store, segment_id: int, lang: str, old: str, new: str, action: str,
                       *, everywhere: bool = False, category: str | None = None) -> int:
    """Replace ``old`` by ``new`` in a segment's corrected text (the first occurrence, or all) as one
    operation of ordinary corrections; a one-line error if the text no longer holds ``old``."""
    from model.ops._base import current_text
    from model.ops.corrections import apply_edit
    from model.schema import Segment

    with store.operation(action) as op:
        seg = op.get(Segment, segment_id)
        op.transcript_id = seg.transcript_id
        text = current_text(op.session, seg, lang)
        span = find_normalized(text, old)
        if span is None:
            raise OperationFailed(f"the text no longer holds “{old}”: run the checks again")
        while span is not None:
            text = text[:span[0]] + new + text[span[1]:]
            apply_edit(op, seg, lang, text, category=category, note=action.lower())
            if not everywhere:
                break
            rest = find_normalized(text[span[0] + len(new):], old)
            span = None if rest is None else (rest[0] + span[0] + len(new), rest[1] + span[0] + len(new))
        op.description = f"{old!r} -> {new!r}"
    assert op.event_id is not None
    return op.event_id


@applier("replace")
def _apply_replace(store: Store, finding: Finding, fix: Fix) -> int | None:
    if finding.segment_id is None:
        raise OperationFailed("this finding is not on a segment")
    return replace_in_segment(store, finding.segment_id, fix.param("lang") or finding.lang or "ja",
                              fix.param("old"), fix.param("new"), fix.param("action") or "Apply fix",
                              category=fix.param("category") or None)
