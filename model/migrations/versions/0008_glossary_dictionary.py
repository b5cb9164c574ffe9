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


def upgrade() -> None:
    op.create_table(
        "glossary_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("en", sa.String(length=300), nullable=False),
        sa.Column("ja", sa.String(length=300), nullable=False),
        sa.Column("forbidden_ja", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["annotator.id"],
                                name=op.f("fk_glossary_entry_created_by_id_annotator")),
        sa.ForeignKeyConstraint(["updated_by_id"], ["annotator.id"],
                                name=op.f("fk_glossary_entry_updated_by_id_annotator")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_glossary_entry")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_glossary_entry_en", "glossary_entry", ["en"], unique=False)
    op.create_table(
        "dictionary_word",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("word", sa.String(length=200), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["added_by_id"], ["annotator.id"],
                                name=op.f("fk_dictionary_word_added_by_id_annotator")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dictionary_word")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_dictionary_word_word", "dictionary_word", ["word"], unique=True)
    op.create_table(
        "variant_preference",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_key", sa.String(length=200), nullable=False),
        sa.Column("preferred", sa.String(length=200), nullable=False),
        sa.Column("set_by_id", sa.Integer(), nullable=True),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["set_by_id"], ["annotator.id"],
                                name=op.f("fk_variant_preference_set_by_id_annotator")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_variant_preference")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_variant_preference_group", "variant_preference", ["group_key"], unique=True)
    op.create_table(
        "memory_unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("en", sa.Text(), nullable=False),
        sa.Column("ja", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=True),
        sa.Column("imported_by_id", sa.Integer(), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["imported_by_id"], ["annotator.id"],
                                name=op.f("fk_memory_unit_imported_by_id_annotator")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memory_unit")),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("memory_unit")
    op.drop_index("ix_variant_preference_group", table_name="variant_preference")
    op.drop_table("variant_preference")
    op.drop_index("ix_dictionary_word_word", table_name="dictionary_word")
    op.drop_table("dictionary_word")
    op.drop_index("ix_glossary_entry_en", table_name="glossary_entry")
    op.drop_table("glossary_entry")
