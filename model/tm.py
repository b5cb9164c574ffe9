"""Suggestions from earlier corrections (translation memory).

Every segment of the database with a live correction is remembered under its original English:
its English correction (original -> corrected) and its Japanese correction. Translation units
imported from TMX are remembered under their English, their Japanese as a whole translation.
When a segment's English resembles a remembered English (``rapidfuzz`` ratio >= ``CUTOFF``), the
earlier correction is offered with its similarity and author. Applying it replays the earlier
edits on the segment's current text where that text still matches what was corrected then (a
three-way merge by edit opcodes): a 100% match takes the earlier corrected text whole.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from sqlalchemy import select

from model.errors import OperationFailed, TaiyakuError
from model.readmodel import SegmentView, load_segments
from model.schema import Correction, Segment, Transcript
from model.store import Store
from model.text import LIVE_STATUSES

CUTOFF = 75.0
MAX_TMX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class MemoryEntry:
    """An earlier correction: in ``lang``, ``before`` became ``after`` (``before`` None: a translation
    from TMX, which replaces the whole text); by whom, when, where."""

    english: str
    lang: str
    before: str | None
    after: str
    author: str
    at: datetime | None
    segment_id: int | None
    source: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An earlier correction for a segment: its similarity (0-100) and what the text would become."""

    entry: MemoryEntry
    similarity: float
    lang: str
    current: str
    proposed: str


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


_WORD = re.compile(r"\w+")
POSTINGS_BUDGET = 20_000  # sentence ids read from the word index per lookup
MAX_CANDIDATES = 2_000  # sentences whose characters are compared


class TranslationMemory:
    """Remembered corrections, looked up by English similarity.

    Comparing characters with 200,000 remembered sentences takes ~0.3 s, so a word index picks
    the candidates first: the sentences holding the query's rarest words (a near match shares most
    of its words, the rare ones included), most shared words first; only their characters are
    compared.
    """

    def __init__(self, entries: Iterable[MemoryEntry] = ()) -> None:
        self._by_key: dict[str, list[MemoryEntry]] = {}
        self._keys: list[str] = []
        self._postings: dict[str, list[int]] = {}
        for entry in entries:
            self.add(entry)

    def add(self, entry: MemoryEntry) -> None:
        """Remember one more correction."""
        key = _key(entry.english)
        entries = self._by_key.get(key)
        if entries is None:
            entries = self._by_key[key] = []
            index = len(self._keys)
            self._keys.append(key)
            postings = self._postings
            for word in set(_WORD.findall(key)):
                postings.setdefault(word, []).append(index)
        entries.append(entry)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_key.values())

    def _candidates(self, key: str) -> list[int]:
        """Sentences sharing enough of the query's rarest words, most shared first."""
        postings = self._postings
        lists = sorted((p for w in set(_WORD.findall(key)) if (p := postings.get(w))), key=len)
        chosen: list[list[int]] = []
        total = 0
        for p in lists:
            if chosen and total + len(p) > POSTINGS_BUDGET:
                break
            chosen.append(p)
            total += len(p)
        if not chosen:
            return []
        if len(chosen) == 1:  # only common words ("Thank you."): the first sentences holding the rarest
            return chosen[0][:MAX_CANDIDATES]
        counts = Counter(chain.from_iterable(chosen))
        need = max(1, len(chosen) // 2)
        found = [i for i, n in counts.items() if n >= need]
        if len(found) > MAX_CANDIDATES:
            found = heapq.nlargest(MAX_CANDIDATES, found, key=counts.__getitem__)
        return found

    def lookup(self, english: str, *, exclude_segment: int | None = None, limit: int = 5,
               cutoff: float = CUTOFF) -> list[tuple[MemoryEntry, float]]:
        """Entries whose English resembles ``english`` (best first), leaving out one segment's own."""
        if not english or not english.strip() or not self._keys:
            return []
        key = _key(english)
        keys = self._keys
        candidates = [keys[i] for i in self._candidates(key)]
        found = process.extract(key, candidates, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit + 2)
        out: list[tuple[MemoryEntry, float]] = []
        for text, score, _i in found:
            out.extend((entry, float(score)) for entry in self._by_key[text]
                       if entry.segment_id is None or entry.segment_id != exclude_segment)
        out.sort(key=lambda es: (-es[1], -(es[0].at.timestamp() if es[0].at else 0)))
        return out[:limit]

    def suggest(self, seg: SegmentView, limit: int = 3) -> list[Suggestion]:
        """What earlier corrections would change in ``seg`` (nothing already done, nothing inapplicable)."""
        out: list[Suggestion] = []
        for entry, score in self.lookup(seg.en_orig or seg.en or "", exclude_segment=seg.id, limit=limit * 3):
            current = seg.corrected(entry.lang) or ""
            # A TMX unit is a whole translation; an earlier correction is replayed on this text.
            proposed = entry.after if entry.before is None else replay(entry.before, entry.after, current) or current
            if proposed != current and not any(s.lang == entry.lang and s.proposed == proposed for s in out):
                out.append(Suggestion(entry, score, entry.lang, current, proposed))
        return out[:limit]


def replay(before: str, after: str, text: str) -> str | None:
    """``text`` with the edits that turned ``before`` into ``after`` made where ``text`` still reads as
    ``before`` did; None if no edit could be placed."""
    align = Levenshtein.opcodes(before, text)
    # Where each position of ``before`` is in ``text``, inside stretches the two share.
    at: dict[int, int] = {}
    for op in align:
        if op.tag == "equal":
            for k in range(op.src_end - op.src_start + 1):
                at[op.src_start + k] = op.dest_start + k
    edits: list[tuple[int, int, str]] = []
    for op in Levenshtein.opcodes(before, after):
        if op.tag == "equal":
            continue
        s, e = at.get(op.src_start), at.get(op.src_end)
        if s is None or e is None or e - s != op.src_end - op.src_start:
            continue
        if text[s:e] != before[op.src_start:op.src_end]:
            continue
        edits.append((s, e, after[op.dest_start:op.dest_end]))
    if not edits:
        return None
    out = text
    for s, e, new in sorted(edits, reverse=True):
        out = out[:s] + new + out[e:]
    return out


def load_memory(store: Store, pace: Callable[[], None] | None = None) -> TranslationMemory:
    """Every remembered correction of the database, and the imported TMX units; ``pace`` is
    called between batches (a background reader waits there while the window works)."""
    from model.glossary.tables import MemoryUnit
    from model.schema import Annotator

    memory = TranslationMemory()
    with store.read() as s:
        ids = list(s.scalars(select(Correction.segment_id).where(Correction.status.in_(LIVE_STATUSES)).distinct()))
        titles = dict(s.execute(select(Segment.id, Transcript.title).join(Transcript,
                                                                          Transcript.id == Segment.transcript_id)
                                .where(Segment.id.in_(ids))).all()) if ids else {}
        names = dict(s.execute(select(Annotator.id, Annotator.name)).all())
        units = s.execute(select(MemoryUnit.en, MemoryUnit.ja, MemoryUnit.author, MemoryUnit.imported_by_id,
                                 MemoryUnit.imported_at, MemoryUnit.source)).all()
    for start in range(0, len(ids), 5000):
        for seg in load_segments(store, ids[start:start + 5000]).values():
            for entry in entries_of(seg, titles.get(seg.id, "")):
                memory.add(entry)
        if pace is not None:
            pace()
    for en, ja, author, by, at, source in units:
        who = author or (names.get(by, "?") if by is not None else "?")
        memory.add(MemoryEntry(en, "ja", None, ja, who, at, None, source))
    return memory


def entries_of(seg: SegmentView, source: str) -> list[MemoryEntry]:
    """What a corrected segment teaches: one entry per language it was corrected in."""
    english = seg.en_orig or seg.en
    if not english:
        return []
    out = []
    for lang in ("en", "ja"):
        live = [c for c in seg.corrections if c.lang == lang and c.status in LIVE_STATUSES]
        before, after = seg.original(lang), seg.corrected(lang)
        if not live or before is None or after is None or before == after:
            continue
        last = max(live, key=lambda c: (c.created_at, c.id))
        out.append(MemoryEntry(english, lang, before, after, last.annotator, last.created_at, seg.id, source))
    return out


def apply_suggestion(store: Store, segment_id: int, suggestion: Suggestion) -> int:
    """Make the suggested text the segment's text (one correction, one undo step), if the text is
    still what the suggestion was made for."""
    from model.ops._base import current_text
    from model.ops.corrections import apply_edit

    with store.operation("Apply earlier correction") as op:
        seg = op.get(Segment, segment_id)
        op.transcript_id = seg.transcript_id
        if current_text(op.session, seg, suggestion.lang) != suggestion.current:
            raise OperationFailed("the segment changed since the suggestion: look again")
        note = f"as in {suggestion.entry.source} ({suggestion.similarity:.0f}%)"
        if apply_edit(op, seg, suggestion.lang, suggestion.proposed, note=note) is None:
            raise OperationFailed("the suggestion changes nothing")
        op.description = f"segment {segment_id} ({suggestion.lang}) {note}"
    assert op.event_id is not None
    return op.event_id


# -- TMX ---------------------------------------------------------------------

class TmxError(TaiyakuError):
    """A TMX file that cannot be imported (nothing was imported)."""


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read_tmx(path: str | Path) -> list[tuple[str, str, str | None]]:
    """(English, Japanese, author) of every unit of a TMX file that has both languages."""
    from lxml import etree

    path = Path(path)
    if not path.is_file():
        raise TmxError(f"{path}: no such file" if not path.exists() else f"{path}: not a regular file")
    if path.stat().st_size > MAX_TMX_BYTES:
        raise TmxError(f"{path}: too large")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        raise TmxError(f"{path}: not a TMX file ({exc})") from None
    if etree.QName(root).localname != "tmx":
        raise TmxError(f"{path}: not a TMX file (its root is <{etree.QName(root).localname}>)")
    units = []
    for tu in root.iter("tu"):
        texts: dict[str, str] = {}
        for tuv in tu.iter("tuv"):
            lang = (tuv.get(XML_LANG) or tuv.get("lang") or "").lower().split("-")[0]
            seg = tuv.find("seg")
            if lang in ("en", "ja") and seg is not None and lang not in texts:
                texts[lang] = "".join(seg.itertext()).strip()
        if texts.get("en") and texts.get("ja"):
            units.append((texts["en"], texts["ja"], tu.get("changeid") or tu.get("creationid")))
    if not units:
        raise TmxError(f"{path}: no unit with both English and Japanese")
    return units


def import_tmx(store: Store, path: str | Path) -> tuple[int | None, int]:
    """Import a TMX file's English/Japanese units (one undo step); (change event, units added).
    Units already remembered are skipped."""
    from model.glossary.tables import MemoryUnit
    from model.ops._base import NothingToDo, optional_operation
    from model.schema import utcnow

    units = read_tmx(path)
    added = 0
    with optional_operation(store, "Import translation memory") as op:
        op.description = Path(path).name
        known = {(en, ja) for en, ja in op.session.execute(select(MemoryUnit.en, MemoryUnit.ja))}
        for en, ja, author in units:
            if (en, ja) in known:
                continue
            known.add((en, ja))
            op.session.add(MemoryUnit(en=en, ja=ja, source=Path(path).name[:300], author=(author or None),
                                      imported_by_id=op.annotator_id, imported_at=utcnow()))
            added += 1
        if not added:
            raise NothingToDo
    return op.event_id, added


def suggestions_for(store: Store, segment_ids: Sequence[int], memory: TranslationMemory | None = None
                    ) -> dict[int, list[Suggestion]]:
    """Suggestions for some segments (reads the memory if not given)."""
    memory = memory or load_memory(store)
    return {sid: memory.suggest(seg) for sid, seg in load_segments(store, segment_ids).items()}
