"""The overview strip merges the marks of the rows that share a pixel (quickly, for 200,000 rows)."""

from __future__ import annotations

import random

from gui.review.overview import _per_pixel, mark_arrays


def test_rows_sharing_a_pixel_merge_their_marks():
    rng = random.Random(4)
    rows = 200_000
    marks = {r: rng.choice([1, 2, 4, 8, 3]) for r in rng.sample(range(rows), 50_000)}
    expected: dict[int, int] = {}
    for row, m in marks.items():
        y = row * 700 // rows
        expected[y] = expected.get(y, 0) | m
    assert _per_pixel(*mark_arrays(marks), 700, rows) == expected
    assert _per_pixel(*mark_arrays({9: 8, 0: 1}), 10, 10) == {0: 1, 9: 8}
    assert _per_pixel(*mark_arrays({}), 10, 0) == {}


def test_an_update_changes_only_the_rows_it_names(qtbot):
    from gui.review.overview import OverviewStrip

    strip = OverviewStrip()
    qtbot.addWidget(strip)
    strip.set_marks(100, {5: 2, 60: 1, 99: 8})
    strip.update_marks(100, {60: 0, 7: 4, 99: 9})  # a flag resolved, a row edited, a flag added
    assert strip.marks == {5: 2, 7: 4, 99: 9}
    strip.update_marks(100, {5: 0, 7: 0, 99: 0})
    assert strip.marks == {}
    strip.update_marks(100, {3: 1})
    assert strip.marks == {3: 1}
