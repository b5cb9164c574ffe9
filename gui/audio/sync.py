"""Sync with the recording in the background: progress, cancel, then one undo step.

The paragraphs are read on the GUI thread; decoding and alignment (``model.audio.align``,
pure computation) run in a thread of their own and report back through queued signals.
The result is applied by the feature as one store operation.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from gui.audio.common import tr
from model.audio import ops
from model.audio.pcm import AudioError, decode
from model.errors import TaiyakuError


class SyncRunner(QObject):
    """One sync at a time. ``finished(transcript_id, Alignment)``; ``failed(one line)``."""

    finished = Signal(int, object)
    failed = Signal(str)
    _progress = Signal(int)
    _done = Signal(int, object, str)
    _needs_qt = Signal(int, str, object)  # a format only Qt decodes here: decode on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self.dialog: QProgressDialog | None = None
        self._progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._needs_qt.connect(self._decode_with_qt, Qt.ConnectionType.QueuedConnection)
        self._qt: Any = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, parent: QWidget | None, store: Any, transcript_id: int, path: str) -> None:
        """Start aligning ``transcript_id`` to the recording at ``path``."""
        if self.running:
            return
        paragraphs = ops.paragraphs_to_align(store, transcript_id)
        self._cancel.clear()
        self.dialog = QProgressDialog(tr("Syncing the transcript with the recording…"), tr("Cancel"), 0, 100, parent)
        self.dialog.setWindowTitle(tr("Sync with recording"))
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(self._cancel.set)
        self._run(transcript_id, path, paragraphs, None)

    def _run(self, transcript_id: int, path: str, paragraphs: list[Any], samples: Any) -> None:
        self._thread = threading.Thread(target=self._work, args=(transcript_id, path, paragraphs, samples),
                                        daemon=True, name="taiyaku-sync")
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the thread (tests)."""
        if self._thread is not None:
            self._thread.join(timeout)

    def _work(self, transcript_id: int, path: str, paragraphs: list[Any], samples: Any) -> None:
        # Imported here, in the thread: the aligner's modules cost ~0.3 s, not to be paid before the window paints.
        from model.audio.align import AlignCancelled, align

        try:
            if samples is None:
                try:
                    samples = decode(path)
                except AudioError:
                    self._needs_qt.emit(transcript_id, path, paragraphs)
                    return
            result = align(samples, paragraphs, lambda f: self._progress.emit(int(f * 100)), self._cancel.is_set)
        except AlignCancelled:
            self._done.emit(transcript_id, None, "")
        except TaiyakuError as exc:
            self._done.emit(transcript_id, None, str(exc))
        except Exception as exc:  # one line for the user, never a traceback
            self._done.emit(transcript_id, None, tr("The sync failed: %1").replace("%1", str(exc)))
        else:
            self._done.emit(transcript_id, result, "")

    def _decode_with_qt(self, transcript_id: int, path: str, paragraphs: list[Any]) -> None:
        from gui.audio.waveform import QtPcm

        self._qt = QtPcm(self)
        self._qt.done.connect(lambda samples: self._run(transcript_id, path, paragraphs, samples))
        self._qt.failed.connect(lambda text: self._on_done(transcript_id, None, text))
        self._qt.start(path)

    def _on_progress(self, percent: int) -> None:
        if self.dialog is not None:
            self.dialog.setValue(percent)

    def _on_done(self, transcript_id: int, result: object, error: str) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None
        if error:
            self.failed.emit(error)
        elif result is not None:
            self.finished.emit(transcript_id, result)
