"""team roles enforced by the server (PostgreSQL triggers) and assignments of a range of turns

Revision ID: 0011
Revises: 0010 (re-chained by the integrator)
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from model import server_roles

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A transcript's work may be split into ranges of turns (1-based, as numbered in the window;
    # last_turn NULL: to the end): one row per range, so a transcript no longer has only one.
    with op.batch_alter_table("assignment") as batch:
        batch.add_column(sa.Column("first_turn", sa.Integer(), server_default="1", nullable=False))
        batch.add_column(sa.Column("last_turn", sa.Integer(), nullable=True))
        batch.drop_constraint("uq_assignment_transcript_id", type_="unique")
        batch.create_unique_constraint("uq_assignment_part", ["transcript_id", "first_turn"])
    server_roles.install(op.get_bind())  # nothing on SQLite (one person)


def downgrade() -> None:
    server_roles.remove(op.get_bind())
    bind = op.get_bind()
    bind.execute(sa.text("DELETE FROM assignment WHERE first_turn <> 1"))
    with op.batch_alter_table("assignment") as batch:
        batch.drop_constraint("uq_assignment_part", type_="unique")
        batch.create_unique_constraint("uq_assignment_transcript_id", ["transcript_id"])
        batch.drop_column("last_turn")
        batch.drop_column("first_turn")
