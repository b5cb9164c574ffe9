"""From text to turns, segments and speakers (no database).

The parser streams: ``Parser(text).turns()`` yields each turn as soon as the
next one starts, so a 20 MB file never exists as a whole in parsed form.
Only the first ``LOOKAHEAD`` paragraphs are read ahead, to find the title
line and to decide which language leads (the one translated *from*).

Pairing: a paragraph in the lead language followed by a paragraph in the
other language forms one segment (the second translates the first), unless
their kinds or their (Latin) labels disagree. A paragraph in the other
language that follows nothing to translate stands alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice

from model.errors import ImportRefused
from model.importer import patterns as pat
from model.importer.parsed import (
    ParsedGap,
    ParsedParagraph,
    ParsedRedaction,
    ParsedSegment,
    ParsedSpeaker,
    ParsedSuggestion,
    ParsedTranscript,
    ParsedTurn,
)

LOOKAHEAD = 2000  # paragraphs read ahead to decide the title and the lead language
# A newline and one or more blank lines. A lone \r must not be the first half of a \r\n.
_SEP_RE = re.compile(r"(?:\r\n|\r(?!\n)|\n)(?:[^\S\r\n]*(?:\r\n|\r(?!\n)|\n))+")
_SEP_LF_RE = re.compile(r"\n(?:[^\S\r\n]*\n)+")  # the same for text without \r: 3x faster to scan
_NL_RE = re.compile(r"\r\n|\r")
_CONTENT_RE = re.compile(r"[^\S\r\n]*\S")  # a line with something on it starts here
_OTHER = {"en": "ja", "ja": "en"}


@dataclass(slots=True)
class Para:
    """One paragraph with what was recognised in it."""

    position: int
    text: str
    cut: int  # length of the prefix (timestamp + label)
    timestamp: str | None
    label: str | None
    bracketed: bool
    lang: str | None
    kind: str  # speech / title / time / note
    end: int  # offset in the decoded text where the paragraph ends (for progress)


def _clean(chunk: str) -> str:
    return _NL_RE.sub("\n", chunk) if "\r" in chunk else chunk


def iter_paragraphs(source: str | Iterable[str]) -> Iterator[tuple[str, int]]:
    """(paragraph, end offset) for each paragraph: blocks separated by blank lines.

    ``source`` is the text, or the text in chunks (a file being decoded).
    Lines are split on \r\n, \r and \n only; newlines inside a paragraph
    become \n. Leading and trailing blank lines of the file are dropped.
    """
    buf, offset, started = "", 0, False  # offset: characters before ``buf``
    for chunk in ((source,) if isinstance(source, str) else source):
        if not chunk:
            continue
        buf = buf + chunk if buf else chunk
        if not started:  # drop the blank lines the file starts with
            stripped = buf.lstrip()
            if not stripped:
                continue
            start = len(buf) - len(stripped)
            start = max(buf.rfind("\n", 0, start), buf.rfind("\r", 0, start)) + 1
            buf, offset, started = buf[start:], offset + start, True
        pos = 0
        for m in (_SEP_RE if "\r" in buf else _SEP_LF_RE).finditer(buf):
            if m.end() >= len(buf) or not _CONTENT_RE.match(buf, m.end()):
                break  # the blank lines may go on in the next chunk
            yield _clean(buf[pos:m.start()]), offset + m.start()
            pos = m.end()
        if pos:
            buf, offset = buf[pos:], offset + pos
    end = len(buf.rstrip())  # the last paragraph, without the blank lines after it
    if started and end:
        newlines = [i for i in (buf.find("\n", end), buf.find("\r", end)) if i != -1]
        end = min(newlines) if newlines else len(buf)
        yield _clean(buf[:end]), offset + end


def analyze(position: int, text: str, end: int = 0) -> Para:
    """Recognise the prefix, language and kind of one paragraph."""
    if pat.is_note(text):  # before labels: "訳注：" and "注：" look like one
        return Para(position, text, 0, None, None, False, pat.language(text), "note", end)
    cut, timestamp, label, bracketed = pat.split_prefix(text)
    speech = text[cut:]
    lang = pat.language(speech)
    kind = "speech"
    if label is None and timestamp is None:
        if pat.is_time_line(speech):
            kind = "time"
        elif pat.is_date_line(speech):
            kind = "title"
    return Para(position, text, cut, timestamp, label, bracketed, lang, kind, end)


def compatible(lead: Para, follower: Para) -> bool:
    """Whether ``follower`` can be the translation of ``lead``."""
    if (lead.kind == "speech") != (follower.kind == "speech"):
        return False
    if not (lead.label and follower.label):
        return True
    if not pat.has_japanese(lead.label) and not pat.has_japanese(follower.label):
        return pat.label_key(lead.label) == pat.label_key(follower.label)
    roles = {pat.role_of(lead.label), pat.role_of(follower.label)}  # a translated label: compare roles
    return len(roles) == 1 or "other" in roles


def decide_lead(paras: list[Para]) -> str:
    """The language the file translates from, judged by how well each choice pairs paragraphs."""
    scores: dict[str, int] = {}
    for lead, follow in (("en", "ja"), ("ja", "en")):
        score = 0
        pending: Para | None = None
        for p in paras:
            if p.lang is None:
                pending = None
                continue
            if pending is not None and p.lang == follow and compatible(pending, p):
                labels = (pending.label is not None) + (p.label is not None)
                score += (1, 0, 2)[labels]  # a label on one side only is weak evidence of a translation
                pending = None
                continue
            pending = None
            if p.lang == follow:
                score -= 1 if p.kind == "speech" else 0  # a translation of nothing
            else:
                pending = p
        scores[lead] = score
    if scores["en"] != scores["ja"]:
        return max(scores, key=lambda k: scores[k])
    return next((p.lang for p in paras if p.kind == "speech" and p.lang), None) or "en"


def _lines_as_paragraphs(block: Para) -> list[Para] | None:
    """A file without any blank line but with several labelled lines: each line is a paragraph."""
    lines = block.text.split("\n")
    if len(lines) < 3 or sum(pat.split_prefix(line)[2] is not None for line in lines) < 2:
        return None
    return [analyze(i, line, block.end) for i, line in enumerate(lines)]


class Parser:
    """Streams a transcript's turns; ``speakers`` fills in as turns are produced."""

    def __init__(self, source: str | Iterable[str]) -> None:
        """``source``: the text, or the text in chunks (read lazily, as turns are asked for)."""
        if isinstance(source, str):
            source = source[1:] if source.startswith("\ufeff") else source
            self.total: int | None = len(source)
        else:
            self.total = None  # unknown until the end: the loader counts bytes instead
        self._source = (analyze(i, par, end) for i, (par, end) in enumerate(iter_paragraphs(source)))
        self._ahead = list(islice(self._source, LOOKAHEAD))
        if len(self._ahead) == 1:  # the whole file is one block: perhaps one line per paragraph
            self._ahead = _lines_as_paragraphs(self._ahead[0]) or self._ahead
        if not any(p.lang for p in self._ahead):
            raise ImportRefused("the file holds no paragraph of text")
        self._mark_title()
        self.lead_lang = decide_lead(self._ahead)
        self.follow_lang = _OTHER[self.lead_lang]
        self.title, self.source, self.event_date = self._header()
        self.speakers: list[ParsedSpeaker] = []
        self._by_key: dict[str, int] = {}  # label key (either language) -> speaker
        self._unknown: int | None = None
        self._last_speaker: int | None = None
        self._questioner: int | None = None
        self._intro: ParsedSuggestion | None = None
        self.done = 0  # characters parsed, for progress

    # -- header ------------------------------------------------------------
    def _mark_title(self) -> None:
        first = self._ahead[0]
        if first.kind != "speech" or first.label or first.timestamp or not pat.is_title_like(first.text):
            return
        first.kind = "title"
        if len(self._ahead) > 1:
            second = self._ahead[1]
            if (second.kind == "speech" and not second.label and not second.timestamp and second.lang
                    and second.lang != first.lang and pat.is_title_like(second.text)):
                second.kind = "title"  # the title line's translation

    def _header(self) -> tuple[str | None, str | None, str | None]:
        title = source = date = None
        for p in self._ahead[:6]:
            if p.kind != "title":
                continue
            if title is None and not pat.is_date_line(p.text):
                title, source, date_in_title = pat.parse_title_line(p.text)
                date = date or date_in_title
            elif date is None and (found := pat.parse_date(p.text)):
                date = found[0]
        return title, source, date

    # -- paragraphs and units ---------------------------------------------
    def paragraphs(self) -> Iterator[Para]:
        """Every paragraph, analysed, in order."""
        ahead, self._ahead = self._ahead, []
        return chain(ahead, self._source)

    def _units(self) -> Iterator[tuple[Para | None, Para | None]]:
        lead_lang, follow_lang = self.lead_lang, self.follow_lang
        pending: Para | None = None
        for p in self.paragraphs():
            if pending is not None:
                if p.lang == follow_lang and compatible(pending, p):
                    yield pending, p
                    pending = None
                    continue
                yield pending, None
                pending = None
            if p.lang == follow_lang:
                yield None, p
            elif p.lang == lead_lang:
                pending = p
            else:
                yield p, None  # no letters: stands alone on the lead side
        if pending is not None:
            yield pending, None

    def _segment(self, lead: Para | None, follow: Para | None) -> ParsedSegment:
        seg = ParsedSegment()
        for p in (lead, follow):
            if p is None:
                continue
            lang = p.lang or self.lead_lang
            prefix, text = p.text[:p.cut], p.text[p.cut:]
            if lang == "en":
                seg.en_prefix, seg.en_text = prefix, text
            else:
                seg.ja_prefix, seg.ja_text = prefix, text
            for start, end, marker, kind in pat.find_gaps(text):
                seg.gaps.append(ParsedGap(lang, start, end, marker, kind))
            for start, end, red in pat.find_redactions(text):
                seg.redactions.append(ParsedRedaction(lang, start, end, red))
        return seg

    # -- speakers ------------------------------------------------------------
    def _add_speaker(self, speaker: ParsedSpeaker) -> int:
        self.speakers.append(speaker)
        return len(self.speakers) - 1

    def _note_label(self, idx: int, p: Para) -> None:
        """Record ``p``'s label on speaker ``idx``, preferring labels written in their language's script."""
        assert p.label is not None
        sp, label = self.speakers[idx], p.label
        ja_script = pat.has_japanese(label)
        if (p.lang or self.lead_lang) == "en":
            if sp.label_en is None or (pat.has_japanese(sp.label_en) and not ja_script):
                sp.label_en = label
        elif sp.label_ja is None or (ja_script and not pat.has_japanese(sp.label_ja)):
            sp.label_ja = label
        role = pat.role_of(label)
        if sp.role in ("other", "unknown") and role != "other":
            sp.role = role
        sp.redacted = sp.redacted or pat.is_redacted_label(label, p.bracketed)

    def _speaker_for(self, src: Para, other: Para | None) -> tuple[int, bool]:
        """(speaker index, is a questioner) for a turn whose label stands in ``src``."""
        assert src.label is not None
        if pat.is_questioner(src.label):
            if self._questioner is None or self._intro is not None:
                self._questioner = self._add_speaker(ParsedSpeaker(None, None, "journalist"))
            idx, questioner = self._questioner, True
        else:
            key = pat.label_key(src.label)
            known = self._by_key.get(key)
            if known is None:
                known = self._by_key[key] = self._add_speaker(ParsedSpeaker(None, None, "other"))
            idx, questioner = known, False
        self._note_label(idx, src)
        if other is not None and other.label:
            self._note_label(idx, other)
            if not questioner:
                self._by_key.setdefault(pat.label_key(other.label), idx)
        return idx, questioner

    def _unknown_speaker(self) -> int:
        if self._unknown is None:
            self._unknown = self._add_speaker(ParsedSpeaker(None, None, "unknown"))
        return self._unknown

    # -- turns -------------------------------------------------------------
    def turns(self) -> Iterator[ParsedTurn]:
        """Each turn in order, yielded once complete."""
        cur: ParsedTurn | None = None
        position = 0
        for lead, follow in self._units():
            main = lead if lead is not None else follow
            assert main is not None
            other = follow if lead is not None else None
            timestamp = main.timestamp or (other.timestamp if other else None)
            start_new = main.kind != "speech" or main.label is not None or cur is None or cur.kind != "speech"
            if start_new:
                if cur is not None:
                    yield cur
                    position += 1
                if main.kind != "speech":
                    cur = ParsedTurn(position, main.kind, None, timestamp)
                else:
                    questioner = False
                    if main.label is not None:
                        speaker, questioner = self._speaker_for(main, other)
                    elif self._last_speaker is not None:
                        speaker = self._last_speaker
                    else:
                        speaker = self._unknown_speaker()
                    cur = ParsedTurn(position, "speech", speaker, timestamp)
                    self._last_speaker = speaker
                    if questioner and self._intro is not None:
                        cur.suggestion, self._intro = self._intro, None
            elif cur is not None and other is not None and other.label and cur.speaker is not None:
                self._note_label(cur.speaker, other)  # a translator repeated the label
            assert cur is not None  # a new turn starts whenever there is none yet
            seg = self._segment(lead, follow)
            cur.segments.append(seg)
            for p in (lead, follow):
                if p is not None:
                    cur.paragraphs.append(ParsedParagraph(p.position, p.lang, p.text))
                    self.done = p.end
            if cur.speaker is not None and self.speakers[cur.speaker].role in ("operator", "moderator"):
                found = pat.find_introduction(seg.en_text, seg.ja_text)
                if found is not None:
                    self._intro = ParsedSuggestion(found[0], found[1], cur.position)
        if cur is not None:
            yield cur


def parse(text: str, encoding: str | None = None, newline: str = "\n") -> ParsedTranscript:
    """Parse a whole transcript into memory (tests and small files; the loader streams)."""
    parser = Parser(text)
    turns = list(parser.turns())
    paragraphs = [p for t in turns for p in t.paragraphs]
    return ParsedTranscript(parser.title, parser.source, parser.event_date, parser.lead_lang, encoding,
                            newline, parser.speakers, turns, paragraphs)
