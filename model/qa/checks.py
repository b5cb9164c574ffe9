"""The built-in QA checks. Each is small, reads corrected texts, and yields ``Hit``s.

Languages are named in messages as "English"/"Japanese"; ``lang`` on a hit is
the side that needs attention (the one missing a translation, a number, a gap
or a redaction).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import TypeGuard

from model.qa.numbers import canonical, may_hold_numbers, missing_numbers
from model.qa.registry import Hit, check
from model.readmodel import SegmentView, SpeakerView, TranscriptView, TurnView

LANG_WORDS = {"en": "English", "ja": "Japanese"}
# Turns that are not speech and need no translation: headings, notes, stage and editorial markers.
NOT_TRANSLATED = ("title", "note", "omission", "reaction", "interpretation", "crosstalk", "end")
DOUBTFUL_PAIRING = 0.5  # below this confidence the importer's pairing is worth a look
OTHER = {"en": "ja", "ja": "en"}


def _has_text(text: str | None) -> TypeGuard[str]:
    return bool(text and text.strip())


@check("untranslated", category="missing_translation")
def untranslated(view: TranscriptView, turn: TurnView, seg: SegmentView) -> Iterator[Hit]:
    """A segment with text in one language and none in the other.

    A title line, a translator's note or a stage marker is not speech to translate: skipped.
    """
    if turn.kind in NOT_TRANSLATED:
        return
    en, ja = _has_text(seg.en), _has_text(seg.ja)
    if en != ja:
        yield _untranslated_hit("ja" if en else "en")


# Hits are values: the same one serves every segment it describes (thousands of findings
# on a long transcript, each otherwise built with its message and parameters).
@cache
def _untranslated_hit(missing: str) -> Hit:
    return Hit(f"no {LANG_WORDS[missing]} text: the segment is untranslated", missing, params=(("lang", missing),))


@check("empty_turn", scope="turn")
def empty_turn(view: TranscriptView, turn: TurnView) -> Iterator[Hit]:
    """A turn with no words in either language."""
    if not any(_has_text(s.en) or _has_text(s.ja) for s in turn.segments):
        yield EMPTY_TURN


EMPTY_TURN = Hit("the turn is empty: no text in either language")
UNKNOWN_SPEAKER = Hit("the speaker of this turn is unknown")


@check("unknown_speaker", scope="turn", category="speaker")
def unknown_speaker(view: TranscriptView, turn: TurnView) -> Iterator[Hit]:
    """Speech whose speaker is not known (no label, no name)."""
    if turn.kind != "speech":
        return
    sp = turn.speaker
    if sp is None or not (sp.name or sp.label_en or sp.label_ja):
        yield UNKNOWN_SPEAKER


@check("gap_count", category="inaudible")
def gap_count(view: TranscriptView, turn: TurnView, seg: SegmentView) -> Iterator[Hit]:
    """Different numbers of inaudible gaps in the two languages of a segment."""
    if not seg.gaps or not (_has_text(seg.en) and _has_text(seg.ja)):  # no gaps: as many on each side
        return
    en = sum(1 for g in seg.gaps if g.lang == "en")
    ja = sum(1 for g in seg.gaps if g.lang == "ja")
    if en != ja:
        yield _gap_count_hit(en, ja)


@cache
def _gap_count_hit(en: int, ja: int) -> Hit:
    return Hit(f"{en} inaudible gap(s) in English but {ja} in Japanese", "en" if en < ja else "ja", f"{en}-{ja}",
               params=(("en", str(en)), ("ja", str(ja))))


@check("numbers", category="mistranslation")
def numbers(view: TranscriptView, turn: TurnView, seg: SegmentView) -> Iterator[Hit]:
    """A number, amount, percentage or year on one side that the other side does not have."""
    en, ja = seg.en, seg.ja
    if not (_has_text(en) and _has_text(ja)) or not (may_hold_numbers(en, "en") or may_hold_numbers(ja, "ja")):
        return  # most segments: no digit or numeral on either side, so no number to miss
    for lang in ("en", "ja"):
        other = OTHER[lang]
        for n in missing_numbers(seg.corrected(lang), lang, seg.corrected(other), other):
            yield Hit(f"“{n.text}” ({canonical(n.value)}) in {LANG_WORDS[lang]} has no counterpart in "
                      f"{LANG_WORDS[other]}", other, canonical(n.value),
                      params=(("text", n.text), ("value", canonical(n.value)), ("source", lang),
                              ("target", other)))


@check("redaction")
def redaction(view: TranscriptView, turn: TurnView, seg: SegmentView) -> Iterator[Hit]:
    """A redaction on one side only (e.g. a name redacted in English but written out in Japanese)."""
    if not seg.redactions or not (_has_text(seg.en) and _has_text(seg.ja)):  # none: none on one side only
        return
    counts = {lang: sum(1 for r in seg.redactions if r.lang == lang) for lang in ("en", "ja")}
    if (counts["en"] == 0) != (counts["ja"] == 0):
        bare = "en" if counts["en"] == 0 else "ja"
        yield Hit(f"redacted in {LANG_WORDS[OTHER[bare]]} only: check that {LANG_WORDS[bare]} does not "
                  f"reveal what was redacted", bare, params=(("source", OTHER[bare]), ("target", bare)))


_TIMESTAMP = re.compile(r"^\s*[\[(]?\d{1,2}(?::\d{2}){1,2}[\])]?\s*")


def label_of(prefix: str) -> str | None:
    """The speaker label in a paragraph prefix ('[00:01:12] Q: ' -> 'Q'), or None."""
    text = _TIMESTAMP.sub("", unicodedata.normalize("NFKC", prefix or "")).strip()
    text = text.rstrip(":").strip()
    return text or None


def _norm_label(label: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", label or "").casefold().strip(" :[]【】").split())


def _labels(sp: SpeakerView) -> set[str]:
    return {_norm_label(x) for x in (sp.label_en, sp.label_ja, sp.name) if x}


@check("speaker_label", category="speaker")
def speaker_label(view: TranscriptView, turn: TurnView, seg: SegmentView) -> Iterator[Hit]:
    """A speaker label in one language naming someone other than the turn's speaker."""
    if turn.kind != "speech" or not (seg.en_prefix or seg.ja_prefix):  # no prefix: no label
        return
    sp = turn.speaker
    own = {_norm_label(x) for x in ((sp.label_en, sp.label_ja, sp.name) if sp else ()) if x}
    for lang in ("en", "ja"):
        label = label_of(seg.prefix(lang))
        if label is None or _norm_label(label) in own:
            continue
        if sp is None:
            continue  # nothing to compare with: unknown_speaker reports the turn
        # Speakers called by this label; one sharing a label with ours (two officials) is no contradiction.
        others = [o for o in view.speakers.values() if o.id != sp.id
                  and _norm_label(label) in _labels(o) and not (_labels(o) & own)]
        # A label this speaker does not carry: it names someone else, or contradicts the
        # speaker's own label in that language.
        own_label = sp.label_en if lang == "en" else sp.label_ja
        if others or own_label:
            who = others[0].display_name if others else label
            yield Hit(f"the {LANG_WORDS[lang]} paragraph is labelled “{label}” ({who}) but the turn's speaker is "
                      f"{sp.display_name}", lang, _norm_label(label),
                      params=(("lang", lang), ("label", label), ("who", who), ("speaker", sp.display_name)))


@check("pairing", category="missing_translation")
def pairing(view: TranscriptView, turn: TurnView, seg: SegmentView) -> Iterator[Hit]:
    """A pair of paragraphs the importer was unsure of (lengths and anchors disagree): check this pairing.

    Re-pair with the alignment commands (split, merge, move translation) if it is wrong.
    """
    if seg.confidence is None or seg.confidence >= DOUBTFUL_PAIRING or not (_has_text(seg.en) and _has_text(seg.ja)):
        return
    yield Hit(f"check this pairing: the importer paired these paragraphs ({seg.pairing or 'unknown'}) "
              f"with confidence {seg.confidence:.0%}", None, params=(("confidence", f"{seg.confidence:.0%}"),
                                                                      ("pairing", seg.pairing or "")))
