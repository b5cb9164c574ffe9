"""The application context: the one object every feature receives.

It holds the store, the Qt bridge of its change announcements, the undo stack,
the transcript on screen and the current selection (segment, language, text
span). Features (annotation, review, export) read and change the app through
it, never through each other's widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from gui.bridge import StoreBridge
from gui.commands import StoreCommand
from gui.storage_errors import describe_failure
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

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.bridge = StoreBridge(store, self)
        self.undo_stack = QUndoStack(self)
        self._transcript_id: int | None = None
        self._selection = Selection()
        self.window: QWidget | None = None  # the app's main window (see windowChanged); None in tests
        self.windowChanged.connect(self._follow_window)

    def _follow_window(self, window: QWidget) -> None:
        self.window = window

    # -- transcript --------------------------------------------------------
    @property
    def transcript_id(self) -> int | None:
        """The transcript on screen (None: none open)."""
        return self._transcript_id

    def set_transcript(self, transcript_id: int | None) -> None:
        """Show another transcript (the window loads it); clears the selection."""
        if transcript_id == self._transcript_id:
            return
        self._transcript_id = transcript_id
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

    # -- actions -----------------------------------------------------------
    def run(self, text: str, perform: Callable[[], int]) -> int | None:
        """Perform one store operation as one undo step; returns its event id.

        The operation runs before the command is pushed, so a failure (a
        one-line ``TaiyakuError``) leaves nothing on the stack: it is reported
        through ``errorReported`` and None is returned.
        """
        try:
            event_id = perform()
        except TaiyakuError as exc:
            self.report_error(describe_failure(exc))
            return None
        self.undo_stack.push(StoreCommand(self.store, text, event_id=event_id, on_error=self.report_error))
        return event_id

    def report_error(self, message: str) -> None:
        """Show the user a one-line reason (the window puts it in a dialog)."""
        log.info("reported: %s", message)
        self.errorReported.emit(message)
