"""Tables of offline take-out and sync back (declared on ``model.schema.Base``, imported by ``model.tables``).

``checkout`` lives in a file made by ``taiyaku checkout``: one row that remembers where its
transcript came from. ``sync_receipt`` lives on the server: one row per thing a sync sent
(a local operation, an undo, a kept conflict), written in the same transaction as the change
itself, so a sync that is run twice -- or cut off half-way -- never sends anything twice.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, DateTime, Integer, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column

from model.schema import Base, _table_args, utcnow


class Checkout(Base):
    """Where a checked-out file's transcript came from, and what the server held then."""

    __tablename__ = "checkout"
    __table_args__ = _table_args()

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_url: Mapped[str] = mapped_column(String(2000))  # never with a password
    transcript_id: Mapped[int] = mapped_column(Integer)  # the same id here and on the server
    # The server's newest change event when the copy was taken (its journal position).
    base_event: Mapped[int] = mapped_column(Integer)
    # Local change events up to this id are copies of the server's; newer ones were made here.
    local_base: Mapped[int] = mapped_column(Integer)
    # Which of the copied events were undone at the time (undo/redo since is sent back too).
    undone_at_checkout: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # The highest id copied per table: a higher local id is a row made offline.
    copied_max: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Names this copy in the server's receipts; a new one after every refresh.
    origin: Mapped[str] = mapped_column(String(32))
    checked_out_by: Mapped[str] = mapped_column(String(200), default="")
    checked_out_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    synced_at: Mapped[datetime | None] = mapped_column(DateTime)


class SyncReceipt(Base):
    """On the server: one thing a checked-out copy sent back (so it is never sent twice)."""

    __tablename__ = "sync_receipt"
    __table_args__ = _table_args(UniqueConstraint("origin", "key"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    origin: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(80))  # "event:12", "flip:7:1", "conflict:45:en"
    server_event: Mapped[int | None] = mapped_column(Integer)  # None: nothing needed writing
    outcome: Mapped[str] = mapped_column(String(20))  # merged | conflict | refused | nothing
    undone: Mapped[bool] = mapped_column(Boolean, default=False)  # the local event's state when sent
    # [table, local id, server id] of every row the operation inserted (later ones refer to them).
    id_map: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


def read_checkout(conn: Connection) -> Checkout | None:
    """The file's checkout row (None: the file was not made by ``taiyaku checkout``). Here, beside
    its table: the window asks at start-up, without importing the sync machinery (~8 ms)."""
    row = conn.execute(select(Checkout.__table__)).first()
    if row is None:
        return None
    return Checkout(**dict(row._mapping))
