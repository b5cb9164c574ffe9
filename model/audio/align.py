"""The offline aligner: when is each paragraph of the text spoken in the recording?

pocketsphinx (its wheel ships an English acoustic model and pronouncing
dictionary; nothing is downloaded) in two passes:

1. **Recognise** the whole recording with a small language model made from the
   transcript itself (its words and word pairs). Speech that is not in the text
   -- an operator's hold message, crosstalk, the words behind ``(inaudible)`` --
   comes out as words that do not follow the text, so it cannot pull a
   paragraph towards it (plain forced alignment of the whole text put a
   paragraph 9 s early across a hold message, see README).
2. **Match** the recognised words to the text's words (a longest common subsequence,
   window by window from the last match, so a repeated phrase is never paired with its
   twin minutes away); runs of three or more words in the same order are anchors, with
   the recogniser's word times. One or two words heard right beside an anchor, as close
   to it as in the text, are taken too (a paragraph's "Thank you." before a misheard
   word), and so is one misheard word joined to a heard one ("as" heard as "have" before
   "a reminder"). The words between anchors are **force-aligned** within the stretch of audio
   between them -- in one piece when the stretch is no longer than they need (pauses
   between paragraphs included); a longer stretch holds unscripted speech, so the left
   paragraph's tail is aligned against its near end and the right one's head against the
   other end, never reaching back over the tail.

A paragraph counts as aligned when its first word has a time, half of its words
were found, some of them were heard by the recogniser, and its start is not doubtful
(``doubtful_start``: forced words before the first heard one that overlap the
previous paragraph or are spread by a pause nobody makes there); otherwise it stays
*estimated* (``model.audio.timing``). Only English is aligned; Japanese segments
take the times of the English beside them.
"""

from __future__ import annotations

import functools
import itertools
import math
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from model.audio.pcm import RATE
from model.audio.words import Word, spoken_words
from model.errors import TaiyakuError

if TYPE_CHECKING:  # pragma: no cover
    from model.audio.pcm import Samples

CHUNK_SECONDS = 60  # recognition runs one utterance per minute: progress, cancel, bounded memory
MIN_ANCHOR_WORDS = 3
EDGE_WORDS = 3  # text words between an anchor and a short match still taken beside it
MIN_FOUND_SHARE = 0.5  # of a paragraph's words, for it to count as aligned
WINDOW_WORDS = 300  # text words matched at a time (see match_in_order)
FRAME_MS = 10
# A paragraph's forced head is doubted over pauses longer than these (see doubtful_start).
WORD_PAUSE_MS = 1000
SENTENCE_PAUSE_MS = 2000
OVERLAP_MS = 50
JOINED_MS = 30  # a misheard word this close to the heard word after it is taken (see _take_misheard)
_SENTENCE_END_RE = re.compile(r"[.?!;:。？！]")
_FILLER_RE = re.compile(r"^(<.*>|\[.*\])$")


class AlignCancelled(TaiyakuError):
    """The alignment was cancelled; nothing was changed."""


@dataclass(frozen=True)
class Paragraph:
    """One segment's spoken-language text, and the gaps in it (id, start, end in ``text``)."""

    key: int
    text: str
    gaps: Sequence[tuple[int, int, int]] = ()


@dataclass
class Alignment:
    """What the aligner found: times in ms of aligned paragraphs (by key) and gaps (by id)."""

    segments: dict[int, tuple[int, int]] = field(default_factory=dict)
    gaps: dict[int, tuple[int, int]] = field(default_factory=dict)
    words_total: int = 0
    words_matched: int = 0  # by recognition
    words_forced: int = 0  # by forced alignment between anchors
    doubtful: list[int] = field(default_factory=list)  # keys of paragraphs whose start was doubted (estimated)


@dataclass
class _TextWord:
    para: int
    word: Word
    start: int | None = None  # ms
    end: int | None = None
    heard: bool = False  # matched by recognition (not only forced into place)
    heard_at: int = -1  # its index in the recognised words, when heard


def _decoder(**config: Any) -> Any:
    from pocketsphinx import Decoder  # imported here: only alignment needs it

    return Decoder(samprate=RATE, loglevel="FATAL", **config)


@functools.lru_cache(maxsize=1)
def _dictionary() -> dict[str, list[str]]:
    """The pronouncing dictionary shipped with pocketsphinx: word -> its lines (variants too)."""
    from pocketsphinx import get_model_path

    entries: dict[str, list[str]] = {}
    path = os.path.join(get_model_path(), "en-us", "cmudict-en-us.dict")
    with open(path, encoding="utf-8") as f:
        for line in f:
            word = line.split(" ", 1)[0]
            entries.setdefault(_base(word), []).append(line.rstrip("\n"))
    return entries


def _base(word: str) -> str:
    return word.split("(", 1)[0]


def _write_lm(words: Sequence[str], path: str) -> None:
    """An ARPA bigram model of the transcript's own word sequence (biased towards the text)."""
    unigrams = Counter(words)
    bigrams = Counter(zip(["<s>", *words], [*words, "</s>"], strict=True))
    total = len(words) + 1
    context = Counter[str]()
    for (a, _b), c in bigrams.items():
        context[a] += c
    backoff = math.log10(0.3)
    lines = ["\\data\\", f"ngram 1={len(unigrams) + 2}", f"ngram 2={len(bigrams)}", "", "\\1-grams:",
             f"{math.log10(1 / total):.4f} </s> 0.0", f"-99 <s> {backoff:.4f}"]
    lines += [f"{math.log10(c / total):.4f} {w} {backoff:.4f}" for w, c in sorted(unigrams.items())]
    lines += ["", "\\2-grams:"]
    lines += [f"{math.log10(0.7 * c / context[a]):.4f} {a} {b}" for (a, b), c in sorted(bigrams.items())]
    lines += ["", "\\end\\", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def _recognise(samples: Samples, vocabulary: Sequence[str], dict_path: str, progress: Callable[[float], None]
               ) -> list[tuple[str, int, int]]:
    """Words recognised in the recording (word, start ms, end ms), biased towards the text."""
    fd, lm_path = tempfile.mkstemp(suffix=".arpa", prefix="taiyaku-")
    os.close(fd)
    try:
        _write_lm(vocabulary, lm_path)
        # No second (flat-lexicon) pass and no lattice best path: twice as fast, and the
        # matching below only needs the words that follow the text.
        decoder = _decoder(lm=lm_path, dict=dict_path, fwdflat=False, bestpath=False)
    finally:
        os.unlink(lm_path)
    out: list[tuple[str, int, int]] = []
    step = CHUNK_SECONDS * RATE
    for at in range(0, max(len(samples), 1), step):
        chunk = samples[at:at + step]
        offset = at * 1000 // RATE
        decoder.start_utt()
        decoder.process_raw(chunk.tobytes(), full_utt=True)
        decoder.end_utt()
        for seg in decoder.seg():
            word = _base(seg.word)
            if not _FILLER_RE.match(word):
                out.append((word, offset + seg.start_frame * FRAME_MS, offset + (seg.end_frame + 1) * FRAME_MS))
        progress(min(at + step, len(samples)) / max(len(samples), 1))
    return out


def _force(decoder: Any, samples: Samples, start_ms: int, end_ms: int, words: Sequence[_TextWord]) -> int:
    """Force-align ``words`` to the audio between ``start_ms`` and ``end_ms``; returns how many got times."""
    if end_ms - start_ms < 100 * len(words) or not words:
        return 0
    try:
        decoder.set_align_text(" ".join(w.word.text for w in words))
        decoder.start_utt()
        decoder.process_raw(samples[start_ms * RATE // 1000:end_ms * RATE // 1000].tobytes(), full_utt=True)
        decoder.end_utt()
        segs = [s for s in decoder.seg() or () if not _FILLER_RE.match(_base(s.word))]
    except (RuntimeError, ValueError):  # no path through the text (window too short or too odd)
        return 0
    if len(segs) != len(words):
        return 0
    for w, s in zip(words, segs, strict=True):
        w.start = start_ms + s.start_frame * FRAME_MS
        w.end = start_ms + (s.end_frame + 1) * FRAME_MS
    return len(words)


def align(samples: Samples, paragraphs: Sequence[Paragraph],
          progress: Callable[[float], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> Alignment:
    """Align ``paragraphs`` (in reading order) to ``samples`` (16 kHz mono).

    ``progress(fraction)`` is called as the work advances; when ``cancelled()``
    turns true, ``AlignCancelled`` is raised at the next step.
    """
    def report(fraction: float) -> None:
        if cancelled is not None and cancelled():
            raise AlignCancelled("the alignment was cancelled")
        if progress is not None:
            progress(fraction)

    pronunciations = _dictionary()
    text: list[_TextWord] = []
    for i, para in enumerate(paragraphs):
        for w in spoken_words(para.text):
            if w.text in pronunciations:  # no pronunciation: not aligned, estimated around
                text.append(_TextWord(i, w))
    result = Alignment(words_total=len(text))
    if not text:
        return result
    report(0.0)
    # A dictionary of the transcript's words only: the decoders start in milliseconds instead of
    # seconds (the full dictionary has 130,000 words).
    fd, dict_path = tempfile.mkstemp(suffix=".dict", prefix="taiyaku-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        for word in sorted({w.word.text for w in text}):
            f.write("\n".join(pronunciations[word]) + "\n")
    try:
        heard = _recognise(samples, [w.word.text for w in text], dict_path, lambda f: report(0.85 * f))
        forced = _decoder(lm=None, dict=dict_path)
    finally:
        os.unlink(dict_path)
    text_words, heard_words = [w.word.text for w in text], [h[0] for h in heard]
    anchors = match_in_order(text_words, heard_words)
    for a, b, size in anchors + edge_matches(text_words, heard_words, anchors):
        for k in range(size):
            tw, (_, s, e) = text[a + k], heard[b + k]
            tw.start, tw.end, tw.heard, tw.heard_at = s, e, True, b + k
    _take_misheard(text, heard)
    result.words_matched = sum(1 for w in text if w.start is not None)
    result.words_forced = _fill_between_anchors(forced, samples, text, report)
    _collect(paragraphs, text, result, len(samples) * 1000 // RATE)
    report(1.0)
    return result


def common_runs(text: Sequence[str], heard: Sequence[str]) -> list[tuple[int, int, int]]:
    """The runs of words that ``text`` and ``heard`` share, in order, from a longest common
    subsequence of words: (index in text, index in heard, length), both increasing.

    Not difflib's longest-block-first matching: when a paragraph is said twice (the text
    repeats itself), the longest block pairs the first one in the text with the second one
    heard, and everything between is lost. A longest common subsequence keeps both in place.
    One row of the table at a time with numpy: a row is the previous one, or the diagonal plus
    one where the words agree, carried forward by a running maximum.
    """
    n, m = len(text), len(heard)
    if not n or not m:
        return []
    # Built over both sequences reversed, so that the walk back through the table goes forward
    # in time: each text word takes the earliest recognised word it can ("your line is open"
    # ends many questions; a later saying made the next window skip paragraphs of speech).
    text, heard = text[::-1], heard[::-1]
    ids: dict[str, int] = {}
    h = np.array([ids.setdefault(w, len(ids)) for w in heard], dtype=np.int32)
    table = np.zeros((n + 1, m + 1), dtype=np.int32)
    for i, word in enumerate(text, 1):
        prev = table[i - 1]
        cand = prev.copy()
        if word in ids:
            cand[1:] = np.maximum(prev[1:], prev[:-1] + (h == ids[word]))
        table[i] = np.maximum.accumulate(cand)
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i and j:
        if text[i - 1] == heard[j - 1] and table[i, j] == table[i - 1, j - 1] + 1:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif table[i, j - 1] >= table[i - 1, j]:
            j -= 1
        else:
            i -= 1
    runs: list[tuple[int, int, int]] = []
    for a, b in sorted((n - 1 - i, m - 1 - j) for i, j in pairs):
        if runs and runs[-1][0] + runs[-1][2] == a and runs[-1][1] + runs[-1][2] == b:
            runs[-1] = (runs[-1][0], runs[-1][1], runs[-1][2] + 1)
        else:
            runs.append((a, b, 1))
    return runs


def match_in_order(text: Sequence[str], heard: Sequence[str], step: int = WINDOW_WORDS
                   ) -> list[tuple[int, int, int]]:
    """Runs of at least ``MIN_ANCHOR_WORDS`` words of ``text`` found in the same order in ``heard``:
    (index in text, index in heard, length), both increasing.

    Matched window by window from where the last match ended, never over the whole transcript:
    a transcript says the same things more than once, and a global longest match can pair a
    phrase with its repetition minutes away. The heard window is wider than the text window
    (speech not in the text sits in between) and widens again when nothing matches.
    """
    out: list[tuple[int, int, int]] = []
    a0 = b0 = 0
    while a0 < len(text) and b0 < len(heard):
        a1 = min(a0 + step, len(text))
        width = step * 3 // 2 + 100
        blocks: list[tuple[int, int, int]] = []
        while True:
            b1 = min(b0 + width, len(heard))
            blocks = [(a0 + a, b0 + b, size) for a, b, size in common_runs(text[a0:a1], heard[b0:b1])
                      if size >= MIN_ANCHOR_WORDS]
            if blocks or b1 >= len(heard) or width > 16 * step:
                break
            width *= 2  # a long stretch of unscripted speech: look further
        if not blocks:
            a0 = a1  # this text was not heard (not read aloud, or not recognised): go on after it
            continue
        out += blocks
        # On from the end of the last match: unmatched text after it is tried again with what follows.
        a0, b0 = blocks[-1][0] + blocks[-1][2], blocks[-1][1] + blocks[-1][2]
    return out


def _blocks(text: Sequence[str], heard: Sequence[str], ta: int, tb: int, ha: int, hb: int
            ) -> list[tuple[int, int, int]]:
    return [(ta + a, ha + b, size) for a, b, size in common_runs(text[ta:tb], heard[ha:hb])]


def edge_matches(text: Sequence[str], heard: Sequence[str], anchors: Sequence[tuple[int, int, int]]
                 ) -> list[tuple[int, int, int]]:
    """Runs of one or two words heard right beside an anchor, in the stretch between two anchors.

    A short paragraph opening ("Thank you.") is often heard while the word after it is not
    ("this" heard as "the"): too short to be an anchor on its own, but when it sits as close to
    the next anchor in the recognised words as it does in the text, it is the same speech. Its
    twin in a hold message ("Thank you for waiting") lies further away and is not taken.
    """
    out: list[tuple[int, int, int]] = []
    edges = [(0, 0, 0), *anchors, (len(text), len(heard), 0)]
    for (a0, b0, n0), (a1, b1, _) in itertools.pairwise(edges):
        ta, tb, ha, hb = a0 + n0, a1, b0 + n0, b1
        if ta >= tb or ha >= hb:
            continue
        # Beside the anchor after the stretch (at most EDGE_WORDS text words before it, and no
        # more recognised words between than text words, plus one misheard), then before it.
        # Only the last few words on each side are compared: the stretch may hold a hold
        # message with the same words further off.
        reach = EDGE_WORDS + 2
        if a1 < len(text):
            for a, b, size in reversed(_blocks(text, heard, max(ta, tb - reach), tb, max(ha, hb - reach - 1), hb)):
                if a1 - (a + size) > EDGE_WORDS or hb - (b + size) > a1 - (a + size) + 1:
                    break
                out.append((a, b, size))
                a1, hb = a, b
        if n0 and ta < a1 and ha < hb:
            for a, b, size in _blocks(text, heard, ta, min(a1, ta + reach), ha, min(hb, ha + reach + 1)):
                if a - ta > EDGE_WORDS or b - ha > a - ta + 1:
                    break
                out.append((a, b, size))
                ta, ha = a + size, b + size
    return out


def _take_misheard(text: Sequence[_TextWord], heard: Sequence[tuple[str, int, int]]) -> None:
    """One word misheard right before a heard one takes the recogniser's time for it.

    "As a reminder" heard as "have a reminder" after a hold message: "as" has no match, and
    forced alignment into the stretch before "a" reaches back over the hold message. But the
    recogniser did hear one word there, ending where "a" begins: that is "as". Taken only when
    that recognised word is unmatched, joins the next word without a pause and follows
    whatever came before it in the text.
    """
    used = {w.heard_at for w in text if w.heard}
    prev_at = -1  # the last recognised word matched before the word at hand
    for tw, nxt in itertools.pairwise(text):
        j = nxt.heard_at - 1
        if (tw.start is None and nxt.heard and j > prev_at and j not in used
                and heard[j + 1][1] - heard[j][2] <= JOINED_MS):
            tw.start, tw.end = heard[j][1], heard[j][2]
        if tw.heard:
            prev_at = max(prev_at, tw.heard_at)


def _speaking_ms_per_char(text: Sequence[_TextWord]) -> float:
    known = [w for w in text if w.start is not None]
    if len(known) >= 2 and known[-1].word.end > known[0].word.start:
        ms = (known[-1].start or 0) - (known[0].start or 0)
        chars = known[-1].word.start - known[0].word.start  # spans of one paragraph's text only
        if ms > 0 and chars > 0 and known[0].para == known[-1].para:
            return min(max(ms / chars, 30.0), 150.0)
    return 70.0  # ~14 characters a second


def _need_ms(words: Sequence[_TextWord], ms_per_char: float) -> int:
    """Audio that ``words`` need at most (slow speech, plus room for a pause)."""
    return int(sum(len(w.word.text) + 1 for w in words) * ms_per_char * 1.6) + 1500


def _fill_between_anchors(decoder: Any, samples: Samples, text: list[_TextWord],
                          report: Callable[[float], None]) -> int:
    """Force-align each run of words without a time within the audio between its neighbours."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        if text[i].start is None:
            j = i
            while j < len(text) and text[j].start is None:
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    ms_per_char = _speaking_ms_per_char(text)
    end_of_audio = len(samples) * 1000 // RATE
    found = 0
    for n, (a, b) in enumerate(runs):
        report(0.85 + 0.15 * n / max(len(runs), 1))
        left = text[a - 1].end if a > 0 else 0
        right = text[b].start if b < len(text) else end_of_audio
        if left is None or right is None or right <= left:
            continue
        run = text[a:b]
        need = _need_ms(run, ms_per_char)
        if right - left <= need:
            # Room for the words and no more: one forced alignment, pauses between paragraphs
            # included (splitting it let the next paragraph's head be forced onto this one's tail).
            found += _force(decoder, samples, left, right, run)
            continue
        # More audio than the words need: unscripted speech (a hold message, crosstalk) sits in it.
        # The left anchor's paragraph's tail follows it, the right anchor's paragraph's head leads
        # to it and never reaches back over what the tail was given. A paragraph wholly inside the
        # run was not heard: it has no place to be forced into (it stays estimated).
        tail = [w for w in run if a > 0 and w.para == text[a - 1].para]
        head = [w for w in run[len(tail):] if b < len(text) and w.para == text[b].para]
        if tail:
            found += _force(decoder, samples, left, min(right, left + _need_ms(tail, ms_per_char)), tail)
            left = max(left, tail[-1].end or left)
        if head:
            found += _force(decoder, samples, max(left, right - _need_ms(head, ms_per_char)), right, head)
    return found


def doubtful_start(text: str, words: Sequence[_TextWord], said_before: int) -> bool:
    """Whether a paragraph's start rests on forced words that do not fit the speech around them.

    The words before the first one the recogniser heard were placed by forced alignment, which
    always finds *a* place. Those places are doubted when the first word starts before the
    previous paragraph's last word ends, or when the words up to the first heard one are spread
    by a pause no speaker makes there (``WORD_PAUSE_MS`` between words, ``SENTENCE_PAUSE_MS``
    across a sentence end): that is forced alignment stretching them over a hold message, or
    onto the previous speaker's tail. Such a paragraph stays estimated.
    """
    heard_at = next((k for k, w in enumerate(words) if w.heard), None)
    if heard_at is None or heard_at == 0:
        return heard_at is None
    if words[0].start is None or words[0].start < said_before - OVERLAP_MS:
        return True
    for x, y in itertools.pairwise(words[:heard_at + 1]):
        if x.end is None or y.start is None:
            continue
        limit = SENTENCE_PAUSE_MS if _SENTENCE_END_RE.search(text[x.word.end:y.word.start]) else WORD_PAUSE_MS
        if y.start - x.end > limit:
            return True
    return False


def _collect(paragraphs: Sequence[Paragraph], text: Sequence[_TextWord], result: Alignment, total_ms: int) -> None:
    """Paragraph and gap times from word times; only well-found paragraphs count as aligned."""
    by_para: dict[int, list[_TextWord]] = {}
    for w in text:
        by_para.setdefault(w.para, []).append(w)
    firsts = {i: ws[0] for i, ws in by_para.items()}
    lasts = {i: ws[-1] for i, ws in by_para.items()}
    said_before = 0  # ms: the end of the last word with a time, before the paragraph at hand
    for i, para in enumerate(paragraphs):
        words = by_para.get(i, [])
        if not words:
            continue
        timed = [w for w in words if w.start is not None]
        first, last = words[0], words[-1]
        # Forced alignment always finds *a* place: a paragraph needs words the recogniser heard.
        if first.start is not None and len(timed) >= MIN_FOUND_SHARE * len(words) and any(w.heard for w in words):
            if doubtful_start(para.text, words, said_before):
                result.doubtful.append(para.key)
            else:
                end = last.end if last.end is not None else max((w.end or 0) for w in timed)
                result.segments[para.key] = (first.start, max(end, first.start))
        said_before = max([said_before, *(w.end for w in timed if w.end is not None)])
        for gap_id, g_start, g_end in para.gaps:
            before = [w for w in words if w.word.end <= g_start]
            after = [w for w in words if w.word.start >= g_end]
            if before:
                t0 = before[-1].end
            else:  # the gap opens the paragraph: it starts when the previous one ends
                prev = next((lasts[k] for k in range(i - 1, -1, -1) if k in lasts), None)
                t0 = prev.end if prev is not None else 0
            if after:
                t1 = after[0].start
            else:  # the gap ends the paragraph: it lasts until the next paragraph is spoken
                nxt = next((firsts[k] for k in range(i + 1, len(paragraphs)) if k in firsts), None)
                t1 = nxt.start if nxt is not None else total_ms
            if t0 is not None and t1 is not None and t1 > t0:
                result.gaps[gap_id] = (t0, t1)
