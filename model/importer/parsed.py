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
    kind: str  # speech / title / time / note
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
