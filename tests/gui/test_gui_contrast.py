"""Gap states, flag marks and row status colours stay readable in both palettes, selected or not (>= 3:1)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QStyleFactory

from gui.window.theme import Theme, contrast, dark_palette

MINIMUM = 3.0


def palettes():  # type: ignore[no-untyped-def]
    return {"light": QStyleFactory.create("Fusion").standardPalette(), "dark": dark_palette()}


@pytest.mark.parametrize("name", ["light", "dark"])
def test_every_gap_state_reads_on_its_own_background_the_row_and_the_selection(qapp, name):
    from gui.gap_text import render_gaps
    from model.readmodel import GapView

    theme = Theme.from_palette(palettes()[name])
    assert theme.dark == (name == "dark")
    low = []
    for status in ("open", "filled", "unrecoverable"):
        gap = GapView(1, 1, "en", 4, 15, "(inaudible)", "inaudible", status, "closure" if status == "filled" else None,
                      "certain", None, "import")
        _text, spans, _shifts, _tips = render_gaps("The (inaudible) end", [gap], theme)
        (_start, _end, fmt), = spans
        mark = fmt.foreground().color()
        assert fmt.underlineColor() == mark  # the mark is drawn, also under the words, in that colour
        for where, behind in (("gap", fmt.background().color()), ("row", theme.base),
                              ("selected row", theme.selected_base())):
            if contrast(mark, behind) < MINIMUM:
                low.append((status, where, round(contrast(mark, behind), 2)))
    assert low == []


@pytest.mark.parametrize("name", ["light", "dark"])
def test_flag_and_row_status_marks_read_on_the_row_and_the_selection(qapp, name):
    from gui.review.names import FLAG_COLOUR_DARK, FLAG_COLOUR_LIGHT

    theme = Theme.from_palette(palettes()[name])
    marks = {"flag": FLAG_COLOUR_DARK if theme.dark else FLAG_COLOUR_LIGHT, "approved": theme.status_approved,
             "flagged": theme.status_flagged, "edited": theme.status_edited, "open gap": theme.status_gap}
    low = [(mark, where, round(contrast(colour, behind), 2)) for mark, colour in marks.items()
           for where, behind in (("row", theme.base), ("selected row", theme.selected_base()))
           if contrast(colour, behind) < MINIMUM]
    assert low == []


def test_gutter_shows_edited_and_open_gap_and_help_has_the_legend(qtbot, store, tmp_path):
    from gui_helpers import make_window

    from gui.annotate.row_status import row_statuses
    from model.ops.corrections import edit_text

    window, _ = make_window(qtbot, store, tmp_path)
    model = window.transcript_model
    assert row_statuses(model.segment(1)) == ["gap"]  # "(inaudible)" in both languages
    edit_text(store, model.segment_id(2), "en", "And we expect similar language on this visit.")
    qtbot.waitUntil(lambda: model.segment(2).is_edited())
    assert row_statuses(model.segment(2)) == ["edited"]
    assert row_statuses(model.segment(0)) == []
    window.registry.get("row_legend").trigger()
    legend = window.features["extras"].legend
    qtbot.waitExposed(legend)
    assert legend.windowTitle() == "Row colours"
    window.ctx.undo_stack.clear()
