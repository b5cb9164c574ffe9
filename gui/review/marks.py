"""Marks of flags in the panes: a wavy underline under a flagged span, a small flag in the
gutter beside a flagged segment (both panes), a tick beside an approved one."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPainter, QTextCharFormat

from gui.review.names import FLAG_COLOUR_DARK, FLAG_COLOUR_LIGHT
from model.readmodel import SegmentView


def decorate_spans(seg: SegmentView, lang: str, theme) -> list[tuple[int, int, QTextCharFormat]]:  # type: ignore[no-untyped-def]
    """A flagged span: wavy underline in the flag colour."""
    out = []
    colour = FLAG_COLOUR_DARK if getattr(theme, "dark", False) else FLAG_COLOUR_LIGHT
    for f in seg.flags:
        if f.status != "open" or f.lang != lang or f.start is None or f.end is None:
            continue
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(colour)
        out.append((f.start, f.end, fmt))
    return out


def paint_gutter(painter: QPainter, rect, seg: SegmentView, lang: str, theme) -> None:  # type: ignore[no-untyped-def]
    """In the gutter: a flag for open flags (both panes), a tick for approved segments."""
    dark = getattr(theme, "dark", False)
    open_flags = [f for f in seg.flags if f.status == "open"]
    x, y = rect.left(), rect.top()
    if open_flags:
        colour = QColor(FLAG_COLOUR_DARK if dark else FLAG_COLOUR_LIGHT)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(x, y + 1, 2, 13)  # pole
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QPolygonF

        painter.drawPolygon(QPolygonF([QPointF(x + 2, y + 1), QPointF(x + 11, y + 4.5), QPointF(x + 2, y + 8)]))
        if len(open_flags) > 1:
            painter.setPen(colour)
            font = painter.font()
            font.setPointSizeF(max(6.0, font.pointSizeF() * 0.7))
            painter.setFont(font)
            painter.drawText(x + 11, y + 15, str(len(open_flags)))
        painter.restore()
    elif seg.review_state == "approved":
        painter.save()
        pen = painter.pen()
        pen.setColor(QColor("#66bb6a" if dark else "#2e7d32"))
        pen.setWidthF(1.8)
        painter.setPen(pen)
        painter.drawPolyline([QPoint(x + 1, y + 7), QPoint(x + 4, y + 10), QPoint(x + 10, y + 3)])
        painter.restore()
