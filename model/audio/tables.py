"""Tables of the audio feature (declared on ``model.schema.Base``, imported by ``model.tables``).

The database keeps what identifies a recording (path, size, sha256, duration) and
never its media. Times are milliseconds from the start of the recording. Only
*known* times are stored (imported, stamped, aligned); estimated ones are derived
when read (``model.audio.timing``), so stamping one segment moves the estimates
around it without writing them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from model.schema import Base, _table_args, utcnow

TIMING_KINDS = ("imported", "stamped", "aligned", "estimated")


class Recording(Base):
    """The recording attached to a transcript (at most one)."""

    __tablename__ = "recording"
    __table_args__ = _table_args()

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"), unique=True)
    path: Mapped[str] = mapped_column(String(2000))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    duration_ms: Mapped[int] = mapped_column(Integer)
    attached_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotator.id"))
    attached_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SegmentTiming(Base):
    """A known start (and end, when known) of a segment, and how it became known."""

    __tablename__ = "segment_timing"
    __table_args__ = _table_args()

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"), unique=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"), index=True)
    start_ms: Mapped[int] = mapped_column(Integer)
    end_ms: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))  # stamped | aligned (imported ones come from turns)


class GapTiming(Base):
    """When an inaudible gap is spoken (found by alignment or marked by ear)."""

    __tablename__ = "gap_timing"
    __table_args__ = _table_args()

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    gap_id: Mapped[int] = mapped_column(ForeignKey("gap.id", ondelete="CASCADE"), unique=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"), index=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"), index=True)
    start_ms: Mapped[int] = mapped_column(Integer)
    end_ms: Mapped[int] = mapped_column(Integer)
