"""One walk over a transcript that every exporter shares.

``walk(view, options[, turns])`` yields a ``Block`` per exported segment: its lines in
output order (lead language first), each line split into pieces so a format
can mark gaps its own way. The options are applied here, once:

- corrected or original text (original: the text exactly as imported);
- which languages;
- only approved segments;
- gaps: a filled gap shows its proposed text (kind ``"filled"``, for the
  format to mark when annotations are on); an unresolved gap (open or
  unrecoverable) keeps the marker as transcribed (``(Inaudible)``, ``[inaudible]``)
  when ``keep_markers`` is on and the gap came with the import, otherwise it is
  written as the chosen gap text (default ``(inaudible)`` / ``(聞き取れない)``);
- flags are handed on only when annotations are on.

Also here: helpers for control characters, speaker headings and file names.
"""

from __future__ import annotations

import gc
import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from model.importer.patterns import TIMESTAMP_RE
from model.readmodel import FlagView, GapView, SegmentView, TranscriptView, TurnView, load_transcript

if TYPE_CHECKING:
    from model.export.options import ExportOptions
    from model.store import Store

DEFAULT_GAP_TEXT = {"en": "(inaudible)", "ja": "(聞き取れない)"}
PROGRESS_EVERY = 500  # segments between progress reports

# C0 controls but tab/LF/CR, DEL and C1: invalid in XML 1.0 (C0) or invisible trouble (C1).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# U+FFFE and U+FFFF: valid UTF-8 the importer accepts, but XML 1.0 cannot hold them (lxml refuses
# them): every format but txt and JSON writes U+FFFD in their place (JSON keeps the truth).
NONCHARACTERS = {0xFFFE: "\ufffd", 0xFFFF: "\ufffd"}


def strip_controls(text: str) -> str:
    """``text`` without control characters XML cannot hold (for .docx and TMX); U+FFFE/U+FFFF
    become U+FFFD."""
    return _CONTROLS.sub("", text).translate(NONCHARACTERS)


def _picture(code: int) -> str:
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ ␁ ... : the Unicode "control pictures"
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


CONTROL_CODES = [c for c in range(0xA0) if c < 0x20 and c not in (9, 10, 13) or 0x7F <= c <= 0x9F]
# str.translate tables: one C-level pass instead of a regex with a Python callback.
CONTROL_PICTURES = {c: _picture(c) for c in CONTROL_CODES} | NONCHARACTERS


def show_controls(text: str) -> str:
    """``text`` with control characters replaced by visible symbols (for pages people read)."""
    return text.translate(CONTROL_PICTURES)


@dataclass(slots=True)
class Piece:
    """A stretch of one line: ``kind`` is "text", "gap" (unresolved) or "filled" (a filled gap)."""

    kind: str
    text: str
    gap: GapView | None = None


@dataclass(slots=True)
class Line:
    """One language of a segment as exported: what stood before it (label) and its pieces."""

    lang: str
    prefix: str
    pieces: list[Piece]
    time: str = ""  # "[hh:mm:ss] " when timestamps are asked for: also the first piece (see stamp_lines)

    @property
    def text(self) -> str:
        """The line's text without the prefix."""
        return "".join(p.text for p in self.pieces)


@dataclass(slots=True)
class Block:
    """An exported segment: its lines in output order and, with annotations, its flags."""

    turn: TurnView
    segment: SegmentView
    lines: list[Line]
    flags: list[FlagView] = field(default_factory=list)
    first_in_turn: bool = True

    def line(self, lang: str) -> Line | None:
        """The line in ``lang``, if exported."""
        return next((ln for ln in self.lines if ln.lang == lang), None)


def lang_order(view: TranscriptView, options: ExportOptions) -> list[str]:
    """The exported languages, the transcript's lead language first."""
    lead = view.lead_lang if view.lead_lang in ("en", "ja") else "en"
    order = [lead, "ja" if lead == "en" else "en"]
    return [lang for lang in order if lang in options.langs]


def gap_piece(gap: GapView, standing: str, lang: str, options: ExportOptions) -> Piece:
    """How one gap is written (see the module docstring)."""
    if gap.status == "filled" and gap.proposed_text:
        return Piece("filled", gap.proposed_text, gap)
    if getattr(options, "keep_markers", True) and gap.origin == "import" and standing:
        return Piece("gap", standing, gap)
    chosen = (options.gap_text or {}).get(lang)
    return Piece("gap", chosen if chosen is not None else DEFAULT_GAP_TEXT[lang], gap)


def render_line(seg: SegmentView, lang: str, options: ExportOptions) -> Line | None:
    """One language of ``seg`` as exported, or None when the segment has nothing in ``lang``."""
    corrected = is_corrected(options)
    text = seg.corrected(lang) if corrected else seg.original(lang)
    prefix = seg.prefix(lang)
    if text is None or (not text and not prefix):
        return None
    if not corrected or not seg.gaps:  # the common case: one piece of text
        return Line(lang, prefix, [Piece("text", text)])
    pieces: list[Piece] = []
    pos = 0
    gaps = [g for g in seg.gaps if g.lang == lang]
    if len(gaps) > 1:
        gaps.sort(key=lambda g: (g.start, g.id))
    if corrected:
        for g in gaps:
            # Offsets out of step with the text (should not happen) leave the text as it is.
            if g.start < pos or g.end > len(text) or g.start > g.end:
                continue
            if g.start > pos:
                pieces.append(Piece("text", text[pos:g.start]))
            pieces.append(gap_piece(g, text[g.start:g.end], lang, options))
            pos = g.end
    if pos < len(text) or not pieces:
        pieces.append(Piece("text", text[pos:]))
    return Line(lang, prefix, pieces)


def stamp_lines(lines: list[Line], ms: int) -> None:
    """Start each line with ``[hh:mm:ss]`` (a text piece, so every format shows it; plain text
    writes it before the label, where the importer reads it back as the segment's time),
    unless its prefix already has a timestamp."""
    seconds = max(ms, 0) // 1000
    stamp = f"[{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}] "
    for line in lines:
        if not TIMESTAMP_RE.match(line.prefix):
            line.time = stamp
            line.pieces.insert(0, Piece("text", stamp))


def with_times(store: Store, transcript_id: int, options: ExportOptions) -> ExportOptions:
    """``options`` carrying every segment's start (ms) when they ask for timestamps
    (``extra["timestamps"]``); unchanged otherwise (nothing is read)."""
    if not options.extra.get("timestamps"):
        return options
    from model.audio.timing import read_times

    with store.read() as s:
        times = {t.segment_id: t.start_ms for t in read_times(s, transcript_id)}
    return replace(options, extra={**options.extra, "segment_times": times})


def is_corrected(options: Any) -> bool:
    """Whether the options ask for corrected text (the default) rather than the original."""
    return getattr(options, "text", "corrected") != "original"


def walk(view: TranscriptView, options: ExportOptions, turns: Iterable[TurnView] | None = None,
         total: int | None = None) -> Iterator[Block]:
    """Every exported segment of ``view`` in reading order, options applied.

    ``turns``: the turns to walk, when they are read a batch at a time (``stream.ExportSource.turns``),
    and ``total`` their number of segments (for progress); by default ``view.turns``.
    """
    order = lang_order(view, options)
    times = options.extra.get("segment_times") if options.extra else None  # see with_times
    progress = getattr(options, "progress", None)
    if total is None:
        total = view.segment_count
    done = 0
    for turn in view.turns if turns is None else turns:
        first = True
        for seg in turn.segments:
            done += 1
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, total)
            if options.approved_only and seg.review_state != "approved":
                continue
            lines = [ln for ln in (render_line(seg, lang, options) for lang in order) if ln is not None]
            if not lines:
                continue
            if times and seg.id in times:
                stamp_lines(lines, times[seg.id])
            flags = [f for f in seg.flags if f.lang is None or f.lang in order] if options.annotations else []
            yield Block(turn, seg, lines, flags, first)
            first = False
    if progress is not None:
        progress(total, total)


@dataclass(slots=True)
class FlagReplyView:
    author: str
    created_at: datetime
    text: str


@dataclass(slots=True)
class ExportFlag(FlagView):
    """A flag with its discussion and resolution, as exports show it."""

    resolution_note: str | None = None
    resolved_by: str | None = None
    resolved_at: datetime | None = None
    replies: list[FlagReplyView] = field(default_factory=list)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run a big export without the cyclic garbage collector: it would walk the hundreds of
    thousands of (acyclic) view objects again and again, a third of the time on 50,000 segments."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_for_export(store: Store, transcript_id: int) -> TranscriptView:
    """The transcript as exporters read it: the read model, each flag with its replies and
    resolution (``ExportFlag`` in place of the plain ``FlagView``)."""
    from sqlalchemy import select

    from model.schema import Annotator, Flag, FlagReply

    view = load_transcript(store, transcript_id)
    if not any(seg.flags for _turn, seg in view.segments()):
        return view
    with store.read() as s:
        names = dict(s.execute(select(Annotator.id, Annotator.name)).all())
        resolution = {r[0]: (r[1], names.get(r[2]) if r[2] is not None else None, r[3]) for r in s.execute(
            select(Flag.id, Flag.resolution_note, Flag.resolved_by_id, Flag.resolved_at)
            .where(Flag.transcript_id == transcript_id))}
        replies: dict[int, list[FlagReplyView]] = {}
        for r in s.execute(select(FlagReply.flag_id, FlagReply.author_id, FlagReply.created_at, FlagReply.text)
                           .join(Flag, Flag.id == FlagReply.flag_id).where(Flag.transcript_id == transcript_id)
                           .order_by(FlagReply.id)):
            replies.setdefault(r[0], []).append(FlagReplyView(names.get(r[1], "?"), r[2], r[3]))
    for _turn, seg in view.segments():
        if seg.flags:
            seg.flags = [ExportFlag(f.id, f.segment_id, f.lang, f.start, f.end, f.category, f.note, f.status,
                                    f.author, f.created_at, *resolution.get(f.id, (None, None, None)),
                                    replies.get(f.id, []))
                         for f in seg.flags]
    return view


# -- headings --------------------------------------------------------------

UNKNOWN_SPEAKER = {"en": "Unknown speaker", "ja": "話者不明"}
NON_SPEECH = ("title", "time", "note", "omission", "reaction", "interpretation", "crosstalk", "end")


def speaker_heading(turn: TurnView, langs: list[str]) -> str:
    """Who speaks in ``turn``, for a heading: the name (and affiliation) or the label as written."""
    sp = turn.speaker
    first = langs[0] if langs else "en"
    if sp is None:
        return UNKNOWN_SPEAKER[first]
    if sp.name:
        return f"{sp.name} ({sp.affiliation})" if sp.affiliation else sp.name
    labels = {"en": sp.label_en, "ja": sp.label_ja}
    for lang in (*langs, "en", "ja"):
        if labels[lang]:
            return labels[lang] or ""
    return UNKNOWN_SPEAKER[first]


def speaker_key(turn: TurnView) -> str:
    """A stable token for a speaker (CSS classes, styles)."""
    return f"s{turn.speaker.id}" if turn.speaker is not None else "s0"


def describe_gap(gap: GapView) -> str:
    """A short description of a filled gap (for tooltips and notes)."""
    sure = {"certain": "certain", "best_guess": "best guess"}.get(gap.confidence or "", "")
    what = f"was {gap.text}" if gap.text else "gap"
    return f"{what}; filled ({sure})" if sure else f"{what}; filled"


# -- file names ------------------------------------------------------------

_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def safe_filename(title: str, suffix: str, taken: set[str] | None = None, limit: int = 80) -> str:
    """A file name made from ``title``: no path separators or reserved characters, not hidden,
    at most ``limit`` characters before the suffix, unique within ``taken`` (which is updated)."""
    name = unicodedata.normalize("NFC", title)
    name = _UNSAFE.sub(" ", name)
    name = " ".join(name.split()).strip(". ")
    if not name or name.upper().split(".")[0] in _WINDOWS_RESERVED:
        name = f"transcript {name}".strip()
    name = name[:limit].rstrip(". ")
    candidate = name + suffix
    if taken is not None:
        n = 2
        while candidate.lower() in taken:
            candidate = f"{name} ({n}){suffix}"
            n += 1
        taken.add(candidate.lower())
    return candidate


_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}
