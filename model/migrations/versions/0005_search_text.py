"""search_text: corrected texts for the library search (issue 15)

Revision ID: 0005
Revises: 0008 (re-chained by the integrator)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_text",
        sa.Column("segment_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("transcript_id", sa.Integer(), nullable=False),
        sa.Column("en", sa.Text(), nullable=True),
        sa.Column("ja", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("segment_id", name=op.f("pk_search_text")),
    )
    op.create_index(op.f("ix_search_text_transcript_id"), "search_text", ["transcript_id"], unique=False)
    # Existing corrections: derive their texts once (the app keeps the table current from now on).
    from model.search_index import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_index(op.f("ix_search_text_transcript_id"), table_name="search_text")
    op.drop_table("search_text")
