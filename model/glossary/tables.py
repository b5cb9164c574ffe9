"""Tables of the translator's helpers, shared by everyone using the database (a team on PostgreSQL):
the glossary (termbase), the words added to the spelling dictionary, and preferred Japanese spellings.

None of them belongs to a transcript: their changes are journaled (and undone) like any other,
with no transcript id.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from model.schema import Base, utcnow


class GlossaryEntry(Base):
    """An English term, its approved Japanese rendering and the renderings not to use."""

    __tablename__ = "glossary_entry"
    __table_args__ = (Index("ix_glossary_entry_en", "en"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    en: Mapped[str] = mapped_column(String(300))
    ja: Mapped[str] = mapped_column(String(300))
    forbidden_ja: Mapped[str] = mapped_column(Text, default="")  # variants, one per line
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotator.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotator.id"))
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)


class DictionaryWord(Base):
    """A word added to the English spelling dictionary ("add to dictionary")."""

    __tablename__ = "dictionary_word"
    __table_args__ = (Index("ix_dictionary_word_word", "word", unique=True), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    word: Mapped[str] = mapped_column(String(200))  # casefolded
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotator.id"))
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class VariantPreference(Base):
    """The preferred way to write a Japanese word that is written several ways (表記ゆれ)."""

    __tablename__ = "variant_preference"
    __table_args__ = (Index("ix_variant_preference_group", "group_key", unique=True), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_key: Mapped[str] = mapped_column(String(200))  # the normalized form (or "digits"/"latin")
    preferred: Mapped[str] = mapped_column(String(200))
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotator.id"))
    set_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class MemoryUnit(Base):
    """A translation unit imported from TMX (another tool's corrections, an earlier export): an English
    text and its Japanese translation, offered as a suggestion when a segment's English resembles it."""

    __tablename__ = "memory_unit"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    en: Mapped[str] = mapped_column(Text)
    ja: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(300), default="")  # the file it came from
    author: Mapped[str | None] = mapped_column(String(200))  # as the file names it
    imported_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotator.id"))
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
