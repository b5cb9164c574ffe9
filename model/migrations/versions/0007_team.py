"""team: segment versions, people's roles and logins, deferrable foreign keys on PostgreSQL

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from model.db import make_foreign_keys_deferrable

revision = "0007"
down_revision = "0005"  # 0001 as assigned; chained after main's head when merging main
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("segment") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), server_default="0", nullable=False))
    with op.batch_alter_table("annotator") as batch:
        batch.add_column(sa.Column("role", sa.String(length=20), server_default="annotator", nullable=False))
        batch.add_column(sa.Column("login", sa.String(length=200), nullable=True))
        batch.create_unique_constraint(batch.f("uq_annotator_login"), ["login"])
    # Operations are consistent only at commit (model.db.defer_foreign_keys): PostgreSQL defers
    # only foreign keys declared DEFERRABLE. SQLite defers any with a PRAGMA: nothing to do there.
    make_foreign_keys_deferrable(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("annotator") as batch:
        batch.drop_constraint(batch.f("uq_annotator_login"), type_="unique")
        batch.drop_column("login")
        batch.drop_column("role")
    with op.batch_alter_table("segment") as batch:
        batch.drop_column("version")
