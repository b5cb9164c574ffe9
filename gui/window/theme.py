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


def composite(top: QColor, bottom: QColor) -> QColor:
    """``top`` (maybe translucent) painted over the opaque ``bottom``."""
    a = top.alphaF()
    return QColor.fromRgbF(*(t * a + b * (1 - a) for t, b in ((top.redF(), bottom.redF()),
                                                              (top.greenF(), bottom.greenF()),
                                                              (top.blueF(), bottom.blueF()))))


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2)."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def dark_palette() -> QPalette:
    """A calm dark palette (what a dark system theme gives the Fusion style)."""
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#202124"), (roles.WindowText, "#e8eaed"), (roles.Base, "#17181a"),
                         (roles.AlternateBase, "#222326"), (roles.Text, "#e8eaed"), (roles.Button, "#2a2b2e"),
                         (roles.ButtonText, "#e8eaed"), (roles.Highlight, "#4c8bf5"),
                         (roles.HighlightedText, "#ffffff"), (roles.ToolTipBase, "#2a2b2e"),
                         (roles.ToolTipText, "#e8eaed"), (roles.PlaceholderText, "#9aa0a6"), (roles.Mid, "#3c4043"),
                         (roles.Light, "#3c4043"), (roles.Dark, "#101113"), (roles.Midlight, "#303134"),
                         (roles.Link, "#8ab4f8"), (roles.BrightText, "#ffffff")):
        p.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled  # as system dark themes do: disabled controls look disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor("#6f7378"))
    return p


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
    # Row status marks in the gutter (legend: Help > Row colours).
    status_approved: QColor
    status_flagged: QColor
    status_edited: QColor
    status_gap: QColor

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
            gap_lost_fg=QColor("#cfd8dc") if dark else QColor("#37474f"),
            redaction_bg=QColor("#b0bec5") if dark else QColor("#37474f"),
            redaction_fg=QColor("#102027") if dark else QColor("#ffffff"),
            placeholder=quiet,
            turn_rule=rule,
            status_approved=QColor("#66bb6a") if dark else QColor("#2e7d32"),
            status_flagged=QColor("#ff8a65") if dark else QColor("#d84315"),
            status_edited=QColor("#82b1ff") if dark else QColor("#1565c0"),
            status_gap=QColor("#ffca28") if dark else QColor("#a05a00"),
        )

    def selected_base(self) -> QColor:
        """What a selected row's background looks like: the selection colour over the base."""
        return composite(self.selection, self.base)

    def gap_colours(self, status: str) -> tuple[QColor, QColor]:
        """(background, text) of a gap in ``status`` (open, filled, unrecoverable)."""
        if status == "filled":
            return self.gap_filled_bg, self.gap_filled_fg
        if status == "unrecoverable":
            return self.gap_lost_bg, self.gap_lost_fg
        return self.gap_bg, self.gap_fg

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
        "omission": QCoreApplication.translate("Roles", "Omission"),
        "reaction": QCoreApplication.translate("Roles", "Reaction"),
        "interpretation": QCoreApplication.translate("Roles", "Interpretation"),
        "crosstalk": QCoreApplication.translate("Roles", "Crosstalk"),
        "end": QCoreApplication.translate("Roles", "End"),
    }
    return names.get(kind, kind)


def speaker_name(speaker: object) -> str:
    """A speaker's name for the UI: the annotator's name or the label, else "unknown speaker" in
    the UI language (``model`` hands over None for that, never English words)."""
    known = getattr(speaker, "known_name", None) if speaker is not None else None
    return known or QCoreApplication.translate("Roles", "Unknown speaker")


def lang_name(lang: str) -> str:
    """A transcript language's name in the UI language (日本語 is written so in every UI language)."""
    return QCoreApplication.translate("Roles", "English") if lang == "en" else "日本語" if lang == "ja" else lang
