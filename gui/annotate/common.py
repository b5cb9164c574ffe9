"""Running annotation operations as undo steps, shared by the annotation widgets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from gui.commands import StoreCommand
from gui.context import AppContext
from gui.storage_errors import describe_failure
from model.errors import TaiyakuError


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
