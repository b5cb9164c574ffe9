"""assignment (who works on which transcript, and its state) and live_signal (undo/redo for watchers)

Revision ID: 0009
Revises: 0007 (re-chained by the integrator)
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transcript_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=True),
        sa.Column("reviewer_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["annotator_id"], ["annotator.id"], name=op.f("fk_assignment_annotator_id_annotator")),
        sa.ForeignKeyConstraint(["reviewer_id"], ["annotator.id"], name=op.f("fk_assignment_reviewer_id_annotator")),
        sa.ForeignKeyConstraint(["transcript_id"], ["transcript.id"], ondelete="CASCADE",
                                name=op.f("fk_assignment_transcript_id_transcript")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment")),
        sa.UniqueConstraint("transcript_id", name=op.f("uq_assignment_transcript_id")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "live_signal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_live_signal")),
        sqlite_autoincrement=True,
    )
    # Operations defer foreign keys until commit (model.db.defer_foreign_keys): on PostgreSQL
    # only DEFERRABLE ones can be, so the new keys are declared so like the others.
    from model.db import make_foreign_keys_deferrable

    make_foreign_keys_deferrable(op.get_bind())


def downgrade() -> None:
    op.drop_table("live_signal")
    op.drop_table("assignment")
