"""Subtitles: SRT and WebVTT cues from the segments' times (``model.audio.timing``).

Each exported segment becomes one cue or more, in time order. A segment longer
than a readable cue (``MAX_CUE_CHARS`` of the lead language, about two lines) is
split at sentence ends (a sentence longer than a cue at a comma or a space near
its middle), its time shared out by text length; the other language
is split into as many pieces at its own sentence ends. ``--lang both`` writes two
lines per cue, lead language first. Times are whatever is known: aligned,
stamped or imported, else estimated -- a transcript with no time at all (no
recording, no stamp, no timestamp in the text) cannot be written as subtitles.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from model.audio.timing import SegmentTime, read_times
from model.export import ExportFailed, ExportOptions, register_writer
from model.export.walk import paused_gc, walk

if TYPE_CHECKING:
    from model.store import Store

MAX_CUE_CHARS = 84  # two lines of 42: the usual limit for readable subtitles
_SENTENCE_RE = re.compile(r".+?(?:[.!?。！？]+[\"'”’」』)]*(?:\s+|$)|$)", re.S)


@dataclass(frozen=True)
class Cue:
    """One subtitle: from, to (ms) and its lines."""

    start_ms: int
    end_ms: int
    lines: tuple[str, ...]


def sentences(text: str) -> list[str]:
    """``text`` cut after each sentence end (English or Japanese punctuation), spaces kept."""
    return [m.group() for m in _SENTENCE_RE.finditer(text) if m.group().strip()]


_CLAUSE_RE = re.compile(r"[,;:、，；：—–]+[\"'”’」』)]*\s*")


def _cut(sentence: str, limit: int) -> list[str]:
    """A sentence longer than ``limit`` cut into pieces that fit: after the clause mark (comma,
    semicolon, 、...) nearest its middle, else at the space nearest it (Japanese without a
    comma: at the middle). Spaces stay with the piece before them."""
    if len(sentence.strip()) <= limit:
        return [sentence]
    mid = len(sentence) // 2
    marks = [m.end() for m in _CLAUSE_RE.finditer(sentence) if 0 < m.end() < len(sentence.rstrip())]
    spaces = [m.end() for m in re.finditer(r"\s+", sentence) if 0 < m.end() < len(sentence.rstrip())]
    # A comma is only worth it when it leaves both halves at least a quarter of the sentence.
    good = [k for k in marks if len(sentence) // 4 <= k <= len(sentence) * 3 // 4]
    at = min(good or spaces or [mid], key=lambda k: abs(k - mid))
    return _cut(sentence[:at], limit) + _cut(sentence[at:], limit)


def _group(parts: list[str], limit: int) -> list[str]:
    """Sentences joined greedily into pieces of at most ``limit`` characters (a longer sentence alone)."""
    pieces: list[str] = []
    for part in parts:
        if pieces and len(pieces[-1]) + len(part) <= limit:
            pieces[-1] += part
        else:
            pieces.append(part)
    return [p.strip() for p in pieces]


def _share(parts: list[str], weights: list[int]) -> list[str]:
    """``parts`` (sentences, clauses) in ``len(weights)`` consecutive groups sized like ``weights``
    (the lead language's cues): each part goes where its middle falls."""
    n = len(weights)
    if n <= 1 or len(parts) <= 1:
        return ["".join(parts).strip()] + [""] * (n - 1)
    total, lead_total = sum(len(p) for p in parts) or 1, sum(weights) or 1
    bounds = list(itertools.accumulate(w / lead_total for w in weights))[:-1]
    groups: list[str] = [""] * n
    at = 0
    for part in parts:
        groups[bisect.bisect_right(bounds, (at + len(part) / 2) / total)] += part
        at += len(part)
    return [g.strip() for g in groups]


def split_segment(start: int, end: int, texts: list[str]) -> Iterator[Cue]:
    """The cues of one segment: ``texts`` are its languages in output order (lead first)."""
    readable = [piece for sentence in sentences(texts[0]) for piece in _cut(sentence, MAX_CUE_CHARS)]
    lead = _group(readable, MAX_CUE_CHARS) or [texts[0].strip()]
    # The other language in as many pieces, cut finer (clauses) so that a one-sentence
    # translation is shared out over the cues instead of all standing under the first.
    weights = [len(p) for p in lead]
    others = [_share([p for x in sentences(t) for p in _cut(x, MAX_CUE_CHARS // 2)], weights) for t in texts[1:]]
    total = sum(len(p) for p in lead) or 1
    at = 0
    for k, piece in enumerate(lead):
        a = start + (end - start) * at // total
        at += len(piece)
        b = start + (end - start) * at // total if k < len(lead) - 1 else end
        lines = tuple(x for x in (piece, *(o[k] for o in others)) if x)
        if lines:
            yield Cue(a, max(b, a + 1), lines)


def _times(store: Store, transcript_id: int) -> list[SegmentTime]:
    """The segments' times in reading order; a one-line refusal when there are none."""
    with store.read() as s:
        ordered = read_times(s, transcript_id)
    if not ordered:
        raise ExportFailed("this transcript has no times yet: attach a recording (and sync it), "
                           "or stamp segments, to export subtitles")
    return ordered


def _cues_in_reading_order(store: Store, transcript_id: int, options: ExportOptions,
                           times: dict[int, tuple[int, int]]) -> Iterator[Cue]:
    """The cues of every timed segment (``times``: segment -> start, end ms), in reading order
    (the transcript read a batch at a time)."""
    from model.export.stream import ExportSource

    source = ExportSource(store, transcript_id, export_flags=False)  # flags are not subtitles
    for block in walk(source.view, options, source.turns(), source.total):
        t = times.get(block.segment.id)
        texts = [" ".join(line.text.split()) for line in block.lines]
        if t is None or not any(texts):
            continue
        if not texts[0]:  # the lead language is missing here: the other one leads
            texts = [x for x in texts if x]
        yield from split_segment(t[0], max(t[1], t[0] + 1), texts)


def _spans(ordered: list[SegmentTime]) -> dict[int, tuple[int, int]]:
    return {t.segment_id: (t.start_ms, t.end_ms) for t in ordered}


def cues(store: Store, transcript_id: int, options: ExportOptions) -> list[Cue]:
    """Every cue of the transcript, in time order (the transcript read a batch at a time)."""
    out = list(_cues_in_reading_order(store, transcript_id, options, _spans(_times(store, transcript_id))))
    out.sort(key=lambda c: c.start_ms)  # stable: segments that share a time keep their order
    return out


def _clock(ms: int, sep: str) -> str:
    seconds, rest = divmod(max(ms, 0), 1000)
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{rest:03d}"


def _srt_block(number: int, cue: Cue) -> str:
    return f"{number}\n{_clock(cue.start_ms, ',')} --> {_clock(cue.end_ms, ',')}\n" + "\n".join(cue.lines)


def _vtt_block(_number: int, cue: Cue) -> str:
    # A cue's text may not contain "-->"; nor may a line be empty inside a cue.
    return f"{_clock(cue.start_ms, '.')} --> {_clock(cue.end_ms, '.')}\n" + \
        "\n".join(line.replace("-->", "→") for line in cue.lines)


def export_srt(store: Store, transcript_id: int, options: ExportOptions) -> str:
    """SubRip: numbered cues, ``00:01:02,345 --> 00:01:04,000`` (the whole file as one string)."""
    with paused_gc():
        found = cues(store, transcript_id, options)
    blocks = [_srt_block(i, c) for i, c in enumerate(found, 1)]
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def export_vtt(store: Store, transcript_id: int, options: ExportOptions) -> str:
    """WebVTT: ``WEBVTT``, then cues ``00:01:02.345 --> 00:01:04.000`` (the whole file as one string)."""
    with paused_gc():
        found = cues(store, transcript_id, options)
    return "WEBVTT\n\n" + "\n\n".join(_vtt_block(i, c) for i, c in enumerate(found, 1)) + ("\n" if found else "")


def in_time_order(times: list[SegmentTime]) -> bool:
    """Whether the cues of segments with these times (in reading order) come in time order as they
    are made: each segment starts where (or after) the one before it ends. Then writing them as
    they come gives the file that sorting them all first would."""
    return all(b.start_ms >= max(a.end_ms, a.start_ms + 1) for a, b in itertools.pairwise(times))


def _stream(store: Store, transcript_id: int, options: ExportOptions, out: BinaryIO, vtt: bool) -> None:
    """Write the subtitles to ``out`` as they are made (see ``in_time_order``); times that overlap
    (rare: a recording aligned by hand) need every cue sorted first, in memory, as before."""
    from model.export.stream import text_out

    ordered = _times(store, transcript_id)
    if not in_time_order(ordered):
        whole = (export_vtt if vtt else export_srt)(store, transcript_id, options)
        out.write(whole.encode("utf-8"))
        return
    times = _spans(ordered)
    del ordered
    block = _vtt_block if vtt else _srt_block
    number = 0
    with paused_gc(), text_out(out) as text:
        if vtt:
            text.write("WEBVTT\n\n")
        for cue in _cues_in_reading_order(store, transcript_id, options, times):
            number += 1
            text.write(("\n\n" if number > 1 else "") + block(number, cue))
        if number:
            text.write("\n")


@register_writer("srt", suffix=".srt", description="SubRip subtitles from the segments' times")
def write_srt(store: Store, transcript_id: int, options: ExportOptions, out: BinaryIO) -> None:
    """SubRip, written as it is made: numbered cues, ``00:01:02,345 --> 00:01:04,000``."""
    _stream(store, transcript_id, options, out, vtt=False)


@register_writer("vtt", suffix=".vtt", description="WebVTT subtitles from the segments' times")
def write_vtt(store: Store, transcript_id: int, options: ExportOptions, out: BinaryIO) -> None:
    """WebVTT, written as it is made: ``WEBVTT``, then cues ``00:01:02.345 --> 00:01:04.000``."""
    _stream(store, transcript_id, options, out, vtt=True)
