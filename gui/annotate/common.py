"""Running annotation operations as undo steps, shared by the annotation widgets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from gui.actions import ActionRegistry
from gui.commands import StoreCommand
from gui.context import AppContext
from gui.models.transcript_model import TranscriptModel
from gui.panes import BilingualPanes
from gui.storage_errors import describe_failure
from model.errors import TaiyakuError
from model.readmodel import SegmentView


def tr(text: str) -> str:
    """Translate a string of the annotation feature (context ``Annotate``)."""
    return QCoreApplication.translate("Annotate", text)


def run_op(ctx: AppContext, text: str, perform: Callable[[], int | None]) -> int | None:
    """Run one store operation and push it as one undo step.

    A failing operation shows its one-line reason and pushes nothing; an
    operation with nothing to do (returns None) pushes nothing either.
    """
    try:
        event_id = perform()
    except TaiyakuError as exc:
        ctx.report_error(describe_failure(exc))
        return None
    if event_id is None:
        ctx.statusMessage.emit(tr("Nothing to change"))
        return None
    ctx.undo_stack.push(StoreCommand(ctx.store, text, event_id=event_id, on_error=ctx.report_error))
    return event_id


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
