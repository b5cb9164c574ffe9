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
JA_FAMILIES = ["Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "Hiragino Sans", "Yu Gothic UI", "Meiryo"]
# Further CJK-capable families seen on Linux, Windows and macOS, tried after the Japanese ones.
CJK_FALLBACKS = ["IPAGothic", "IPAPGothic", "TakaoPGothic", "VL PGothic", "Noto Sans CJK SC", "Droid Sans Fallback",
                 "WenQuanYi Zen Hei", "MS Gothic", "Hiragino Kaku Gothic ProN"]


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
    gap_filled_fg: QColor
    gap_lost_bg: QColor
    gap_lost_fg: QColor
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
            gap_filled_fg=QColor("#c8f5d2") if dark else QColor("#0b4a1f"),
            gap_lost_bg=QColor("#4a4a4a") if dark else QColor("#e4e4e4"),
            gap_lost_fg=QColor("#f0f0f0") if dark else QColor("#303030"),
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


def cjk_families(lang: str, family: str | None = None) -> list[str]:
    """Font families for a pane, most wanted first, with explicit CJK fallbacks.

    Japanese panes put Japanese-shaped CJK fonts first; the English pane keeps the UI font for
    Latin text but lists CJK fonts after it, so kanji in English text (a title line, a name)
    never fall to whatever fontconfig guesses, or to empty boxes. ``family``: the annotator's
    choice in Preferences, first of all.
    """
    base = QGuiApplication.font().family()
    order = ([family] if family else []) + (JA_FAMILIES + [base] if lang == "ja" else [base] + JA_FAMILIES)
    order += CJK_FALLBACKS
    return list(dict.fromkeys(f for f in order if f))


def pane_font(lang: str, point_size: float, family: str | None = None) -> QFont:
    """The body font of a pane: the UI font (or the chosen family) with CJK fallbacks for both languages."""
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(point_size)
    font.setFamilies(cjk_families(lang, family))
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
    }
    return names.get(kind, kind)
