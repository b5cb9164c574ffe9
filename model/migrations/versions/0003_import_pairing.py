"""importer: how each segment was paired and how sure, the file's layout, separators for an exact export

Revision ID: 0003
Revises: 0001
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs (nullable, no constraint): SQLite does them in place, PostgreSQL too.
    with op.batch_alter_table("segment") as batch:
        batch.add_column(sa.Column("pairing", sa.String(length=12), nullable=True))
        batch.add_column(sa.Column("confidence", sa.Float(), nullable=True))
        batch.add_column(sa.Column("en_tail", sa.Text(), nullable=True))
        batch.add_column(sa.Column("ja_tail", sa.Text(), nullable=True))
    with op.batch_alter_table("transcript") as batch:
        batch.add_column(sa.Column("layout", sa.String(length=12), nullable=True))
        batch.add_column(sa.Column("text_head", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("transcript") as batch:
        batch.drop_column("text_head")
        batch.drop_column("layout")
    with op.batch_alter_table("segment") as batch:
        batch.drop_column("ja_tail")
        batch.drop_column("en_tail")
        batch.drop_column("confidence")
        batch.drop_column("pairing")
