"""What a sync could not apply is kept for the reviewer, never lost: a competing correction for an
offline text that overlapped the server's, and one "conflict" flag per segment whose note says what
was done offline and not applied (a column the server changed too, an approval of text that
changed, a split of a segment edited meanwhile, a speaker renamed on both sides, work on a segment
the server removed). Work not tied to a segment is noted on the nearest one: a speaker's first
turn, a flag's segment, the transcript's first segment.

A mixin of ``model.sync.replay.Replay``, which fills ``competing``/``seg_notes`` as it sends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from model.errors import NotFound
from model.ops._base import NothingToDo, current_text, optional_operation
from model.ops.corrections import add_competing
from model.schema import Flag, Segment, Turn, utcnow
from model.tables import Base

if TYPE_CHECKING:
    from model.store import Store
    from model.sync.analysis import ServerChanges, TextKey
    from model.sync.report import SyncReport
    from model.sync.tables import Checkout


class KeepConflicts:
    """Notes what was not applied while a sync runs, and keeps it on the server at the end."""

    conn: Connection
    server: Store
    info: Checkout
    tid: int
    copied_max: dict[str, int]
    fks: dict[str, dict[str, str]]
    receipts: dict[str, Any]
    report: SyncReport
    changes: ServerChanges
    competing: dict[TextKey, str]
    seg_notes: dict[int, list[str]]
    seg_events: dict[int, int]
    last_event: int
    _event_id: int

    if TYPE_CHECKING:
        def server_id(self, table: str, local_id: int | None) -> int | None: ...
        def store_for(self, name: str) -> Store: ...
        def _receipt(self, conn: Connection, key: str, outcome: str, server_event: int | None, undone: bool,
                     id_map: list[list[Any]] | None = None) -> None: ...

    def _compete(self, local_seg: int, lang: str, author: str) -> None:
        self.competing[(local_seg, lang)] = author
        self.seg_events[local_seg] = max(self.seg_events.get(local_seg, 0), self._event_id)

    def _note(self, local_seg: int, line: str) -> None:
        self.seg_events[local_seg] = max(self.seg_events.get(local_seg, 0), self._event_id)
        lines = self.seg_notes.setdefault(local_seg, [])
        if line not in lines:
            lines.append(line)

    def _note_row(self, row: dict[str, Any], line: str) -> None:
        """Note what was not applied, on the conflict flag of the row's segment -- or, for a row not
        tied to a segment (a speaker, the transcript itself), of the first segment it concerns."""
        seg = row["refs"].get("segment_id") if row["t"] != "segment" else row["pk"]
        if seg is None:
            seg = self._parent_segment(row)
        if seg is None:
            seg = self._anchor(row)
        if seg is not None:
            self._note(int(seg), line)
        else:
            self.report.notes.append(line)

    def _parent_segment(self, row: dict[str, Any]) -> int | None:
        """The segment of the row a row belongs to, in the file (a flag reply: its flag's segment)."""
        image = row["after"] or row["before"] or {}
        for col, target in self.fks.get(row["t"], {}).items():
            table = Base.metadata.tables.get(target)
            if image.get(col) is None or table is None or "segment_id" not in table.c or target == row["t"]:
                continue
            found = self.conn.execute(select(table.c.segment_id).where(table.c.id == image[col])).scalar()
            if found is not None:
                return int(found)
        return None

    def _anchor(self, row: dict[str, Any]) -> int | None:
        """The segment a flag about a row without one goes on (a segment the server has): the first
        of a speaker's first turn, else the transcript's first."""
        segments, turns = Segment.__table__, Turn.__table__
        query = (select(segments.c.id).join(turns, turns.c.id == segments.c.turn_id)
                 .where(segments.c.transcript_id == self.tid,
                        segments.c.id <= self.copied_max.get("segment", 0))
                 .order_by(turns.c.position, segments.c.position).limit(1))
        if row["t"] == "speaker":
            first = self.conn.execute(query.where(turns.c.speaker_id == int(row["pk"]))).scalar()
            if first is not None:
                return int(first)
        found = self.conn.execute(query).scalar()
        return int(found) if found is not None else None

    # -- overlapping texts: kept for the reviewer ---------------------------------
    def _keep_conflicts(self) -> None:
        segments = sorted({s for s, _ in self.competing} | set(self.seg_notes))
        for local_seg in segments:
            server_seg = self.server_id("segment", local_seg)
            langs = sorted(lang for s, lang in self.competing if s == local_seg)
            # Once per segment and newest offline operation it concerns: the same after a rerun.
            key = f"conflict:{server_seg}:{self.seg_events.get(local_seg, self.last_event)}"
            if server_seg is None or not self._on_server(server_seg):
                # Made offline and not sent, or removed on the server: kept on the nearest segment.
                home = self._home(local_seg)
                texts = "; ".join(f"{lang}: {self._local_text(local_seg, lang)!r}" for lang in langs or ("en", "ja"))
                what = "made offline could not be sent" if server_seg is None else \
                    "was removed on the server since the checkout"
                line = f"a segment {what}; the offline work on it is not applied. It read: {texts}"
                key = f"conflict:{home}:{self.seg_events.get(local_seg, self.last_event)}:{local_seg}"
                if home is None:
                    self.report.notes.append(line)
                    continue
                self._note(local_seg, line)
                server_seg, langs = home, []
            if key in self.receipts:
                continue
            try:
                self._keep(local_seg, server_seg, langs, key)
            except NotFound:
                self.report.notes.append(f"segment {server_seg} is gone on the server; the offline text "
                                         f"was: {[self._local_text(local_seg, lang) for lang in langs]!r}")

    def _on_server(self, server_seg: int) -> bool:
        table = Segment.__table__
        with self.server.engine.connect() as conn:
            return conn.execute(select(table.c.id).where(table.c.id == server_seg)).first() is not None

    def _home(self, local_seg: int) -> int | None:
        """Where work on a segment the server lacks is kept: the first segment the server still has in
        the same turn, else the transcript's first."""
        segments, turns = Segment.__table__, Turn.__table__
        turn = self.conn.execute(select(segments.c.turn_id).where(segments.c.id == local_seg)).scalar()
        server_turn = self.server_id("turn", turn) if turn is not None else None
        first = (select(segments.c.id).join(turns, turns.c.id == segments.c.turn_id)
                 .where(segments.c.transcript_id == self.tid).order_by(turns.c.position, segments.c.position))
        with self.server.engine.connect() as conn:
            if server_turn is not None:
                found = conn.execute(select(segments.c.id).where(segments.c.turn_id == server_turn)
                                     .order_by(segments.c.position).limit(1)).scalar()
                if found is not None:
                    return int(found)
            found = conn.execute(first.limit(1)).scalar()
        return int(found) if found is not None else None

    def _local_text(self, local_seg: int, lang: str) -> str | None:
        with Session(bind=self.conn) as s:
            seg = s.get(Segment, local_seg)
            return current_text(s, seg, lang) if seg is not None else None

    def _keep(self, local_seg: int, server_seg: int, langs: list[str], key: str) -> None:
        author = next((self.competing[(local_seg, lang)] for lang in langs), None) or self.info.checked_out_by
        notes = list(self.seg_notes.get(local_seg, []))
        kept: list[str] = []
        with optional_operation(self.store_for(author), "Keep offline text") as op:
            seg = op.get(Segment, server_seg)
            op.transcript_id = self.tid
            for lang in langs:
                mine = self._local_text(local_seg, lang)
                if mine is None:
                    continue
                if add_competing(op, seg, lang, mine, note=f"offline (sync): kept, not applied; it would make "
                                                           f"the text: {mine}") is not None:
                    kept.append(lang)
                    notes.insert(0, f"The offline text ({lang}) is kept as a competing correction; accept it "
                                    f"to use it: {mine}")
            if not notes:
                raise NothingToDo
            op.session.add(Flag(segment_id=seg.id, transcript_id=seg.transcript_id,
                                lang=kept[0] if len(kept) == 1 else None, category="conflict",
                                note="Changed offline and on the server at once (sync).\n\n"
                                     + "\n".join(f"- {line}" for line in notes),
                                status="open", author_id=op.annotator_id, created_at=utcnow()))
            op.description = f"segment {server_seg}: offline text kept for review"
            op.before_commit.append(lambda conn, event_id: self._receipt(conn, key, "conflict", event_id, False))
        if op.event_id is not None:
            self.changes.own_events.add(op.event_id)
            self.report.conflicts += len(kept)
            self.report.flags += 1
