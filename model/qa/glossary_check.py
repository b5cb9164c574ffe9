"""The ``glossary`` check: a glossary term in the English whose approved Japanese rendering is
missing from the Japanese, or whose forbidden variant is used there. One finding per term and
segment; a forbidden variant found offers "replace with the approved term" as one correction.
Segments without a translation are left to the ``untranslated`` check.
"""

from __future__ import annotations

from collections.abc import Iterator

from model.glossary.terms import TermFinder
from model.qa.registry import Fix, Hit, check, fixer, preparer
from model.readmodel import SegmentView, TranscriptView, TurnView
from model.store import Store

NAME = "glossary"


@preparer
def _load_glossary(store: Store, view: TranscriptView) -> None:
    from model.glossary.entries import list_terms

    view.context[NAME] = TermFinder([t.record() for t in list_terms(store)])


def _key(en: str) -> str:
    return " ".join(en.casefold().split())


@check(NAME, category="terminology")
def glossary(view: TranscriptView, turn: TurnView, seg: SegmentView) -> Iterator[Hit]:
    """A glossary term rendered without its approved Japanese, or with a forbidden variant."""
    finder: TermFinder | None = view.context.get(NAME)
    en, ja = seg.en, seg.ja
    if not finder or not (en and en.strip() and ja and ja.strip()):
        return
    seen: set[int] = set()
    for match in finder.english(en):
        i = finder.index_of(match.entry)
        if i in seen:
            continue
        seen.add(i)
        entry = match.entry
        has_approved, variants = finder.judge(i, ja)
        found = en[match.start:match.end]
        for variant in variants:
            yield Hit(f"“{found}” is rendered 「{variant}」; the glossary's approved term is 「{entry.ja}」",
                      "ja", f"{_key(entry.en)}|{variant}",
                      params=(("term", entry.en), ("approved", entry.ja), ("variant", variant)))
        if not variants and not has_approved:
            yield Hit(f"“{found}”: the glossary's approved term 「{entry.ja}」 is not in the Japanese",
                      "ja", _key(entry.en), params=(("term", entry.en), ("approved", entry.ja), ("variant", "")))


@fixer(NAME)
def _fixes(finding: object) -> list[Fix]:
    params = dict(getattr(finding, "params", ()))
    variant, approved = params.get("variant", ""), params.get("approved", "")
    if not variant or not approved:
        return []
    return [Fix(f"replace 「{variant}」 with the approved term 「{approved}」", "replace",
                (("lang", "ja"), ("old", variant), ("new", approved), ("action", "Use glossary term"),
                 ("category", "mistranslation")))]
