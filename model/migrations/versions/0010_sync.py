"""offline take-out and sync back: the checkout row of a taken-out file, the server's sync receipts;
on PostgreSQL every foreign key becomes INITIALLY DEFERRED (no SET CONSTRAINTS per operation)

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from model.db import make_foreign_keys_deferrable

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checkout",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_url", sa.String(length=2000), nullable=False),
        sa.Column("transcript_id", sa.Integer(), nullable=False),
        sa.Column("base_event", sa.Integer(), nullable=False),
        sa.Column("local_base", sa.Integer(), nullable=False),
        sa.Column("undone_at_checkout", sa.JSON(), nullable=False),
        sa.Column("copied_max", sa.JSON(), nullable=False),
        sa.Column("origin", sa.String(length=32), nullable=False),
        sa.Column("checked_out_by", sa.String(length=200), nullable=False),
        sa.Column("checked_out_at", sa.DateTime(), nullable=False),
        sa.Column("synced_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkout")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "sync_receipt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("server_event", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("undone", sa.Boolean(), nullable=False),
        sa.Column("id_map", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_receipt")),
        sa.UniqueConstraint("origin", "key", name=op.f("uq_sync_receipt_origin")),
        sqlite_autoincrement=True,
    )
    make_foreign_keys_deferrable(op.get_bind())  # the new tables' keys too; all INITIALLY DEFERRED


def downgrade() -> None:
    op.drop_table("sync_receipt")
    op.drop_table("checkout")
