"""A window that is gone leaves nothing behind on the context that outlives it."""

from __future__ import annotations

from gui_helpers import make_window
from PySide6.QtCore import QCoreApplication, QEvent


def test_signals_of_the_context_after_the_window_is_deleted_reach_no_dead_widget(qtbot, store, tmp_path):
    window, tid = make_window(qtbot, store, tmp_path, closed_by_qtbot=False)
    ctx = window.ctx
    qtbot.waitUntil(lambda: window.review.checks_started and not window.review.checking)
    window.annotate.show_gaps()  # the gap list follows the context too
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # Each of these reached a lambda on the deleted window ("Internal C++ object already deleted").
    ctx.selectionChanged.emit(ctx.selection)
    ctx.transcriptChanged.emit(None)
    ctx.transcriptShown.emit(tid)
    qtbot.wait(50)  # and nothing queued for later runs on it either
