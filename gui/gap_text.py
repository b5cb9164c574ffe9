"""How gaps read in the panes: a filled gap shows the words filled in, the marker a hover away.

Gaps index the corrected text; a filled gap's words replace its span on screen only (the text
itself keeps the marker: ``model.ops.gaps``). ``Shifts`` maps positions of the corrected text to
positions of what is shown, so marks made on the corrected text (flags, search hits) stay on
their words.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCharFormat

from gui.window.theme import Theme
from model.readmodel import GapView

UNSURE = "?"  # after words filled as a best guess
UNDERLINES = {"filled": QTextCharFormat.UnderlineStyle.DotLine,
              "unrecoverable": QTextCharFormat.UnderlineStyle.DashUnderline}


@dataclass
class Shifts:
    """Position map from the corrected text to the shown text (replaced spans in order)."""

    starts: list[int] = field(default_factory=list)  # corrected-text start of each replaced span
    ends: list[int] = field(default_factory=list)
    deltas: list[int] = field(default_factory=list)  # total shift after each span

    def map(self, pos: int) -> int:
        """Where corrected-text position ``pos`` is shown (inside a replaced span: at its start)."""
        i = bisect_right(self.ends, pos) - 1
        shift = self.deltas[i] if i >= 0 else 0
        j = bisect_right(self.starts, pos) - 1
        if j > i:  # inside the j-th replaced span
            return self.starts[j] + (self.deltas[j - 1] if j > 0 else 0)
        return pos + shift


def gap_tip(gap: GapView) -> str:
    """The hover text of a gap: the marker as transcribed, and what was filled with what confidence."""
    if gap.status == "filled" and gap.proposed_text:
        sure = QCoreApplication.translate("GapText", "certain") if gap.confidence == "certain" \
            else QCoreApplication.translate("GapText", "best guess")
        return QCoreApplication.translate("GapText", "Filled gap ({confidence}); transcribed as: {marker}").format(
            confidence=sure, marker=gap.text)
    if gap.status == "unrecoverable":
        return QCoreApplication.translate("GapText", "Unrecoverable gap")
    return QCoreApplication.translate("GapText", "Open gap: not filled yet")


def render_gaps(text: str, gaps: list[GapView], theme: Theme) -> tuple[
        str, list[tuple[int, int, QTextCharFormat]], Shifts, list[tuple[int, int, str]]]:
    """``text`` with filled gaps' words in place of their markers.

    Returns the shown text, the gap formats (by status), the position map and the hover tips
    ((start, end, tip) in shown positions).
    """
    parts: list[str] = []
    spans: list[tuple[int, int, QTextCharFormat]] = []
    tips: list[tuple[int, int, str]] = []
    shifts = Shifts()
    at = 0  # position in text
    delta = 0
    for gap in sorted(gaps, key=lambda g: (g.start, g.id)):
        if gap.start < at or gap.end > len(text):  # overlapping or stale: leave it as it stands
            continue
        parts.append(text[at:gap.start])
        shown = text[gap.start:gap.end]
        if gap.status == "filled" and gap.proposed_text:
            shown = gap.proposed_text + ("" if gap.confidence == "certain" else UNSURE)
        bg, fg = theme.gap_colours(gap.status)
        fmt = QTextCharFormat()
        fmt.setBackground(bg)
        fmt.setForeground(fg)
        # An underline in the text's colour: the gap stays visible on a selected row, where its
        # light background is lost against the selection (contrast checked in the tests).
        fmt.setUnderlineStyle(UNDERLINES.get(gap.status, QTextCharFormat.UnderlineStyle.SingleUnderline))
        fmt.setUnderlineColor(fg)
        start = gap.start + delta
        spans.append((start, start + len(shown), fmt))
        tips.append((start, start + len(shown), gap_tip(gap)))
        if len(shown) != gap.end - gap.start:
            delta += len(shown) - (gap.end - gap.start)
            shifts.starts.append(gap.start)
            shifts.ends.append(gap.end)
            shifts.deltas.append(delta)
        parts.append(shown)
        at = gap.end
    parts.append(text[at:])
    return "".join(parts), spans, shifts, tips
