"""Background work that reads a whole file (the damage check, backups) runs at a lower priority
than the window's thread, so the window's start and the annotator's input get a core first."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from model import db
from model.priority import yield_the_cpu
from model.store import Store


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="threads have their own priority on Linux")
def test_a_thread_that_yields_runs_niced_and_the_caller_does_not():
    seen: list[int] = []

    def work() -> None:
        yield_the_cpu()
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [10]
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == 0


def test_the_background_damage_check_yields_the_cpu(tmp_path, monkeypatch):
    Store.open(tmp_path / "lib.sqlite3", annotator="tester").close()  # created (and checked) at once
    threads: list[str] = []
    monkeypatch.setattr(db, "yield_the_cpu", lambda: threads.append(threading.current_thread().name))
    store = Store.open(tmp_path / "lib.sqlite3", annotator="tester", check_in_background=True)
    store.ensure_intact()
    store.close()
    assert threads == ["taiyaku-integrity-check"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="threads have their own priority on Linux")
def test_a_process_started_at_low_priority_runs_niced_and_the_caller_does_not():
    """The QA checks' forkserver, a spawned process and a probing interpreter start right after the
    window's first paint; their imports (~1 s of CPU) took a core from the window's thread."""
    import subprocess

    from model.priority import at_low_priority

    def start() -> str:
        return subprocess.run([sys.executable, "-c", "import os; print(os.getpriority(os.PRIO_PROCESS, 0))"],
                              capture_output=True, text=True, check=True).stdout.strip()

    assert at_low_priority(start) == "10"
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == 0

    def fail() -> None:
        raise ValueError("handed back")

    with pytest.raises(ValueError, match="handed back"):
        at_low_priority(fail)
