"""The database's own spelling dictionary: words added with "add to dictionary", shared by
everyone using the database. Adding and removing a word is one operation (one undo step)."""

from __future__ import annotations

import unicodedata

from sqlalchemy import select

from model.errors import OperationFailed
from model.glossary.tables import DictionaryWord
from model.ops._base import NothingToDo, optional_operation
from model.schema import utcnow
from model.store import Store


def normal_word(word: str) -> str:
    """How a dictionary word is stored and compared: NFKC, curly apostrophes straight, casefolded."""
    return unicodedata.normalize("NFKC", word).replace("’", "'").strip().casefold()


def dictionary_words(store: Store) -> set[str]:
    """Every word added to the dictionary (normalized)."""
    with store.read() as s:
        return set(s.scalars(select(DictionaryWord.word)))


def add_word(store: Store, word: str, transcript_id: int | None = None) -> int | None:
    """Add ``word`` to the dictionary; None if it is already there."""
    norm = normal_word(word)
    if not norm or len(norm) > 200 or any(c.isspace() for c in norm):
        raise OperationFailed("a dictionary word is one word of at most 200 characters")
    with optional_operation(store, "Add to dictionary") as op:
        op.transcript_id = transcript_id  # the undo step belongs to the transcript on screen
        op.description = norm
        if op.session.scalar(select(DictionaryWord.id).where(DictionaryWord.word == norm)) is not None:
            raise NothingToDo
        op.session.add(DictionaryWord(word=norm, added_by_id=op.annotator_id, added_at=utcnow()))
    return op.event_id


def remove_word(store: Store, word: str) -> int | None:
    """Take ``word`` out of the dictionary; None if it was not there."""
    norm = normal_word(word)
    with optional_operation(store, "Remove from dictionary") as op:
        op.description = norm
        row = op.session.scalar(select(DictionaryWord).where(DictionaryWord.word == norm))
        if row is None:
            raise NothingToDo
        op.session.delete(row)
    return op.event_id
