"""recording and timing: a transcript's recording, known segment and gap times

Revision ID: 0006
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "recording",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transcript_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=2000), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("attached_by_id", sa.Integer(), nullable=True),
        sa.Column("attached_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["attached_by_id"], ["annotator.id"],
                                name=op.f("fk_recording_attached_by_id_annotator")),
        sa.ForeignKeyConstraint(["transcript_id"], ["transcript.id"],
                                name=op.f("fk_recording_transcript_id_transcript"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recording")),
        sa.UniqueConstraint("transcript_id", name=op.f("uq_recording_transcript_id")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "segment_timing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.Column("transcript_id", sa.Integer(), nullable=False),
        sa.Column("start_ms", sa.Integer(), nullable=False),
        sa.Column("end_ms", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["segment_id"], ["segment.id"],
                                name=op.f("fk_segment_timing_segment_id_segment"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["transcript_id"], ["transcript.id"],
                                name=op.f("fk_segment_timing_transcript_id_transcript"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_segment_timing")),
        sa.UniqueConstraint("segment_id", name=op.f("uq_segment_timing_segment_id")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_segment_timing_transcript_id"), "segment_timing", ["transcript_id"])
    op.create_table(
        "gap_timing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("gap_id", sa.Integer(), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.Column("transcript_id", sa.Integer(), nullable=False),
        sa.Column("start_ms", sa.Integer(), nullable=False),
        sa.Column("end_ms", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["gap_id"], ["gap.id"], name=op.f("fk_gap_timing_gap_id_gap"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["segment_id"], ["segment.id"],
                                name=op.f("fk_gap_timing_segment_id_segment"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["transcript_id"], ["transcript.id"],
                                name=op.f("fk_gap_timing_transcript_id_transcript"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gap_timing")),
        sa.UniqueConstraint("gap_id", name=op.f("uq_gap_timing_gap_id")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_gap_timing_segment_id"), "gap_timing", ["segment_id"])
    op.create_index(op.f("ix_gap_timing_transcript_id"), "gap_timing", ["transcript_id"])


def downgrade() -> None:
    op.drop_table("gap_timing")
    op.drop_table("segment_timing")
    op.drop_table("recording")
