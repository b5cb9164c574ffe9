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

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice

from model.errors import ImportRefused
from model.importer import align, markers
from model.importer import patterns as pat
from model.importer.paragraphs import Paragraphs, iter_paragraphs
from model.importer.parsed import (
    ImportSummary,
    ParsedGap,
    ParsedParagraph,
    ParsedRedaction,
    ParsedSegment,
    ParsedSpeaker,
    ParsedSuggestion,
    ParsedTranscript,
    ParsedTurn,
)

# iter_paragraphs is kept importable from here (tests, older callers).
__all__ = ["BLOCKS_MAX", "LOOKAHEAD", "Para", "Parser", "Paragraphs", "Unit", "analyze", "iter_paragraphs", "parse"]

LOOKAHEAD = 2000  # paragraphs read ahead to decide the title and the lead language
BLOCKS_MAX = 200_000  # paragraphs a file that may be two blocks is read ahead (about 50 MB of text)
_OTHER = {"en": "ja", "ja": "en"}
_PAIRED_NON_SPEECH = ("title", "time", "note")  # a heading, a time line or a note may have a translation


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
    kind: str  # speech / title / time / note / a marker kind (markers.MARKER_KINDS)
    end: int  # offset in the decoded text where the paragraph ends (for progress)
    tail: str = "\n\n"  # what separated it from the next paragraph
    side: str | None = None  # two blocks or files: the language of the block it stands in


@dataclass(slots=True)
class Unit:
    """Paragraphs that make one segment: lead-side ones, follow-side ones, how they were paired."""

    lead: list[Para]
    follow: list[Para]
    pairing: str
    confidence: float = 1.0


def analyze(position: int, text: str, end: int = 0, tail: str = "\n\n") -> Para:
    """Recognise the prefix, language and kind of one paragraph."""
    if pat.is_note(text):  # before labels: "訳注：" and "注：" look like one
        return Para(position, text, 0, None, None, False, pat.language(text), "note", end, tail)
    marker = markers.marker_kind(text)
    if marker is not None:
        return Para(position, text, 0, None, None, False, pat.language(text), marker, end, tail)
    cut, timestamp, label, bracketed = pat.split_prefix(text)
    speech = text[cut:]
    lang = pat.language(speech)
    kind = "speech"
    if label is None and timestamp is None:
        if pat.is_time_line(speech):
            kind = "time"
        elif pat.is_date_line(speech):
            kind = "title"
    return Para(position, text, cut, timestamp, label, bracketed, lang, kind, end, tail)


def compatible(lead: Para, follower: Para) -> bool:
    """Whether ``follower`` can be the translation of ``lead``."""
    if lead.kind != "speech" or follower.kind != "speech":
        if lead.kind == "title" == follower.kind:  # a heading pairs with a heading, a date line with a date line
            return (pat.parse_date(lead.text) is None) == (pat.parse_date(follower.text) is None)
        return lead.kind == follower.kind and lead.kind in _PAIRED_NON_SPEECH  # a marker is never a translation
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


def find_blocks(paras: list[Para]) -> int | None:
    """Where the second block starts when the file is one language's page then the other's, else None.

    Two blocks: the speech paragraphs' languages split into one run of each
    (90 % agreement at the best split, at most a few switches), each with at
    least two paragraphs and a quarter of the other's. The second block takes the paragraphs in its
    language just before its first speech (its heading).
    """
    seq = [(i, p.lang) for i, p in enumerate(paras) if p.lang and p.kind in ("speech", "title")]
    n = len(seq)
    if n < 4:
        return None
    langs = [lang for _, lang in seq]
    switches = sum(a != b for a, b in zip(langs, langs[1:], strict=False))
    if switches > max(3, n // 10):
        return None
    first = langs[0]
    ahead = sum(lang == first for lang in langs)
    best, best_k, own = -1, 0, 0
    for k in range(1, n):
        own += langs[k - 1] == first
        agree = own + (n - k) - (ahead - own)
        if agree > best:
            best, best_k = agree, k
    if best < 0.9 * n or best_k < 2 or n - best_k < 2 or min(best_k, n - best_k) < 0.25 * max(best_k, n - best_k):
        return None  # one translation after many untranslated paragraphs is not a second block
    split = seq[best_k][0]
    while split > 0 and paras[split - 1].lang == langs[best_k] and paras[split - 1].kind != "speech":
        split -= 1
    return split


def _lines_as_paragraphs(block: Para) -> list[Para] | None:
    """A file without any blank line but with several labelled lines: each line is a paragraph."""
    lines = block.text.split("\n")
    if len(lines) < 3 or sum(pat.split_prefix(line)[2] is not None for line in lines) < 2:
        return None
    last = len(lines) - 1
    return [analyze(i, line, block.end, "\n" if i < last else block.tail) for i, line in enumerate(lines)]


def _single(p: Para) -> Unit:
    return Unit([p], [], "single" if p.kind == "speech" else "marker")


class Parser:
    """Streams a transcript's turns; ``speakers`` fills in as turns are produced.

    ``translation``: a second file holding the translation (two-file layout); both are read whole.
    """

    def __init__(self, source: str | Iterable[str], translation: str | Iterable[str] | None = None) -> None:
        """``source``: the text, or the text in chunks (read lazily, as turns are asked for)."""
        if isinstance(source, str):
            source = source[1:] if source.startswith("\ufeff") else source
            self.total: int | None = len(source)
        else:
            self.total = None  # unknown until the end: the loader counts bytes instead
        self._reader = Paragraphs(source)
        self._source = (analyze(i, par, end, tail) for i, (par, end, tail) in enumerate(self._reader))
        self._ahead = list(islice(self._source, LOOKAHEAD))
        self.head = self._reader.head
        if len(self._ahead) == 1:  # the whole file is one block: perhaps one line per paragraph
            self._ahead = _lines_as_paragraphs(self._ahead[0]) or self._ahead
        self.summary = ImportSummary()
        self.layout = "interleaved"
        self._split: int | None = None
        self._second: list[Para] = []
        if translation is not None:
            if isinstance(translation, str) and translation.startswith("\ufeff"):
                translation = translation[1:]
            self._ahead += list(self._source)
            base = len(self._ahead)
            self._second = [analyze(base + i, par, end, tail) for i, (par, end, tail)
                            in enumerate(Paragraphs(translation))]
            self.layout = "files"
        if not any(p.lang for p in self._ahead + self._second):
            raise ImportRefused("the file holds no paragraph of text")
        self._mark_preamble(self._ahead, 0)
        if self.layout == "files":
            self._mark_preamble(self._second, 0)
            self.lead_lang = self._block_lang(self._ahead) or _OTHER[self._block_lang(self._second) or "ja"]
        elif (split := self._find_blocks()) is not None:
            self.layout, self._split = "blocks", split
            self._mark_preamble(self._ahead, split)
            self.lead_lang = self._block_lang(self._ahead[:split]) or "en"
        else:
            self.lead_lang = decide_lead(self._ahead)
        self.follow_lang = _OTHER[self.lead_lang]
        self.summary.layout, self.summary.lead_lang = self.layout, self.lead_lang
        self.title, self.source, self.event_date = self._header()
        self.speakers: list[ParsedSpeaker] = []
        self._by_key: dict[str, int] = {}  # label key (either language) -> speaker
        self._by_person: dict[str, int] = {}  # surname (or Japanese name) -> speaker
        self._unknown: int | None = None
        self._last_speaker: int | None = None
        self._questioner: int | None = None
        self._intro: ParsedSuggestion | None = None
        self.done = 0  # characters parsed, for progress

    def _find_blocks(self) -> int | None:
        """Where the second block starts, when the file is two blocks (see ``find_blocks``).

        A longer file than ``LOOKAHEAD`` paragraphs is read on while it may still be
        two blocks: as long as its speech changes language no more often than two blocks
        allow. An interleaved file changes language every few paragraphs, so it is
        ruled out within the first ``LOOKAHEAD`` (memory stays that of the look-ahead);
        a file that is still one language at the end of it is read whole (as two blocks
        must be, to be aligned), up to ``BLOCKS_MAX`` paragraphs.
        """
        ahead = self._ahead
        if len(ahead) >= LOOKAHEAD:
            langs = [p.lang for p in ahead if p.lang and p.kind in ("speech", "title")]
            switches = sum(a != b for a, b in zip(langs, langs[1:], strict=False))
            last = langs[-1] if langs else None
            while True:
                if switches > max(3, len(langs) // 10) or len(ahead) >= BLOCKS_MAX:
                    return None  # interleaved (what was read stays ahead, in order)
                p = next(self._source, None)
                if p is None:
                    break  # the whole file is read: decide on all of it
                ahead.append(p)
                if p.lang and p.kind in ("speech", "title"):
                    switches += last is not None and p.lang != last
                    last = p.lang
                    langs.append(p.lang)
        return find_blocks(ahead)

    @staticmethod
    def _block_lang(paras: list[Para]) -> str | None:
        langs = [p.lang for p in paras if p.lang and p.kind == "speech"]
        return max(("en", "ja"), key=langs.count) if langs else None

    # -- header ------------------------------------------------------------
    def _mark_preamble(self, paras: list[Para], start: int) -> None:
        """Mark what precedes a transcript (from ``start``): heading, date, navigation, rules, notes."""
        prev: Para | None = None
        for i in range(start, min(len(paras), start + 12)):
            p = paras[i]
            if p.label or p.timestamp or p.kind in markers.MARKER_KINDS:
                return
            text = p.text.strip()
            if markers.is_rule(text) or markers.is_navigation(text) or markers.is_provisional_note(text):
                p.kind = "note"
            elif p.kind != "speech":
                pass
            elif markers.is_heading(text) or markers.is_dated_line(text) or (
                    i == start and pat.is_title_like(p.text)):
                p.kind = "title"
            elif (prev is not None and prev.kind == "title" and p.lang and prev.lang and p.lang != prev.lang
                  and pat.is_title_like(p.text)):
                p.kind = "title"  # the title line's translation
            elif prev is not None and prev.kind in ("title", "time") and len(text) <= 60 and pat.is_title_like(text):
                p.kind = "title"  # a place or occasion under the heading ("East Room")
            else:
                return
            prev = p

    def _header(self) -> tuple[str | None, str | None, str | None]:
        titles = [p for p in (self._ahead[:14] + self._second[:8]) if p.kind == "title"]
        headings = [p for p in titles if markers.is_heading(p.text) and not pat.is_date_line(p.text)]
        title = source = date = None
        candidates = headings or [p for p in titles if not pat.is_date_line(p.text)]
        chosen = candidates[0] if candidates else None
        if chosen is not None:
            title, source, date = pat.parse_title_line(chosen.text)
        for p in titles:
            if date is not None:
                break
            if found := pat.parse_date(p.text):
                date = found[0]
        return title, source, date

    # -- paragraphs and units ---------------------------------------------
    def paragraphs(self) -> Iterator[Para]:
        """Every paragraph, analysed, in order."""
        ahead, self._ahead = self._ahead, []
        return chain(ahead, self._source)

    def _units(self) -> Iterator[Unit]:
        if self.layout == "interleaved":
            yield from self._interleaved_units()
            return
        paras = list(self.paragraphs())
        if self.layout == "files":
            first, second = paras, self._second
        else:
            split = self._split or 0
            first, second = paras[:split], paras[split:]
        for p in first:
            p.side = self.lead_lang
        for p in second:
            p.side = self.follow_lang
        beads = align.align(first, second, self.lead_lang)
        if len(first) and len(second) and max(len(first), len(second)) > 2 * min(len(first), len(second)):
            self.summary.warnings.append(
                f"the two {'files' if self.layout == 'files' else 'blocks'} differ much in length "
                f"({len(first)} and {len(second)} paragraphs): check the pairing")
        for bead in beads:
            lead, follow = [first[i] for i in bead.lead], [second[j] for j in bead.follow]
            if lead and follow:
                pairing = "nm" if len(lead) > 1 or len(follow) > 1 else "block"
                yield Unit(lead, follow, pairing, bead.confidence)
            else:
                p = (lead or follow)[0]
                yield Unit(lead, follow, "single" if p.kind == "speech" else "marker")

    def _interleaved_units(self) -> Iterator[Unit]:
        """Neighbours pair; a translation after two or three source paragraphs may cover them all (n:m)."""
        lead_lang, follow_lang = self.lead_lang, self.follow_lang
        pending: Para | None = None  # a lead paragraph waiting for its translation
        held: list[Para] = []  # the untranslated lead paragraphs just before ``pending`` (at most two)
        for p in self.paragraphs():
            if pending is not None:
                if p.lang == follow_lang and compatible(pending, p):
                    group = held + [pending]
                    k = align.covered(group, p, lead_lang) if held and pending.label is None else 1
                    yield from map(_single, group[:-k])
                    if k > 1:
                        yield Unit(group[-k:], [p], "nm",
                                   align.Scorer(group[-k:], [p], lead_lang).confidence(list(range(k)), [0]))
                    else:
                        yield self._pair(pending, p)
                    held, pending = [], None
                    continue
                if pending.kind == "speech":  # perhaps the first part of an n:m pair
                    held.append(pending)
                    if len(held) > 2:
                        yield _single(held.pop(0))
                else:
                    yield from map(_single, held)
                    yield _single(pending)
                    held = []
                pending = None
            if p.lang == lead_lang and p.kind not in markers.MARKER_KINDS:
                if held and (p.label is not None or p.kind != "speech"):
                    yield from map(_single, held)
                    held = []
                pending = p
                continue
            yield from map(_single, held)
            held = []
            if p.lang == follow_lang:
                yield Unit([], [p], "single" if p.kind == "speech" else "marker")
            else:
                yield _single(p)  # no letters, or a marker: stands alone on the lead side
        yield from map(_single, held)
        if pending is not None:
            yield _single(pending)

    def _pair(self, lead: Para, follow: Para) -> Unit:
        """Two neighbours: sure when their labels agree, else as sure as their lengths fit."""
        if lead.label and follow.label and align.labels_agree(lead.label, follow.label):
            return Unit([lead], [follow], "label", 0.95)
        if lead.kind != "speech":
            return Unit([lead], [follow], "interleaved", 0.9)
        cost = align.length_cost(align.speech_length(lead), align.speech_length(follow), self.lead_lang)
        if cost < 2.8:  # a fair length fit: not doubtful, whatever the anchors say
            return Unit([lead], [follow], "interleaved", round(max(0.5, 1.0 - cost / 6), 3))
        return Unit([lead], [follow], "interleaved", align.pair_confidence(lead, follow, self.lead_lang))

    def _segment(self, unit: Unit) -> ParsedSegment:
        seg = ParsedSegment(pairing=unit.pairing, confidence=unit.confidence)
        for group in (unit.lead, unit.follow):
            if not group:
                continue
            first = group[0]
            lang = first.side or (self.lead_lang if group is unit.lead else self.follow_lang)
            cut = first.cut
            prefix, text = (first.text[:cut], first.text[cut:]) if cut else ("", first.text)
            if len(group) > 1:
                for before, p in zip(group, group[1:], strict=False):
                    text += before.tail + p.text  # n:m: the paragraphs and what stood between them, exactly
            last_tail = group[-1].tail
            tail = None if last_tail == "\n\n" else last_tail
            if lang == "en":
                seg.en_prefix, seg.en_text, seg.en_tail = prefix, text, tail
            else:
                seg.ja_prefix, seg.ja_text, seg.ja_tail = prefix, text, tail
            for start, end, marker, kind in pat.find_gaps(text):
                seg.gaps.append(ParsedGap(lang, start, end, marker, kind))
            for start, end, red in pat.find_redactions(text):
                seg.redactions.append(ParsedRedaction(lang, start, end, red))
        return seg

    # -- speakers ------------------------------------------------------------
    def _add_speaker(self, speaker: ParsedSpeaker) -> int:
        self.speakers.append(speaker)
        return len(self.speakers) - 1

    def _note_label(self, idx: int, p: Para, lang: str) -> None:
        """Record ``p``'s label on speaker ``idx``, preferring labels written in their language's script."""
        assert p.label is not None
        sp, label = self.speakers[idx], p.label
        ja_script = pat.has_japanese(label)
        if lang == "en":
            if sp.label_en is None or (pat.has_japanese(sp.label_en) and not ja_script):
                sp.label_en = label
        elif sp.label_ja is None or (ja_script and not pat.has_japanese(sp.label_ja)):
            sp.label_ja = label
        role = pat.role_of(label)
        if sp.role in ("other", "unknown") and role != "other":
            sp.role = role
        sp.redacted = sp.redacted or pat.is_redacted_label(label, p.bracketed)
        name, affiliation = pat.label_person(label)
        if name and (sp.name is None or (lang == self.lead_lang and pat.has_japanese(sp.name)
                                         and not pat.has_japanese(name))):
            sp.name = name
        if affiliation and (sp.affiliation is None or lang == self.lead_lang):
            sp.affiliation = affiliation
        if name and not pat.is_questioner(label):
            self._by_person.setdefault(pat.person_key(name) or name, idx)

    def _speaker_for(self, src: Para, src_lang: str, other: Para | None, other_lang: str) -> tuple[int, bool]:
        """(speaker index, is a questioner) for a turn whose label stands in ``src``."""
        assert src.label is not None
        if pat.is_questioner(src.label):
            if self._questioner is None or self._intro is not None:
                self._questioner = self._add_speaker(ParsedSpeaker(None, None, "journalist"))
            idx, questioner = self._questioner, True
        else:
            key = pat.label_key(src.label)
            found = self._by_key.get(key)
            if found is None:
                person = pat.person_key(pat.label_person(src.label)[0])
                found = self._by_person.get(person) if person else None  # "Minister Kishida" after "Mr. … Kishida, …"
                if found is None and other is not None and other.label:
                    found = self._by_key.get(pat.label_key(other.label))
                if found is None:
                    found = self._add_speaker(ParsedSpeaker(None, None, "other"))
                self._by_key[key] = found
            idx = found
            questioner = False
        self._note_label(idx, src, src_lang)
        if other is not None and other.label:
            self._note_label(idx, other, other_lang)
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
        for turn in self._turns():
            self.summary.count(turn)
            yield turn
        self.summary.speakers = len(self.speakers)

    def _turns(self) -> Iterator[ParsedTurn]:
        cur: ParsedTurn | None = None
        position = 0
        lead_lang, follow_lang = self.lead_lang, self.follow_lang
        for unit in self._units():
            main = unit.lead[0] if unit.lead else unit.follow[0]
            other = unit.follow[0] if unit.lead and unit.follow else None
            main_lang = main.side or (lead_lang if unit.lead else follow_lang)
            other_lang = other.side or follow_lang if other is not None else follow_lang
            labelled, label_lang, partner, partner_lang = main, main_lang, other, other_lang
            if main.label is None and other is not None and other.label is not None:
                labelled, label_lang, partner, partner_lang = other, other_lang, main, main_lang
            timestamp = main.timestamp or (other.timestamp if other else None)
            start_new = (main.kind != "speech" or labelled.label is not None or cur is None
                         or cur.kind != "speech")
            if start_new:
                if cur is not None:
                    self._floor_given(cur)
                    yield cur
                    position += 1
                if main.kind != "speech":
                    cur = ParsedTurn(position, main.kind, None, timestamp)
                else:
                    questioner = False
                    if labelled.label is not None:
                        speaker, questioner = self._speaker_for(labelled, label_lang, partner, partner_lang)
                    elif self._last_speaker is not None:
                        speaker = self._last_speaker
                    else:
                        speaker = self._unknown_speaker()
                    cur = ParsedTurn(position, "speech", speaker, timestamp)
                    self._last_speaker = speaker
                    if questioner and self._intro is not None:
                        cur.suggestion, self._intro = self._intro, None
                    elif not questioner and self._intro is not None and self._intro_weak:
                        self._intro = None  # a name said in passing, and no question followed
            elif other is not None and other.label and cur is not None and cur.speaker is not None:
                self._note_label(cur.speaker, other, other_lang)  # a translator repeated the label
            assert cur is not None
            seg = self._segment(unit)
            first_segment = not cur.segments
            cur.segments.append(seg)
            members = unit.lead + unit.follow if unit.follow else unit.lead
            if self.layout != "interleaved":
                members.sort(key=lambda q: q.position)
            for p in members:
                cur.paragraphs.append(ParsedParagraph(p.position, p.lang, p.text))
                if p.end > self.done:
                    self.done = p.end
            if cur.speaker is not None:
                self._introductions(cur, seg, first_segment)
        if cur is not None:
            yield cur

    _intro_weak = False

    def _introductions(self, cur: ParsedTurn, seg: ParsedSegment, first_segment: bool) -> None:
        """Names proposed for questioners: by the operator or moderator, by whoever gives the floor
        ("Jordan Fabian of Bloomberg."), or by the questioner ("Nakakuki of Kyodo News.")."""
        assert cur.speaker is not None
        role = self.speakers[cur.speaker].role
        if role in ("operator", "moderator"):
            found = pat.find_introduction(seg.en_text, seg.ja_text)
            if found is not None:
                self._intro, self._intro_weak = ParsedSuggestion(found[0], found[1], cur.position), False
        elif role == "journalist":
            found = pat.find_self_introduction(seg.en_text, seg.ja_text) if first_segment else None
            if found is None:
                return
            if cur.suggestion is None:
                cur.suggestion = ParsedSuggestion(found[0], found[1], cur.position)
            elif cur.suggestion.name in (None, found[0]):  # "Mr. Shimizu, please." then "Shimizu of NHK."
                cur.suggestion.name = found[0]
                cur.suggestion.affiliation = cur.suggestion.affiliation or found[1]

    def _floor_given(self, turn: ParsedTurn) -> None:
        """Whoever else speaks may give the floor at the end of the turn ("Jordan Fabian of Bloomberg.")."""
        if turn.speaker is None or not turn.segments or \
                self.speakers[turn.speaker].role in ("operator", "moderator", "journalist"):
            return
        seg = turn.segments[-1]
        found = pat.find_floor_given(seg.en_text, seg.ja_text)
        if found is not None:
            self._intro, self._intro_weak = ParsedSuggestion(found[0], found[1], turn.position), True


def parse(text: str, encoding: str | None = None, newline: str = "\n", translation: str | None = None
          ) -> ParsedTranscript:
    """Parse a whole transcript into memory (tests and small files; the loader streams)."""
    parser = Parser(text, translation)
    turns = list(parser.turns())
    paragraphs = sorted((p for t in turns for p in t.paragraphs), key=lambda p: p.position)
    return ParsedTranscript(parser.title, parser.source, parser.event_date, parser.lead_lang, encoding,
                            newline, parser.speakers, turns, paragraphs, parser.layout, parser.head)
