"""Numbers in English and Japanese text, as values that can be compared across languages.

``numbers(text, lang)`` returns every number with its value(s) and whether it
is *firm*: written with digits (``1,200``, ``１２００億``, ``21st``, ``$6.5 billion``)
or with several kanji (``二十一``, ``千二百億``). Number words (``seven``,
``first``, ``March``) and lone kanji (``一緒``, ``二国間``, ``三菱``) are *soft*: they
are too often part of ordinary words to demand a counterpart, but they count
as the counterpart of a firm number on the other side (``pillar two`` answers
``第2の柱``).

Comparison happens on NFKC text (full-width digits, ``，``, ``％`` become ASCII)
with thousands separators removed; circled numbers (``②``) are list markers
and are dropped first, since NFKC would turn them into digits.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
                "壱": 1, "弐": 2, "参": 3}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10**4, "億": 10**8, "兆": 10**12}
EN_SCALES = {"thousand": 10**3, "million": 10**6, "mn": 10**6, "billion": 10**9, "bn": 10**9,
             "trillion": 10**12, "tn": 10**12, "hundred": 100}
EN_UNITS = {w: n for n, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                                        "sixteen", "seventeen", "eighteen", "nineteen"])}
EN_TENS = {w: 10 * n for n, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                                            "ninety"], 2)}
EN_ORDINALS = {w: n for n, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
     "twelfth"], 1)}
EN_ORDINALS.update({"twentieth": 20, "thirtieth": 30, "hundredth": 100, "quarter": 4, "half": 2})
# Fractions: "two-thirds" ~ 3分の2, "three quarters" ~ 4分の3.
EN_ORDINALS.update({f"{w}s": n for w, n in list(EN_ORDINALS.items()) if w not in ("first", "second", "half")})
EN_ORDINALS["halves"] = 2
MONTHS = {w: n for n, w in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
MONTHS.update({w: n for n, w in enumerate(["jan", "feb", "mar", "apr", "_", "jun", "jul", "aug", "sep", "oct",
                                           "nov", "dec"], 1) if w != "_"})
MONTHS.pop("may", None)  # "may" is a verb far more often than a month
MONTHS.pop("mar", None)

_CIRCLED = re.compile("[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]")
# Each pattern starts with what it matches (a comma, a digit), never with a look-behind: then the
# regex engine skips ahead to candidates instead of trying every position (3-5x faster).
_THOUSANDS = re.compile(r",(?<=\d,)(?=\d{3}(?!\d))")
_DIGITS = r"\d+(?:\.\d+)?"
_ASCII_NUMBER = re.compile(_DIGITS, re.ASCII)
_EN_NUMBER = re.compile(
    r"(?P<num>\d(?<![\d.]\d)\d*(?:\.\d+)?)(?P<ord>st|nd|rd|th)?"
    r"(?:\s*(?P<pct>%|percent\b|per cent\b))?"
    r"(?:\s*-?\s*(?P<scale>thousand|million|billion|trillion|bn|mn|tn)\b)?", re.ASCII | re.IGNORECASE)
_TIME = re.compile(r"(?P<h>\d(?<![\d.]\d)\d?):(?P<m>\d{2})(?!\d)(?:\s*(?P<pm>p\.?m\.?|a\.?m\.?))?",
                   re.ASCII | re.IGNORECASE)
_EN_WORD = re.compile(r"[a-z]+", re.IGNORECASE)
_JA_RUN = re.compile(r"[0-9.〇零一二三四五六七八九壱弐参十百千万億兆]+")
# Characters without which a text holds no firm number (checked after NFKC): most paragraphs have none.
_NUMERAL_PROBE = {"en": re.compile(r"[0-9]"), "ja": re.compile("[0-9〇零一二三四五六七八九壱弐参十百千万億兆]")}
_RANGE_GAP = re.compile(r"^[\s\-–—~〜～$¥€£]*(?:to|or|and|から|か|ないし|、)?[\s\-–—~〜～$¥€£]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    """A number found in a text: its primary value, any alternative readings, and where it is."""

    value: Decimal
    text: str
    start: int
    end: int
    firm: bool
    alternatives: frozenset[Decimal] = frozenset()
    scale: int = 1  # the unit applied (10**9 for "billion"), for reading ranges like "$6- or $7 billion"

    @property
    def values(self) -> frozenset[Decimal]:
        return frozenset({self.value}) | self.alternatives


def normalize(text: str) -> str:
    """Text as numbers are compared: no list markers, NFKC, no thousands separators.

    Offsets are not kept: the result is for reading numbers, never for storing.
    """
    if not text.isascii():  # ASCII text has no list markers and is its own NFKC form
        text = unicodedata.normalize("NFKC", _CIRCLED.sub(" ", text))
    return _THOUSANDS.sub("", text) if "," in text else text


def canonical(value: Decimal) -> str:
    """A stable spelling of a value (for keys and messages): 120000000000, 1.5, 21."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _dec(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _english(text: str, soft: bool = True) -> list[Number]:
    found: list[Number] = []
    taken: list[tuple[int, int]] = []
    for m in _TIME.finditer(text) if ":" in text else ():  # a time has a colon
        hour, minute = int(m["h"]), int(m["m"])
        pm = (m["pm"] or "").lower().startswith("p")
        alt = frozenset({Decimal(hour + 12)}) if pm and hour < 12 else frozenset()
        found.append(Number(Decimal(hour), m.group(0), m.start(), m.end(), True, alt))
        if minute:
            found.append(Number(Decimal(minute), m["m"], m.start("m"), m.end("m"), True))
        taken.append((m.start(), m.end()))
    for m in _EN_NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        value = _dec(m["num"])
        if value is None:
            continue
        scale = EN_SCALES[m["scale"].lower()] if m["scale"] else 1
        found.append(Number(value * scale, m.group(0).strip(), m.start(), m.end(), True, scale=scale))
    if soft:
        found.extend(_english_words(text))
    return found


def _english_words(text: str) -> list[Number]:
    """Soft numbers written as words: 'seven', 'twenty-one', 'six billion', 'first', 'March'."""
    out: list[Number] = []
    words = [(m.group(0).lower(), m.start(), m.end()) for m in _EN_WORD.finditer(text)]
    i = 0
    while i < len(words):
        word, start, end = words[i]
        if word in EN_ORDINALS or word in MONTHS:
            out.append(Number(Decimal(EN_ORDINALS.get(word) or MONTHS[word]), text[start:end], start, end, False))
            i += 1
            continue
        if word not in EN_UNITS and word not in EN_TENS and not (word == "a" and i + 1 < len(words)
                                                                 and words[i + 1][0] in EN_SCALES):
            i += 1
            continue
        total, current, scale, j = 0, 0, 1, i
        while j < len(words):
            w = words[j][0]
            if j > i and text[words[j - 1][2]:words[j][1]].strip(" -") != "":
                break  # punctuation ends a number: "a million, twenty-one" is two
            if w in EN_UNITS:
                current += EN_UNITS[w]
            elif w in EN_TENS:
                current += EN_TENS[w]
            elif w == "a" and j == i:
                current = 1
            elif w == "hundred":
                current = max(current, 1) * 100
            elif w in EN_SCALES:
                scale = EN_SCALES[w]
                total += max(current, 1) * scale
                current = 0
            elif w == "and" and j + 1 < len(words) and (words[j + 1][0] in EN_UNITS or words[j + 1][0] in EN_TENS) \
                    and total + current >= 100:
                pass  # "two hundred and fifty"
            else:
                break
            j += 1
        last_end = words[j - 1][2]
        out.append(Number(Decimal(total + current), text[start:last_end], start, last_end, False,
                          scale=scale if current == 0 else 1))
        i = j
    return out


def _japanese(text: str) -> list[Number]:
    out: list[Number] = []
    for m in _JA_RUN.finditer(text):
        out.extend(_parse_ja_run(m.group(0), m.start()))
    return out


def _parse_ja_run(run: str, offset: int) -> list[Number]:
    """Numbers in a run of digits, kanji numerals and units: '1200億', '1兆2000億', '二〇二四', '千二百'."""
    lead = len(run) - len(run.lstrip("万億兆."))  # a unit cannot start a number (万一 = "just in case")
    run, offset = run[lead:], offset + lead
    run = run.rstrip(".")
    if not run:
        return []
    if run.isascii() and _ASCII_NUMBER.fullmatch(run):  # most runs: digits only, one number
        return [Number(Decimal(run), run, offset, offset + len(run), True)]
    # Kanji digits written positionally (二〇二四) read as one literal.
    if len(run) > 1 and all(c in KANJI_DIGITS for c in run):
        return [Number(Decimal("".join(str(KANJI_DIGITS[c]) for c in run)), run, offset, offset + len(run), True)]
    out: list[Number] = []
    total, section, current = Decimal(0), Decimal(0), None  # current: a literal waiting for its unit
    start, pos, has_ascii, big_scale = 0, 0, False, 1

    def flush(end: int) -> None:
        nonlocal total, section, current, start, has_ascii, big_scale
        value = total + section + (current if current is not None else 0)
        piece = run[start:end]
        if piece:
            firm = has_ascii or len(piece) > 1
            out.append(Number(value, piece, offset + start, offset + end, firm, scale=big_scale))
        total, section, current, has_ascii, big_scale = Decimal(0), Decimal(0), None, False, 1
        start = end

    while pos < len(run):
        c = run[pos]
        if c.isdigit() and c.isascii():
            m = _ASCII_NUMBER.match(run, pos)
            assert m is not None
            if current is not None:
                flush(pos)
            current, has_ascii = Decimal(m.group(0)), True
            pos += len(m.group(0))
            continue
        if c in KANJI_DIGITS:
            if current is not None:  # "二三" (two or three): two numbers
                flush(pos)
            current = Decimal(KANJI_DIGITS[c])
        elif c in SMALL_UNITS:
            section += (current if current is not None else 1) * SMALL_UNITS[c]
            current = None
        elif c in BIG_UNITS:
            unit = BIG_UNITS[c]
            if unit >= big_scale and big_scale > 1:  # 万億: not one number
                flush(pos)
                pos += 1
                start = pos
                continue
            section += current if current is not None else 0
            total += (section or 1) * unit
            section, current, big_scale = Decimal(0), None, unit if big_scale == 1 else big_scale
        elif c == ".":
            flush(pos)
            start = pos + 1
        pos += 1
    flush(len(run))
    return out


def numbers(text: str | None, lang: str, soft: bool = True) -> list[Number]:
    """The numbers of a text in ``lang`` ("en"/"ja"), in text order, ranges read both ways.

    ``soft=False`` skips English number words (faster when only firm numbers matter).
    Offsets refer to the normalized text (``normalize``).
    """
    if not text:
        return []
    soft = soft and lang == "en"
    if not soft and not may_hold_numbers(text, lang):  # the fast path: no digit, no numeral
        return []
    return list(_numbers(text, lang, soft))


def may_hold_numbers(text: str, lang: str) -> bool:
    """False only if ``text`` holds no number but English number words (no digit or numeral after NFKC).

    NFKC maps each character on its own to digits (full-width, superscript, circled...), so
    probing the NFKC text is exact enough: at worst it sends a text with only a circled list
    marker down the full path.
    """
    if not text.isascii():  # ASCII text is its own NFKC form
        text = unicodedata.normalize("NFKC", text)
    return _NUMERAL_PROBE[lang].search(text) is not None


@lru_cache(maxsize=8192)
def _numbers(text: str, lang: str, soft: bool) -> tuple[Number, ...]:
    norm = normalize(text)
    found = sorted(_japanese(norm) if lang == "ja" else _english(norm, soft), key=lambda n: n.start)
    return tuple(_spread_ranges(norm, found))


def _spread_ranges(text: str, found: list[Number]) -> list[Number]:
    """'$6- or $7 billion', '60～70億': the first number takes the second's unit as an alternative reading."""
    out = list(found)
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if a.scale == 1 and b.scale > 1 and _RANGE_GAP.match(text[a.end:b.start]):
            out[i] = Number(a.value, a.text, a.start, a.end, a.firm, a.alternatives | {a.value * b.scale}, a.scale)
    return out


def missing_numbers(source: str | None, source_lang: str, target: str | None, target_lang: str) -> list[Number]:
    """Firm numbers of ``source`` that no number of ``target`` (firm or soft) can stand for."""
    firm = [n for n in numbers(source, source_lang, soft=False) if n.firm]
    if not firm:  # most paragraphs: nothing to look for
        return []
    # The target's firm numbers first (cheap, and usually already read the other way round):
    # reading words can only add values -- a firm number's own reading does not depend on
    # the words around it, and a word between two numbers never lets a range through.
    available: set[Decimal] = set()
    for n in numbers(target, target_lang, soft=False):
        available |= n.values
    if all(n.values & available for n in firm):
        return []
    for n in numbers(target, target_lang):
        available |= n.values
    missing, seen = [], set()
    for n in firm:
        if n.firm and not (n.values & available) and n.value not in seen:
            seen.add(n.value)
            missing.append(n)
    return missing
