"""glossary, spelling dictionary, preferred Japanese spellings and imported translation memory

Revision ID: 0008
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def _create_table(name: str, *columns: sa.Column[object], annotators: tuple[str, ...]) -> None:
    """Table ``name``: an integer key ``id`` (AUTOINCREMENT on SQLite: ids are never reused),
    ``columns``, and a foreign key to ``annotator`` for each column named in ``annotators``."""
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        *columns,
        *(sa.ForeignKeyConstraint([column], ["annotator.id"], name=op.f(f"fk_{name}_{column}_annotator"))
          for column in annotators),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
        sqlite_autoincrement=True,
    )


def _who(column: str) -> sa.Column[object]:
    """A nullable column holding an annotator's id (who made the row)."""
    return sa.Column(column, sa.Integer(), nullable=True)


def upgrade() -> None:
    _create_table(
        "glossary_entry",
        sa.Column("en", sa.String(length=300), nullable=False),
        sa.Column("ja", sa.String(length=300), nullable=False),
        sa.Column("forbidden_ja", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        _who("created_by_id"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _who("updated_by_id"),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        annotators=("created_by_id", "updated_by_id"),
    )
    op.create_index("ix_glossary_entry_en", "glossary_entry", ["en"], unique=False)
    _create_table(
        "dictionary_word",
        sa.Column("word", sa.String(length=200), nullable=False),
        _who("added_by_id"),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        annotators=("added_by_id",),
    )
    op.create_index("ix_dictionary_word_word", "dictionary_word", ["word"], unique=True)
    _create_table(
        "variant_preference",
        sa.Column("group_key", sa.String(length=200), nullable=False),
        sa.Column("preferred", sa.String(length=200), nullable=False),
        _who("set_by_id"),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        annotators=("set_by_id",),
    )
    op.create_index("ix_variant_preference_group", "variant_preference", ["group_key"], unique=True)
    _create_table(
        "memory_unit",
        sa.Column("en", sa.Text(), nullable=False),
        sa.Column("ja", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=True),
        _who("imported_by_id"),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        annotators=("imported_by_id",),
    )


def downgrade() -> None:
    op.drop_table("memory_unit")
    op.drop_index("ix_variant_preference_group", table_name="variant_preference")
    op.drop_table("variant_preference")
    op.drop_index("ix_dictionary_word_word", table_name="dictionary_word")
    op.drop_table("dictionary_word")
    op.drop_index("ix_glossary_entry_en", table_name="glossary_entry")
    op.drop_table("glossary_entry")
