"""Reads after the paint run in a thread (BackgroundRead): their results arrive, stale ones never."""

from __future__ import annotations

import threading

from gui_helpers import long_briefing, make_window

from model.ops import flags as flag_ops


def test_a_read_arrives_on_the_windows_thread_and_a_failure_as_its_exception(qtbot):
    from gui.window.background import BackgroundRead

    reader = BackgroundRead()
    got: list[tuple[object, bool]] = []
    reader.done.connect(lambda result: got.append((result, threading.current_thread() is threading.main_thread())))
    reader.request(lambda pace: threading.current_thread().name)
    qtbot.waitUntil(lambda: bool(got))
    assert got == [("taiyaku-read", True)] and not reader.reading

    def fails(pace):
        raise ValueError("no such table")

    reader.request(fails)
    qtbot.waitUntil(lambda: len(got) == 2)
    assert isinstance(got[1][0], ValueError)


def test_a_newer_request_or_a_cancel_drops_a_stale_result(qtbot):
    from gui.window.background import BackgroundRead

    reader = BackgroundRead()
    got: list[object] = []
    reader.done.connect(got.append)
    release, started = threading.Event(), threading.Event()
    paced_after_release: list[bool] = []

    def slow(pace):
        started.set()
        release.wait(5)
        try:
            pace()  # stale by now: the read stops here
        except Exception:
            paced_after_release.append(True)
            raise
        return "old"

    reader.request(slow)
    qtbot.waitUntil(started.is_set)
    reader.request(lambda pace: "new")
    release.set()
    qtbot.waitUntil(lambda: bool(got) and bool(paced_after_release))
    qtbot.wait(50)
    assert got == ["new"]

    release.clear()
    started.clear()
    reader.request(slow)
    qtbot.waitUntil(started.is_set)
    reader.cancel()  # e.g. the transcript closed
    release.set()
    qtbot.waitUntil(lambda: len(paced_after_release) == 2)
    qtbot.wait(50)
    assert got == ["new"] and not reader.reading


def test_the_review_dock_reads_its_flags_and_marks_in_the_background(qtbot, store, tmp_path):
    window, tid = make_window(qtbot, store, tmp_path, turns=long_briefing(40))
    review = window.review
    sid = window.transcript_model.segment_id(60)
    flag_ops.add_flag(store, sid, "other", "far down")
    qtbot.waitUntil(lambda: bool(review.strip.marks.get(60, 0) & 1) and review.panel.model.rowCount() == 1,
                    timeout=15_000)  # generous: a loaded machine, and the reads wait for an idle window
    assert not review.reader.reading
    assert review.reader.background.name == "taiyaku-review-read"


def test_marker_bits_are_the_strips():
    # read_marks hands the model's bits to the strip as they are.
    from gui.review.overview import APPROVED as STRIP_APPROVED
    from gui.review.overview import EDIT, FLAG, GAP
    from model.review import APPROVED, EDITED, FLAGGED, GAPPED

    assert (FLAGGED, GAPPED, EDITED, APPROVED) == (FLAG, GAP, EDIT, STRIP_APPROVED)


def test_automatic_collection_comes_back_when_the_last_of_overlapping_readers_ends():
    # Two readers overlapping (A starts, B starts, A ends): collection stays off until B ends.
    import gc
    import time

    from gui.window import activity
    from gui.window.activity import no_collection

    # A reader of an earlier test's window may still be inside: start once none is (it counts too).
    deadline = time.monotonic() + 20
    while activity._collecting["threads"] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert activity._collecting["threads"] == 0
    was_on = gc.isenabled()
    gc.enable()
    try:
        first, second = no_collection(), no_collection()
        first.__enter__()
        second.__enter__()
        first.__exit__(None, None, None)
        assert not gc.isenabled()
        second.__exit__(None, None, None)
        assert gc.isenabled()
    finally:
        if not was_on:
            gc.disable()


def test_background_reads_take_turns(qtbot):
    # Four threads importing and reading at once after the first paint made the window's thread wait
    # behind each of them for the GIL (a follow 120-170 ms at 50,000 segments): one works at a time.
    import time

    from gui.window.background import BackgroundRead

    spans: list[tuple[str, float, float]] = []
    readers = [BackgroundRead(name=f"taiyaku-turn-{n}") for n in range(3)]
    got: list[object] = []

    def busy(name: str):
        def read(pace):
            start = time.monotonic()
            end = start + 0.15
            while time.monotonic() < end:  # Python work, no pace: the turn is held throughout
                sum(range(1000))
            spans.append((name, start, time.monotonic()))
            return name
        return read

    for n, reader in enumerate(readers):
        reader.done.connect(got.append)
        reader.request(busy(f"read {n}"))
    qtbot.waitUntil(lambda: len(got) == 3, timeout=10_000)
    _wait_for_threads_ending(qtbot, "taiyaku-turn-")
    spans.sort(key=lambda span: span[1])
    assert all(later[1] >= earlier[2] for earlier, later in zip(spans, spans[1:], strict=False)), spans


def test_a_read_waiting_at_its_pace_lets_another_work(qtbot):
    import time

    from gui.window.background import BackgroundRead

    first, second = BackgroundRead(name="taiyaku-first"), BackgroundRead(name="taiyaku-second")
    got: list[object] = []
    first.done.connect(got.append)
    second.done.connect(got.append)
    holding, second_ran = threading.Event(), threading.Event()

    def patient(pace):
        holding.set()
        deadline = time.monotonic() + 5
        while not second_ran.is_set() and time.monotonic() < deadline:
            pace()  # each pace lets the turn go for a moment
        return "first, after the second" if second_ran.is_set() else "first, alone"

    def quick(pace):
        second_ran.set()
        return "second"

    first.request(patient)
    qtbot.waitUntil(holding.is_set)
    second.request(quick)
    qtbot.waitUntil(lambda: len(got) == 2, timeout=10_000)
    _wait_for_threads_ending(qtbot, "taiyaku-first", "taiyaku-second")
    assert sorted(map(str, got)) == ["first, after the second", "second"]


def _wait_for_threads_ending(qtbot, *prefixes: str) -> None:
    """The readers stay referenced here until their threads have ended: a QObject whose last
    reference went with its thread would be destroyed in that thread."""
    qtbot.waitUntil(lambda: not any(t.name.startswith(prefixes) for t in threading.enumerate()), timeout=10_000)


def test_a_thread_waits_for_its_turn_only_so_long(qtbot, monkeypatch):
    # A read stuck on an unreachable server holds its turn until the connection times out: the others
    # (the icons) go ahead after a while.
    from gui.window import activity

    monkeypatch.setattr(activity, "TURN_WAIT_S", 0.2)
    holding, release, went_ahead = threading.Event(), threading.Event(), threading.Event()

    def stuck():
        with activity.taking_turns():
            holding.set()
            release.wait(10)

    def other():
        with activity.taking_turns():
            went_ahead.set()

    threading.Thread(target=stuck, name="taiyaku-stuck", daemon=True).start()
    assert holding.wait(5)
    threading.Thread(target=other, name="taiyaku-other", daemon=True).start()
    assert went_ahead.wait(5)
    release.set()
    _wait_for_threads_ending(qtbot, "taiyaku-stuck", "taiyaku-other")
    with activity.taking_turns():  # the turn is free again, held by nobody
        assert activity._turn.locked()
    assert not activity._turn.locked()
