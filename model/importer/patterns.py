"""What the importer recognises in a paragraph: labels, timestamps, languages,
gaps, redactions, non-speech lines, roles and operator introductions.

All regular expressions are compiled once here; the parser calls these small
functions once per paragraph, so they must stay cheap (a 20 MB file has
about 75,000 paragraphs).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# -- scripts -----------------------------------------------------------------
# Kana, kanji, Japanese punctuation and full-width forms count as Japanese.
_JA_CHARS = "\u3001-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e\uff66-\uff9f"
JA_RE = re.compile(f"[{_JA_CHARS}]")
JA_RUN_RE = re.compile(f"[{_JA_CHARS}]+")
LATIN_RUN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+")
HIRAGANA_RE = re.compile(r"[\u3041-\u309f]")

# -- paragraph prefixes: timestamp and speaker label -------------------------
_TS = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
TIMESTAMP_RE = re.compile(
    rf"(?:\[(?P<a>{_TS})\]|\((?P<b>{_TS})\)|（(?P<c>{_TS})）|(?P<d>\d{{1,2}}:\d{{2}}:\d{{2}}))[ \t\u3000]*")
# Any Unicode space counts around a label (NBSP after "Q" and "PRESIDENT BIDEN:", U+3000, thin
# spaces); the characters stay in the prefix exactly. ``_SP`` is whitespace but no newline.
_SP = r"[^\S\r\n]"
_COLON = rf"{_SP}*[:：]"
_AFTER = r"\s*"
BRACKET_LABEL_RE = re.compile(rf"[\[［【](?P<label>[^\]］】\n:：]{{1,40}})[\]］】]{_COLON}{_AFTER}")
# The Foreign Ministry's "【岸田外務大臣】まず、…": 【…】 with no colon (not "【政府高官】さん、…", an address).
LENTICULAR_LABEL_RE = re.compile(
    rf"【(?P<label>[^】\n:：]{{1,40}})】(?![さ氏はがのにをともへ、,])(?:{_COLON})?{_AFTER}")
Q_LABEL_RE = re.compile(rf"(?P<label>Q)(?:{_COLON}|\.(?={_SP})|(?=\s)|$){_AFTER}")
A_LABEL_RE = re.compile(rf"(?P<label>A){_COLON}{_AFTER}")
# All capitals, with an optional title: "SENIOR ADMINISTRATION OFFICIAL:", "MS. DALTON:".
UPPER_LABEL_RE = re.compile(
    rf"(?P<label>[A-Z][A-Z0-9.'’\-]*[A-Z.](?:{_SP}+[A-Z0-9][A-Z0-9.'’\-]*){{0,6}}){_COLON}{_AFTER}")
# Capitalised words: "Ms. Dalton:", "Secretary Blinken:", "Moderator:".
TITLE_LABEL_RE = re.compile(
    rf"(?P<label>[A-Z][a-z'’\-]*\.?(?:{_SP}+[A-Z][A-Za-z'’\-]*\.?){{0,3}}){_COLON}{_AFTER}")
# A name, a comma, an outlet or a title: "Ukai, TV Tokyo:", "Mr. Fumio Kishida, Minister for Foreign Affairs:".
_CAP = r"[A-Z][\w.'’&\-]*"
COMMA_LABEL_RE = re.compile(
    rf"(?P<label>(?P<who>{_CAP}(?:{_SP}+{_CAP}){{0,3}}),{_SP}+(?P<what>{_CAP}"
    rf"(?:{_SP}+(?:{_CAP}|of|for|and|the|on|in|de)){{0,7}})){_COLON}{_AFTER}")
TITLE_LABEL_WORDS = frozenset({
    "moderator", "operator", "question", "questioner", "reporter", "host", "interpreter", "official",
    "answer", "journalist", "participant", "speaker", "chair", "presenter", "caller", "audience",
    "spokesperson", "spokesman", "spokeswoman", "secretary", "minister", "ambassador", "president", "chairman",
    "commissioner", "director"})
# Japanese labels: kanji/katakana names and titles ("政府高官:", "司会：", "ケン・モリヤス氏：").
JA_LABEL_RE = re.compile(
    rf"(?P<label>[\u4e00-\u9fff\u30a0-\u30ff\u3005・ーA-Za-zＡ-Ｚａ-ｚ]{{1,14}}(?:さん|氏|君)?){_COLON}{_AFTER}")
_LEADING_SPACE_RE = re.compile(_SP + "+")
_TS_FIRST = frozenset("[(（")  # how a timestamp starts, when not with a digit


def split_prefix(par: str) -> tuple[int, str | None, str | None, bool]:
    """(prefix length, timestamp, speaker label, label bracketed) of a paragraph.

    The prefix is the timestamp and the label with the spaces after them, so
    that ``par[:n]`` + ``par[n:]`` is the paragraph and ``par[n:]`` the speech.
    """
    lead = _LEADING_SPACE_RE.match(par) if par[:1].isspace() else None
    pos = lead.end() if lead else 0
    timestamp = None
    first = par[pos:pos + 1]
    m = TIMESTAMP_RE.match(par, pos) if first in _TS_FIRST or first.isdigit() else None
    if m:
        timestamp = m.group("a") or m.group("b") or m.group("c") or m.group("d")
        pos = m.end()
        first = par[pos:pos + 1]
    # Most labels end with a colon, on the first line (no label pattern crosses a newline):
    # a paragraph without one there is only tried against the labels that need none.
    nl = par.find("\n", pos)
    colon = par.find(":", pos, None if nl < 0 else nl) >= 0 or par.find("：", pos, None if nl < 0 else nl) >= 0
    for regex in _label_candidates(first, colon):
        m = regex.match(par, pos)
        if m is None:
            continue
        label = m.group("label").strip()
        if regex is TITLE_LABEL_RE and " " not in label and label.lower().rstrip(".") not in TITLE_LABEL_WORDS:
            continue  # "Look: ..." is speech, not a speaker
        if regex is COMMA_LABEL_RE and not _is_comma_label(m.group("who"), m.group("what")):
            continue
        if GAP_WORD_RE.search(label) or (regex is JA_LABEL_RE and not has_japanese(label)):
            continue
        return m.end(), timestamp, label, regex is BRACKET_LABEL_RE and not _names_someone(label)
    return (0 if timestamp is None else pos), timestamp, None, False


def _names_someone(label: str) -> bool:
    """A bracketed label that names its speaker (``【岸田外務大臣】``), unlike ``[政府高官]``."""
    key = label_key(label)
    if "REDACT" in key or _REDACTED_RE.search(key) is not None:
        return False
    return role_of(label) != "other" or " " in label.strip()


def _is_comma_label(who: str, what: str) -> bool:
    """"Ukai, TV Tokyo" is a label; "Well, Mr. President" (speech before a colon) is not."""
    first = who.split()[0].lower().rstrip(".")
    return first not in _NOT_NAMES and first not in _SPEECH_WORDS and len(who) + len(what) <= 70


_SPEECH_WORDS = frozenset({"well", "yes", "no", "ok", "okay", "but", "look", "first", "again", "also", "then",
                           "however", "today", "sir", "madam", "finally", "second", "third"})


_LATIN_LABELS = (UPPER_LABEL_RE, TITLE_LABEL_RE, COMMA_LABEL_RE, JA_LABEL_RE)


def _label_candidates(first: str, colon: bool = True) -> tuple[re.Pattern[str], ...]:
    """The label patterns worth trying on a paragraph starting with ``first`` (most fail at once).

    ``colon``: whether a colon follows on the first line; without one only ``Q`` and ``【…】`` can match.
    """
    if not first:
        return ()
    if not colon:
        return (LENTICULAR_LABEL_RE,) if first == "【" else (Q_LABEL_RE,) if first == "Q" else ()
    if first == "【":
        return (BRACKET_LABEL_RE, LENTICULAR_LABEL_RE)
    if first in "[［":
        return (BRACKET_LABEL_RE,)
    if first == "Q":
        return (Q_LABEL_RE, *_LATIN_LABELS)
    if first == "A":
        return (A_LABEL_RE, *_LATIN_LABELS)
    if "A" <= first <= "Z":
        return _LATIN_LABELS
    if first >= "\u2e80":
        return (JA_LABEL_RE,)
    return ()


def has_japanese(text: str) -> bool:
    """Whether ``text`` contains any Japanese script."""
    return JA_RE.search(text) is not None


def language(speech: str) -> str | None:
    """"en", "ja" or None (no letters) for a paragraph's speech, by the share of each script.

    Brackets and parentheticals are left out when something else remains: a
    Japanese paragraph with a long English aside is Japanese, an English one
    quoting a Japanese name is English. A Japanese character carries about
    three Latin letters' worth of text.
    """
    if speech.isascii() or JA_RE.search(speech) is None:  # isascii: a quick answer for most English
        return "en" if LATIN_RUN_RE.search(speech) else None
    if LATIN_RUN_RE.search(speech) is None:  # no Latin letter at all: no share to weigh
        bracketed = "[" in speech or "［" in speech or "【" in speech
        return "ja" if JA_RE.search(BRACKETS_RE.sub("", speech) if bracketed else speech) else None
    body = BRACKETS_RE.sub("", speech)  # redactions such as [SENIOR ADMINISTRATION OFFICIAL]
    if "(" in body or "（" in body:
        outside = PARENS_RE.sub("", body)
        if JA_RE.search(outside) or LATIN_RUN_RE.search(outside):
            body = outside
    ja = sum(map(len, JA_RUN_RE.findall(body)))
    latin = sum(map(len, LATIN_RUN_RE.findall(body)))
    if ja and ja * 3 >= latin:
        return "ja"
    return "en" if latin else ("ja" if ja else None)


# -- gaps and redactions -----------------------------------------------------
_OPEN, _CLOSE = r"[\(（\[［]", r"[\)）\]］]"
GAP_WORD_RE = re.compile(
    r"inaudible|unintelligible|indiscernible|incomprehensible|cross[- ]?talk|audio (?:gap|drop)"
    r"|聞き取れな|聞き取れず|聴き取れな|聞き取り不能|聴取不能|不明瞭|音声不明|判読不能|クロストーク",
    re.IGNORECASE)
GAP_RE = re.compile(
    rf"{_OPEN}[ \u3000]*(?:{GAP_WORD_RE.pattern})[^\)）\]］\n]{{0,40}}?{_CLOSE}", re.IGNORECASE)
_GAP_KINDS = (("unintelligible", "unintelligible"), ("indiscernible", "unintelligible"),
              ("incomprehensible", "unintelligible"), ("不明瞭", "unintelligible"), ("判読", "unintelligible"),
              ("cross", "crosstalk"), ("クロストーク", "crosstalk"), ("inaudible", "inaudible"),
              ("聞き取", "inaudible"), ("聴き取", "inaudible"), ("聴取", "inaudible"), ("音声", "inaudible"))
BRACKETS_RE = re.compile(r"[\[［【][^\]］】\n]{1,80}[\]］】]")
REDACTION_WORD_RE = re.compile(
    r"official|administration|redacted|name|spokes|staff|高官|当局|関係者|匿名|氏名|名前|政府|担当者",
    re.IGNORECASE)


def gap_kind(marker: str) -> str:
    """The gap kind ("inaudible", "unintelligible", "crosstalk", "other") of a marker."""
    low = marker.lower()
    for word, kind in _GAP_KINDS:
        if word in low:
            return kind
    return "other"


def find_gaps(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, marker, kind) of each gap marker in ``text``."""
    if "(" not in text and "（" not in text and "[" not in text and "［" not in text:
        return []
    return [(m.start(), m.end(), m.group(), gap_kind(m.group())) for m in GAP_RE.finditer(text)]


def find_redactions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each bracketed redaction such as ``[senior administration official]``."""
    if "[" not in text and "【" not in text and "［" not in text:
        return []
    return [(m.start(), m.end(), m.group()) for m in BRACKETS_RE.finditer(text)
            if REDACTION_WORD_RE.search(m.group()) and not GAP_WORD_RE.search(m.group())]


# -- non-speech paragraphs ---------------------------------------------------
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
           r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MONTH_NUM = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
DATE_RE = re.compile(
    rf"(?P<y1>\d{{4}})[/\-.](?P<m1>\d{{1,2}})[/\-.](?P<d1>\d{{1,2}})"
    rf"|(?P<y2>\d{{4}})\s*年\s*(?P<m2>\d{{1,2}})\s*月\s*(?P<d2>\d{{1,2}})\s*日"
    rf"|(?P<mn3>{_MONTHS})\s+(?P<d3>\d{{1,2}}),?\s+(?P<y3>\d{{4}})"
    rf"|(?P<d4>\d{{1,2}})\s+(?P<mn4>{_MONTHS})\s+(?P<y4>\d{{4}})"
    rf"|(?P<era>令和|平成|昭和)\s*(?P<y5>元|\d{{1,2}})\s*年\s*(?P<m5>\d{{1,2}})\s*月\s*(?P<d5>\d{{1,2}})\s*日")
_ERA_START = {"令和": 2018, "平成": 1988, "昭和": 1925}  # year 1 of each era, minus one
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")  # one for one: offsets stay valid
_WEEKDAYS_RE = re.compile(
    r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?|[（(]?[月火水木金土日](?:曜日?)?[）)]?"
    r"|[\s,、.]+", re.IGNORECASE)
TIME_EN_RE = re.compile(
    r"\(?(?:END\s+)?\d{1,2}:\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s*[A-Z]{2,5})?\)?"
    r"(?:\s*[\(（][^\)）\n]{0,60}[\)）])*\s*", re.ASCII)
TIME_JA_RE = re.compile(r"(?:午前|午後)?\s*[0-9０-９]{1,2}\s*(?:時|:|：)\s*(?:[0-9０-９]{1,2}\s*分?)?")
PARENS_RE = re.compile(r"[\(（][^\)）\n]*[\)）]")
NOTE_RE = re.compile(
    r"[\(（\[［【<＜]?\s*(?:訳注|訳者注|編集注|編注|注|※|Translator['’]?s? note|Editor['’]?s? note|Note|NOTE|TN|T\.N\.)"
    r"\s*[:：;；.)）\]］】]")
_NOTE_FIRST = frozenset("(（[［【<＜訳編注※TEN")  # how NOTE_RE can start (spaces aside)
_SENTENCE_END = ".!?。！？"


def parse_date(text: str) -> tuple[str, int, int] | None:
    """(ISO date, start, end) of the first date written in ``text``, or None.

    Japanese era dates become ISO dates (令和6年4月9日 -> 2024-04-09, 平成28年 = 2016).
    """
    for m in DATE_RE.finditer(text.translate(_FULLWIDTH_DIGITS)):
        g = m.groupdict()
        try:
            if g["era"]:
                y = _ERA_START[g["era"]] + (1 if g["y5"] == "元" else int(g["y5"]))
                mo, d = int(g["m5"]), int(g["d5"])
            elif g["y1"]:
                y, mo, d = int(g["y1"]), int(g["m1"]), int(g["d1"])
            elif g["y2"]:
                y, mo, d = int(g["y2"]), int(g["m2"]), int(g["d2"])
            elif g["y3"]:
                y, mo, d = int(g["y3"]), _MONTH_NUM[g["mn3"][:3].lower()], int(g["d3"])
            else:
                y, mo, d = int(g["y4"]), _MONTH_NUM[g["mn4"][:3].lower()], int(g["d4"])
        except KeyError:
            continue
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}", m.start(), m.end()
    return None


def is_date_line(text: str) -> bool:
    """A paragraph that is only a date (with perhaps a weekday): ``Tuesday, April 9, 2024``."""
    if len(text) > 60 or "\n" in text:
        return False
    found = parse_date(text)
    if found is None:
        return False
    rest = text[:found[1]] + text[found[2]:]
    return not _WEEKDAYS_RE.sub("", rest)


def is_time_line(text: str) -> bool:
    """A standalone clock time such as ``6:22 P.M. EDT`` or ``午後6時22分アメリカ東部夏時間 (UTC-4)``."""
    if len(text) > 100 or "\n" in text.strip():
        return False
    if TIME_EN_RE.fullmatch(text.strip()):
        return True
    m = TIME_JA_RE.match(text.strip())
    if m is None or not ("時" in m.group() or "分" in m.group()):
        return False
    rest = PARENS_RE.sub("", text.strip()[m.end():])
    return "。" not in rest and HIRAGANA_RE.search(rest) is None and len(rest) <= 40


def is_note(text: str) -> bool:
    """A translator's or editor's note standing as its own paragraph."""
    first = text[:1]
    if first not in _NOTE_FIRST and not first.isspace():
        return False  # most paragraphs: no need to run the pattern
    return NOTE_RE.match(text) is not None



def is_title_like(text: str) -> bool:
    """Whether a first paragraph reads like a title line rather than speech."""
    if "\n" in text.strip() or len(text) > 300 or GAP_RE.fullmatch(text.strip()):
        return False
    if parse_date(text) is not None:
        return True
    stripped = text.rstrip()
    return len(stripped) <= 150 and stripped[-1:] not in _SENTENCE_END and not stripped[:1].islower()


_ENUMERATOR_RE = re.compile(r"^(?:[\u2460-\u2473\u2776-\u277f]|\(?\d{1,3}[.)]|[0-9０-９]{1,3}[.．、])\s*")
_TITLE_SPLIT_RE = re.compile(r"[ \t]{2,}|\t|\u3000+|\s[|｜]\s|\s[–—]\s")


def parse_title_line(text: str) -> tuple[str, str | None, str | None]:
    """(title, source, ISO date) from a title line such as ``Title   Source 2024/4/9``."""
    parts = [p.strip() for p in _TITLE_SPLIT_RE.split(text.strip()) if p.strip()]
    date = None
    rest: list[str] = []
    for part in parts:
        found = parse_date(part) if date is None else None
        if found:
            date = found[0]
            part = (part[:found[1]] + part[found[2]:]).strip(" ,、-–—|｜")
        if part:
            rest.append(part)
    title = _ENUMERATOR_RE.sub("", rest[0]).strip() if rest else text.strip()
    source = " ".join(rest[1:]) or None
    return title or text.strip(), source, date


# -- speakers ----------------------------------------------------------------
_ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("operator", ("OPERATOR", "オペレーター", "オペレータ")),
    ("moderator", ("MODERATOR", "HOST", "CHAIR", "MC", "EMCEE", "司会", "モデレーター", "進行")),
    ("official", ("OFFICIAL", "SECRETARY", "PRESIDENT", "MINISTER", "AMBASSADOR", "SPOKES", "DIRECTOR",
                  "ADVISOR", "ADVISER", "GENERAL", "ADMIRAL", "DEPUTY", "COORDINATOR", "ENVOY", "GOVERNOR",
                  "SENATOR", "CHIEF", "COMMANDER", "高官", "長官", "大臣", "首相", "大統領", "報道官", "大使",
                  "補佐官", "当局者", "政府", "官房", "総理", "次官", "局長", "調整官")),
    ("journalist", ("QUESTION", "QUESTIONER", "REPORTER", "JOURNALIST", "PRESS", "CALLER", "AUDIENCE",
                    "質問", "記者")),
)  # in this order: "PRESS SECRETARY" is an official
_HONORIFIC_RE = re.compile(r"^(?:MR|MS|MRS|MISS|DR|PROF|AMB|GEN|ADM|SEN|REP|GOV|SEC)\.?\s", re.IGNORECASE)
_QUESTIONER_KEYS = frozenset({"Q", "QUESTION", "QUESTIONER", "REPORTER", "JOURNALIST", "質問", "質問者", "記者"})
_REDACTED_RE = re.compile(
    r"(?:SENIOR|ADMINISTRATION|STATE DEPARTMENT|DEFENSE|WHITE HOUSE|U\.S\.|GOVERNMENT)[A-Z .\-]*OFFICIAL"
    r"|^OFFICIAL$|^SENIOR OFFICIAL$|高官|当局者|政府関係者|匿名")


@lru_cache(maxsize=4096)
def label_key(label: str) -> str:
    """The identity of a label: NFKC, upper case, brackets and spacing ignored."""
    key = unicodedata.normalize("NFKC", label).upper().strip(" []【】:")  # a set of characters
    return " ".join(key.split())


@lru_cache(maxsize=4096)
def role_of(label: str) -> str:
    """The role a label announces: official/journalist/operator/moderator/other."""
    key = label_key(label)
    if key in ("Q", "A"):
        return "journalist" if key == "Q" else "official"
    for role, words in _ROLE_WORDS:
        if any(w in key for w in words):
            return role
    if "," in key:
        return "journalist"  # "Ukai, TV Tokyo": a name and an outlet (a title would have matched above)
    if _HONORIFIC_RE.match(key):
        return "official"  # in official transcripts named speakers are officials; the press is "Q"
    return "other"


_JA_TITLE_SUFFIXES = ("内閣総理大臣", "外務大臣", "官房長官", "外務報道官", "報道官", "大臣", "総理", "首相", "大統領",
                      "長官", "大使", "次官", "局長", "記者", "氏", "さん")
_ROLE_FIRST_WORDS = frozenset({"minister", "secretary", "president", "ambassador", "spokesperson", "director",
                               "governor", "senator", "chairman", "chair", "premier", "chancellor", "general"})


@lru_cache(maxsize=4096)
def label_person(label: str) -> tuple[str | None, str | None]:
    """(name, affiliation) a label gives, when it names someone: ``Ukai, TV Tokyo`` -> ("Ukai", "TV Tokyo"),
    ``Mr. Fumio Kishida, Minister for Foreign Affairs`` -> ("Fumio Kishida", None), ``テレビ東京 鵜飼記者`` ->
    ("鵜飼", "テレビ東京"), ``岸田外務大臣`` -> ("岸田", None), ``Minister Kishida`` -> ("Kishida", None)."""
    text = " ".join(label.split())
    if "," in text and not has_japanese(text):
        who, what = (part.strip() for part in text.split(",", 1))
        name = _HONORIFIC_RE.sub("", who + " ").strip() or None
        return name, (None if role_of(label) == "official" else what or None)
    if has_japanese(text):
        aff, _, person = text.rpartition(" ")
        for suffix in _JA_TITLE_SUFFIXES:
            if person.endswith(suffix) and len(person) > len(suffix):
                stem = person[:-len(suffix)]
                if 1 <= len(stem) <= 4 and all("\u4e00" <= ch <= "\u9fff" or ch == "\u3005" for ch in stem):
                    return stem, aff or None
                break
        return None, None
    words = text.split()
    if len(words) == 2 and words[0].lower() in _ROLE_FIRST_WORDS and words[1][:1].isupper() and \
            not words[1].isupper():
        return words[1], None
    return None, None


def person_key(name: str | None) -> str | None:
    """Who a name refers to across labels: the surname, NFKC, upper case (``Kishida``)."""
    if not name or has_japanese(name):
        return name
    return unicodedata.normalize("NFKC", name.split()[-1]).upper().strip(".")


@lru_cache(maxsize=4096)
def is_redacted_label(label: str, bracketed: bool) -> bool:
    """Whether a label hides who speaks (``SENIOR ADMINISTRATION OFFICIAL``, ``政府高官``, ``[...]``)."""
    return bracketed or _REDACTED_RE.search(label_key(label)) is not None


@lru_cache(maxsize=4096)
def is_questioner(label: str) -> bool:
    """A generic questioner label (``Q``, ``質問``): each introduced caller is a new person."""
    return label_key(label) in _QUESTIONER_KEYS


# -- operator introductions --------------------------------------------------
_WORD = r"[A-Z](?:[\w'’\-]|\.(?=\w))*\.?"
_NAME = rf"(?P<name>[\(\[](?i:inaudible|unintelligible|indiscernible)[\)\]]|{_WORD}(?:\s+{_WORD}){{0,4}}?)"
_AFF = (r"(?P<aff>(?:[Tt]he\s+)?[A-Z](?:[\w&'’\-]|\.(?=\w))*"
        r"(?:\s+(?:[A-Z0-9](?:[\w&'’\-]|\.(?=\w))*|of|for|and|de|du))*)")
# An introduction is one short sentence: "Ken Moriyasu from Nikkei Asia." or "... comes from X of Y."
_SENTENCE_END_RE = re.compile(r"[.!?]\s+")  # a sentence ends at the punctuation, before the spaces
_HONORIFIC_END = ("Mr.", "Ms.", "Dr.", "Mrs.")


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences (not after "Mr.", "Ms.", "Dr.", "Mrs.")."""
    parts, pos = [], 0
    for m in _SENTENCE_END_RE.finditer(text):  # faster than splitting on a look-behind
        parts.append(text[pos:m.start() + 1])
        pos = m.end()
    parts.append(text[pos:])
    if len(parts) == 1:
        return parts
    out: list[str] = []
    for part in parts:
        if out and out[-1].endswith(_HONORIFIC_END):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out
INTRO_RE = re.compile(rf"{_NAME}\s+(?:from|with|of|at)\s+{_AFF}[.!?]?\Z")
_INTRO_LEAD_RE = re.compile(r"\b(?:from|to|is|on|with)\s+(?=[A-Z(\[])")
_NOT_NAMES = frozenset({"please", "thank", "thanks", "next", "moving", "our", "the", "this", "and", "your",
                        "we", "i", "let", "go", "that", "it", "so", "now", "questions", "question", "a"})
INTRO_JA_RE = re.compile(
    r"(?P<aff>[^\s、。「」はがをにでともへやの]{2,20})の(?P<name>[^\s、。「」はがをにでともへやの]{2,15}?)(?:さん|氏)")


def find_introduction(en: str | None, ja: str | None) -> tuple[str | None, str | None] | None:
    """(name or None if inaudible, affiliation) of a caller the operator introduces, or None."""
    for sentence in sentences(en or ""):
        if len(sentence) > 160:
            continue  # speech, not an introduction (and keeps the search cheap)
        m = INTRO_RE.match(sentence)
        if m is None or m.group("name").split()[0].lower().strip(".") in _NOT_NAMES:
            m = next((found for lead in _INTRO_LEAD_RE.finditer(sentence)
                      if (found := INTRO_RE.match(sentence, lead.end()))), None)
        if m is None or m.group("name").split()[0].lower().strip(".") in _NOT_NAMES:
            continue
        name, aff = m.group("name"), m.group("aff")
        if aff.lower().startswith("the "):
            aff = aff[4:]
        if GAP_WORD_RE.search(name):
            return None, aff
        return name.strip(), aff
    given = find_floor_given(en, None)  # the moderator's "Mr. Shimizu, please."
    if given is not None:
        return given
    # The pattern needs "の" and "さん"/"氏": without them, skip its scan of every position.
    m = INTRO_JA_RE.search(ja) if ja and "の" in ja and ("さん" in ja or "氏" in ja) else None
    if m is None:
        return None
    return (None if GAP_WORD_RE.search(m.group("name")) else m.group("name")), m.group("aff")


_FLOOR_RE = re.compile(rf"(?:(?:Mr|Ms|Mrs|Miss|Dr)\.?\s+)(?P<name>{_WORD}(?:\s+{_WORD})?)"
                       rf"(?:\s+(?:of|from|with)\s+{_AFF})?,?\s+(?:please|go ahead)[.!]?\Z", re.IGNORECASE)
_JA_AFF, _JA_NAME = r"(?P<aff>[^\s、。「」はがを]{2,20})", r"(?P<name>[^\s、。「」はがをの]{1,10}?)"
_FLOOR_JA_RE = re.compile(rf"(?:{_JA_AFF}の)?{_JA_NAME}(?:さん|記者)[、,]\s*(?:どうぞ|お願いします)")
_SELF_JA_RE = re.compile(rf"^(?:[^。]{{0,20}}?[。、]\s*)?{_JA_AFF}の{_JA_NAME}です")


def _short_sentences(text: str | None, limit: int = 100) -> list[str]:
    return [s.strip() for s in sentences(text or "") if s.strip() and len(s) <= limit]


_FLOOR_HINTS = (" of ", " from ", " with ", "please", "Please", "go ahead", "Go ahead")


def _name_ok(name: str) -> bool:
    return name.split()[0].lower().strip(".") not in _NOT_NAMES


def find_floor_given(en: str | None, ja: str | None) -> tuple[str | None, str | None] | None:
    """(name, affiliation) of a questioner someone gives the floor to, in a sentence of its own:
    ``Jordan Fabian of Bloomberg.``, ``Mr. Shimizu, please.``, ``清水さん、どうぞ。``."""
    tail = (en or "")[-90:]  # the floor is given in the turn's last, short sentence
    for sentence in (_short_sentences(tail, 80)[-1:] if any(h in tail for h in _FLOOR_HINTS) else ()):
        m = _FLOOR_RE.match(sentence)
        if m is None:
            m = INTRO_RE.match(sentence)
        if m is not None and _name_ok(m.group("name")) and not GAP_WORD_RE.search(m.group("name")):
            aff = m.group("aff")
            return m.group("name").strip(), (aff[4:] if aff and aff.lower().startswith("the ") else aff)
    ja_tail = (ja or "")[-80:]
    m = _FLOOR_JA_RE.search(ja_tail) if "どうぞ" in ja_tail or "お願いします" in ja_tail else None
    if m is not None:
        return m.group("name"), m.group("aff")
    return None


def find_self_introduction(en: str | None, ja: str | None) -> tuple[str | None, str | None] | None:
    """(name, affiliation) a questioner gives at the start of a question: ``Nakakuki of Kyodo News.``,
    ``Thank you. Jordan Fabian, Bloomberg.``, ``共同通信の中久木です。``."""
    head = (en or "")[:170]
    hinted = " of " in head or " from " in head or " with " in head or " at " in head
    for sentence in (_short_sentences(head, 80)[:2] if hinted else ()):
        m = INTRO_RE.match(sentence)
        if m is not None and _name_ok(m.group("name")) and not GAP_WORD_RE.search(m.group("name")):
            aff = m.group("aff")
            return m.group("name").strip(), (aff[4:] if aff.lower().startswith("the ") else aff)
    m = _SELF_JA_RE.match(ja) if ja and "です" in ja[:60] else None
    if m is not None:
        return m.group("name"), m.group("aff")
    return None
