"""Defects found in an annotator's day in a real window (issue 14), each checked as a user would notice it."""

from __future__ import annotations

import pytest
from gui_helpers import make_window

from model.readmodel import load_segment


@pytest.fixture
def win(qtbot, store, tmp_path):
    """A window on the test briefing; its undo stack is emptied while the window still exists."""
    window, tid = make_window(qtbot, store, tmp_path)
    yield window, tid
    window.ctx.undo_stack.clear()


def test_move_translation_moves_the_japanese_from_either_pane(qtbot, store, win):
    window, _ = win
    model = window.transcript_model
    first, second = model.segment_id(1), model.segment_id(2)
    en_before = load_segment(store, first).en, load_segment(store, second).en
    ja_first = load_segment(store, first).ja
    action = window.registry.get("translation_down")
    assert action.text().replace("&", "") == "Move Japanese down"
    assert window.registry.get("translation_up").text().replace("&", "") == "Move Japanese up"
    window.panes.active_lang = "en"  # the English pane has the focus
    window.panes.pane("en").setFocus()
    window.panes.go_row(1)
    action.trigger()
    assert (load_segment(store, first).en, load_segment(store, second).en) == en_before  # English stays
    assert load_segment(store, second).ja == ja_first  # the Japanese moved down
    assert window.ctx.undo_stack.undoText() == "Move Japanese down"


def test_a_filled_gap_shows_its_words_in_the_pane_with_the_marker_on_hover(qtbot, store, win):
    window, _ = win
    from PySide6.QtCore import QPoint

    from model.ops.gaps import fill_gap

    model = window.transcript_model
    seg = model.segment(1)
    gap = seg.gaps_in("en")[0]
    fill_gap(store, gap.id, "positions", "best_guess")
    qtbot.waitUntil(lambda: model.segment(1).gaps_in("en")[0].status == "filled")
    metrics = window.panes.metrics
    shown = metrics.rendered(1, "en").text
    assert "public positions? on Taiwan" in shown and "(inaudible)" not in shown
    assert "(聞き取れない)" in metrics.rendered(1, "ja").text  # the other language's gap is still open
    # Hovering over the filled words tells the marker as transcribed and the confidence.
    delegate = window.panes.pane("en").itemDelegate()
    layout, _h = metrics.layout(1, "en")
    at = shown.index("positions") + 2
    line = layout.lineForTextPosition(at)
    point = QPoint(52 + int(line.cursorToX(at)[0]) + 1, metrics.text_top(1) + int(line.y() + line.height() / 2))
    tip = delegate.tip_at(1, point)
    assert tip is not None and "(inaudible)" in tip and "best guess" in tip


def test_export_save_dialog_opens_in_documents_then_the_last_folder(qtbot, win, tmp_path, monkeypatch):
    window, _ = win
    from PySide6.QtWidgets import QFileDialog

    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(tmp_path)  # the program's own folder: never where the dialog opens
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a[2]), ("", ""))[1])
    window.registry.get("export").trigger()
    dialog = window.features["export_dialog"].dialog
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    window.settings.setValue("export/folder", str(tmp_path / "gone"))  # a folder since deleted
    dialog.choose_and_export()
    assert asked[-1] == str(home / "Documents" / "Test briefing.md")  # the title and the format's suffix
    last = tmp_path / "exports"
    last.mkdir()
    dialog.export_to(last / "x.md")
    dialog.choose_and_export()
    assert asked[-1] == str(last / "Test briefing.md")


def test_both_panes_name_cjk_fonts_and_kanji_in_the_english_pane_get_real_glyphs(qtbot, win):
    window, _ = win
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFontDatabase, QTextLayout

    from gui.window.theme import CJK_FALLBACKS, JA_FAMILIES

    cjk = set(JA_FAMILIES + CJK_FALLBACKS)
    fonts = window.panes.metrics.fonts
    for lang in ("en", "ja"):
        assert cjk & set(fonts[lang].families()), lang  # explicit fallback, in both panes
    assert fonts["en"].families()[0] not in cjk  # Latin text keeps the UI font
    installed = cjk & set(QFontDatabase.families())
    if not installed:  # a machine without CJK fonts (fonts-noto-cjk absent): nothing more to check
        return
    layout = QTextLayout("ホワイトハウス 国家安全保障会議 2024/4/9", fonts["en"])
    layout.beginLayout()
    layout.createLine().setPosition(QPointF(0, 0))
    layout.endLayout()
    runs = layout.glyphRuns()
    kanji_runs = [run for run in runs if run.rawFont().familyName() in installed]
    assert kanji_runs, [run.rawFont().familyName() for run in runs]
    assert all(0 not in run.glyphIndexes() for run in kanji_runs)  # no empty boxes


def test_corrections_tab_shows_whitespace_edits(qtbot, store, win):
    window, _ = win
    from model.ops.corrections import edit_text

    model = window.transcript_model
    sid = model.segment_id(2)
    text = model.segment(2).en  # "And we expect you'll see language ..."
    edit_text(store, sid, "en", text.replace("we expect", "weexpect", 1))
    window.panes.go_row(2)
    tab = window.annotate.corrections_tab
    qtbot.waitUntil(lambda: tab.tree.topLevelItemCount() == 1)
    assert tab.tree.topLevelItem(0).text(1) == "· → ∅"
    edit_text(store, sid, "en", model.segment(2).en.replace("language", "language\nhere", 1))
    qtbot.waitUntil(lambda: tab.tree.topLevelItemCount() == 2)
    assert "⏎" in tab.tree.topLevelItem(0).text(1)


def test_regex_error_goes_as_soon_as_the_pattern_is_valid(qtbot, win):
    window, _ = win
    window.registry.get("replace").trigger()
    dialog = window.annotate.find_dialog
    dialog.regex.setChecked(True)
    dialog.find_edit.setText("(japan")
    assert "regular expression" in dialog.status.text().lower()
    assert not dialog.next_button.isEnabled()
    dialog.find_edit.setText("(japan)")  # fixed: no need to press Next for the error to go
    assert dialog.status.text() == ""
    assert dialog.next_button.isEnabled()


def test_replace_all_previews_the_matches_and_warns_about_approvals(qtbot, store, win):
    window, tid = win
    from model.ops.review_state import approve

    model = window.transcript_model
    approve(store, [model.segment_id(0)])
    window.registry.get("replace").trigger()
    dialog = window.annotate.find_dialog
    dialog.find_edit.setText("japan")
    dialog.replace_edit.setText("Nippon")
    dialog.replace_all_button.click()
    preview = dialog.preview
    qtbot.waitExposed(preview)
    assert preview.tree.topLevelItemCount() == 2
    first = preview.tree.topLevelItem(0)
    assert "Japanese" in first.text(2) and "Nipponese" in first.text(3)
    assert preview.warning.isVisible() and "approv" in preview.warning.text()
    assert window.ctx.undo_stack.count() == 0  # nothing replaced before the preview is accepted
    preview.reject()
    assert "Japanese" in model.segment(0).en
    dialog.replace_all_button.click()
    dialog.preview.accept()
    qtbot.waitUntil(lambda: "Nipponese" in model.segment(0).en)
    assert window.ctx.undo_stack.count() == 1


QUESTIONS = [("Q", [("First question about Taiwan and the alliance?", "台湾と同盟についての最初の質問")]),
             ("MODERATOR", [("Next question.", "次の質問です。")]),
             ("Q", [("Second question, about the trade talks?", "貿易協議についての二番目の質問")]),
             ("MODERATOR", [("Next.", "次。")]),
             ("Q", [("Third question on yen weakness.", "円安についての三番目の質問")])]


def test_merge_picker_tells_same_label_speakers_apart_and_the_kept_one_keeps_its_colour(qtbot, store, tmp_path):
    from model.ops.speakers import split_speaker

    window, tid = make_window(qtbot, store, tmp_path, turns=QUESTIONS)
    model = window.transcript_model
    q = model.speaker(model.turn(0))
    split_speaker(store, q.id, [model.turn(2).id])
    split_speaker(store, q.id, [model.turn(4).id])
    panel = window.annotate.speakers_panel
    qtbot.waitUntil(lambda: len(panel.model.speakers) == 4)
    panel.select_speaker(q.id)
    panel.merge_selected()
    picker = panel.picker
    texts = [picker.list.item(i).text() for i in range(picker.list.count())]
    q_rows = [t for t in texts if t.startswith("Q")]
    assert len(q_rows) == 2 and len(set(q_rows)) == 2  # no longer identical rows
    assert any("turn 3" in t and "Second question" in t for t in q_rows)
    assert any("turn 5" in t and "Third question" in t for t in q_rows)
    picker.reject()
    keep = model.speaker(model.turn(4))
    colour = window.panes.metrics.theme.speaker_colour(keep.position)
    panel.merge_into(keep.id, q.id)
    qtbot.waitUntil(lambda: model.speaker(model.turn(0)).id == keep.id)
    merged = model.speaker(model.turn(0))
    assert window.panes.metrics.theme.speaker_colour(merged.position) == colour
    window.ctx.undo_stack.clear()


def test_rename_dialog_offers_the_suggested_name_and_the_rename_settles_the_suggestion(qtbot, store, win):
    window, tid = win
    from model.ops.speakers import list_suggestions
    from model.schema import SpeakerSuggestion

    model = window.transcript_model
    with store.operation("Suggest") as op:
        op.session.add(SpeakerSuggestion(transcript_id=tid, turn_id=model.turn(5).id, name="Ken Moriyasu",
                                         affiliation="Nikkei Asia"))
    panel = window.annotate.speakers_panel
    qtbot.waitUntil(lambda: panel.suggestions.topLevelItemCount() == 1)
    window.panes.go_row(5)
    window.registry.get("rename_speaker").trigger()
    dialog = panel.rename_dialog
    assert dialog.textValue() == "Ken Moriyasu"
    dialog.textValueSelected.emit(dialog.textValue())
    assert model.speaker(model.turn(5)).display_name == "Ken Moriyasu"
    assert [s.status for s in list_suggestions(store, tid)] == ["accepted"]
    qtbot.waitUntil(lambda: window.panes.metrics.turn_hints == {})
    window.ctx.undo_stack.undo()
    assert [s.status for s in list_suggestions(store, tid)] == ["pending"]  # one undo step, both undone
