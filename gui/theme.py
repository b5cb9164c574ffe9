"""Colours and fonts of the transcript panes, derived from the current palette.

Light and dark follow the system: Qt gives the palette, and every colour
here is chosen from it (or from a light/dark pair) so nothing is hard-coded
for one of them only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

# Hues for speakers, in order of first appearance: distinct, calm, colour-blind friendly-ish.
SPEAKER_HUES = (210, 25, 145, 280, 0, 185, 50, 320, 100, 240)
JA_FAMILIES = ["Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic UI", "Meiryo"]


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette is a dark one (window colour darker than mid-grey)."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


@dataclass
class Theme:
    """The pane colours for one palette."""

    dark: bool
    base: QColor
    text: QColor
    quiet: QColor
    selection: QColor
    selection_bar: QColor
    gap_bg: QColor
    gap_fg: QColor
    gap_filled_bg: QColor
    gap_lost_bg: QColor
    redaction_bg: QColor
    redaction_fg: QColor
    placeholder: QColor
    turn_rule: QColor

    @classmethod
    def from_palette(cls, palette: QPalette | None = None) -> Theme:
        """The theme matching ``palette`` (default: the application's)."""
        palette = palette or QGuiApplication.palette()
        dark = is_dark(palette)
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        quiet = QColor(text)
        quiet.setAlphaF(0.55)
        selection = QColor(palette.color(QPalette.ColorRole.Highlight))
        selection.setAlphaF(0.28 if dark else 0.16)
        rule = QColor(text)
        rule.setAlphaF(0.12)
        return cls(
            dark=dark,
            base=base,
            text=text,
            quiet=quiet,
            selection=selection,
            selection_bar=palette.color(QPalette.ColorRole.Highlight),
            gap_bg=QColor("#6b4a00") if dark else QColor("#ffe2a0"),
            gap_fg=QColor("#ffd98a") if dark else QColor("#7a4b00"),
            gap_filled_bg=QColor("#1f5130") if dark else QColor("#d3f0d9"),
            gap_lost_bg=QColor("#4a4a4a") if dark else QColor("#e4e4e4"),
            redaction_bg=QColor("#b0bec5") if dark else QColor("#37474f"),
            redaction_fg=QColor("#102027") if dark else QColor("#ffffff"),
            placeholder=quiet,
            turn_rule=rule,
        )

    def speaker_colour(self, position: int | None) -> QColor:
        """The colour of the speaker first seen at ``position`` (None: unknown, grey)."""
        if position is None:
            grey = QColor(self.text)
            grey.setAlphaF(0.45)
            return grey
        hue = SPEAKER_HUES[position % len(SPEAKER_HUES)]
        return QColor.fromHsl(hue, 150, 170 if self.dark else 85)


def pane_font(lang: str, point_size: float) -> QFont:
    """The body font of a pane: the UI font, with Japanese-shaped CJK glyphs first for 日本語."""
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(point_size)
    if lang == "ja":
        font.setFamilies(JA_FAMILIES + [QGuiApplication.font().family()])
    return font


def role_name(role: str) -> str:
    """A speaker role in the UI language."""
    names = {
        "official": QCoreApplication.translate("Roles", "Official"),
        "journalist": QCoreApplication.translate("Roles", "Journalist"),
        "operator": QCoreApplication.translate("Roles", "Operator"),
        "moderator": QCoreApplication.translate("Roles", "Moderator"),
        "unknown": QCoreApplication.translate("Roles", "Role unknown"),
        "other": QCoreApplication.translate("Roles", "Other"),
    }
    return names.get(role, role)


def turn_kind_name(kind: str) -> str:
    """A non-speech turn kind in the UI language."""
    names = {
        "title": QCoreApplication.translate("Roles", "Title"),
        "time": QCoreApplication.translate("Roles", "Time"),
        "note": QCoreApplication.translate("Roles", "Note"),
        "omission": QCoreApplication.translate("Roles", "Omission"),
        "reaction": QCoreApplication.translate("Roles", "Reaction"),
        "interpretation": QCoreApplication.translate("Roles", "Interpretation"),
        "crosstalk": QCoreApplication.translate("Roles", "Crosstalk"),
        "end": QCoreApplication.translate("Roles", "End"),
    }
    return names.get(kind, kind)
