"""The ``spelling`` check: English words not in the dictionary.

The dictionary is pyspellchecker's English word-frequency list (it comes inside the package from
the package index: nothing to install on the system), plus the words added to the database's own
dictionary and the words of the glossary's English terms. Never flagged: all-caps acronyms (AUKUS),
words in redactions (``[senior administration official]``) and gaps, URLs and e-mail addresses,
words joined to digits, and the speaker labels (they are not part of the text). A capitalised
word not in the dictionary -- most often a name (Moriyasu, Nikkei) -- is reported once per
transcript, where it first appears, offering to add it to the dictionary; other unknown words
are reported in each segment, with suggestions as corrections.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Container, Iterator
from functools import lru_cache
from typing import Any

from model.qa.first_seen import FirstSeen, order_of
from model.qa.registry import Fix, Hit, applier, check, fixer, preparer
from model.readmodel import SegmentView, TranscriptView, TurnView
from model.store import Store

NAME = "spelling"
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
# Stretches never spell-checked: redactions and bracketed notes, URLs, e-mail addresses, handles.
SKIP = re.compile(r"\[[^\]]*\]|【[^】]*】|https?://\S+|www\.\S+|\S+@\S+\.\S+|[@#]\w+")
MAX_SUGGESTIONS = 3


SLICE_CHARS = 1 << 16  # dictionary text in one slice (~4,000 entries, ~5 ms of work): paced in between
_loaded: list[Any] = []  # the checker, once built
_loading = threading.Lock()


def _checker() -> Any:
    """pyspellchecker's English checker, as ``SpellChecker(language="en", distance=2)`` makes it
    (built on first use: ``load_dictionary``)."""
    if not _loaded:
        load_dictionary()
    return _loaded[0]


def load_dictionary(pace: Callable[[], None] | None = None) -> None:
    """Build the English checker now, unless built already, calling ``pace`` between slices.

    Its word list (160,000 words) is parsed, lower-cased and summed up a slice at a time:
    pyspellchecker's own ``load_json`` held the GIL for one C call after another (a split of
    the whole text, a union of every word's letters: 30-40 ms each), and a window checking
    in a thread could not repaint meanwhile. A background thread passes its ``pace`` to wait
    while the window works."""
    with _loading:
        if _loaded:
            return
        from spellchecker import SpellChecker  # its English dictionary loads in ~0.2 s: once, when needed

        checker = SpellChecker(language=None, distance=2)
        frequency = checker.word_frequency
        table = frequency._dictionary
        if not all(hasattr(frequency, name) for name in ("_total_words", "_letters", "_longest_word_length")):
            frequency.load_json(_english_frequencies())  # laid out otherwise by another version
            _loaded.append(checker)
            return
        total, longest, letters = 0, 0, set[str]()
        for part in _frequency_slices():
            lowered: dict[str, int] = {}
            for word, count in part.items():  # words differing only in case: their counts summed
                key = word.lower()
                lowered[key] = lowered.get(key, 0) + count
            table.update(lowered)
            total += sum(lowered.values())
            longest = max(longest, max(map(len, lowered), default=0))
            letters = letters.union(*lowered)
            if pace is not None:
                pace()
        frequency._total_words, frequency._unique_words = total, len(table)
        frequency._longest_word_length, frequency._letters = longest, letters
        _loaded.append(checker)


def _frequency_slices() -> Iterator[dict[str, int]]:
    """The word frequencies of pyspellchecker's English list (``resources/en.json.gz``), a slice at a time."""
    import gzip
    import json
    import pkgutil

    data = pkgutil.get_data("spellchecker", "resources/en.json.gz")
    text = gzip.decompress(data or b"{}").decode("utf-8")
    # One entry a line: a JSON string holds no raw newline, so ",\n" only ever separates entries.
    start, end = text.find("{") + 1, text.rfind("}")
    if start <= 0 or end < start or "\n" not in text[start:start + 200]:  # laid out otherwise: read whole
        yield json.loads(text)
        return
    while start < end:
        cut = text.find(",\n", min(start + SLICE_CHARS, end))
        stop = end if cut < 0 or cut > end else cut
        yield json.loads("{" + text[start:stop] + "}")
        start = stop + 1


def _english_frequencies() -> dict[str, int]:
    """The word frequencies of pyspellchecker's English list, whole."""
    words: dict[str, int] = {}
    for part in _frequency_slices():
        words.update(part)
    return words


def _known() -> Container[str]:
    """The checker's words: its frequency table itself (a dict: looked up as fast as a set; a copy
    of its 160,000 words into a frozenset held the GIL 30 ms and took ~8 MB)."""
    words: Container[str] = _checker().word_frequency.dictionary
    return words


class SpellingState:
    """The extra words (database dictionary, glossary) and which names were already reported."""

    def __init__(self, extra: set[str]) -> None:
        self.extra = extra
        self.names = FirstSeen()
        self.verdicts: dict[str, bool] = {}  # word -> known: a transcript repeats its words


@preparer
def _prepare(store: Store, view: TranscriptView) -> None:
    from model.glossary.dictionary import dictionary_words, normal_word
    from model.glossary.entries import list_terms

    extra = dictionary_words(store)
    for term in list_terms(store):
        extra.update(normal_word(w) for w in WORD.findall(term.en))
    view.context[NAME] = SpellingState(extra)


def _state(view: TranscriptView) -> SpellingState:
    state: SpellingState | None = view.context.get(NAME)
    if state is None:  # checked without the database: the built-in dictionary only
        state = view.context[NAME] = SpellingState(set())
    return state


def is_known(word: str, extra: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether ``word`` is spelled right: in the dictionary (any case), or a form the rules let pass."""
    w = word.replace("’", "'").lower()
    if w in extra or w in _known():
        return True
    if w.endswith("'s") and (w[:-2] in extra or w[:-2] in _known()):
        return True  # possessive
    if w.endswith("s") and len(w) > 3 and (w[:-1] in extra or w[:-1] in _known()
                                           or (w.endswith("es") and (w[:-2] in extra or w[:-2] in _known()))):
        return True  # a plural the word list lacks (deliverables), or of a glossary/dictionary word
    if "'" in w:
        return all(p in _known() or p in extra or p in ("s", "t", "ll", "re", "ve", "d", "m") for p in w.split("'"))
    return False


def unknown_words(text: str, skip: list[tuple[int, int]], extra: set[str],
                  verdicts: dict[str, bool] | None = None) -> Iterator[re.Match[str]]:
    """The words of ``text`` to report, outside the ``skip`` spans and the stretches never checked
    (``verdicts`` remembers words already looked up)."""
    verdicts = {} if verdicts is None else verdicts
    spans: list[tuple[int, int]] | None = None  # found only when a word is unknown: most texts have none
    for m in WORD.finditer(text):
        word = m.group()
        known = verdicts.get(word)
        if known is None:
            known = verdicts[word] = len(word) < 2 or word.isupper() or is_known(word, extra)  # acronyms pass
        if known:
            continue
        s, e = m.start(), m.end()
        if (s > 0 and text[s - 1].isdigit()) or (e < len(text) and text[e].isdigit()):
            continue  # 3rd, 1990s, F35
        if spans is None:
            spans = [*skip, *((x.start(), x.end()) for x in SKIP.finditer(text))]
        if any(a <= s < b for a, b in spans):
            continue
        yield m


@lru_cache(maxsize=4096)
def suggestions(word: str) -> tuple[str, ...]:
    """Likely corrections of a misspelled word, most frequent first (in the word's own capitalisation)."""
    sc = _checker()
    lower = word.replace("’", "'").lower()
    found = sc.candidates(lower) or set()
    ranked = sorted((c for c in found if c != lower), key=lambda c: (-sc.word_usage_frequency(c), c))
    return tuple(c.capitalize() if word[:1].isupper() else c for c in ranked[:MAX_SUGGESTIONS])


@check(NAME, category="other")
def spelling(view: TranscriptView, turn: TurnView, seg: SegmentView) -> Iterator[Hit]:
    """An English word that is not in the dictionary."""
    text = seg.en
    if not text or not text.strip():
        return
    state = _state(view)
    order = order_of(turn, seg)
    skip = [(g.start, g.end) for g in seg.gaps if g.lang == "en"]
    names: list[tuple[str, int]] = []
    reported: set[str] = set()
    for m in unknown_words(text, skip, state.extra, state.verdicts):
        word = _bare(m.group())
        if word[0].isupper():
            names.append((word.lower(), m.start()))
            continue
        if word.lower() in reported:
            continue
        reported.add(word.lower())
        yield _word_hit(word)
    state.names.record(order, names)
    for key, _at in names:
        if key not in reported and state.names.is_first(key, order):
            reported.add(key)
            word = next(w for m in WORD.finditer(text) if (w := _bare(m.group())).lower() == key)
            yield _name_hit(word)


def _bare(word: str) -> str:
    """The word without a possessive ending (Kishida's -> Kishida), apostrophes straight."""
    word = word.replace("’", "'")
    return word[:-2] if word.lower().endswith("'s") else word.rstrip("'")


def _word_hit(word: str) -> Hit:
    found = suggestions(word)
    hint = f" (did you mean {', '.join(found)}?)" if found else ""
    return Hit(f"“{word}” is not in the dictionary{hint}", "en", word.lower(),
               params=(("word", word), ("suggestions", "|".join(found)), ("kind", "word")))


def _name_hit(word: str) -> Hit:
    return Hit(f"“{word}” is not in the dictionary: a name? Add it to the dictionary", "en", word.lower(),
               params=(("word", word), ("suggestions", ""), ("kind", "name")))


@fixer(NAME)
def _fixes(finding: Any) -> list[Fix]:
    p = dict(finding.params)
    word = p.get("word", "")
    if not word:
        return []
    out = [Fix(f"replace “{word}” with “{s}”", "replace",
               (("lang", "en"), ("old", word), ("new", s), ("action", "Correct spelling"), ("category", "typo")))
           for s in p.get("suggestions", "").split("|") if s]
    out.append(Fix(f"add “{word}” to the dictionary", "add_word", (("word", word),)))
    return out


@applier("add_word")
def _apply_add_word(store: Store, finding: Any, fix: Fix) -> int | None:
    from model.glossary.dictionary import add_word
    from model.schema import Segment

    transcript_id = None
    if finding.segment_id is not None:
        with store.read() as s:
            seg = s.get(Segment, finding.segment_id)
            transcript_id = seg.transcript_id if seg is not None else None
    return add_word(store, fix.param("word"), transcript_id)
