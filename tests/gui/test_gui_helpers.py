"""The helpers in the window: Glossary dock (each change an undo step), terms in the panes,
fixes from findings, suggestions from earlier corrections, Statistics."""

from __future__ import annotations

import os
from pathlib import Path

from gui_helpers import make_window
from PySide6.QtWidgets import QDialog

from gui.helpers.glossary_panel import EntryDialog
from model.glossary.entries import TermRecord, add_term, list_terms
from model.ops.corrections import edit_text
from model.qa import run_checks

TURNS = [("Q", [("You talked about alliance projection today.", "同盟予測について話しました。"),
                ("Could I ask also about the command structure?", "コマンド構造についてお伺いします。")]),
         ("OFFICIAL", [("You talked about alliance projection today, sir.", "同盟予測について話しました、はい。")])]


def row_of(window, start: str) -> int:  # type: ignore[no-untyped-def]
    """The row of the segment whose English starts with ``start``."""
    model = window.transcript_model
    return next(r for r in range(model.rowCount()) if model.segment(r) is not None
                and (model.segment(r).en or "").startswith(start))


def accept_dialogs_with(monkeypatch, rec: TermRecord) -> None:
    """EntryDialog.exec fills in ``rec`` and accepts (a modal dialog would block the test)."""
    def fake_exec(self):  # type: ignore[no-untyped-def]
        self.en.setText(rec.en)
        self.ja.setText(rec.ja)
        self.forbidden.setText(" | ".join(rec.forbidden))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EntryDialog, "exec", fake_exec)


def test_glossary_dock_add_edit_delete_are_undo_steps(qtbot, store, tmp_path, monkeypatch):
    window, _tid = make_window(qtbot, store, tmp_path, turns=TURNS)
    helpers = window.features["helpers"]
    stack = helpers.ctx.undo_stack
    accept_dialogs_with(monkeypatch, TermRecord("alliance projection", "同盟の力の投射", ("同盟予測",)))
    assert helpers.add_entry() is not None
    qtbot.waitUntil(lambda: helpers.panel.table.rowCount() == 1)
    assert helpers.panel.table.item(0, 1).text() == "同盟の力の投射"
    term = list_terms(store)[0]
    accept_dialogs_with(monkeypatch, TermRecord("alliance projection", "同盟の戦力投射", ("同盟予測",)))
    helpers.edit_entry(term)
    qtbot.waitUntil(lambda: helpers.panel.table.item(0, 1).text() == "同盟の戦力投射")
    helpers.delete_entry(list_terms(store)[0])
    qtbot.waitUntil(lambda: helpers.panel.table.rowCount() == 0)
    stack.undo()
    qtbot.waitUntil(lambda: helpers.panel.table.rowCount() == 1)
    stack.undo()
    qtbot.waitUntil(lambda: helpers.panel.table.item(0, 1).text() == "同盟の力の投射")
    stack.undo()
    qtbot.waitUntil(lambda: helpers.panel.table.rowCount() == 0)


def test_add_to_glossary_takes_the_selected_words(qtbot, store, tmp_path, monkeypatch):
    window, _tid = make_window(qtbot, store, tmp_path, turns=TURNS)
    helpers = window.features["helpers"]
    seen = []

    def fake_exec(self):  # type: ignore[no-untyped-def]
        seen.append(self.en.text())
        self.ja.setText("同盟の力の投射")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EntryDialog, "exec", fake_exec)
    sid = window.transcript_model.segment(row_of(window, "You talked about alliance projection today.")).id
    text = "You talked about alliance projection today."
    at = text.index("alliance projection")
    window.panes.select_segment(sid, "en")
    helpers.ctx.update_selection(segment_id=sid, lang="en", cursor=at + len("alliance projection"), anchor=at)
    helpers.add_from_selection()
    assert seen == ["alliance projection"]
    assert [t.en for t in list_terms(store)] == ["alliance projection"]


def test_terms_are_marked_with_the_approved_rendering_as_tooltip(qtbot, store, tmp_path):
    add_term(store, TermRecord("alliance projection", "同盟の力の投射", ("同盟予測",)))
    window, _tid = make_window(qtbot, store, tmp_path, turns=TURNS)
    helpers = window.features["helpers"]
    seg = window.transcript_model.segment(row_of(window, "You talked"))
    spans = helpers.decorate_terms(seg, "en", None)
    assert [(s, e) for s, e, _f in spans] == [(17, 36)]
    assert [(s, e) for s, e, _f in helpers.decorate_terms(seg, "ja", None)] == [(0, 4)]
    assert helpers.term_tooltip(seg, "en") == "alliance projection → 同盟の力の投射  (not: 同盟予測)"


def test_a_glossary_finding_is_fixed_from_the_findings_panel(qtbot, store, tmp_path):
    add_term(store, TermRecord("command structure", "指揮系統", ("コマンド構造",)))
    window, tid = make_window(qtbot, store, tmp_path, turns=TURNS)
    review = window.review
    qtbot.waitUntil(lambda: review.checks_started and not review.checking)
    finding = next(f for f in review.findings if f.check == "glossary")
    from model.qa.fixes import fixes_for

    [fix] = fixes_for(finding)
    review.checks.fix_finding(finding, fix)
    row = row_of(window, "Could I")
    seg = window.transcript_model.segment(row)
    qtbot.waitUntil(lambda: window.transcript_model.segment(row).ja == "指揮系統についてお伺いします。")
    qtbot.waitUntil(lambda: not any(f.check == "glossary" for f in review.findings))
    window.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: window.transcript_model.segment(row).ja == "コマンド構造についてお伺いします。")
    assert seg is not None and any(f.check == "glossary" for f in run_checks(store, tid))


def test_a_new_glossary_entry_checks_the_transcript_again(qtbot, store, tmp_path):
    window, _tid = make_window(qtbot, store, tmp_path, turns=TURNS)
    review = window.review
    qtbot.waitUntil(lambda: review.checks_started and not review.checking)
    assert not any(f.check == "glossary" for f in review.findings)
    window.ctx.run("add", lambda: add_term(store, TermRecord("command structure", "指揮系統", ("コマンド構造",))))
    qtbot.waitUntil(lambda: any(f.check == "glossary" for f in review.findings), timeout=10_000)


def test_suggestion_from_an_earlier_correction_applies_with_one_key(qtbot, store, tmp_path):
    window, _tid = make_window(qtbot, store, tmp_path, turns=TURNS)
    helpers = window.features["helpers"]
    first = window.transcript_model.segment(row_of(window, "You talked about alliance projection today."))
    edit_text(store, first.id, "ja", "同盟の力の投射について話しました。")
    row = row_of(window, "You talked about alliance projection today, sir")
    later = window.transcript_model.segment(row)
    window.panes.select_segment(later.id, "ja")
    qtbot.waitUntil(lambda: bool(helpers.suggestions))
    assert "同盟の力の投射について話しました、はい。" in helpers.suggestions_tab.toPlainText()
    assert "tester" in helpers.suggestions_tab.toPlainText()
    window.registry.items["apply_suggestion"].action.trigger()
    qtbot.waitUntil(lambda: window.transcript_model.segment(row).ja == "同盟の力の投射について話しました、はい。")
    if os.environ.get("TAIYAKU_SCREENSHOTS"):
        out = Path(os.environ["TAIYAKU_SCREENSHOTS"])
        helpers.dock.raise_()
        window.grab().save(str(out / "helpers-window.png"))


def test_statistics_view(qtbot, store, tmp_path):
    window, _tid = make_window(qtbot, store, tmp_path, turns=TURNS)
    from gui.helpers.stats_view import StatsDialog

    dialog = StatsDialog(store, window.ctx.transcript_id, window)
    qtbot.addWidget(dialog)
    assert "segments: 3 (3 translated, 0 untranslated)" in dialog.text.toPlainText()
    dialog.all_button.setChecked(True)
    assert "All transcripts (1)" in dialog.text.toPlainText()


def test_the_editor_underlines_misspellings_and_offers_corrections(qtbot, store, tmp_path):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent, QTextCharFormat

    from model.glossary.dictionary import dictionary_words

    window, _tid = make_window(qtbot, store, tmp_path, turns=TURNS)
    helpers = window.features["helpers"]
    from gui.annotate.editing import SegmentEditor

    editor = SegmentEditor(1, "en", window.panes.pane("en").viewport())  # as the pane opens one
    qtbot.waitUntil(lambda: bool(helpers.spelling.highlighters))
    editor.setPlainText("The goverment met Moriyasu today.")
    layout = editor.document().firstBlock().layout()
    underlined = [(r.start, r.length) for r in layout.formats()
                  if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline]
    assert underlined == [(4, 9), (18, 8)]
    cursor = editor.textCursor()
    cursor.setPosition(6)
    pos = editor.cursorRect(cursor).center()
    menu = helpers.spelling.context_menu(editor, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                                                    editor.mapToGlobal(pos)))
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "government" and "Add “goverment” to the dictionary" in texts
    menu.actions()[0].trigger()
    assert editor.toPlainText() == "The government met Moriyasu today."
    menu.close()
    cursor.setPosition(20)
    pos = editor.cursorRect(cursor).center()
    menu = helpers.spelling.context_menu(editor, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                                                    editor.mapToGlobal(pos)))
    next(a for a in menu.actions() if "Moriyasu" in a.text()).trigger()
    menu.close()
    assert "moriyasu" in dictionary_words(store)
    qtbot.waitUntil(lambda: not [r for r in editor.document().firstBlock().layout().formats()
                                 if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline])
    assert QPoint  # (imported for the positions above)
