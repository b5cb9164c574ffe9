"""The application context: the one object every feature receives.

It holds the store, the Qt bridge of its change announcements, the undo stacks
(one per transcript, in a ``QUndoGroup`` whose active stack is the transcript
on screen's), the transcript on screen and the current selection (segment,
language, text span). Features (annotation, review, export) read and change
the app through it, never through each other's widgets.

``run`` is the one way a user action changes the store: one operation, one
undo step on the stack of the transcript on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack
from PySide6.QtWidgets import QWidget

from gui.window.bridge import StoreBridge
from gui.window.commands import StoreCommand, keep_in_step
from gui.window.storage_errors import describe_failure
from model.errors import TaiyakuError
from model.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Selection:
    """What the annotator has selected: a segment, the pane's language, a text span."""

    segment_id: int | None = None
    turn_id: int | None = None
    lang: str = "en"
    cursor: int | None = None  # caret position in the segment's text (while editing)
    anchor: int | None = None  # other end of a text selection; == cursor when none

    @property
    def span(self) -> tuple[int, int] | None:
        """The selected text span (start, end), or None when nothing is selected."""
        if self.cursor is None or self.anchor is None or self.cursor == self.anchor:
            return None
        return min(self.cursor, self.anchor), max(self.cursor, self.anchor)


class AppContext(QObject):
    """Store + bridge + undo stack + current transcript and selection, with signals."""

    transcriptChanged = Signal(object)  # int | None
    # The panes have painted the new transcript: the place for heavy work (checks, lists of
    # every gap...) that should not delay what the annotator sees first.
    transcriptShown = Signal(object)  # int
    selectionChanged = Signal(object)  # Selection
    errorReported = Signal(str)  # a one-line reason to show the user
    statusMessage = Signal(str)
    # Emitted by the app (gui.app.run), never by a window alone (tests, benchmarks):
    firstPainted = Signal()  # the run's first transcript is painted, once: first-run questions go here
    windowChanged = Signal(object)  # the app's main window: at start, and when a new UI language rebuilt it
    # File > Open database set ``switch_to``: the app ends this run and starts again on it (gui.app.run).
    switchRequested = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.bridge = StoreBridge(store, self)
        # One undo stack per transcript, as an editor has one per document: Ctrl+Z only ever
        # reaches the transcript on screen. Key None: steps made with no transcript open.
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[int | None, QUndoStack] = {}
        self.undo_group.setActiveStack(self.undo_stack_for(None))
        self._transcript_id: int | None = None
        self._selection = Selection()
        self.window: QWidget | None = None  # the app's main window (see windowChanged); None in tests
        # File > Open database (gui.work.databases): the database gui.app.run reopens the window on
        # once this run's event loop ends (None: the app quits as usual).
        self.switch_to: str | None = None
        self.windowChanged.connect(self._follow_window)

    def _follow_window(self, window: QWidget) -> None:
        self.window = window

    # -- transcript --------------------------------------------------------
    @property
    def transcript_id(self) -> int | None:
        """The transcript on screen (None: none open)."""
        return self._transcript_id

    def set_transcript(self, transcript_id: int | None) -> None:
        """Show another transcript (the window loads it, its undo steps come back); clears the selection."""
        if transcript_id == self._transcript_id:
            return
        self._transcript_id = transcript_id
        self.undo_group.setActiveStack(self.undo_stack_for(transcript_id))
        self._selection = Selection()
        self.transcriptChanged.emit(transcript_id)
        self.selectionChanged.emit(self._selection)

    # -- selection ---------------------------------------------------------
    @property
    def selection(self) -> Selection:
        return self._selection

    def set_selection(self, selection: Selection) -> None:
        """Record a new selection and tell listeners (no signal when nothing changed)."""
        if selection != self._selection:
            self._selection = selection
            self.selectionChanged.emit(selection)

    def update_selection(self, **changes: object) -> None:
        """Change some fields of the selection, e.g. ``update_selection(lang="ja")``."""
        self.set_selection(replace(self._selection, **changes))  # type: ignore[arg-type]

    # -- undo ----------------------------------------------------------------
    def undo_stack_for(self, transcript_id: int | None) -> QUndoStack:
        """The undo stack of a transcript (made on first use; None: steps with no transcript open)."""
        stack = self._stacks.get(transcript_id)
        if stack is None:
            stack = self._stacks[transcript_id] = QUndoStack(self)
            keep_in_step(stack)  # an undo the database refused (locked, full) stays to do
            self.undo_group.addStack(stack)
        return stack

    @property
    def undo_stack(self) -> QUndoStack:
        """The undo stack of the transcript on screen (what Ctrl+Z and the History dock use)."""
        return self.undo_stack_for(self._transcript_id)

    # -- actions -----------------------------------------------------------
    def run(self, text: str, perform: Callable[[], int | None], initiator: object = None, *,
            transcript_id: int | None = None) -> int | None:
        """Perform one store operation as one undo step on the transcript on screen; returns its event id.

        ``transcript_id``: the step goes on that transcript's stack instead (an action taken from the
        library about a transcript that may not be on screen: Ctrl+Z reaches it once it is shown).

        The operation runs before the command is pushed, so a failure (a one-line
        ``TaiyakuError``) leaves nothing on the stack: it is reported through
        ``errorReported`` and None is returned. An operation with nothing to do (it
        returns None) pushes nothing either. ``initiator`` (the widget making the change)
        comes back as ``Changes.initiator``, so that widget can skip refreshing itself.
        """
        try:
            with self.store.initiated_by(initiator):
                event_id = perform()
        except TaiyakuError as exc:
            self.report_error(describe_failure(exc))
            return None
        if event_id is None:
            self.statusMessage.emit(QCoreApplication.translate("AppContext", "Nothing to change"))
            return None
        stack = self.undo_stack if transcript_id is None else self.undo_stack_for(transcript_id)
        stack.push(StoreCommand(self.store, text, event_id=event_id, on_error=self.report_error))
        return event_id

    def report_error(self, message: str) -> None:
        """Show the user a one-line reason (the window puts it in a dialog)."""
        log.info("reported: %s", message)
        self.errorReported.emit(message)
