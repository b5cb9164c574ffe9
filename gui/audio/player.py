"""The player dock: play/pause, position, speed (pitch kept), volume, buttons for the Audio
menu's actions, the current segment's time, a zoomed strip around the playhead and the waveform
overview.

Qt Multimedia plays (``QMediaPlayer`` + ``QAudioOutput``; FFmpeg inside the PySide6-Addons
wheel reads wav, mp3, m4a/aac, ogg/opus, flac and the audio of mp4/webm). Every resume
rewinds a little (``rewind_s``, the annotator's preference) so the last words are heard again.
The media player is made when there is something to play (``set_source`` with a file, or a
play/seek): importing Qt Multimedia and starting its FFmpeg backend costs 0.1-0.2 s, which the
window's start-up does not wait for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction
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
from gui.audio.waveform import WaveformView, ZoomView, overview
from gui.preferences import REWIND_DEFAULT, rewind_seconds
from gui.window.flow_layout import FlowLayout
from model.audio.ops import format_ms

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer


class ActionButton(QToolButton):
    """A flat button that triggers an action and follows its state, under a short label of its own."""

    def __init__(self, action: QAction, label: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._action = action
        self.setText(label)
        self.setAutoRaise(True)
        self.setCheckable(action.isCheckable())
        self.setAccessibleName(action.text().replace("&", ""))
        self.clicked.connect(self._trigger)
        action.changed.connect(self._follow)  # a bound slot: disconnected when the button goes
        self._follow()

    def _trigger(self) -> None:
        self._action.trigger()

    def _follow(self) -> None:
        self.setEnabled(self._action.isEnabled())
        self.setChecked(self._action.isChecked())
        self.setToolTip(self._action.toolTip())


class PlayerWidget(QWidget):
    """Controls and waveform of one recording. ``positionChanged(ms)`` while playing."""

    positionChanged = Signal(int)
    playingChanged = Signal(bool)

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audio_player")
        self.settings = settings
        self._player: QMediaPlayer | None = None  # made on first need (see ``player``)
        self._output: QAudioOutput | None = None
        self._source: str | None = None
        self.stop_at: int | None = None  # ms: pause there (playing a gap or a segment)
        self.loop: tuple[int, int] | None = None  # play this span again and again
        self._pending_seek: int | None = None  # a seek asked for before the media was loaded
        self._speed_after: float | None = None  # the speed to go back to when a slowed span ends
        self._build()
        self.set_available(False, tr("No recording: File > Attach recording…"))

    @property
    def player(self) -> QMediaPlayer:
        """Qt's media player, made (with its audio output) the first time it is needed."""
        if self._player is None:
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

            player = QMediaPlayer(self)
            self._output = QAudioOutput(self)
            self._output.setVolume(self.volume.value() / 100)
            player.setAudioOutput(self._output)
            player.setPlaybackRate(self.speed.value())
            player.positionChanged.connect(self._on_position)
            player.durationChanged.connect(self._on_duration)
            player.playbackStateChanged.connect(self._on_state)
            player.mediaStatusChanged.connect(self._on_status)
            self._player = player
            if self._source:
                player.setSource(QUrl.fromLocalFile(self._source))
        return self._player

    @property
    def output(self) -> QAudioOutput:
        """The audio output the player plays to."""
        self.player  # noqa: B018  made with the player
        assert self._output is not None
        return self._output

    def has_media(self) -> bool:
        """Whether the media player has been made (nothing was ever played or attached: not yet)."""
        return self._player is not None

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
        self.speed.valueChanged.connect(self._set_rate)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume.setMaximumWidth(90)
        self.volume.setToolTip(tr("Volume"))
        self.volume.valueChanged.connect(self._set_volume)
        self.status = QLabel(self)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.segment_label = QLabel(self)  # the current segment's time and how it is known
        self.segment_label.setObjectName("audio_segment_time")
        self.segment_label.setEnabled(False)  # drawn quietly, in the disabled text colour
        self.waveform = WaveformView(self)
        self.waveform.seekRequested.connect(self.seek)
        self.zoom = ZoomView(self)
        self.zoom.seekRequested.connect(self.seek)
        self.row = QHBoxLayout()
        for w in (self.play_button, self.position, self.time_label, QLabel(tr("Speed"), self), self.speed,
                  QLabel(tr("Volume"), self), self.volume):
            self.row.addWidget(w)
        # Buttons for the Audio menu's actions (add_action_button), then the segment's time: they
        # wrap onto a second row where the dock is narrow instead of being cut off at its edge.
        self.tools = FlowLayout()
        self.tools.addWidget(self.segment_label)
        col = QVBoxLayout(self)
        col.addLayout(self.row)
        col.addLayout(self.tools)
        col.addWidget(self.zoom)
        col.addWidget(self.waveform)
        col.addWidget(self.status)

    def _set_rate(self, rate: float) -> None:
        if self._player is not None:
            self._player.setPlaybackRate(rate)

    def _set_volume(self, value: int) -> None:
        if self._output is not None:
            self._output.setVolume(value / 100)

    def add_action_button(self, action: QAction, label: str) -> QToolButton:
        """A small button for ``action`` (a mouse way to what the keys do), labelled ``label``."""
        button = ActionButton(action, label, self)
        self.tools.removeWidget(self.segment_label)  # the time stays last
        self.tools.addWidget(button)
        self.tools.addWidget(self.segment_label)
        return button

    def views(self) -> tuple[WaveformView, ZoomView]:
        """The overview and the zoomed strip."""
        return self.waveform, self.zoom

    def set_peaks(self, fine: object) -> None:
        """The recording's detail peaks (None: not read yet); the overview is made from them."""
        self.zoom.fine = fine  # type: ignore[assignment]
        self.waveform.peaks = overview(fine) if fine is not None else None  # type: ignore[arg-type]
        self.waveform.update()
        self.zoom.update()

    def set_duration(self, ms: int) -> None:
        for view in self.views():
            view.duration_ms = ms

    def set_marks(self, boundaries: list[tuple[int, str]], gaps: list[tuple[int, int]],
                  current: tuple[int, int] | None) -> None:
        """Segment starts (with their timing kind), gap spans and the current segment's span."""
        for view in self.views():
            view.boundaries, view.gaps, view.current = boundaries, gaps, current
            view.update()

    def _show_position(self, ms: int) -> None:
        for view in self.views():
            view.position_ms = ms
            view.update()

    def show_segment(self, text: str) -> None:
        """The current segment's time line (empty: none)."""
        self.segment_label.setText(text)

    # -- media --------------------------------------------------------------------------
    def set_source(self, path: str | None) -> None:
        """Play ``path`` (None: nothing)."""
        self._source = path or None
        self.stop_at = self.loop = None
        if self._player is None and not path:
            return  # nothing was ever loaded: no need for a media player yet
        self.player.stop()
        self.player.setSource(QUrl.fromLocalFile(path) if path else QUrl())

    def set_available(self, available: bool, message: str = "") -> None:
        """Enable the controls, or show why there is nothing to play."""
        for w in (self.play_button, self.position, self.speed, self.volume, self.waveform, self.zoom):
            w.setEnabled(available)
        self.status.setText(message)
        self.status.setVisible(bool(message))

    def is_playing(self) -> bool:
        if self._player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def position_ms(self) -> int:
        if self._pending_seek is not None:
            return self._pending_seek
        return int(self._player.position()) if self._player is not None else 0

    # -- control ------------------------------------------------------------------------
    def toggle(self) -> None:
        """Pause, or resume a little earlier than where it stopped."""
        if self.is_playing():
            self.player.pause()
            self._span_over()
            return
        self.stop_at = None if self.loop is None else self.stop_at
        back = int((rewind_seconds(self.settings) if self.settings is not None else REWIND_DEFAULT) * 1000)
        if self.player.position() > 0 and back:
            self.seek(max(self.position_ms() - back, 0))
        self.player.play()

    def seek(self, ms: int) -> None:
        """Go to ``ms`` (remembered until the media is loaded: an earlier seek would be ignored)."""
        ms = max(0, int(ms))
        if self._player is None and not self._source:  # nothing loaded yet: where to start when there is
            self._pending_seek = ms
            self._show_position(ms)
            return
        from PySide6.QtMultimedia import QMediaPlayer

        if self.player.mediaStatus() in (QMediaPlayer.MediaStatus.LoadingMedia, QMediaPlayer.MediaStatus.NoMedia):
            self._pending_seek = ms
        else:
            self.player.setPosition(ms)
        self._show_position(ms)

    def skip(self, delta_ms: int) -> None:
        """Back or forward by ``delta_ms`` (e.g. ±2,000)."""
        self.seek(self.position_ms() + delta_ms)

    def play_span(self, start_ms: int, end_ms: int | None, *, loop: bool = False, rate: float | None = None) -> None:
        """Play from ``start_ms`` and pause at ``end_ms`` (or play it again and again with ``loop``)."""
        self.loop = (start_ms, end_ms) if loop and end_ms is not None else None
        self.stop_at = end_ms
        if rate is not None:  # for this span only: the annotator's own speed comes back after it
            if self._speed_after is None:
                self._speed_after = self.speed.value()
            self.speed.setValue(rate)
        else:
            self._span_over()
        self.seek(start_ms)
        self.player.play()

    def stop_looping(self) -> None:
        """Play on past the end of the looped span."""
        self.loop = None
        self.stop_at = None

    def change_speed(self, delta: float) -> None:
        self._speed_after = None  # a speed chosen now stays
        self.speed.setValue(round(self.speed.value() + delta, 2))

    def _span_over(self) -> None:
        if self._speed_after is not None:
            speed, self._speed_after = self._speed_after, None
            self.speed.setValue(speed)

    # -- signals from the player ----------------------------------------------------------
    def _on_position(self, ms: int) -> None:
        if self.stop_at is not None and ms >= self.stop_at and self.is_playing():
            if self.loop is not None:
                self.player.setPosition(self.loop[0])
                return
            self.stop_at = None
            self.player.pause()
            self._span_over()
        if not self.position.isSliderDown():
            self.position.setValue(ms)
        self.time_label.setText(f"{format_ms(ms)} / {format_ms(int(self.player.duration()))}")
        self._show_position(ms)
        self.positionChanged.emit(ms)

    def _on_duration(self, ms: int) -> None:
        self.position.setRange(0, int(ms))
        self.set_duration(int(ms) or self.waveform.duration_ms)
        self.time_label.setText(f"{format_ms(int(self.player.position()))} / {format_ms(int(ms))}")

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText("❚❚" if playing else "▶")
        self.playingChanged.emit(playing)

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if status == QMediaPlayer.MediaStatus.LoadedMedia and self._pending_seek is not None:
            ms, self._pending_seek = self._pending_seek, None
            QTimer.singleShot(0, lambda: self.player.setPosition(ms))
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self.set_available(False, tr("The recording cannot be played: %1").replace("%1", self.player.errorString()))
