"""What a journal row concerns, for a sync: the text of a segment in one language, the outline,
or neither -- and what the server changed since a checkout.

Overlap is judged per segment and language: an offline edit of a segment's English overlaps a
server change of the same segment's English (a correction, a gap, a flag's span, the original
moved by alignment), not of its Japanese. Structural changes (segments or turns added, removed
or moved) overlap any change of the segments and turns they touch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, select

from model.schema import ChangeEvent
from model.tables import Base

TextKey = tuple[int, str]  # (segment id, lang)
_TEXT_TABLES = frozenset({"correction", "gap"})
_ORIG_COLUMNS = {"en_orig": "en", "en_prefix": "en", "ja_orig": "ja", "ja_prefix": "ja"}
_SEGMENT_OUTLINE = frozenset({"turn_id", "position", *_ORIG_COLUMNS})
_TURN_OUTLINE = frozenset({"position", "transcript_id"})


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def lang_of(conn: Connection, row: dict[str, Any]) -> str | None:
    """The language of a correction, gap or flag row (an update's images hold only what changed)."""
    for image in (row["after"], row["before"]):
        if image and image.get("lang"):
            return str(image["lang"])
    table = _table(row["t"])
    if "lang" not in table.c:
        return None
    found = conn.execute(select(table.c.lang).where(table.c.id == row["pk"])).scalar()
    return str(found) if found else None


def _has_span(row: dict[str, Any]) -> bool:
    return any(image and image.get("start") is not None for image in (row["after"], row["before"]))


def text_keys(conn: Connection, row: dict[str, Any]) -> set[TextKey]:
    """The (segment, lang) texts a journal row changes (empty for everything else)."""
    table, refs = row["t"], row["refs"]
    seg = refs.get("segment_id")
    if table in _TEXT_TABLES or (table == "flag" and _has_span(row)):
        lang = lang_of(conn, row)
        if seg is None or lang is None:
            return set()
        return {(int(seg), lang)}
    if table == "segment" and row["op"] == "update":
        return {(int(row["pk"]), lang) for col, lang in _ORIG_COLUMNS.items() if col in (row["after"] or {})}
    return set()


def is_structural(row: dict[str, Any]) -> bool:
    """Whether a row adds, removes or moves a segment or turn (or moves original text)."""
    if row["t"] not in ("segment", "turn"):
        return False
    if row["op"] != "update":
        return True
    columns = _SEGMENT_OUTLINE if row["t"] == "segment" else _TURN_OUTLINE
    return bool(columns & set(row["after"] or ()))


def outline_refs(row: dict[str, Any]) -> tuple[set[int], set[int]]:
    """(segments, turns) a structural row touches, before and after."""
    segments: set[int] = set()
    turns: set[int] = set()
    if row["t"] == "segment":
        segments.add(int(row["pk"]))
    else:
        turns.add(int(row["pk"]))
    for image in (row["before"], row["after"], row["refs"]):
        if image and image.get("turn_id") is not None:
            turns.add(int(image["turn_id"]))
    return segments, turns


@dataclass
class ServerChanges:
    """What others changed in one transcript on the server since a checkout (grows with ``scan``)."""

    transcript_id: int
    base_event: int
    copied_events: set[int]
    undone_at_checkout: set[int]
    own_events: set[int] = field(default_factory=set)  # what this sync wrote, or undid/redid itself
    texts: set[TextKey] = field(default_factory=set)
    segments: set[int] = field(default_factory=set)  # whose text changed (either language)
    outline: set[int] = field(default_factory=set)  # segments added, removed or moved
    turns: set[int] = field(default_factory=set)  # turns added, removed, moved, or whose segments were
    rows: set[tuple[str, int]] = field(default_factory=set)
    _seen: set[int] = field(default_factory=set)

    def scan(self, conn: Connection) -> None:
        """Take in the events committed since the last scan: new ones (including any that were
        still being committed when the copy was taken) and undo/redo of the copied ones."""
        events = ChangeEvent.__table__
        for event_id, undone in conn.execute(select(events.c.id, events.c.undone)
                                             .where(events.c.transcript_id == self.transcript_id)):
            if event_id in self._seen or event_id in self.own_events:
                continue
            if event_id in self.copied_events:
                if bool(undone) == (event_id in self.undone_at_checkout):
                    continue  # as it was at the checkout
            elif undone:
                continue  # made and taken back since: nothing of it is in force
            self._seen.add(event_id)
            rows = conn.execute(select(events.c.rows).where(events.c.id == event_id)).scalar() or []
            for row in rows:
                self.take(conn, row)

    def take(self, conn: Connection, row: dict[str, Any]) -> None:
        """Note one journal row of someone else's change."""
        self.rows.add((row["t"], int(row["pk"])))
        for seg, lang in text_keys(conn, row):
            self.texts.add((seg, lang))
            self.segments.add(seg)
        if is_structural(row):
            segments, turns = outline_refs(row)
            self.outline |= segments
            self.turns |= turns
