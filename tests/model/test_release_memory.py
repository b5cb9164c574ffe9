"""Freed memory goes back to the system once the QA checks' scan ends (glibc's malloc_trim), and
the helper does nothing, quietly, where there is no glibc."""

from __future__ import annotations

import sys
import threading
from multiprocessing import Pipe

import model.release_memory as release_memory
from model.qa.service_protocol import Finished, Outlined, Start, Stop
from model.qa.service_run import main
from tests.model.test_qa_scan import generated


def test_the_checks_give_freed_memory_back_when_their_scan_ends(store, monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(release_memory, "release_free_memory", lambda: calls.append("trim") or True)
    tid = generated(store, turns=10)
    ours, theirs = Pipe()
    # The process's main, run in a thread here: what it does once its scan is over.
    thread = threading.Thread(target=main, args=(theirs,), daemon=True)
    thread.start()
    ours.send(Start(store.engine.url.render_as_string(hide_password=False), tid))
    replies = []
    while not replies or not isinstance(replies[-1], Finished):
        assert ours.poll(30)
        replies.append(ours.recv())
    assert isinstance(replies[0], Outlined)
    ours.send(Stop())
    thread.join(10)
    assert not thread.is_alive()
    assert calls == ["trim"]


def test_release_is_skipped_without_glibc(monkeypatch):
    monkeypatch.setattr(release_memory, "_trim", [])
    monkeypatch.setattr(sys, "platform", "darwin")
    assert release_memory.release_free_memory() is False


def test_release_on_linux_calls_malloc_trim(monkeypatch):
    if not sys.platform.startswith("linux"):
        return
    monkeypatch.setattr(release_memory, "_trim", [])
    assert release_memory.release_free_memory() is True
