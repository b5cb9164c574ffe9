"""What the parser makes of a transcript: plain values, no database.

Offsets (``start``/``end``) of gaps and redactions index the segment's text in
that language *without* its prefix (the label and timestamp).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class ParsedGap:
    lang: str
    start: int
    end: int
    text: str  # the marker as written, e.g. "(inaudible)"
    kind: str  # inaudible / unintelligible / crosstalk / other


@dataclass(slots=True)
class ParsedRedaction:
    lang: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class ParsedSegment:
    """A paragraph and its translation; ``prefix + text`` is each paragraph exactly."""

    en_prefix: str = ""
    en_text: str | None = None
    ja_prefix: str = ""
    ja_text: str | None = None
    gaps: list[ParsedGap] = field(default_factory=list)
    redactions: list[ParsedRedaction] = field(default_factory=list)
    # How the two sides were paired: "interleaved" (neighbours), "block" (aligned blocks or files),
    # "nm" (several paragraphs on one side), "label" (neighbours whose labels agree), "single"
    # (one side only), "marker" (not speech, never paired); and how sure the pairing is (0..1).
    pairing: str = "single"
    confidence: float = 1.0
    en_tail: str | None = None  # what followed the paragraph in the file (None: one blank line)
    ja_tail: str | None = None

    def paragraph(self, lang: str) -> str | None:
        """The paragraph as imported in ``lang`` (None: absent)."""
        text = self.en_text if lang == "en" else self.ja_text
        return None if text is None else (self.en_prefix if lang == "en" else self.ja_prefix) + text


@dataclass(slots=True)
class ParsedSpeaker:
    label_en: str | None
    label_ja: str | None
    role: str  # official / journalist / operator / moderator / unknown / other
    redacted: bool = False
    name: str | None = None
    affiliation: str | None = None


@dataclass(slots=True)
class ParsedSuggestion:
    """A name proposed for a turn's speaker by an operator's introduction (name None: inaudible)."""

    name: str | None
    affiliation: str | None
    source_turn: int  # position of the turn that made the introduction


@dataclass(slots=True)
class ParsedParagraph:
    position: int
    lang: str | None  # None: no letters to tell
    text: str


@dataclass(slots=True)
class ParsedTurn:
    position: int
    kind: str  # speech / title / time / note / omission / reaction / interpretation / crosstalk / end
    speaker: int | None  # index into ParsedTranscript.speakers; None for non-speech
    timestamp: str | None = None
    segments: list[ParsedSegment] = field(default_factory=list)
    suggestion: ParsedSuggestion | None = None
    paragraphs: list[ParsedParagraph] = field(default_factory=list)  # the source paragraphs, in order


@dataclass(slots=True)
class ParsedTranscript:
    title: str | None  # from the title line; None when the file has none
    source: str | None
    event_date: str | None  # ISO when it could be read
    lead_lang: str
    encoding: str | None
    newline: str
    speakers: list[ParsedSpeaker]
    turns: list[ParsedTurn]
    paragraphs: list[ParsedParagraph]
    layout: str = "interleaved"  # interleaved / blocks / files
    head: str = ""  # what stood before the first paragraph (blank lines)


@dataclass(slots=True)
class ImportSummary:
    """What an import found, for the window's dialog and the command line's stderr."""

    layout: str = "interleaved"
    lead_lang: str = "en"
    turns: int = 0
    speakers: int = 0
    pairs: int = 0
    untranslated: int = 0
    gaps: int = 0
    markers: int = 0
    doubtful: int = 0
    warnings: list[str] = field(default_factory=list)

    def count(self, turn: ParsedTurn) -> None:
        """Add one turn's figures."""
        self.turns += 1
        speech = turn.kind == "speech"
        if not speech and turn.kind not in ("title", "note"):
            self.markers += 1  # omissions, reactions, interpretation notes, crosstalk, END, time lines
        for seg in turn.segments:
            if seg.gaps:
                self.gaps += len(seg.gaps)
            if seg.en_text is None or seg.ja_text is None:
                if speech:
                    self.untranslated += 1
            else:
                self.pairs += 1
                if seg.confidence < 0.5:
                    self.doubtful += 1

    def lines(self) -> list[str]:
        """The summary in a few short English lines (the window translates its own)."""
        out = [f"layout: {self.layout}, lead language: {self.lead_lang}",
               f"{self.turns} turns, {self.speakers} speakers, {self.pairs} pairs, {self.untranslated} untranslated, "
               f"{self.gaps} gaps, {self.markers} markers"]
        if self.doubtful:
            out.append(f"{self.doubtful} doubtful pairs to check (QA: check this pairing)")
        out.extend(f"warning: {w}" for w in self.warnings)
        return out
