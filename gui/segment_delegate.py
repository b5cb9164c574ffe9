"""Painting one row of a pane: the speaker header of a turn, then the wrapped segment text.

The delegate never measures text itself: ``RowMetrics`` owns layouts and
heights so both panes agree on every row's height. The annotation feature
can subclass this delegate to add in-place editors (see ``BilingualPanes.
set_delegate_class``).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPen, QTextLine
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip, QWidget

from gui.row_metrics import GUTTER, RIGHT, TURN_SPACE, RowMetrics, elide
from gui.window.theme import Theme, role_name, turn_kind_name
from model.readmodel import SpeakerView
from model.skeleton import TurnInfo

Index = QModelIndex | QPersistentModelIndex


def speaker_label(speaker: SpeakerView | None, lang: str) -> str | None:
    """The name a pane shows for a speaker: the annotator's name, else the label in that language."""
    if speaker is None:
        return None
    if speaker.name:
        return speaker.name
    if lang == "ja":
        return speaker.label_ja or speaker.label_en
    return speaker.label_en or speaker.label_ja


class SegmentDelegate(QStyledItemDelegate):
    """Paints rows of one language; sizes come from the shared ``RowMetrics``."""

    def __init__(self, lang: str, metrics: RowMetrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.metrics = metrics
        # Rows whose height the view asked for since it last laid its rows out: the view keeps
        # those heights, so a change to one of them must make it lay out again (see the pane).
        self.measured: set[int] = set()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self.measured.add(index.row())
        return QSize(self.metrics.widths[self.lang] + GUTTER + RIGHT, self.metrics.row_height(index.row()))

    def tip_at(self, row: int, point: QPoint) -> str | None:
        """The hover text of the character at ``point`` (relative to the row's top left), if any."""
        m = self.metrics
        x, y = point.x() - GUTTER, point.y() - m.text_top(row)
        layout, _height = m.layout(row, self.lang)
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if line.y() <= y < line.y() + line.height() and 0 <= x <= line.naturalTextWidth():
                pos = line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
                return m.rendered(row, self.lang).tip_at(pos)
        return None

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: Index) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            tip = self.tip_at(index.row(), event.pos() - option.rect.topLeft())
            if tip:
                QToolTip.showText(event.globalPos(), tip, view)
                return True
        return super().helpEvent(event, view, option, index)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        m = self.metrics
        theme = m.theme
        row = index.row()
        model = m.model
        turn = model.turn(row)
        speaker = model.speaker(turn)
        rect = QRect(option.rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(rect, theme.base)
        colour = theme.speaker_colour(speaker.position if speaker else None) if turn.kind == "speech" \
            else theme.turn_rule
        top = rect.top()
        starts = model.is_turn_start(row)
        if starts:
            top += TURN_SPACE
            if turn.number > 1:
                painter.fillRect(QRect(rect.left() + 8, rect.top() + TURN_SPACE // 2, rect.width() - 16, 1),
                                 theme.turn_rule)
        text_top = rect.top() + m.text_top(row)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            sel = QRect(rect.left() + GUTTER - 18, text_top - 4, rect.width() - GUTTER + 14,
                        rect.bottom() - text_top + 1)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.selection)
            painter.drawRoundedRect(QRectF(sel), 4, 4)
            view = self.parent()
            if isinstance(view, QWidget) and view.hasFocus() and \
                    view.currentIndex().row() == row:  # type: ignore[attr-defined]
                painter.fillRect(QRect(rect.left() + 4, text_top - 4, 4, rect.bottom() - text_top + 1),
                                 theme.selection_bar)
        # The speaker stripe runs down the whole turn.
        painter.fillRect(QRect(rect.left() + GUTTER - 12, top, 3, rect.bottom() - top + 1), colour)
        if starts:
            self._paint_header(painter, QRect(rect.left(), top, rect.width(), m.header_height), turn, speaker,
                               colour, theme)
        layout, height = m.layout(row, self.lang)
        if m.is_placeholder(row, self.lang):  # a clear "untranslated" box, not empty space
            pen = QPen(theme.placeholder, 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            width = int(max(layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount()))) + 16
            painter.drawRoundedRect(QRectF(rect.left() + GUTTER - 6.5, text_top - 2.5, width, height + 5), 4, 4)
        painter.setPen(theme.text)
        layout.draw(painter, QPointF(rect.left() + GUTTER, text_top))
        if m.gutter_painters:  # features' marks (flags, approval) beside the first line
            seg = model.segment(row)
            if seg is not None:
                square = QRect(rect.left() + GUTTER - 32, text_top + 1, 16, 16)
                for paint_mark in m.gutter_painters:
                    paint_mark(painter, square, seg, self.lang, theme)
        painter.restore()

    def _paint_header(self, painter: QPainter, band: QRect, turn: TurnInfo, speaker: SpeakerView | None,
                      colour: QColor, theme: Theme) -> None:
        m = self.metrics
        small, bold = m.small_font, m.header_font
        fm_small = QFontMetrics(small)
        base_y = band.top() + (band.height() + QFontMetrics(bold).ascent() - QFontMetrics(bold).descent()) // 2
        # Turn number, quiet, in the gutter.
        painter.setFont(small)
        painter.setPen(theme.quiet)
        num = str(turn.number)
        painter.drawText(band.left() + GUTTER - 18 - fm_small.horizontalAdvance(num), base_y, num)
        x = band.left() + GUTTER
        right = band.right() - RIGHT
        if turn.timestamp:  # timestamps are shown but quiet, at the right
            stamp = turn.timestamp
            right -= fm_small.horizontalAdvance(stamp)
            painter.drawText(right, base_y, stamp)
            right -= 12
        if turn.kind != "speech":
            painter.setFont(small)
            painter.setPen(theme.quiet)
            painter.drawText(x, base_y, elide(turn_kind_name(turn.kind), small, right - x))
            return
        name = speaker_label(speaker, self.lang)
        if name is None:
            italic = QFont(bold)
            italic.setItalic(True)
            italic.setBold(False)
            painter.setFont(italic)
            painter.setPen(theme.quiet)
            text = QCoreApplication.translate("SegmentDelegate", "Unknown speaker")
            mark = "?"
            d = QFontMetrics(small).height()
            circle = QRect(x, base_y - d + 3, d, d)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(circle)
            painter.setFont(small)
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, mark)
            painter.setFont(italic)
            text = elide(text, italic, right - x - d - 6)
            painter.drawText(x + d + 6, base_y, text)
            self._paint_hint(painter, x + d + 6 + QFontMetrics(italic).horizontalAdvance(text) + 10, base_y, right,
                             turn, theme)
            return
        painter.setFont(bold)
        fm_bold = QFontMetrics(bold)
        name = elide(name, bold, right - x)
        if speaker is not None and speaker.redacted:
            w = fm_bold.horizontalAdvance(name) + 10
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.redaction_bg)
            painter.drawRoundedRect(QRectF(x, band.top() + 3, w, band.height() - 6), 3, 3)
            painter.setPen(theme.redaction_fg)
            painter.drawText(x + 5, base_y, name)
            x += w + 10
        else:
            painter.setPen(colour)
            painter.drawText(x, base_y, name)
            x += fm_bold.horizontalAdvance(name) + 10
        painter.setFont(small)
        if speaker is not None and speaker.role != "unknown" and x < right:
            role = role_name(speaker.role)
            w = fm_small.horizontalAdvance(role) + 12
            chip = QColor(colour)
            chip.setAlphaF(0.16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(chip)
            painter.drawRoundedRect(QRectF(x, band.top() + 5, w, band.height() - 10), 8, 8)
            painter.setPen(colour)
            painter.drawText(QRect(x, band.top(), w, band.height()), Qt.AlignmentFlag.AlignCenter, role)
            x += w + 8
        if speaker is not None and speaker.affiliation and x < right:
            painter.setPen(theme.quiet)
            affiliation = elide(speaker.affiliation, small, right - x)
            painter.drawText(x, base_y, affiliation)
            x += fm_small.horizontalAdvance(affiliation) + 10
        self._paint_hint(painter, x, base_y, right, turn, theme)

    def _paint_hint(self, painter: QPainter, x: int, base_y: int, right: int, turn: TurnInfo, theme: Theme) -> None:
        """A pending speaker suggestion for the turn (from an operator's introduction), quiet, after the label."""
        hint = self.metrics.turn_hints.get(turn.id)
        if not hint or x >= right:
            return
        font = QFont(self.metrics.small_font)
        font.setItalic(True)
        painter.setFont(font)
        painter.setPen(theme.quiet)
        painter.drawText(x, base_y, elide("· " + hint, font, right - x))
