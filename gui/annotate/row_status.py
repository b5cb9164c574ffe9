"""Row status at a glance: coloured dots in the gutter of both panes, and their legend (Help).

The review feature already paints a flag (open flags) and a tick (approved) in the gutter
square; this adds a dot for an edited segment and one for an open gap, in the colours of
``gui.window.theme.Theme`` (checked for contrast against both palettes and the selection).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap, QPolygonF
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from gui.annotate.common import tr
from gui.window.theme import Theme
from model.readmodel import SegmentView

DOT = 6


def row_statuses(seg: SegmentView) -> list[str]:
    """The statuses the gutter shows for a segment: "edited", "gap" (an open gap)."""
    out = []
    if seg.is_edited() or any(c.status != "rejected" for c in seg.corrections):
        out.append("edited")
    if any(g.status == "open" for g in seg.gaps):
        out.append("gap")
    return out


def paint_row_status(painter: QPainter, square: QRect, seg: SegmentView, lang: str, theme: Theme) -> None:
    """Dots left of the review marks: blue for edited, amber for an open gap (both panes alike)."""
    statuses = row_statuses(seg)
    if not statuses:
        return
    colours = {"edited": theme.status_edited, "gap": theme.status_gap}
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    x = square.left() - DOT - 5
    for n, status in enumerate(statuses):
        painter.setBrush(colours[status])
        painter.drawEllipse(QRect(x, square.top() + 1 + n * (DOT + 3), DOT, DOT))
    painter.restore()


def _swatch(kind: str, theme: Theme) -> QPixmap:
    pix = QPixmap(QSize(18, 18))
    pix.fill(theme.base)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    colour = {"approved": theme.status_approved, "flagged": theme.status_flagged, "edited": theme.status_edited,
              "gap": theme.status_gap}[kind]
    if kind == "flagged":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRect(4, 2, 2, 13)
        p.drawPolygon(QPolygonF([QPointF(6, 2), QPointF(15, 5.5), QPointF(6, 9)]))
    elif kind == "approved":
        pen = p.pen()
        pen.setColor(colour)
        pen.setWidthF(1.8)
        p.setPen(pen)
        p.drawPolyline([QPoint(4, 9), QPoint(7, 12), QPoint(14, 4)])
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(QRect(6, 6, DOT, DOT))
    p.end()
    return pix


class LegendDialog(QDialog):
    """Help > Row colours: what each mark in the gutter and each gap colour means."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("row_legend")
        self.setWindowTitle(tr("Row colours"))
        form = QFormLayout(self)
        rows = [("flagged", tr("Open review flag (the number says how many)")),
                ("approved", tr("Approved")),
                ("edited", tr("Edited: a correction changes the text")),
                ("gap", tr("An open inaudible gap"))]
        for kind, text in rows:
            icon = QLabel(self)
            icon.setPixmap(_swatch(kind, theme))
            form.addRow(icon, QLabel(text, self))
        for status, text in (("open", tr("Gap, open")), ("filled", tr("Gap, filled (the words filled in; "
                                                                       "a ? marks a best guess)")),
                             ("unrecoverable", tr("Gap, unrecoverable"))):
            bg, fg = theme.gap_colours(status)
            sample = QLabel(tr("(inaudible)"), self)
            sample.setStyleSheet(f"background:{bg.name()}; color:{fg.name()}; text-decoration: underline;"
                                 " padding: 1px 4px;")
            form.addRow(sample, QLabel(text, self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

