"""The window's QA run a step at a time: edits made while it runs are not lost."""

from __future__ import annotations

from gui_helpers import long_briefing, make_window

from model.ops.corrections import edit_text
from model.qa import run_checks


def test_an_edit_behind_a_running_check_is_checked_when_the_run_ends(qtbot, store, tmp_path):
    window, tid = make_window(qtbot, store, tmp_path, turns=long_briefing(40))
    review = window.review
    qtbot.waitUntil(lambda: review.view is not None and not review.checking)
    runner = review.checks
    sid = window.transcript_model.segment_id(2)  # the first paragraph of turn 2
    runner.rerun()  # the Run checks button: a step at a time
    scan = runner._scan
    scan.span, scan.step_s = 1, 0  # small steps
    step, edited = scan.step, []

    def step_then_edit() -> bool:
        done = step()
        if scan.at > 3 and not edited:  # turn 2 is checked already; the run goes on
            edited.append(edit_text(store, sid, "en", "Turn 2 first paragraph: 7 ships, not 8."))
            runner._checks_timer.stop()
            runner._run_pending_checks()  # the edit's debounce runs out while the run goes on
            assert review.checking
        return done

    scan.step = step_then_edit
    qtbot.waitUntil(lambda: not review.checking and any(f.segment_id == sid for f in review.findings))
    assert edited
    assert review.findings == run_checks(store, tid)  # what a fresh run finds: nothing stale
    assert {f.check for f in review.findings if f.segment_id == sid} == {"numbers"}
