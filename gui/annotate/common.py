"""What the annotation widgets share: their translation context, the parts of the window they use,
and macros (several operations as one undo step; each one runs through ``AppContext.run``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from gui.models.transcript_model import TranscriptModel
from gui.panes import BilingualPanes
from gui.window.actions import ActionRegistry
from gui.window.context import AppContext
from model.readmodel import SegmentView


def tr(text: str) -> str:
    """Translate a string of the annotation feature (context ``Annotate``)."""
    return QCoreApplication.translate("Annotate", text)


@dataclass(frozen=True)
class AnnotateParts:
    """What the annotation panels use, and nothing more: the context, the transcript model,
    the panes, the window's actions and the view mode. Not the feature itself: a panel that
    took the whole feature would import it, and the feature imports the panels."""

    ctx: AppContext
    model: TranscriptModel
    panes: BilingualPanes
    registry: ActionRegistry
    view_mode: Callable[[], str]  # "corrected", "original" or "changes"

    def current_segment(self) -> SegmentView | None:
        """The segment of the panes' current row (None on a turn without segments, or none)."""
        row = self.panes.current_row()
        return self.model.segment(row) if row >= 0 else None


class Macro:
    """Several operations as ONE undo step (e.g. commit the open edit, then mark a gap)."""

    def __init__(self, ctx: AppContext, text: str) -> None:
        self.ctx = ctx
        self.text = text

    def __enter__(self) -> Macro:
        self.ctx.undo_stack.beginMacro(self.text)
        return self

    def __exit__(self, *exc: object) -> None:
        self.ctx.undo_stack.endMacro()
