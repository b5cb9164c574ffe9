"""The details area: tabs about the selected segment (features add their own tabs)."""

from __future__ import annotations

import contextlib
from html import escape

from PySide6.QtWidgets import QTabWidget, QTextBrowser, QWidget

from gui.models.transcript_model import TranscriptModel
from gui.window.context import AppContext, Selection
from gui.window.theme import lang_name, role_name, speaker_name, turn_kind_name


class SegmentDetails(QTextBrowser):
    """Turn, speaker, review state and gaps of the selected segment, as read-only rich text."""

    def __init__(self, ctx: AppContext, model: TranscriptModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("details_segment")
        self.ctx = ctx
        self.model = model
        self.setOpenLinks(False)  # never follow links by itself
        self.setOpenExternalLinks(False)
        ctx.selectionChanged.connect(self.show_selection)
        # Bound methods, not lambdas: Qt cuts these when this widget is deleted.
        model.dataChanged.connect(self.show_current)
        model.repaintNeeded.connect(self.show_current)
        model.modelReset.connect(self.show_current)

    def detach(self) -> None:
        """Stop following the context (the window is closing)."""
        with contextlib.suppress(RuntimeError, TypeError):
            self.ctx.selectionChanged.disconnect(self.show_selection)

    def show_current(self) -> None:
        """Describe the selected segment again (its row changed, or the model was reset)."""
        self.show_selection(self.ctx.selection)

    def show_selection(self, selection: Selection) -> None:
        """Describe the selected segment (or say that nothing is selected)."""
        row = self.model.row_of_segment(selection.segment_id) if selection.segment_id is not None else None
        if row is None:
            hint = self.tr("Select a segment to see its details.")
            self.setHtml(f"<p style='color:gray'>{escape(hint)}</p>")
            return
        turn = self.model.turn(row)
        seg = self.model.segment(row)
        speaker = self.model.speaker(turn)
        heading = self.tr("Turn {turn}, segment {segment}").format(turn=turn.number, segment=row - turn.first_row + 1)
        parts = [f"<h3>{escape(heading)}</h3>"]
        if turn.kind != "speech":
            who = escape(turn_kind_name(turn.kind))
        elif speaker is None:
            unknown = self.tr("Unknown speaker")
            who = f"<i>{escape(unknown)}</i>"
        else:
            who = f"<b>{escape(speaker_name(speaker))}</b>"
            labels = [x for x in (speaker.label_en, speaker.label_ja) if x]
            if labels:
                who += " &nbsp;<span style='color:gray'>" + escape(self.tr("label: {labels}").format(
                    labels=" / ".join(labels))) + "</span>"
            who += f" &nbsp;· {escape(role_name(speaker.role))}"
            if speaker.affiliation:
                who += f" · {escape(speaker.affiliation)}"
        rows = [(self.tr("Speaker"), who)]
        if turn.timestamp:
            rows.append((self.tr("Time"), escape(turn.timestamp)))
        if seg is not None:
            states = {"not_reviewed": self.tr("not reviewed"), "edited": self.tr("edited"),
                      "approved": self.tr("approved")}
            rows.append((self.tr("Review"), escape(states.get(seg.review_state, seg.review_state))))
            if seg.comment:  # the annotator's own note
                rows.append((self.tr("Comment"), escape(seg.comment).replace("\n", "<br>")))
            for lang in ("en", "ja") if turn.kind == "speech" else ():  # titles, times, notes: not translated
                if seg.corrected(lang) is None:
                    missing = self.tr("untranslated")
                    rows.append((lang_name(lang), f"<i>{escape(missing)}</i>"))
            gaps = []
            statuses = {"open": self.tr("open"), "filled": self.tr("filled"), "unrecoverable": self.tr("unrecoverable")}
            for gap in seg.gaps:
                text = escape(gap.text)
                if gap.proposed_text:
                    text += " → " + escape(gap.proposed_text)
                gaps.append(f"{lang_name(gap.lang)}: {text} "
                            f"<span style='color:gray'>({escape(statuses.get(gap.status, gap.status))})</span>")
            rows.append((self.tr("Gaps"), "<br>".join(gaps) if gaps else escape(self.tr("none"))))
        parts.append("<table cellspacing='4'>" + "".join(
            f"<tr><td style='color:gray; padding-right:12px'>{escape(k)}</td><td>{v}</td></tr>" for k, v in rows)
            + "</table>")
        self.setHtml("".join(parts))


class DetailsArea(QTabWidget):
    """The tabs of the details dock; ``add_tab`` is the extension point for features."""

    def __init__(self, ctx: AppContext, model: TranscriptModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("details_tabs")
        self.setDocumentMode(True)
        self.segment = SegmentDetails(ctx, model, self)
        self.addTab(self.segment, self.tr("Segment"))

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a feature's tab (e.g. corrections, flags); returns its index."""
        return self.addTab(widget, title)
