"""Sync back: the operations done in a checked-out file become new operations on the server.

Each local change event made since the checkout is replayed, in order, as one operation on the
server under the same action name, attributed to its author (on a server that maps logins to
people, to the person syncing: nobody records changes in someone else's name). Its journal rows
are applied through the ORM, so the server journals them like any edit (undo, History, live
refresh all work), with three rules:

- Rows made offline get new ids on the server; later rows that refer to them follow (``id_map``).
- A row that changes the text of a segment in one language that someone else changed on the
  server since the checkout is not applied: the offline text is kept as a *competing*
  correction with a review flag of category "conflict" (``_keep_conflicts``). An update of any
  other column is applied only where the server still holds the value it was based on; else
  the server's value stays and the flag's note says what the offline value was. An approval of
  a segment whose text changed on the server is not applied either.
- Every operation writes a ``SyncReceipt`` in its own transaction, so a second sync (or one
  rerun after being cut off) sends nothing twice.

Undo and redo done offline are sent as undo/redo on the server (refused there, and reported, if
someone's later change touches the same segments).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from model import versions
from model.errors import OperationFailed, StorageFailed
from model.journal import decoded
from model.ops._base import NothingToDo, optional_operation
from model.people import PermissionRefused
from model.schema import Annotator, ChangeEvent, utcnow
from model.store import Operation, Store
from model.sync.analysis import ServerChanges, TextKey, is_structural, outline_refs, text_keys
from model.sync.keep import KeepConflicts
from model.sync.report import SyncReport
from model.sync.rules import check_offline_action, describe_column, server_refusal
from model.sync.tables import Checkout, SyncReceipt
from model.tables import Base

_SKIPPED_COLUMNS = {("segment", "version")}  # the server's own counter, never copied over


@dataclass
class LocalEvent:
    """One change event of the checked-out file."""

    id: int
    action: str
    description: str
    rows: list[dict[str, Any]]
    undone: bool
    author: str
    undone_by: str | None
    author_id: int = 0


def local_state(conn: Connection) -> tuple[int, tuple[int, ...]]:
    """What would tell that the file changed: its newest event and which events are undone."""
    events = ChangeEvent.__table__
    newest = conn.execute(select(events.c.id).order_by(events.c.id.desc()).limit(1)).scalar() or 0
    undone = tuple(int(i) for i in conn.scalars(select(events.c.id).where(events.c.undone.is_(True))
                                                .order_by(events.c.id)))
    return int(newest), undone


def read_local_events(conn: Connection, after: int) -> list[LocalEvent]:
    """Every change event of the file with an id above ``after``, oldest first, with who made it."""
    events, people = ChangeEvent.__table__, Annotator.__table__
    names = {int(i): str(n) for i, n in conn.execute(select(people.c.id, people.c.name))}
    out = []
    for r in conn.execute(select(events).where(events.c.id > after).order_by(events.c.id)):
        out.append(LocalEvent(int(r.id), r.action, r.description or "", list(r.rows or []), bool(r.undone),
                              names.get(int(r.annotator_id), "annotator"),
                              names.get(int(r.undone_by_id)) if r.undone_by_id is not None else None,
                              int(r.annotator_id)))
    return out


class Replay(KeepConflicts):
    """One sync of a checked-out file (``local``) back to its server (``server``)."""

    def __init__(self, local: Store, server: Store, info: Checkout, local_conn: Connection) -> None:
        self.local, self.server, self.info, self.conn = local, server, info, local_conn
        self.tid = int(info.transcript_id)
        self.copied_max: dict[str, int] = {str(k): int(v) for k, v in (info.copied_max or {}).items()}
        self.report = SyncReport(source=server.path)
        self.classes = {m.class_.__table__.name: m.class_ for m in Base.registry.mappers}
        self.fks = {t.name: {fk.parent.name: fk.column.table.name for fk in t.foreign_keys}
                    for t in Base.metadata.sorted_tables}
        self._stores: dict[str, Store] = {}
        self.ids: dict[tuple[str, int], int] = {}
        self._pending: dict[tuple[str, int], int] = {}
        self.receipts: dict[str, Any] = {}
        self.competing: dict[TextKey, str] = {}  # local (segment, lang) -> the last offline author
        self.seg_notes: dict[int, list[str]] = {}  # local segment -> what was not applied, and why
        copied = {int(i) for i in local_conn.scalars(select(ChangeEvent.__table__.c.id)
                                                     .where(ChangeEvent.__table__.c.id <= info.local_base))}
        self.changes = ServerChanges(self.tid, int(info.base_event), copied,
                                     {int(i) for i in info.undone_at_checkout or []})
        self.local_names = {int(i): str(n) for i, n in local_conn.execute(
            select(Annotator.__table__.c.id, Annotator.__table__.c.name))}
        self._annotators: dict[int, int] = {}
        self.last_event = 0
        self._event_id = 0  # the offline operation being sent
        self.seg_events: dict[int, int] = {}  # local segment -> the newest offline operation noted on it

    # -- who ---------------------------------------------------------------
    def store_for(self, name: str) -> Store:
        """A store on the server acting as ``name`` (or as the login's person where roles apply)."""
        if name not in self._stores:
            self._stores[name] = Store(self.server.engine, name)
        return self._stores[name]

    def _map_people(self, events: list[LocalEvent]) -> None:
        """Server ids of the people who worked offline, looked up (or added) before any operation
        holds locks, and only if there is something to send. Where the server maps logins to
        people, whoever worked offline is the login's person: nobody records changes in someone
        else's name."""
        from model import people

        known = self.copied_max.get("annotator", 0)
        self._annotators = {i: i for i in self.local_names if i <= known}
        todo = [ev for ev in events if ev.id > self.info.local_base and not ev.undone
                and f"event:{ev.id}" not in self.receipts]
        if not todo:
            return
        with self.server.engine.connect() as conn:
            identity = people.identify(conn)
            login = people.map_login(conn, identity)[0] if identity is not None and not identity.owner else None
        for local_id, name in self.local_names.items():
            if local_id > known:
                self._annotators[local_id] = login if login is not None else self.store_for(name).annotator_id
        if login is not None:
            for ev in todo:
                self._annotators[ev.author_id] = login

    # -- ids ---------------------------------------------------------------
    def server_id(self, table: str, local_id: int | None) -> int | None:
        """The server's id of a row the file knows by ``local_id`` (None: made offline, never sent)."""
        if local_id is None:
            return None
        if table == "annotator":
            return self._annotators.get(int(local_id))
        if int(local_id) <= self.copied_max.get(table, 0):
            return int(local_id)
        key = (table, int(local_id))
        return self._pending.get(key, self.ids.get(key))

    def _values(self, table: str, image: dict[str, Any] | None) -> dict[str, Any] | None:
        """A row image with the server's ids (None if it refers to a row the server lacks)."""
        out: dict[str, Any] = {}
        for col, value in decoded(image or {}).items():
            if col == "id" or (table, col) in _SKIPPED_COLUMNS:
                continue
            target = self.fks.get(table, {}).get(col)
            if target is not None and value is not None:
                value = self.server_id(target, value)
                if value is None:
                    return None
            out[col] = value
        return out

    # -- the run -----------------------------------------------------------
    def run(self, progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> SyncReport:
        """Send everything the file holds that the server lacks; returns what happened.

        ``progress(done, total)`` is told after each offline operation; ``cancelled()`` is asked
        before each: if it says so, the run stops there (what was sent has its receipts, and the
        conflicts met so far are kept; the next sync sends the rest)."""
        self._load_receipts()
        events = read_local_events(self.conn, 0)
        self._map_people(events)
        with self.server.engine.connect() as conn:
            self.changes.scan(conn)
        for ev in events:
            if ev.id <= self.info.local_base and ev.undone != (ev.id in self.changes.undone_at_checkout):
                self._flip(ev)
        new = [ev for ev in events if ev.id > self.info.local_base]
        self.last_event = max((ev.id for ev in new), default=0)
        self.report.total = len(new)
        for done, ev in enumerate(new, 1):
            if cancelled is not None and cancelled():
                self.report.cancelled = True
                break
            self._event(ev)
            self.report.done = done
            if progress is not None:
                progress(done, len(new))
        self._keep_conflicts()
        return self.report

    def _load_receipts(self) -> None:
        table = SyncReceipt.__table__
        with self.server.engine.connect() as conn:
            for r in conn.execute(select(table).where(table.c.origin == self.info.origin)):
                self.receipts[r.key] = r
                if r.server_event is not None:
                    self.changes.own_events.add(int(r.server_event))
                for name, local_id, server_id in r.id_map or []:
                    self.ids[(str(name), int(local_id))] = int(server_id)
            for key in self.receipts:
                if key.startswith("flip:"):
                    self.changes.own_events.add(int(key.split(":")[1]))

    def _receipt(self, conn: Connection, key: str, outcome: str, server_event: int | None, undone: bool,
                 id_map: list[list[Any]] | None = None) -> None:
        conn.execute(insert(SyncReceipt.__table__).values(
            origin=self.info.origin, key=key, server_event=server_event, outcome=outcome, undone=undone,
            id_map=id_map or [], created_at=utcnow()))

    def _receipt_alone(self, key: str, outcome: str, server_event: int | None, undone: bool = False) -> None:
        with self.server.engine.begin() as conn:
            self._receipt(conn, key, outcome, server_event, undone)

    # -- undo and redo done offline ----------------------------------------------
    def _flip(self, ev: LocalEvent) -> None:
        key = f"flip:{ev.id}:{int(ev.undone)}"
        if key in self.receipts:
            return
        self.changes.own_events.add(ev.id)
        self._server_replay(ev.id, ev.undone, ev.undone_by or ev.author, f"change {ev.id} ({ev.action})")
        self._receipt_alone(key, "merged", ev.id, ev.undone)

    def _server_replay(self, server_event: int, undo: bool, who: str, what: str) -> None:
        verb = "undo" if undo else "redo"
        try:
            store = self.store_for(who)
            (store.undo if undo else store.redo)(server_event)
            self.report.undos += 1
        except OperationFailed as exc:
            if "already" not in str(exc):
                self.report.notes.append(f"the offline {verb} of {what} was not made on the server: {exc}")

    # -- operations done offline ------------------------------------------------
    def _event(self, ev: LocalEvent) -> None:
        key = f"event:{ev.id}"
        receipt = self.receipts.get(key)
        if receipt is not None:
            self.report.already += 1
            if receipt.outcome == "conflict" and not ev.undone:
                # What it diverted is kept at the end of a run; a run cut off before that (server
                # gone) would lose it: find it again, without sending anything.
                self._send(ev, key, dry=True)
            if receipt.server_event is not None and receipt.outcome != "refused" and bool(receipt.undone) != ev.undone:
                self._server_replay(int(receipt.server_event), ev.undone, ev.undone_by or ev.author,
                                    f"{ev.action} (sent as change {receipt.server_event})")
                with self.server.engine.begin() as conn:
                    conn.execute(update(SyncReceipt.__table__).where(SyncReceipt.__table__.c.id == receipt.id)
                                 .values(undone=ev.undone))
            return
        if ev.undone:
            return  # made and taken back offline: nothing to send
        try:
            self._send(ev, key)
        except PermissionRefused as exc:
            self.report.refused.append(f"{ev.action} (offline change {ev.id}): {exc}")
            self._receipt_alone(key, "refused", None)
        except StorageFailed as exc:
            refusal = server_refusal(exc)
            if refusal is None:
                raise  # the server is gone, the disk is full...: stop; the rest is sent next time
            self.report.refused.append(f"{ev.action} (offline change {ev.id}): the server refused it: {refusal}")
            self._receipt_alone(key, "refused", None)

    def _send(self, ev: LocalEvent, key: str, *, dry: bool = False) -> None:
        """Apply one offline operation as one server operation (``dry``: only note what it would
        divert, for ``_keep_conflicts``; nothing is written)."""
        self._pending = {}
        self._event_id = ev.id
        applied = [0]
        diverted = [False]

        def receipt(conn: Connection, event_id: int) -> None:
            id_map = [[t, lid, sid] for (t, lid), sid in self._pending.items()]
            self._receipt(conn, key, "conflict" if diverted[0] else "merged", event_id, False, id_map)

        store = self.store_for(ev.author)
        with optional_operation(store, ev.action) as op:
            op.transcript_id = self.tid
            conn = op.session.connection()
            parts = [self.local_first_turn(int(r["pk"])) for r in ev.rows if r["t"] == "assignment"]
            check_offline_action(op, conn, ev.action, self.tid, parts[0] if parts else 1)
            segments = {self.server_id("segment", s) for row in ev.rows
                        for s in ([row["refs"].get("segment_id")] if row["t"] != "segment" else [row["pk"]])}
            versions.lock_segments(conn, {s for s in segments if s is not None})
            self.changes.scan(conn)  # after the locks: whoever saved these segments first is seen
            op.description = f"{ev.description} (offline)".strip()
            if self._outline_overlaps(ev):
                diverted[0] = True
                raise NothingToDo
            for row in ev.rows:
                outcome = self._row(op, row, ev)
                applied[0] += outcome == "applied"
                diverted[0] |= outcome == "diverted"
            if not applied[0] or dry:
                raise NothingToDo
            op.before_commit.append(receipt)
        if dry:
            return
        if op.event_id is None:
            self._receipt_alone(key, "conflict" if diverted[0] else "nothing", None)
            return
        self.changes.own_events.add(op.event_id)
        self.ids.update(self._pending)
        self.report.sent += 1

    def _outline_overlaps(self, ev: LocalEvent) -> bool:
        """A structural offline change (split, merge, alignment) is applied whole or not at all:
        not if the server changed the outline of the same segments or turns, or the text of any
        segment it works on. The flag's note then says what it was."""
        structural = [row for row in ev.rows if is_structural(row)]
        if not structural:
            return False
        segments: set[int] = set()
        turns: set[int] = set()
        for row in structural:
            s, t = outline_refs(row)
            segments |= s
            turns |= t
        server_segs = {self.server_id("segment", s) for s in segments} - {None}
        server_turns = {self.server_id("turn", t) for t in turns} - {None}
        texts = {(self.server_id("segment", s), lang) for row in ev.rows for s, lang in text_keys(self.conn, row)}
        if not (server_segs & self.changes.outline or server_turns & self.changes.turns or texts & self.changes.texts):
            return False
        worked_on = {s for row in ev.rows for s, _ in text_keys(self.conn, row)}
        worked_on |= {int(row["pk"]) for row in structural if row["t"] == "segment" and row["op"] != "update"}
        made = sorted(s for s in worked_on if self.server_id("segment", s) is None)
        offline = "; ".join(f"{lang}: {self._local_text(s, lang)!r}" for s in made for lang in ("en", "ja"))
        for seg in sorted((worked_on or segments) - set(made)):  # not the neighbours only renumbered
            self._note(seg, f"{ev.action} by {ev.author} (offline) was not applied: the server changed "
                            "the same part of the transcript since the checkout"
                            + (f"; the segment it made offline read {offline}" if offline else ""))
            for lang in ("en", "ja"):
                self._compete(seg, lang, ev.author)
        return True

    def _row(self, op: Operation, row: dict[str, Any], ev: LocalEvent) -> str:
        """Apply one journal row on the server: "applied", "diverted" (kept for the reviewer) or "skipped"."""
        table, kind, pk = row["t"], row["op"], int(row["pk"])
        cls = self.classes.get(table)
        if cls is None:
            return "skipped"
        keys = text_keys(self.conn, row)
        overlapping = {(s, lang) for s, lang in keys if (self.server_id("segment", s), lang) in self.changes.texts}
        after, before = dict(row["after"] or {}), dict(row["before"] or {})
        if overlapping:
            if table != "flag" or kind == "delete":
                for key in overlapping:
                    self._compete(key[0], key[1], ev.author)
                    if table == "gap" and kind != "delete":
                        self._note(key[0], f"{ev.action} by {ev.author} (offline, {key[1]}): "
                                           + ", ".join(f"{k}={v!r}" for k, v in after.items() if k != "id"))
                return "diverted"
            for image in (after, before):  # a flag stays, without its span in a text that moved
                image.pop("start", None)
                image.pop("end", None)
            if kind == "insert":
                after["start"] = after["end"] = None
        if kind == "insert":
            values = self._values(table, after)
            if values is None:
                self.report.notes.append(f"{ev.action} by {ev.author}: a {table} refers to something "
                                         "that was not sent, and was left out")
                return "skipped"
            gone = self._gone_parent(op, table, values)
            if gone is not None:  # removed on the server since the checkout: kept for the reviewer
                for seg, lang in keys:
                    self._compete(seg, lang, ev.author)
                if not keys:
                    self._note_row(row, f"{ev.action} by {ev.author} (offline) was not applied: the {gone} it "
                                        "belongs to was removed on the server since the checkout; it read: "
                                        + ", ".join(f"{k}={v!r}" for k, v in after.items()
                                                    if k != "id" and not k.endswith("_id")))
                return "diverted"
            obj = cls(**values)
            op.session.add(obj)
            op.session.flush()
            self._pending[(table, pk)] = int(obj.id)
            return "applied"
        server_pk = self.server_id(table, pk) if table != "assignment" else self._assignment(op, pk)
        obj = op.session.get(cls, server_pk) if server_pk is not None else None
        if obj is None:
            if kind == "update":  # removed on the server since: what it would have set is kept for the reviewer
                self._note_row(row, f"{ev.action} by {ev.author} (offline) was not applied: the {table} was removed "
                                    "on the server since the checkout; it set: "
                                    + ", ".join(f"{k}={v!r}" for k, v in after.items() if not k.endswith("_id")))
                return "diverted"
            return "skipped"
        if table == "assignment" and (table, server_pk) in self.changes.rows:
            # The work moved on the server since the checkout (reassigned, reviewed...): an offline
            # step from the old state is not applied, only noted for the reviewer.
            self._note_row(row, f"{ev.action} by {ev.author} (offline) was not applied: the transcript's assignment "
                                f"changed on the server since the checkout (it is {obj.state.replace('_', ' ')} now)")
            return "diverted"
        if kind == "delete":
            if (table, server_pk) in self.changes.rows:
                self._note_row(row, f"{ev.action} by {ev.author} (offline) would have removed a {table} "
                                    "that was changed on the server since; it stays")
                return "diverted"
            op.session.delete(obj)
            return "applied"
        return self._update(obj, table, row, after, before, ev)

    def local_first_turn(self, local_pk: int) -> int:
        """The first turn of a range of work in the file (1: the whole transcript)."""
        from model.assignment.tables import Assignment

        table = Assignment.__table__
        found = self.conn.execute(select(table.c.first_turn).where(table.c.id == local_pk)).scalar()
        return int(found) if found is not None else 1

    def _assignment(self, op: Operation, local_pk: int) -> int | None:
        """The server's assignment row of the transcript (of the same range of turns: the file's row
        says which). Both sides make whole-transcript rows on demand, unjournaled (``ensure_rows``),
        so a row the file made offline has no id the server knows: it is found by the transcript and
        its first turn (None: the server split the work differently since)."""
        from model.assignment.tables import Assignment, ensure_rows

        conn = op.session.connection()
        table = Assignment.__table__
        first = self.local_first_turn(local_pk)
        query = select(table.c.id).where(table.c.transcript_id == self.tid, table.c.first_turn == first)
        found = conn.execute(query).scalar()
        if found is None and conn.execute(select(table.c.id).where(table.c.transcript_id == self.tid)).first() is None:
            ensure_rows(conn)
            found = conn.execute(query).scalar()
        return None if found is None else int(found)

    def _gone_parent(self, op: Operation, table: str, values: dict[str, Any]) -> str | None:
        """The table of a row an insert refers to that the server no longer has (None: all there)."""
        for col, target in self.fks.get(table, {}).items():
            value = values.get(col)
            if value is None or target in ("annotator", table) or target not in self.classes:
                continue
            if op.session.get(self.classes[target], value) is None:
                return target
        return None

    def _update(self, obj: Any, table: str, row: dict[str, Any], after: dict[str, Any], before: dict[str, Any],
                ev: LocalEvent) -> str:
        new, old = self._values(table, after), self._values(table, before)
        if new is None or old is None:
            return "skipped"
        applied = diverted = False
        approving_unseen = (table == "segment" and new.get("review_state") == "approved"
                            and obj.id in self.changes.segments)
        for col, value in new.items():
            current = getattr(obj, col)
            if current == value:
                continue
            if approving_unseen and col in ("review_state", "reviewed_by_id", "reviewed_at"):
                self._note_row(row, f"the approval by {ev.author} (offline) was not applied: the text "
                                    "changed on the server since the checkout")
                diverted = True
                continue
            if current == old.get(col):
                setattr(obj, col, value)
                applied = True
            else:
                self._note_row(row, f"{ev.action} by {ev.author} (offline) set {describe_column(obj, table, col)} to "
                                    f"{after.get(col)!r} (it was {before.get(col)!r} at the checkout); the server's "
                                    f"{current!r} (changed since the checkout) was kept. To use the offline value, "
                                    f"set it to: {after.get(col)}")
                diverted = True
        return "applied" if applied else "diverted" if diverted else "skipped"
