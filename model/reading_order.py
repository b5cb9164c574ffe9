"""Reading order in SQL: where a segment stands, what comes after (or before) it, and how to
sort segments as a reader meets them. Shared by the "next …" navigations (review, gaps)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from model.schema import Segment, Turn


def place_of(s: Session, segment_id: int) -> tuple[int, int] | None:
    """(turn position, segment position) of a segment: its place in reading order."""
    row = s.execute(select(Turn.position, Segment.position).join(Turn, Turn.id == Segment.turn_id)
                    .where(Segment.id == segment_id)).first()
    return (row[0], row[1]) if row else None


def beyond(place: tuple[int, int], backwards: bool = False) -> ColumnElement[bool]:
    """Segments after ``place`` in reading order (before it, ``backwards``); the query joins Turn."""
    tp, sp = place
    if backwards:
        return (Turn.position < tp) | ((Turn.position == tp) & (Segment.position < sp))
    return (Turn.position > tp) | ((Turn.position == tp) & (Segment.position > sp))


def reading_order(backwards: bool = False) -> tuple[Any, ...]:
    """ORDER BY columns: reading order (reversed, ``backwards``); ids break ties."""
    columns = (Turn.position, Turn.id, Segment.position, Segment.id)
    return tuple(c.desc() if backwards else c.asc() for c in columns)
