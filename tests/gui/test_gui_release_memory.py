"""Freed memory goes back to the system once the QA checks end (glibc's malloc_trim), and the
helper does nothing, quietly, where there is no glibc."""

from __future__ import annotations

import sys

from gui_helpers import long_briefing, make_window

import model.release_memory as release_memory
import gui.review.qa_worker as qa_worker


def test_the_checks_give_freed_memory_back_when_they_end(qtbot, store, tmp_path, monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(qa_worker, "release_free_memory", lambda: calls.append("trim") or True)
    window, _tid = make_window(qtbot, store, tmp_path, turns=long_briefing(10))
    review = window.review
    qtbot.waitUntil(lambda: review.checks_started and not review.checking, timeout=20_000)
    qtbot.waitUntil(lambda: calls == ["trim"], timeout=5_000)


def test_release_is_skipped_without_glibc(monkeypatch):
    monkeypatch.setattr(release_memory, "_trim", [])
    monkeypatch.setattr(sys, "platform", "darwin")
    assert release_memory.release_free_memory() is False


def test_release_on_linux_calls_malloc_trim(monkeypatch):
    if not sys.platform.startswith("linux"):
        return
    monkeypatch.setattr(release_memory, "_trim", [])
    assert release_memory.release_free_memory() is True
