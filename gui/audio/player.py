"""The player dock: play/pause, position, speed (pitch kept), volume, the waveform overview.

Qt Multimedia plays (``QMediaPlayer`` + ``QAudioOutput``; FFmpeg inside the PySide6-Addons
wheel reads wav, mp3, m4a/aac, ogg/opus, flac and the audio of mp4/webm). Every resume
rewinds a little (``rewind_s``, the annotator's preference) so the last words are heard again.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.audio.common import tr
from gui.audio.waveform import WaveformView
from gui.preferences import REWIND_DEFAULT, rewind_seconds
from model.audio.ops import format_ms


class PlayerWidget(QWidget):
    """Controls and waveform of one recording. ``positionChanged(ms)`` while playing."""

    positionChanged = Signal(int)
    playingChanged = Signal(bool)

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audio_player")
        self.settings = settings
        self.player = QMediaPlayer(self)
        self.output = QAudioOutput(self)
        self.player.setAudioOutput(self.output)
        self.stop_at: int | None = None  # ms: pause there (playing a gap or a segment)
        self.loop: tuple[int, int] | None = None  # play this span again and again
        self._pending_seek: int | None = None  # a seek asked for before the media was loaded
        self._build()
        self.player.positionChanged.connect(self._on_position)
        self.player.durationChanged.connect(self._on_duration)
        self.player.playbackStateChanged.connect(self._on_state)
        self.player.mediaStatusChanged.connect(self._on_status)
        self.set_available(False, tr("No recording: File > Attach recording…"))

    def _build(self) -> None:
        self.play_button = QToolButton(self)
        self.play_button.setText("▶")
        self.play_button.setToolTip(tr("Play / pause"))
        self.play_button.clicked.connect(self.toggle)
        self.position = QSlider(Qt.Orientation.Horizontal, self)
        self.position.setAccessibleName(tr("Position"))
        self.position.sliderMoved.connect(self.seek)
        self.time_label = QLabel("0:00 / 0:00", self)
        self.speed = QDoubleSpinBox(self)
        self.speed.setRange(0.5, 2.0)
        self.speed.setSingleStep(0.1)
        self.speed.setValue(1.0)
        self.speed.setSuffix("×")
        self.speed.setToolTip(tr("Playback speed (the pitch is kept)"))
        self.speed.valueChanged.connect(self.player.setPlaybackRate)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume.setMaximumWidth(90)
        self.volume.setToolTip(tr("Volume"))
        self.volume.valueChanged.connect(lambda v: self.output.setVolume(v / 100))
        self.output.setVolume(0.8)
        self.status = QLabel(self)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.waveform = WaveformView(self)
        self.waveform.seekRequested.connect(self.seek)
        row = QHBoxLayout()
        for w in (self.play_button, self.position, self.time_label, QLabel(tr("Speed"), self), self.speed,
                  QLabel(tr("Volume"), self), self.volume):
            row.addWidget(w)
        col = QVBoxLayout(self)
        col.addLayout(row)
        col.addWidget(self.waveform)
        col.addWidget(self.status)

    # -- media --------------------------------------------------------------------------
    def set_source(self, path: str | None) -> None:
        """Play ``path`` (None: nothing)."""
        self.player.stop()
        self.stop_at = self.loop = None
        self.player.setSource(QUrl.fromLocalFile(path) if path else QUrl())

    def set_available(self, available: bool, message: str = "") -> None:
        """Enable the controls, or show why there is nothing to play."""
        for w in (self.play_button, self.position, self.speed, self.volume, self.waveform):
            w.setEnabled(available)
        self.status.setText(message)
        self.status.setVisible(bool(message))

    def is_playing(self) -> bool:
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def position_ms(self) -> int:
        return self._pending_seek if self._pending_seek is not None else int(self.player.position())

    # -- control ------------------------------------------------------------------------
    def toggle(self) -> None:
        """Pause, or resume a little earlier than where it stopped."""
        if self.is_playing():
            self.player.pause()
            return
        self.stop_at = None if self.loop is None else self.stop_at
        back = int((rewind_seconds(self.settings) if self.settings is not None else REWIND_DEFAULT) * 1000)
        if self.player.position() > 0 and back:
            self.seek(max(self.position_ms() - back, 0))
        self.player.play()

    def seek(self, ms: int) -> None:
        """Go to ``ms`` (remembered until the media is loaded: an earlier seek would be ignored)."""
        ms = max(0, int(ms))
        if self.player.mediaStatus() in (QMediaPlayer.MediaStatus.LoadingMedia, QMediaPlayer.MediaStatus.NoMedia):
            self._pending_seek = ms
        else:
            self.player.setPosition(ms)
        self.waveform.position_ms = ms
        self.waveform.update()

    def skip(self, delta_ms: int) -> None:
        """Back or forward by ``delta_ms`` (e.g. ±2,000)."""
        self.seek(self.position_ms() + delta_ms)

    def play_span(self, start_ms: int, end_ms: int | None, *, loop: bool = False, rate: float | None = None) -> None:
        """Play from ``start_ms`` and pause at ``end_ms`` (or play it again and again with ``loop``)."""
        self.loop = (start_ms, end_ms) if loop and end_ms is not None else None
        self.stop_at = end_ms
        if rate is not None:
            self.speed.setValue(rate)
        self.seek(start_ms)
        self.player.play()

    def change_speed(self, delta: float) -> None:
        self.speed.setValue(round(self.speed.value() + delta, 2))

    # -- signals from the player ----------------------------------------------------------
    def _on_position(self, ms: int) -> None:
        if self.stop_at is not None and ms >= self.stop_at and self.is_playing():
            if self.loop is not None:
                self.player.setPosition(self.loop[0])
                return
            self.stop_at = None
            self.player.pause()
        if not self.position.isSliderDown():
            self.position.setValue(ms)
        self.time_label.setText(f"{format_ms(ms)} / {format_ms(int(self.player.duration()))}")
        self.waveform.position_ms = ms
        self.waveform.update()
        self.positionChanged.emit(ms)

    def _on_duration(self, ms: int) -> None:
        self.position.setRange(0, int(ms))
        self.waveform.duration_ms = int(ms) or self.waveform.duration_ms
        self.time_label.setText(f"{format_ms(int(self.player.position()))} / {format_ms(int(ms))}")

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText("❚❚" if playing else "▶")
        self.playingChanged.emit(playing)

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia and self._pending_seek is not None:
            ms, self._pending_seek = self._pending_seek, None
            QTimer.singleShot(0, lambda: self.player.setPosition(ms))
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self.set_available(False, tr("The recording cannot be played: %1").replace("%1", self.player.errorString()))
