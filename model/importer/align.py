"""Which paragraphs translate which: a length-based aligner with anchors (no database).

In the spirit of Gale and Church (1993): a translation's length is roughly
proportional to its source's, so the cost of pairing paragraphs is how far
the length ratio strays from the expected one (Japanese characters per
English character), as a negative log-likelihood of a
normal distribution on the log ratio, plus a prior per kind of bead (1:1
cheap, 2:1 / 1:2 dearer, 3:1 / 1:3 / 2:2 and 1:0 / 0:1 dearest). Dynamic programming finds the
cheapest monotonic path. Anchors that survive translation make it sure of
itself: numbers (after NFKC, with 万/億/兆 and thousand/million/billion
multiplied out), Latin names and acronyms inside the Japanese, dates and
speaker labels. A label starts a new bead: a paragraph with a label is never
the second half of an n:m pair.

Each bead gets a confidence in 0..1: the share of probability its own cost
leaves, from the length fit and the anchors.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from model.importer import patterns as pat

RATIO = 0.5  # Japanese characters per English character (spaces included): measured on the bundled sample
SIGMA = 0.5  # spread of the log of that ratio
SMOOTH = 12  # characters added to both sides: short paragraphs say little about the ratio
# 3:1 / 1:3 (three paragraphs translated as one) and 2:2 (the two sides break one passage at
# different places) are rarer than 2:1 but must beat 2:1 + 1:0 (4.8) when the lengths say so.
PRIOR = {(1, 1): 0.0, (2, 1): 1.8, (1, 2): 1.8, (1, 0): 3.0, (0, 1): 3.0, (3, 1): 3.3, (1, 3): 3.3, (2, 2): 3.3}
DOUBTFUL = 0.5  # pairs below this confidence are reported for checking
INF = float("inf")


class Item(Protocol):
    """What the aligner needs of a paragraph."""

    text: str
    cut: int
    label: str | None
    kind: str
    lang: str | None


@dataclass(slots=True)
class Bead:
    """Consecutive paragraphs of each side that translate each other (either list may be empty)."""

    lead: list[int]
    follow: list[int]
    confidence: float


# -- anchors --------------------------------------------------------------------
_NUM_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|千|万|億|兆)?", re.IGNORECASE)
_MULT = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "千": 1e3, "万": 1e4, "億": 1e8,
         "兆": 1e12}
_LATIN_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z0-9\-]*[A-Za-z0-9]")
_EN_NAME_RE = re.compile(r"\b(?:[A-Z][A-Za-z0-9\-]+|[A-Z0-9]{2,})\b")
_EN_DATE_RE = re.compile(rf"(?P<mn>{pat._MONTHS})\s+(?P<d>\d{{1,2}})\b|\b(?P<d2>\d{{1,2}})\s+(?P<mn2>{pat._MONTHS})")
_JA_DATE_RE = re.compile(r"(\d{1,2})月(\d{1,2})日")


@lru_cache(maxsize=8192)
def anchors(speech: str, lang: str) -> frozenset[str]:
    """Tokens likely to survive translation: ``n:6000000000``, ``w:AUKUS``, ``d:4-9``."""
    text = speech if speech.isascii() else unicodedata.normalize("NFKC", speech)
    found: set[str] = set()
    for m in _NUM_RE.finditer(text):
        digits = m.group(1).replace(",", "")
        try:
            value = float(digits) * _MULT.get((m.group(2) or "").lower(), 1.0)
        except ValueError:
            continue
        if value >= 10 or m.group(2):  # "one of the topics" / "1つ": small numbers are noise
            found.add(f"n:{value:g}")
    if lang == "ja":
        found.update(f"w:{t.upper()}" for t in _LATIN_TOKEN_RE.findall(text))
        found.update(f"d:{int(mo)}-{int(d)}" for mo, d in _JA_DATE_RE.findall(text))
    else:
        found.update(f"w:{t.upper()}" for t in _EN_NAME_RE.findall(text))
        for m in _EN_DATE_RE.finditer(text):
            month = (m.group("mn") or m.group("mn2"))[:3].lower()
            day = m.group("d") or m.group("d2")
            found.add(f"d:{pat._MONTH_NUM.get(month, 0)}-{int(day)}")
    return frozenset(found)


def anchor_score(lead: frozenset[str], follow: frozenset[str], lead_lang: str) -> float:
    """Positive when the two sides share anchors, negative when the Japanese side has some the other lacks."""
    ja, en = (lead, follow) if lead_lang == "ja" else (follow, lead)
    shared = len(ja & en)
    # Every Latin word or number written in the Japanese should be in the English; English
    # capitalised words need not be in the Japanese (names are written in katakana there).
    missing = len({a for a in ja - en})
    missing_numbers = len({a for a in en - ja if a[0] in "nd"})
    return 1.2 * min(shared, 4) - 0.8 * min(missing, 4) - 0.4 * min(missing_numbers, 4)


# -- costs ------------------------------------------------------------------------
def speech_length(item: Item) -> int:
    """Characters of speech (the label left out)."""
    return len(item.text) - item.cut


def length_cost(lead_len: int, follow_len: int, lead_lang: str) -> float:
    """-log likelihood (up to a constant) of two lengths being translations of each other."""
    en, ja = (lead_len, follow_len) if lead_lang == "en" else (follow_len, lead_len)
    d = math.log((ja + SMOOTH * RATIO) / (RATIO * (en + SMOOTH))) / SIGMA
    return 0.5 * d * d


def labels_agree(a: str | None, b: str | None) -> bool | None:
    """Whether two labels name the same speaker (None: cannot tell)."""
    if not a or not b:
        return None
    if pat.has_japanese(a) == pat.has_japanese(b):
        return pat.label_key(a) == pat.label_key(b) or (
            pat.person_key(pat.label_person(a)[0]) is not None
            and pat.person_key(pat.label_person(a)[0]) == pat.person_key(pat.label_person(b)[0]))
    ra, rb = pat.role_of(a), pat.role_of(b)
    if pat.is_questioner(a) or pat.is_questioner(b):
        return "journalist" in (ra, rb) and ra in ("journalist", "other") and rb in ("journalist", "other")
    return ra == rb or "other" in (ra, rb)


class Scorer:
    """Costs of beads over two sequences of paragraphs (memoised anchors and lengths)."""

    def __init__(self, lead: Sequence[Item], follow: Sequence[Item], lead_lang: str) -> None:
        self.lead, self.follow, self.lead_lang = lead, follow, lead_lang
        follow_lang = "ja" if lead_lang == "en" else "en"
        self.lead_len = [speech_length(p) for p in lead]
        self.follow_len = [speech_length(p) for p in follow]
        self.lead_anchors = [anchors(p.text[p.cut:], lead_lang) for p in lead]
        self.follow_anchors = [anchors(p.text[p.cut:], follow_lang) for p in follow]
        # Beads are runs of consecutive paragraphs: where each paragraph's run of one kind ends,
        # and where the next label after it stands, answer "one kind?" and "a label inside?" at once.
        self.lead_kind, self.follow_kind = [p.kind for p in lead], [p.kind for p in follow]
        self.lead_run, self.follow_run = _run_ends(self.lead_kind), _run_ends(self.follow_kind)
        self.lead_label_at = _next_label(lead)
        self.follow_label_at = _next_label(follow)

    def pairable(self, i: int, j: int) -> bool:
        """Whether lead ``i`` and follow ``j`` may be in one bead at all (kinds agree)."""
        a, b = self.lead[i], self.follow[j]
        if a.kind != b.kind:
            return False
        return a.kind in _PAIRABLE

    def cost(self, li: Sequence[int], fj: Sequence[int]) -> float:
        """The cost of the bead pairing lead paragraphs ``li`` with follow paragraphs ``fj``
        (each a run of consecutive indices, as beads are)."""
        prior = PRIOR.get((len(li), len(fj)))
        if prior is None:
            return INF
        if not li or not fj:
            kind = self.lead_kind[li[0]] if li else self.follow_kind[fj[0]]
            return 0.5 if kind != "speech" else prior  # markers stand alone cheaply
        i0, i1, j0, j1 = li[0], li[-1], fj[0], fj[-1]
        kind = self.lead_kind[i0]  # every pair must agree in kind: all the bead's kinds are one
        if kind not in _PAIRABLE or self.follow_kind[j0] != kind or self.lead_run[i0] <= i1 \
                or self.follow_run[j0] <= j1:
            return INF
        if kind != "speech":  # a heading and its translation: lengths say little
            return 0.0 if i0 == i1 and j0 == j1 else INF
        if self.lead_label_at[i0] <= i1 or self.follow_label_at[j0] <= j1:
            return INF  # a label starts a new turn: never the second half of a pair
        total = prior + length_cost(sum(self.lead_len[i0:i1 + 1]), sum(self.follow_len[j0:j1 + 1]), self.lead_lang)
        la = self.lead_anchors[i0] if i0 == i1 else frozenset().union(*self.lead_anchors[i0:i1 + 1])
        fa = self.follow_anchors[j0] if j0 == j1 else frozenset().union(*self.follow_anchors[j0:j1 + 1])
        total -= anchor_score(la, fa, self.lead_lang)
        agree = labels_agree(self.lead[i0].label, self.follow[j0].label)
        if agree is True:
            total -= 2.0
        elif agree is False:
            total += 4.0
        return total

    def confidence(self, li: Sequence[int], fj: Sequence[int]) -> float:
        """How sure the pairing is, 0..1 (1 for a paragraph standing alone: nothing to doubt)."""
        if not li or not fj:
            return 1.0
        c = self.cost(li, fj) - PRIOR[(len(li), len(fj))]
        return round(max(0.01, min(1.0, math.exp(-max(0.0, c) / 2) + (0.15 if c < 0 else 0.0))), 3)


def _run_ends(kinds: list[str]) -> list[int]:
    """For each index, the index where its run of one kind ends (exclusive)."""
    ends = [0] * len(kinds)
    end = len(kinds)
    for i in range(len(kinds) - 1, -1, -1):
        if i + 1 < len(kinds) and kinds[i + 1] != kinds[i]:
            end = i + 1
        ends[i] = end
    return ends


def _next_label(items: Sequence[Item]) -> list[int]:
    """For each index, the index of the first labelled paragraph after it (``len`` if none)."""
    at = [0] * len(items)
    nxt = len(items)
    for i in range(len(items) - 1, -1, -1):
        at[i] = nxt
        if items[i].label:
            nxt = i
    return at


_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (3, 1), (1, 3), (2, 2))  # first wins a tie
_PAIRABLE = frozenset({"speech", "title", "time", "note"})  # kinds that may have a translation
BAND = 50  # paragraphs either side of the diagonal the aligner looks at first


def align(lead: Sequence[Item], follow: Sequence[Item], lead_lang: str, band: int = BAND) -> list[Bead]:
    """The cheapest monotonic alignment of two paragraph sequences, as beads in order.

    The search keeps to a band of ``band`` paragraphs either side of the diagonal
    (0, 0) -> (n, m), so its cost grows with the length of the blocks, not with their
    product; when the best path runs along the band's edge, the band doubles and the
    search runs again (until it covers everything: short blocks are searched whole).
    """
    scorer = Scorer(lead, follow, lead_lang)
    n, m = len(lead), len(follow)
    width = max(1, band)
    while True:
        path, touched = _search(scorer, n, m, width)
        if not touched or width >= max(n, m):
            break
        width *= 2
    beads: list[Bead] = []
    for li, fj in path:
        beads.append(Bead(li, fj, scorer.confidence(li, fj)))
    return beads


def _search(scorer: Scorer, n: int, m: int, width: int) -> tuple[list[tuple[list[int], list[int]]], bool]:
    """The cheapest path inside the band, as (lead, follow) index lists in order, and whether it
    comes within a paragraph of the band's edge (where the band, not the costs, may have decided)."""
    full = width >= max(n, m) or not n or not m
    lo, hi = [], []
    for i in range(n + 1):  # row i reaches up to where row i + 1 starts, so every row connects
        lo.append(0 if full else max(0, math.floor(i * m / n) - width))
        hi.append(m if full else min(m, math.ceil((i + 1) * m / n) + width))
    best = [[INF] * (hi[i] - lo[i] + 1) for i in range(n + 1)]
    back = [bytearray(hi[i] - lo[i] + 1) for i in range(n + 1)]  # index into _MOVES
    best[0][0] = 0.0  # lo[0] is 0
    cost = scorer.cost
    for i in range(n + 1):
        row, base = best[i], lo[i]
        for j in range(base, hi[i] + 1):
            here = row[j - base]
            if here == INF:
                continue
            for k, (di, dj) in enumerate(_MOVES):
                ni, nj = i + di, j + dj
                if ni > n or nj > hi[ni] or nj < lo[ni]:
                    continue
                total = here + cost(range(i, ni), range(j, nj))
                target = best[ni]
                if total < target[nj - lo[ni]]:
                    target[nj - lo[ni]] = total
                    back[ni][nj - lo[ni]] = k
    path: list[tuple[list[int], list[int]]] = []
    if best[n][m - lo[n]] == INF:  # the band cut every path off (beads may not skip enough)
        return path, True
    touched = False
    i, j = n, m
    while i or j:
        if not full and ((j - lo[i] <= 1 and lo[i] > 0) or (hi[i] - j <= 1 and hi[i] < m)):
            touched = True
        di, dj = _MOVES[back[i][j - lo[i]]]
        path.append((list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    path.reverse()
    return path, touched


def pair_confidence(lead: Item, follow: Item, lead_lang: str) -> float:
    """The confidence of one neighbour pair (interleaved layout)."""
    return Scorer([lead], [follow], lead_lang).confidence([0], [0])


def covered(leads: Sequence[Item], translation: Item, lead_lang: str, skip: float = 1.2) -> int:
    """How many of the last ``leads`` (up to three, in order) ``translation`` translates (n:m).

    1 means the last paragraph alone. ``skip``: the cost of leaving a paragraph untranslated,
    low in an interleaved file where translations come only sometimes, so only length and
    anchors that clearly fit several paragraphs win. Every paragraph of a group is speech and
    none after its first has a label of its own.
    """
    got = speech_length(translation)
    best, best_cost = 1, INF
    scorer: Scorer | None = None  # built only when the lengths leave a choice
    n = len(leads)
    for k in range(2, min(n, 3) + 1):
        group = leads[n - k:]
        if any(p.kind != "speech" for p in group) or any(p.label is not None for p in group[1:]):
            break
        rest = sum(speech_length(p) for p in group[1:])  # the group without its first paragraph
        expected = RATIO * rest if lead_lang == "en" else rest / RATIO
        # No longer than the rest's translation would be: not all of them. Two paragraphs need a
        # clear margin; with a third, the cost (anchors, the 3:1 prior) decides beyond that.
        if got < (1.4 if k == 2 else 1.0) * expected:
            break
        if scorer is None:
            scorer = Scorer(leads, [translation], lead_lang)
            best_cost = scorer.cost([n - 1], [0]) + skip * (k - 1)
        else:
            best_cost += skip  # the shorter group leaves one more paragraph untranslated
        cost = scorer.cost(list(range(n - k, n)), [0])
        if cost < best_cost:
            best, best_cost = k, cost
    return best
