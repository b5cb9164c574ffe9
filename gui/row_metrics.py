"""Row geometry shared by both panes: wrapped text layouts and cached row heights.

A row's height is the larger of its English height (at the English pane's
width) and its Japanese height (at the Japanese pane's width), plus the
speaker header on the first row of a turn. Both panes ask here, so their
rows have identical heights and line up, and their scroll bars can be
linked one to one. Heights are computed only for rows a view asks about
(the visible ones) and cached until the width, font or text changes.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QTextCharFormat, QTextLayout, QTextOption

from gui.gap_text import Shifts, render_gaps
from gui.models.transcript_model import TranscriptModel
from gui.window.theme import Theme, pane_font
from model.readmodel import SegmentView

GUTTER = 52  # left margin: turn number and speaker stripe
RIGHT = 14
TOP_PAD = 5
BOTTOM_PAD = 9
TURN_SPACE = 12  # air above a turn's header
LINE_SPREAD = 0.18  # extra leading, as a share of the line height: calmer reading
LAYOUT_CACHE = 600


@dataclass
class Rendered:
    """Text to show in one pane for one segment, and its formatted spans."""

    text: str
    formats: list[tuple[int, int, QTextCharFormat]] = field(default_factory=list)  # (start, end, format)
    placeholder: bool = False
    shifts: Shifts | None = None  # corrected-text positions -> shown positions (filled gaps' words)
    tips: list[tuple[int, int, str]] = field(default_factory=list)  # hover texts by shown span

    def tip_at(self, pos: int) -> str | None:
        """The hover text of the shown character at ``pos`` (e.g. a gap's marker), if any."""
        return next((tip for start, end, tip in self.tips if start <= pos < end), None)


TextProvider = Callable[[SegmentView, str, Theme], Rendered | None]
Decorator = Callable[[SegmentView, str, Theme], list[tuple[int, int, QTextCharFormat]]]
# Paints a small mark (flag, approval) in the gutter square beside a segment's first line.
GutterPainter = Callable[[QPainter, QRect, SegmentView, str, Theme], None]


def _fmt(**kw: object) -> QTextCharFormat:
    f = QTextCharFormat()
    if "bg" in kw:
        f.setBackground(kw["bg"])  # type: ignore[arg-type]
    if "fg" in kw:
        f.setForeground(kw["fg"])  # type: ignore[arg-type]
    if kw.get("italic"):
        f.setFontItalic(True)
    return f


def corrected_text(seg: SegmentView, lang: str, theme: Theme) -> Rendered | None:
    """The default provider: corrected text, gaps highlighted by status, redactions styled."""
    text = seg.corrected(lang)
    if text is None:
        return None
    shown, spans, shifts, tips = render_gaps(text, seg.gaps_in(lang), theme)
    for red in seg.redactions:
        if red.lang != lang:
            continue
        start = red.start if text[red.start:red.end] == red.text else text.find(red.text)
        if start >= 0:  # offsets are in the original; corrections may have moved the words
            spans.append((shifts.map(start), shifts.map(start + len(red.text)),
                          _fmt(bg=theme.redaction_bg, fg=theme.redaction_fg)))
    return Rendered(shown, spans, shifts=shifts if shifts.starts else None, tips=tips)


_BREAKS_RE = re.compile(r"\n(?:[^\S\n]*\n)+")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def reflow(text: str) -> str:
    """``text`` as the panes show it: hard-wrapped lines flow as one paragraph (a newline between
    words is a space, between Japanese characters nothing visible), a blank line still breaks.

    Every character maps to one character, so offsets (gaps, marks, the cursor) stay valid.
    """
    if "\n" not in text:
        return text
    chars = list(text)
    for m in _BREAKS_RE.finditer(text):  # paragraphs joined in one segment: a visible break
        for i in range(m.start(), m.end()):
            if chars[i] == "\n":
                chars[i] = "\u2028"
    for i, ch in enumerate(chars):
        if ch == "\n":
            before, after = text[i - 1:i], text[i + 1:i + 2]
            chars[i] = "\u200b" if _CJK.match(before) and _CJK.match(after) else " "
    return "".join(chars)


class RowMetrics(QObject):
    """Layouts and heights of the rows of one ``TranscriptModel``, for both panes."""

    invalidated = Signal()  # every height may have changed: views re-layout

    def __init__(self, model: TranscriptModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # turn id -> a quiet hint in the turn's header (a pending speaker suggestion); set by features
        self.turn_hints: dict[int, str] = {}
        self.model = model
        self.widths = {"en": 400, "ja": 400}
        self.point_size = QFont().pointSizeF() + 1.5
        self.font_choices: dict[str, tuple[str | None, float | None]] = {}
        self.fonts: dict[str, QFont] = {}
        self.theme = Theme.from_palette()
        self.provider: TextProvider = corrected_text
        self.decorators: list[Decorator] = []
        self.gutter_painters: list[GutterPainter] = []
        self._heights: dict[int, int] = {}
        self._layouts: OrderedDict[tuple[int, str], tuple[int, QTextLayout, int, bool]] = OrderedDict()
        self._update_fonts()
        model.segmentsInvalidated.connect(self.forget)
        model.modelReset.connect(self._on_reset)

    # -- configuration ---------------------------------------------------------
    def _update_fonts(self) -> None:
        base = QFont().pointSizeF() + 1.5
        zoomed = self.point_size - base  # the annotator's sizes per language move with the zoom
        self.fonts = {}
        for lang in ("en", "ja"):
            family, size = self.font_choices.get(lang, (None, None))
            self.fonts[lang] = pane_font(lang, max(6.0, size + zoomed) if size else self.point_size, family)
        header = QFont(self.fonts["en"])
        header.setBold(True)
        self.header_font = header
        small = QFont(self.fonts["en"])
        small.setPointSizeF(max(6.0, self.point_size * 0.82))
        self.small_font = small
        self.header_height = QFontMetrics(header).height() + 8

    def set_font_choices(self, choices: dict[str, tuple[str | None, float | None]]) -> None:
        """A font family and size per language from Preferences (None: the UI font, the zoomed size)."""
        if choices != self.font_choices:
            self.font_choices = dict(choices)
            self._update_fonts()
            self.invalidate_all()

    def set_point_size(self, size: float) -> None:
        """Change the text size of both panes (zoom)."""
        size = min(40.0, max(6.0, size))
        if size != self.point_size:
            self.point_size = size
            self._update_fonts()
            self.invalidate_all()

    def set_width(self, lang: str, width: int) -> None:
        """The text width of the ``lang`` pane changed (resize, splitter)."""
        width = max(40, width)
        if self.widths.get(lang) != width:
            self.widths[lang] = width
            self._heights.clear()
            self.invalidated.emit()

    def set_provider(self, provider: TextProvider) -> None:
        """Show texts through another provider (e.g. original text, changes inline)."""
        self.provider = provider
        self.invalidate_all()

    def add_decorator(self, decorator: Decorator) -> None:
        """Add formatted spans (e.g. flag or search marks) over the provider's text."""
        self.decorators.append(decorator)
        self.invalidate_all()

    def add_gutter_painter(self, painter: GutterPainter) -> None:
        """Add a painter of marks in the gutter beside each segment (e.g. review flags)."""
        self.gutter_painters.append(painter)
        self.invalidated.emit()

    def refresh_theme(self) -> None:
        """The palette changed (light/dark): recolour everything."""
        self.theme = Theme.from_palette()
        self.invalidate_all()

    def invalidate_all(self) -> None:
        """Forget every layout and height; the views lay out again."""
        self._heights.clear()
        self._layouts.clear()
        self.invalidated.emit()

    def forget(self, segment_ids: set[int]) -> None:
        """Forget layouts and heights of these segments (their text or children changed)."""
        for sid in segment_ids:
            self._heights.pop(sid, None)
            for lang in ("en", "ja"):
                self._layouts.pop((sid, lang), None)

    def _on_reset(self) -> None:
        self._heights.clear()

    # -- geometry ---------------------------------------------------------------
    def _key(self, row: int) -> int:
        sid = self.model.segment_id(row)
        return sid if sid is not None else -self.model.turn(row).id

    def row_height(self, row: int) -> int:
        """The height of ``row`` in both panes."""
        key = self._key(row)
        height = self._heights.get(key)
        if height is None:
            text_h = max(self.layout(row, "en")[1], self.layout(row, "ja")[1])
            height = TOP_PAD + text_h + BOTTOM_PAD
            if self.model.is_turn_start(row):
                height += TURN_SPACE + self.header_height
            self._heights[key] = height
        return height

    def text_top(self, row: int) -> int:
        """Offset of the text from the top of the row."""
        extra = TURN_SPACE + self.header_height if self.model.is_turn_start(row) else 0
        return extra + TOP_PAD

    def rendered(self, row: int, lang: str) -> Rendered:
        """What the ``lang`` pane shows in ``row`` (a placeholder when there is no text)."""
        seg = self.model.segment(row)
        result = self.provider(seg, lang, self.theme) if seg is not None else None
        if result is None:
            if seg is None:
                text = QCoreApplication.translate("RowMetrics", "(no segments in this turn)")
            else:
                other = self._other_language(row, seg, lang)
                if other is not None:
                    return other
                text = QCoreApplication.translate("RowMetrics", "untranslated")
            return Rendered(text, [(0, len(text), _fmt(fg=self.theme.placeholder, italic=True))], placeholder=True)
        if self.decorators and seg is not None:  # (a result always has its segment)
            shifts = result.shifts
            for decorate in self.decorators:
                marks = decorate(seg, lang, self.theme)
                if shifts is not None:  # marks index the corrected text; filled gaps changed its length
                    marks = [(shifts.map(a), shifts.map(b), f) for a, b, f in marks]
                result.formats.extend(marks)
        return result

    def _other_language(self, row: int, seg, lang: str) -> Rendered | None:  # type: ignore[no-untyped-def]
        """A title, time or note row written in one language only shows that text, quietly, in the
        other pane too: such rows are not translated, so an "untranslated" box would be noise."""
        if self.model.turn(row).kind == "speech":
            return None
        other = self.provider(seg, "ja" if lang == "en" else "en", self.theme)
        if other is None:
            return None
        return Rendered(other.text, [(0, len(other.text), _fmt(fg=self.theme.quiet))])

    def layout(self, row: int, lang: str) -> tuple[QTextLayout, int]:
        """The wrapped text layout of ``row`` in ``lang`` at the pane's width, and its height."""
        hit = self._layout(row, lang)
        return hit[1], hit[2]

    def is_placeholder(self, row: int, lang: str) -> bool:
        """Whether the ``lang`` pane shows a placeholder in ``row`` (no text there)."""
        return self._layout(row, lang)[3]

    def _layout(self, row: int, lang: str) -> tuple[int, QTextLayout, int, bool]:
        key = (self._key(row), lang)
        width = self.widths[lang]
        hit = self._layouts.get(key)
        if hit is not None and hit[0] == width:
            self._layouts.move_to_end(key)
            return hit
        rendered = self.rendered(row, lang)
        layout = QTextLayout(reflow(rendered.text), self.fonts[lang])
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        if rendered.formats:
            ranges = []
            for start, end, fmt in rendered.formats:
                if end > start:
                    r = QTextLayout.FormatRange()
                    r.start, r.length, r.format = start, end - start, fmt
                    ranges.append(r)
            layout.setFormats(ranges)
        layout.setCacheEnabled(True)
        y = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height() * (1 + LINE_SPREAD)
        layout.endLayout()
        height = int(y - layout.lineAt(layout.lineCount() - 1).height() * LINE_SPREAD + 0.999) \
            if layout.lineCount() else 0
        entry = (width, layout, height, rendered.placeholder)
        self._layouts[key] = entry
        if len(self._layouts) > LAYOUT_CACHE:
            self._layouts.popitem(last=False)
        return entry


def elide(text: str, font: QFont, width: int) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` pixels."""
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, max(0, width))
