"""The Taiyaku data model: SQLAlchemy 2 typed ORM classes.

Design rules (see README "Data model"):
- What the importer writes about the source (``SourceParagraph`` and the
  ``*_orig`` texts of a ``Segment``) is never changed by annotation.
  Corrections are records over it; corrected text is derived (``model.text``).
- Every table uses ``sqlite_autoincrement`` so an id is never reused: the
  change journal can delete and re-insert rows by id for undo/redo.
- Constraint names come from a naming convention so Alembic batch migrations
  on SQLite can find them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Vocabularies, kept as plain strings in the database for portability.
LANGS = ("en", "ja")
ROLES = ("official", "journalist", "operator", "moderator", "unknown", "other")
TURN_KINDS = ("speech", "title", "time", "note")
GAP_KINDS = ("inaudible", "unintelligible", "crosstalk", "other")
GAP_STATUSES = ("open", "filled", "unrecoverable")
GAP_CONFIDENCES = ("certain", "best_guess")
# "competing": the text of an edit that lost a conflict (someone else changed the same text
# first); kept, not applied, for a reviewer to accept instead.
CORRECTION_STATUSES = ("proposed", "accepted", "rejected", "reverted", "competing")
CORRECTION_CATEGORIES = ("mishearing", "mistranslation", "typo", "style", "other")
FLAG_CATEGORIES = (
    "mistranslation",
    "missing_translation",
    "inaudible",
    "speaker",
    "terminology",
    "conflict",  # two people changed the same text at once (model.versions, sync)
    "other",
)
FLAG_STATUSES = ("open", "resolved", "wontfix")
REVIEW_STATES = ("not_reviewed", "edited", "approved")
# What a person may do on a shared database (model.people): annotators correct and flag;
# reviewers also approve, accept/reject and resolve/reopen; admins also manage people.
PERSON_ROLES = ("annotator", "reviewer", "admin")
SUGGESTION_STATUSES = ("pending", "accepted", "dismissed")


def utcnow() -> datetime:
    """Current time, timezone-aware UTC (stored as naive UTC by SQLite)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # The ORM orders one flush by class name, not by foreign key, so deleting a
    # transcript may run its DELETE before its turns'; the database's ON DELETE
    # CASCADE then removes them first, and the ORM's own DELETE of those rows
    # finds nothing. That is expected (the journal already holds their images).
    # Foreign keys are checked at commit (model.db.defer_foreign_keys).
    __mapper_args__ = {"confirm_deleted_rows": False}
    if TYPE_CHECKING:  # every mapped class here is one plain table (no joins, no selects)
        __table__: ClassVar[Table]


def _table_args(*extra: Any) -> tuple[Any, ...]:
    return (*extra, {"sqlite_autoincrement": True})


class Annotator(Base):
    """A person who annotates or reviews; every change names one."""

    __tablename__ = "annotator"
    __table_args__ = _table_args()

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    role: Mapped[str] = mapped_column(String(20), default="annotator", server_default="annotator")
    # The PostgreSQL login this person connects with (None: not mapped; on SQLite always None).
    login: Mapped[str | None] = mapped_column(String(200), unique=True)


class Transcript(Base):
    """One imported bilingual transcript (the library holds many)."""

    __tablename__ = "transcript"
    __table_args__ = _table_args()

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    source: Mapped[str | None] = mapped_column(String(500))
    event_date: Mapped[str | None] = mapped_column(String(40))  # as written, ISO if known
    source_filename: Mapped[str | None] = mapped_column(String(1000))
    source_sha256: Mapped[str | None] = mapped_column(String(64))
    encoding: Mapped[str | None] = mapped_column(String(40))
    newline: Mapped[str] = mapped_column(String(4), default="\n")
    lead_lang: Mapped[str] = mapped_column(String(2), default="en")
    # How the file was laid out (interleaved / blocks / files) and what stood before its first
    # paragraph: the txt export gives an unedited import's text back exactly.
    layout: Mapped[str | None] = mapped_column(String(12))
    text_head: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    imported_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotator.id"))


class SourceParagraph(Base):
    """A paragraph exactly as imported. Immutable: the ground truth of the file."""

    __tablename__ = "source_paragraph"
    __table_args__ = _table_args(Index("ix_source_paragraph_order", "transcript_id", "position"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    lang: Mapped[str | None] = mapped_column(String(2))  # None: no letters to tell
    text: Mapped[str] = mapped_column(Text)


class Speaker(Base):
    """A person speaking in one transcript. Labels are kept as written."""

    __tablename__ = "speaker"
    __table_args__ = _table_args(Index("ix_speaker_transcript", "transcript_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"))
    label_en: Mapped[str | None] = mapped_column(String(200))
    label_ja: Mapped[str | None] = mapped_column(String(200))
    name: Mapped[str | None] = mapped_column(String(200))  # display name, None: use label
    role: Mapped[str] = mapped_column(String(20), default="unknown")
    affiliation: Mapped[str | None] = mapped_column(String(200))
    redacted: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)  # order of first appearance


class Turn(Base):
    """A stretch of speech by one speaker, or a non-speech block (title, time, note)."""

    __tablename__ = "turn"
    __table_args__ = _table_args(Index("ix_turn_order", "transcript_id", "position"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speaker.id"))
    kind: Mapped[str] = mapped_column(String(10), default="speech")
    timestamp: Mapped[str | None] = mapped_column(String(20))  # e.g. "00:01:12"


class Segment(Base):
    """A paragraph and its translation. ``*_orig`` are the imported texts (None: absent).

    ``*_prefix`` holds what stood before the speech in the paragraph (timestamp,
    speaker label and the space after it), so that ``prefix + text`` is the
    paragraph exactly as imported.
    """

    __tablename__ = "segment"
    __table_args__ = _table_args(Index("ix_segment_order", "turn_id", "position"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    turn_id: Mapped[int] = mapped_column(ForeignKey("turn.id", ondelete="CASCADE"))
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    en_prefix: Mapped[str] = mapped_column(Text, default="")
    en_orig: Mapped[str | None] = mapped_column(Text)
    ja_prefix: Mapped[str] = mapped_column(Text, default="")
    ja_orig: Mapped[str | None] = mapped_column(Text)
    review_state: Mapped[str] = mapped_column(String(20), default="not_reviewed")
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotator.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # How the importer paired the two sides (interleaved, label, block, nm, single, marker) and how
    # sure it was (0..1); None for segments made after the import.
    pairing: Mapped[str | None] = mapped_column(String(12))
    confidence: Mapped[float | None] = mapped_column(Float)
    # What followed each side's paragraph in the file (None: one blank line), for an exact txt export.
    en_tail: Mapped[str | None] = mapped_column(Text)
    ja_tail: Mapped[str | None] = mapped_column(Text)
    # The annotator's own note on the segment (not a review flag): shown in details, exported.
    comment: Mapped[str | None] = mapped_column(Text)
    # Grows by one whenever the segment's text changes in either language (corrections, gaps,
    # undo, redo): a save based on an older version is a conflict (model.versions). Not
    # journaled: undo moves it forward too, so an old version never comes back.
    version: Mapped[int] = mapped_column(Integer, server_default="0")


class Correction(Base):
    """One edit of a segment's text in one language.

    ``start``/``end`` index the segment's *history* in ``lang`` just before
    this correction: the original with every earlier correction's ``after``
    inserted right after the span it replaced, in ``id`` order, whatever their
    status, nothing removed (``model.text``). So review decisions never move a
    correction. ``before`` is the text that showed in that span when it was
    made, ``after`` what replaces it.
    """

    __tablename__ = "correction"
    __table_args__ = _table_args(Index("ix_correction_segment", "segment_id", "lang"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"))
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str] = mapped_column(String(2))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    before: Mapped[str] = mapped_column(Text)
    after: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="proposed")
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotator.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotator.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)


class Gap(Base):
    """An inaudible (or similar) stretch in one language of a segment.

    ``start``/``end`` index the segment's current derived text in ``lang``;
    operations that change the text keep them in step.
    """

    __tablename__ = "gap"
    __table_args__ = _table_args(Index("ix_gap_segment", "segment_id", "lang"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"))
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str] = mapped_column(String(2))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)  # the marker or span as it stood, e.g. "(inaudible)"
    kind: Mapped[str] = mapped_column(String(20), default="inaudible")
    status: Mapped[str] = mapped_column(String(20), default="open")
    proposed_text: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[str | None] = mapped_column(String(20))
    counterpart_id: Mapped[int | None] = mapped_column(ForeignKey("gap.id", ondelete="SET NULL"))
    origin: Mapped[str] = mapped_column(String(10), default="import")  # import | annotator
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotator.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotator.id"))
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)


class Redaction(Base):
    """A redacted stretch such as ``[senior administration official]`` (offsets in original text)."""

    __tablename__ = "redaction"
    __table_args__ = _table_args(Index("ix_redaction_segment", "segment_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"))
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str] = mapped_column(String(2))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class SpeakerSuggestion(Base):
    """A name proposed for a turn's speaker, e.g. from an operator's introduction."""

    __tablename__ = "speaker_suggestion"
    __table_args__ = _table_args()

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"), index=True)
    turn_id: Mapped[int] = mapped_column(ForeignKey("turn.id", ondelete="CASCADE"))
    source_turn_id: Mapped[int | None] = mapped_column(ForeignKey("turn.id", ondelete="SET NULL"))
    name: Mapped[str | None] = mapped_column(String(200))  # None: the name was inaudible
    affiliation: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10), default="pending")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotator.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)


class Flag(Base):
    """A request for review on a segment, or on a span of one language of it."""

    __tablename__ = "flag"
    __table_args__ = _table_args(Index("ix_flag_segment", "segment_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"))
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str | None] = mapped_column(String(2))
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(30), default="other")
    note: Mapped[str] = mapped_column(Text, default="")  # Markdown
    status: Mapped[str] = mapped_column(String(10), default="open")
    author_id: Mapped[int] = mapped_column(ForeignKey("annotator.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolution_note: Mapped[str | None] = mapped_column(Text)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotator.id"))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    finding_key: Mapped[str | None] = mapped_column(String(200))  # set when made from a QA finding


class FlagReply(Base):
    """A reply in a flag's discussion, kept in order."""

    __tablename__ = "flag_reply"
    __table_args__ = _table_args(Index("ix_flag_reply_flag", "flag_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    flag_id: Mapped[int] = mapped_column(ForeignKey("flag.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("annotator.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    text: Mapped[str] = mapped_column(Text)  # Markdown


class FindingDismissal(Base):
    """A QA finding a reviewer dismissed, with who and why."""

    __tablename__ = "finding_dismissal"
    __table_args__ = _table_args(Index("ix_finding_dismissal_key", "transcript_id", "finding_key"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"))
    finding_key: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text, default="")
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotator.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ChangeEvent(Base):
    """One user action: who, when, what, and the row images needed to undo it."""

    __tablename__ = "change_event"
    __table_args__ = _table_args(Index("ix_change_event_transcript", "transcript_id", "id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No foreign key: undoing the creation of a transcript must not cascade into its own event.
    transcript_id: Mapped[int | None] = mapped_column(Integer)
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotator.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    action: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(Text, default="")
    rows: Mapped[list[Any]] = mapped_column(JSON, default=list)
    undone: Mapped[bool] = mapped_column(Boolean, default=False)
    undone_by_id: Mapped[int | None] = mapped_column(ForeignKey("annotator.id"))
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)
