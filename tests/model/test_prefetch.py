"""The head start: the transcript a window will open, read in a thread while the window is built,
is the same transcript a read on the window's thread gives; anything else means "read it yourself"."""

from __future__ import annotations

import pytest
from helpers import make_transcript

from model import prefetch as prefetch_module
from model.errors import DatabaseError
from model.prefetch import Prefetch
from model.readmodel import load_segments
from model.skeleton import load_skeleton

pytestmark = pytest.mark.both_engines

TURNS = [("OPERATOR", [("Welcome.", "ようこそ。"), ("Please hold.", None)]), ("Q", [("Any news?", "何か？")])]


def test_it_reads_the_preferred_transcript_as_the_window_would(store):
    older = make_transcript(store, TURNS, title="Older")
    newer = make_transcript(store, [("Q", [("Second one.", "二つ目。")])] + TURNS, title="Newer")
    head = Prefetch(store, newer, first_rows=2)
    taken = head.take(newer)
    assert taken is not None
    skeleton, segments = taken
    fresh = load_skeleton(store, newer)
    assert skeleton.segment_ids == fresh.segment_ids and list(skeleton.turns) == list(fresh.turns)
    assert (skeleton.title, skeleton.speakers) == ("Newer", fresh.speakers)
    first_two = list(fresh.segment_ids)[:2]
    assert segments == load_segments(store, first_two)  # the first screen's texts came along
    assert head.take(newer) is None  # once: the window owns what it took
    assert older != newer


def test_a_preferred_transcript_that_is_gone_falls_back_to_the_oldest(store):
    oldest = make_transcript(store, TURNS, title="Oldest")
    make_transcript(store, TURNS, title="Later")
    assert Prefetch(store, 10_000).take(10_000) is None
    taken = Prefetch(store, None).take(oldest)
    assert taken is not None and taken[0].title == "Oldest" and taken[1] == {}


def test_another_transcript_or_an_empty_library_gives_nothing(store):
    assert Prefetch(store, None).take(1) is None  # nothing to read yet
    first = make_transcript(store, TURNS, title="First")
    second = make_transcript(store, TURNS, title="Second")
    assert Prefetch(store, first).take(second) is None


def test_a_failed_read_is_forgotten_and_the_window_reads_again(store, monkeypatch):
    tid = make_transcript(store, TURNS)

    def locked(*_args: object) -> None:
        raise DatabaseError("the database is locked by another program")

    monkeypatch.setattr(prefetch_module, "load_skeleton", locked)
    assert Prefetch(store, tid).take(tid) is None  # no error escapes the thread, nothing half-read
