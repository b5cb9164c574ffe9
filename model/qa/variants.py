"""The ``variants`` check: one Japanese word written two ways in one transcript (表記ゆれ) --
行う / 行なう, 子供 / 子ども, 引き上げ / 引上げ -- and digits or Latin letters written both
full-width and half-width.

Words are compared with Sudachi (``sudachipy`` and its ``sudachidict-core`` dictionary, both from
the package index): two dictionary forms with the same normalized form are one word written two
ways. Each pair is reported once, on the segment where the second way first appears, naming where
the first way first appears. A finding offers to write the word one way everywhere: the choice is
stored as the preferred spelling (for the whole database) and applied as corrections, one undo step.
Once a preference exists, every other spelling of that word is a finding of its own.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any, NamedTuple

from model.qa.first_seen import FirstSeen, Order, order_of
from model.qa.registry import Fix, Hit, applier, check, fixer, preparer
from model.readmodel import SegmentView, TranscriptView, TurnView
from model.store import Store

NAME = "variants"
WIDTH_GROUPS = {"width:digits": (re.compile("[0-9]+"), re.compile("[０-９]+")),
                "width:latin": (re.compile("[A-Za-z]+"), re.compile("[Ａ-Ｚａ-ｚ]+"))}
WIDTH_WORDS = {"half": "half-width", "full": "full-width"}
# Parts of speech whose spelling varies: content words, not particles, symbols or numerals.
_CONTENT = {"名詞", "動詞", "形容詞", "副詞", "形状詞", "連体詞", "接続詞", "感動詞"}
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_HIRAGANA_ONLY = re.compile(r"[\u3041-\u309f]+")


class Word(NamedTuple):
    """A content word of a Japanese text: its group (Sudachi's normalized form, which is the same for
    the ways of writing one word with one reading), how it is written (dictionary form), where, and
    its surface. (A named tuple: a long transcript makes millions of them.)"""

    group: str
    form: str
    start: int
    end: int
    surface: str


@cache
def _analyser() -> tuple[Any, frozenset[int], frozenset[int]]:
    """Sudachi's tokenizer (only the fields used: half the time per text), the ids of the parts of
    speech worth comparing and of the verbs among them (looked up once: reading a POS tuple per
    word costs more)."""
    from sudachipy import Dictionary, SplitMode  # 0.2 s to load: only when a Japanese text is checked

    dictionary = Dictionary(dict="core")
    content, verbs = set(), set()
    pos_id = 0
    while (pos := dictionary.pos_of(pos_id)) is not None:
        if pos[0] in _CONTENT and pos[1] != "数詞":
            content.add(pos_id)
            if pos[0] == "動詞":
                verbs.add(pos_id)
        pos_id += 1
    fields = {"pos", "normalized_form", "dictionary_form", "reading_form"}
    return dictionary.tokenizer(SplitMode.C, fields=fields), frozenset(content), frozenset(verbs)


# Sudachi's tokenizer is one object: the window's QA thread and a fix applied on the UI thread
# must not use it at once.
_TOKENIZER_LOCK = threading.Lock()


@lru_cache(maxsize=4096)
def _reading(form: str) -> str:
    """How a dictionary form is read (katakana): two ways of writing one word read the same."""
    tokenizer = _analyser()[0]
    with _TOKENIZER_LOCK:
        morphemes = tokenizer.tokenize(form)
    return "".join(m.reading_form() for m in morphemes)


@lru_cache(maxsize=2048)  # rechecks meet the same texts again; each entry holds ~4 KB
def words(text: str) -> tuple[Word, ...]:
    """The content words of ``text`` that are written in Japanese script.

    A verb written in hiragana alone is left out: という, いただく, してみる are grammar written in
    kana by convention, not a spelling of 言う, 頂く, 見る to be made consistent."""
    tokenizer, content, verbs = _analyser()
    out: list[Word] = []
    with _TOKENIZER_LOCK:
        morphemes = tokenizer.tokenize(text)
    for m in morphemes:
        pos = m.part_of_speech_id()
        if pos not in content:
            continue
        surface = m.surface()
        if not _JAPANESE.search(surface) or (pos in verbs and _HIRAGANA_ONLY.fullmatch(surface)):
            continue
        form = m.dictionary_form()
        out.append(Word(_group(m.normalized_form(), form), form, m.begin(), m.end(), surface))
    return tuple(out)


@lru_cache(maxsize=8192)
def _group(normalized: str, form: str) -> str:
    """The group of a word: the normalized form and the reading (思える is normalized to 思う, but is
    read otherwise). One string per group, shared by every occurrence."""
    return f"{normalized}:{_reading(form)}"


def width_runs(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(group, 'half'|'full', start, end) for every run of digits or Latin letters."""
    for group, (half, full) in WIDTH_GROUPS.items():
        for kind, rx in (("half", half), ("full", full)):
            for m in rx.finditer(text):
                yield group, kind, m.start(), m.end()


class VariantState:
    """What a run of the check remembers about one transcript."""

    def __init__(self, preferences: dict[str, str]) -> None:
        self.preferences = preferences
        self.seen = FirstSeen()
        self.forms: dict[str, set[str]] = {}  # group -> the ways it was seen written


@preparer
def _prepare(store: Store, view: TranscriptView) -> None:
    from sqlalchemy import select

    from model.glossary.tables import VariantPreference

    with store.read() as s:
        prefs = dict(s.execute(select(VariantPreference.group_key, VariantPreference.preferred)).all())
    view.context[NAME] = VariantState({k: v for k, v in prefs.items()})


def _state(view: TranscriptView) -> VariantState:
    state: VariantState | None = view.context.get(NAME)
    if state is None:  # checked without the database: no preferences
        state = view.context[NAME] = VariantState({})
    return state


def _position(turn: TurnView) -> int:
    return turn.position


def turn_number(view: TranscriptView, position: int, turn_id: int) -> int | None:
    """The number (from 1) of the turn ``turn_id`` at ``position`` in ``view.turns`` (in reading order).

    Found by bisection over the outline, not through a dict of every turn's number: that dict
    lived as long as the window (4 MB at 200,000 segments) for the few pairs a transcript has."""
    turns = view.turns
    at = bisect_left(turns, position, key=_position)
    while at < len(turns) and turns[at].position == position:
        if turns[at].id == turn_id:
            return at + 1
        at += 1
    # A view put together out of order (by hand, in a test): look through it.
    return next((n for n, t in enumerate(turns, 1) if t.id == turn_id), None)


def _place(view: TranscriptView, where: tuple[Order, int] | None) -> str:
    if where is None:
        return "elsewhere"
    order = where[0]
    number = turn_number(view, order[0], order[1])
    return f"turn {'?' if number is None else number}"


@check(NAME, category="other")
def variants(view: TranscriptView, turn: TurnView, seg: SegmentView) -> Iterator[Hit]:
    """One Japanese word, or digits/letters, written two ways in the transcript (表記ゆれ)."""
    text = seg.ja
    if not text or not text.strip():
        return
    state = _state(view)
    order = order_of(turn, seg)
    items: list[tuple[tuple[str, str], int]] = []
    found: dict[tuple[str, str], str] = {}  # (group, form) -> a surface, for the message
    for w in words(text):
        items.append(((w.group, w.form), w.start))
        found.setdefault((w.group, w.form), w.surface)
    for group, kind, start, end in width_runs(text):
        items.append(((group, kind), start))
        found.setdefault((group, kind), text[start:end])
    state.seen.record(order, items)
    pending: list[str] = []
    for (group, form), surface in found.items():
        state.forms.setdefault(group, set()).add(form)
        preferred = state.preferences.get(group)
        if preferred is None:
            if group not in pending:
                pending.append(group)
        elif form != preferred:
            yield _preferred_hit(group, form, surface, preferred)
    for group in pending:
        forms = state.forms[group]
        if len(forms) < 2:  # most words have one way of writing: nothing to compare
            continue
        # The group's ways, by first appearance: reported here if the second way first appears here.
        firsts = sorted((at, f) for f in forms if (at := state.seen.where((group, f))) is not None)
        if len(firsts) >= 2 and firsts[1][0][0] == order:
            yield _pair_hit(group, firsts[0][1], firsts[1][1], _place(view, firsts[0][0]))


def _label(group: str, form: str) -> str:
    return WIDTH_WORDS[form] if group in WIDTH_GROUPS else f"「{form}」"


def _pair_hit(group: str, first: str, second: str, place: str) -> Hit:
    pair = "|".join(sorted((first, second)))
    if group in WIDTH_GROUPS:
        what = "digits" if group == "width:digits" else "Latin letters"
        message = f"{what} written {WIDTH_WORDS[second]} here but {WIDTH_WORDS[first]} in {place}"
    else:
        message = f"「{second}」 here but 「{first}」 in {place}: one word written two ways"
    return Hit(message, "ja", f"{group}|{pair}",
               params=(("group", group), ("first", first), ("second", second), ("where", place)))


def _preferred_hit(group: str, form: str, surface: str, preferred: str) -> Hit:
    return Hit(f"{_label(group, form)} is written {_label(group, preferred)} (the preferred spelling)", "ja",
               f"{group}|{form}>{preferred}",
               params=(("group", group), ("form", form), ("surface", surface), ("preferred", preferred)))


@fixer(NAME)
def _fixes(finding: Any) -> list[Fix]:
    p = dict(finding.params)
    group = p.get("group", "")
    if "preferred" in p:
        return [Fix(f"write {_label(group, p['preferred'])} here", "prefer_variant",
                    (("group", group), ("preferred", p["preferred"]), ("scope", "segment")))]
    return [Fix(f"write {_label(group, form)} everywhere (and prefer it from now on)", "prefer_variant",
                (("group", group), ("preferred", form), ("scope", "transcript")))
            for form in (p.get("first", ""), p.get("second", "")) if form]


# -- applying a preferred spelling -------------------------------------------------------------

def respell(text: str, group: str, preferred: str) -> str:
    """``text`` with every other spelling of ``group`` written the preferred way (inflections kept)."""
    pieces: list[str] = []
    at = 0
    if group in WIDTH_GROUPS:
        spans = [(s, e) for g, kind, s, e in width_runs(text) if g == group and kind != preferred]
        for s, e in spans:
            run = text[s:e]
            new = (unicodedata.normalize("NFKC", run) if preferred == "half"
                   else "".join(chr(ord(c) + 0xFEE0) for c in run))
            pieces += [text[at:s], new]
            at = e
    else:
        for w in words(text):
            if w.group != group or w.form == preferred:
                continue
            pieces += [text[at:w.start], _inflect(w, preferred)]
            at = w.end
    return "".join(pieces) + text[at:] if pieces else text


def _inflect(w: Word, preferred: str) -> str:
    """The preferred dictionary form, given the ending the word has here (行なわ -> 行わ)."""
    common = 0
    while common < min(len(w.surface), len(w.form)) and w.surface[common] == w.form[common]:
        common += 1
    dict_tail, surface_tail = w.form[common:], w.surface[common:]
    if dict_tail and preferred.endswith(dict_tail):
        return preferred[: len(preferred) - len(dict_tail)] + surface_tail
    return preferred + surface_tail if not dict_tail else preferred


@applier("prefer_variant")
def _apply_preference(store: Store, finding: Any, fix: Fix) -> int | None:
    """Store the preferred spelling and rewrite the other spellings: one operation."""
    from sqlalchemy import select

    from model.errors import OperationFailed
    from model.glossary.tables import VariantPreference
    from model.ops._base import NothingToDo, current_text, optional_operation
    from model.ops.corrections import apply_edit
    from model.schema import Segment, utcnow

    group, preferred = fix.param("group"), fix.param("preferred")
    if not group or not preferred or finding.segment_id is None:
        raise OperationFailed("this finding names no spelling to prefer")
    with optional_operation(store, "Prefer spelling") as op:
        seg = op.get(Segment, finding.segment_id)
        op.transcript_id = seg.transcript_id
        op.description = f"{group}: {preferred}"
        pref = op.session.scalar(select(VariantPreference).where(VariantPreference.group_key == group))
        changed = False
        if pref is None:
            op.session.add(VariantPreference(group_key=group, preferred=preferred, set_by_id=op.annotator_id,
                                             set_at=utcnow()))
            changed = True
        elif pref.preferred != preferred:
            pref.preferred, pref.set_by_id, pref.set_at = preferred, op.annotator_id, utcnow()
            changed = True
        targets = ([seg] if fix.param("scope") == "segment" else
                   list(op.session.scalars(select(Segment).where(Segment.transcript_id == seg.transcript_id,
                                                                 Segment.ja_orig.is_not(None)))))
        for target in targets:
            text = current_text(op.session, target, "ja")
            new = respell(text, group, preferred)
            if new != text:
                apply_edit(op, target, "ja", new, category="style", note="preferred spelling")
                changed = True
        if not changed:
            raise NothingToDo
    return op.event_id
