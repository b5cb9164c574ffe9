"""``AudioFeature``: the recording beside the transcript -- attach, play, follow, stamp, sync.

Every change goes through ``model.audio.ops`` as one undo step (``AppContext.run``); what the
panes and the waveform show comes back through the store's announcements.

The window's first paint does not wait for the recording: the actions, the Audio menu and the
dock are there at once, but the transcript the window opens on gets its recording in the player
(Qt Multimedia, numpy for the waveform) and its segment times (which read every segment) right
after the paint (``FeatureWindow.after_paint``), or at the first action that needs them. The
times read then are read in a thread (a scan of every segment: 0.2-0.3 s at 200,000 segments,
which a keystroke made at the paint waited for on the window's thread).
"""

from __future__ import annotations

import bisect
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QRect, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDropEvent, QFont, QPainter
from PySide6.QtWidgets import QFileDialog

from gui.audio.common import tr
from gui.audio.player import PlayerWidget
from gui.audio.sync import SyncRunner
from gui.audio.waveform import PeaksLoader
from gui.window.background import BackgroundRead, Pace
from gui.window.context import AppContext
from gui.window.features import FeatureWindow
from model.audio import ops
from model.audio.pcm import AUDIO_SUFFIXES, AudioError, identify
from model.audio.timing import SegmentTime
from model.errors import TaiyakuError

log = logging.getLogger(__name__)

NUDGE_MS = 100
AROUND_GAP_MS = 2000
BEFORE_SEGMENT_MS = 500
KIND_MARK = {"estimated": "≈", "stamped": "•", "imported": "", "aligned": ""}
_TIMING_TABLES = ("recording", "segment_timing", "gap_timing")


def kind_name(kind: str) -> str:
    """How a segment's time is known, for the annotator."""
    return {"imported": tr("from the imported text"), "stamped": tr("stamped by ear"),
            "aligned": tr("aligned by sync"), "estimated": tr("estimated")}.get(kind, kind)


class AudioFeature(QObject):
    """The player dock, the Audio menu and the segment times in the panes."""


    def __init__(self, window: FeatureWindow, ctx: AppContext) -> None:
        super().__init__(window.widget())
        self.window = window
        self.ctx = ctx
        self.panes = window.panes
        self.recording: ops.RecordingView | None = None
        self.times: list[SegmentTime] = []
        self.times_sorted: list[SegmentTime] = []
        self.starts: list[int] = []
        self.by_segment: dict[int, SegmentTime] = {}
        self.gap_spans: dict[int, tuple[int, int]] = {}
        self.follow = False
        self._pending = False  # the transcript's recording and times wait for the window's first paint
        self._following = False  # the panes are being moved by the playhead, not by the annotator
        # The segment times are read in a thread after the paint; a newer read (in a thread or
        # here) makes one under way stale, and it is dropped.
        self._times_reader = BackgroundRead(self, name="taiyaku-audio-times")
        self._times_reader.done.connect(self._on_times_read)
        self.player = PlayerWidget(window.settings, window.widget())
        self.dock = window.add_dock(self.player, tr("Recording"), Qt.DockWidgetArea.BottomDockWidgetArea,
                                    "audio_dock")
        self.peaks = PeaksLoader(self)
        self.peaks.ready.connect(self._on_peaks)
        self.peaks.failed.connect(lambda text: self.player.set_available(True, text))
        self.sync = SyncRunner(self)
        self.sync.finished.connect(self._on_synced)
        self.sync.failed.connect(ctx.report_error)
        self._build_actions()
        self.panes.metrics.add_gutter_painter(self._paint_time)
        self.player.positionChanged.connect(self._on_playhead)
        ctx.transcriptChanged.connect(self._on_transcript)
        ctx.bridge.changed.connect(self._on_changes)
        ctx.selectionChanged.connect(self._on_selection)
        window.widget().installEventFilter(self)  # drops of audio files
        self._on_transcript(ctx.transcript_id)
        window.after_paint(self._catch_up_after_paint)

    # -- actions ------------------------------------------------------------------------
    def _build_actions(self) -> None:
        reg = self.window.registry
        file_menu = reg.menu("file")
        add = reg.add
        attach = add("audio_attach", tr("Attach &recording…"), self.choose_recording,
                     icon_name="mdi6.music-note-plus", tip=tr("Attach the recording of this transcript "
                                                              "(or drop an audio or video file on the window)"))
        relink = add("audio_relink", tr("Find &moved recording…"), self.relink, icon_name="mdi6.folder-search",
                     tip=tr("Find the recording again by its content in a folder you choose"))
        detach = add("audio_detach", tr("&Detach recording"), self.detach, icon_name="mdi6.music-note-off")
        first = file_menu.actions()[1] if len(file_menu.actions()) > 1 else None
        for action in (attach, relink, detach):
            file_menu.insertAction(first, action) if first is not None else file_menu.addAction(action)
        reg.menu("audio", tr("A&udio"))
        items: list[tuple[str, str, Any, Any, str | None]] = [
            ("audio_sync", tr("&Sync with recording"), self.start_sync, None, "mdi6.sync"),
            ("audio_play", tr("&Play / pause"), self.player.toggle, ["Ctrl+Space", "Pause"], "mdi6.play-pause"),
            ("audio_back2", tr("Back 2 seconds"), lambda: self.player.skip(-2000), "Alt+Left", None),
            ("audio_fwd2", tr("Forward 2 seconds"), lambda: self.player.skip(2000), "Alt+Right", None),
            ("audio_back5", tr("Back 5 seconds"), lambda: self.player.skip(-5000), "Alt+Shift+Left", None),
            ("audio_fwd5", tr("Forward 5 seconds"), lambda: self.player.skip(5000), "Alt+Shift+Right", None),
            ("audio_slower", tr("Slower"), lambda: self.player.change_speed(-0.1), "Ctrl+Alt+Down", None),
            ("audio_faster", tr("Faster"), lambda: self.player.change_speed(0.1), "Ctrl+Alt+Up", None),
            ("audio_from_segment", tr("Play from the &segment"), self.play_segment, "Ctrl+Alt+B", None),
            ("audio_loop", tr("&Loop the segment"), self.loop_segment, "Ctrl+Alt+L", "mdi6.repeat"),
            ("audio_gap", tr("Play the &gap"), lambda: self.play_gap(None), "Ctrl+Alt+H", "mdi6.ear-hearing"),
            ("audio_gap_slow", tr("Play the gap s&lowly"), lambda: self.play_gap(0.75), "Ctrl+Alt+Shift+H", None),
            ("audio_stamp", tr("S&tamp segment start here"), self.stamp, "Ctrl+T", "mdi6.timer-marker-outline"),
            ("audio_nudge_back", tr("Nudge start 100 ms earlier"), lambda: self.nudge(-NUDGE_MS), "Ctrl+[", None),
            ("audio_nudge_fwd", tr("Nudge start 100 ms later"), lambda: self.nudge(NUDGE_MS), "Ctrl+]", None),
        ]
        for key, text, slot, shortcut, icon_name in items:
            action = add(key, text, self._ready(slot), menu="audio", shortcut=shortcut, icon_name=icon_name)
            # Shortcuts work while a segment is being edited (the editor is a child of the window).
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.follow_action = add("audio_follow", tr("&Follow the recording"), self.set_follow, menu="audio",
                                 shortcut="Ctrl+Alt+K", checkable=True,
                                 tip=tr("The panes follow the playhead, and selecting a segment seeks to it"))
        self.actions = [reg.get(k) for k, *_ in items] + [self.follow_action, relink, detach]
        for key, label in (("audio_back5", "«5"), ("audio_back2", "‹2"), ("audio_fwd2", "2›"), ("audio_fwd5", "5»"),
                           ("audio_from_segment", tr("From segment")), ("audio_loop", tr("Loop")),
                           ("audio_gap", tr("Gap")), ("audio_stamp", tr("Stamp")), ("audio_follow", tr("Follow"))):
            self.player.add_action_button(reg.get(key), label)

    def _ready(self, slot: Any) -> Any:
        """``slot``, once the player has the recording (an action used before the first paint)."""
        def run() -> object:
            self.catch_up()
            return slot()
        return run

    def _update_actions(self) -> None:
        has_transcript = self.ctx.transcript_id is not None
        has_recording = self.recording is not None
        playable = has_recording and self.recording is not None and self.recording.available
        self.window.registry.get("audio_attach").setEnabled(has_transcript)
        for action in self.actions:
            action.setEnabled(playable)
        self.window.registry.get("audio_relink").setEnabled(has_recording)
        self.window.registry.get("audio_detach").setEnabled(has_recording)

    # -- transcript and recording ---------------------------------------------------------
    def _on_transcript(self, transcript_id: int | None) -> None:
        self.recording = ops.recording_of(self.ctx.store, transcript_id) if transcript_id is not None else None
        rec = self.recording
        self.dock.setWindowTitle(tr("Recording") + (f" — {Path(rec.path).name}" if rec else ""))
        self._update_actions()
        self._pending = True
        if self.window.painted():
            self.catch_up()
            return
        if rec is None or not rec.available:  # the player's words at once (cheap: nothing to load)
            self._show_recording()
        else:  # at the paint: neither "No recording" nor controls that cannot play yet
            self.player.set_available(False, "")
        if self.times or self.by_segment:  # another transcript before the paint: no stale times meanwhile
            self.times, self.times_sorted, self.starts, self.by_segment, self.gap_spans = [], [], [], {}, {}

    def catch_up(self) -> None:
        """Give the player the transcript's recording and read its segment times, if not done yet
        (the window's first paint does not wait for them)."""
        if not self._pending:
            return
        self._pending = False
        self._show_recording()
        self._reload_times()

    def _catch_up_after_paint(self) -> None:
        """``catch_up`` right after the first paint, its segment times read in a thread."""
        if not self._pending:
            return
        self._pending = False
        self._show_recording()
        tid = self.ctx.transcript_id
        if tid is None:
            return
        store = self.ctx.store

        def read(pace: Pace) -> tuple[int, list[SegmentTime], dict[int, tuple[int, int]]]:
            times = ops.segment_times(store, tid)
            pace()
            return tid, times, ops.gap_times(store, tid)

        self._times_reader.request(read, store)

    def _on_times_read(self, result: object) -> None:
        if isinstance(result, TaiyakuError):
            self.ctx.report_error(str(result))
            return
        if isinstance(result, Exception):  # not the annotator's doing: the gutter stays without times
            log.error("reading the segment times failed", exc_info=result)
            return
        transcript_id: int
        times: list[SegmentTime]
        gaps: dict[int, tuple[int, int]]
        transcript_id, times, gaps = result  # type: ignore[misc]
        if transcript_id != self.ctx.transcript_id:
            return  # another transcript since
        self._show_times(times, gaps)

    def _show_recording(self) -> None:
        rec, transcript_id = self.recording, self.ctx.transcript_id
        if rec is None or not rec.available:  # nothing to read: no duration, no peaks
            self.player.set_duration(0)
            self.player.set_peaks(None)
        if rec is None:
            self.player.set_source(None)
            self.player.set_available(False, tr("No recording: File > Attach recording…") if transcript_id
                                      else "")
        elif not rec.available:
            self.player.set_source(None)
            self.player.set_available(False, tr("The recording is not at %1 any more: File > Find moved "
                                                "recording…").replace("%1", rec.path))
        else:
            self.player.set_source(rec.path)
            self.player.set_available(True)
            self.player.set_duration(rec.duration_ms)
            self.player.set_peaks(None)
            self.peaks.load(rec.path, rec.sha256)

    def _on_peaks(self, sha256: str, peaks: object) -> None:
        if self.recording is not None and self.recording.sha256 == sha256:
            self.player.set_peaks(peaks)

    def _on_changes(self, changes: Any) -> None:
        tid = self.ctx.transcript_id
        if tid is None or (changes.transcript_ids and tid not in changes.transcript_ids):
            return
        if changes.touches("recording"):
            self._on_transcript(tid)
            self.catch_up()  # an attach before the first paint (never for the annotator): shown at once
        elif self._pending:
            self.catch_up()
        elif changes.touches(*_TIMING_TABLES) or changes.restructured:
            self._reload_times()

    def _reload_times(self) -> None:
        tid = self.ctx.transcript_id
        self._times_reader.cancel()  # a read still under way in the thread is older than this one
        self._show_times(ops.segment_times(self.ctx.store, tid) if tid is not None else [],
                         ops.gap_times(self.ctx.store, tid) if tid is not None else {})

    def _show_times(self, times: list[SegmentTime], gap_spans: dict[int, tuple[int, int]]) -> None:
        self.times = times
        self.times_sorted = sorted(self.times, key=lambda t: t.start_ms)
        self.starts = [t.start_ms for t in self.times_sorted]
        self.by_segment = {t.segment_id: t for t in self.times}
        self.gap_spans = gap_spans
        self.player.set_marks([(t.start_ms, t.kind) for t in self.times], list(self.gap_spans.values()),
                              self.player.waveform.current)
        self._mark_current()
        self.panes.repaint_rows()

    def _mark_current(self) -> None:
        sid = self.ctx.selection.segment_id
        t = self.by_segment.get(sid) if sid is not None else None
        wave = self.player.waveform
        self.player.set_marks(wave.boundaries, wave.gaps, (t.start_ms, t.end_ms) if t is not None else None)
        self.player.show_segment("" if t is None else tr("Segment: %1 – %2, %3")
                                 .replace("%1", ops.format_ms(t.start_ms, millis=True))
                                 .replace("%2", ops.format_ms(t.end_ms, millis=True))
                                 .replace("%3", kind_name(t.kind)))

    # -- in the panes ---------------------------------------------------------------------
    def _paint_time(self, painter: QPainter, square: QRect, seg: Any, lang: str, theme: Any) -> None:
        t = self.by_segment.get(seg.id)
        if t is None:
            return
        painter.save()
        font = QFont(painter.font())
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.72))
        painter.setFont(font)
        colour = QColor(theme.quiet)
        if t.kind == "estimated":
            colour.setAlpha(150)
        painter.setPen(colour)
        text = KIND_MARK.get(t.kind, "") + ops.format_ms(t.start_ms)
        box = QRect(square.left() - 20, square.bottom() + 1, 46, square.height())
        painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), text)
        painter.restore()

    # -- following -----------------------------------------------------------------------
    def set_follow(self, on: bool) -> None:
        self.follow = bool(on)
        if self.follow_action.isChecked() != self.follow:
            self.follow_action.setChecked(self.follow)

    def segment_at(self, ms: int) -> int | None:
        """The segment spoken at ``ms`` (the last one starting at or before it)."""
        i = bisect.bisect_right(self.starts, ms) - 1
        return self.times_sorted[i].segment_id if i >= 0 else None

    def _on_playhead(self, ms: int) -> None:
        if not self.follow or not self.player.is_playing():
            return
        sid = self.segment_at(ms)
        if sid is not None and sid != self.panes.current_segment_id():
            self._following = True
            try:
                self.panes.select_segment(sid)
            finally:
                self._following = False

    def _on_selection(self, _selection: Any) -> None:
        self._mark_current()
        if self.follow and not self._following and not self.player.is_playing():
            t = self._current()
            if t is not None:
                self.player.seek(t.start_ms)

    def _current(self) -> SegmentTime | None:
        sid = self.panes.current_segment_id()
        return self.by_segment.get(sid) if sid is not None else None

    # -- playing parts ----------------------------------------------------------------------
    def play_segment(self) -> None:
        t = self._current()
        if t is not None:
            self.player.play_span(max(t.start_ms - BEFORE_SEGMENT_MS, 0), None)

    def loop_segment(self) -> None:
        """Play the current segment again and again; pressed again, play on."""
        if self.player.loop is not None:
            self.player.stop_looping()
            self.ctx.statusMessage.emit(tr("Loop off"))
            return
        t = self._current()
        if t is not None:
            self.player.play_span(t.start_ms, max(t.end_ms, t.start_ms + 500), loop=True)

    def play_gap(self, rate: float | None) -> None:
        """Play the current segment's gap (the one at the cursor, else its first) with 2 s around it."""
        sid = self.panes.current_segment_id()
        if sid is None:
            return
        span = self._gap_span(sid)
        if span is None:
            t = self.by_segment.get(sid)
            if t is None:
                return
            span = (t.start_ms, t.end_ms)
            self.ctx.statusMessage.emit(tr("This gap has no time yet: playing its segment"))
        self.player.play_span(max(span[0] - AROUND_GAP_MS, 0), span[1] + AROUND_GAP_MS, rate=rate)

    def _gap_span(self, segment_id: int) -> tuple[int, int] | None:
        from model.readmodel import load_segment

        try:
            seg = load_segment(self.ctx.store, segment_id)
        except TaiyakuError:
            return None
        cursor = self.ctx.selection.cursor
        gaps = sorted(seg.gaps, key=lambda g: (g.lang != self.ctx.selection.lang, g.start))
        if cursor is not None:
            gaps.sort(key=lambda g: not (g.start <= cursor <= g.end))
        for g in gaps:
            if g.id in self.gap_spans:
                return self.gap_spans[g.id]
        return None

    # -- stamping -----------------------------------------------------------------------
    def stamp(self) -> None:
        sid = self.panes.current_segment_id()
        if sid is None:
            return
        ms = self.player.position_ms()
        self.ctx.run(tr("Stamp segment"), lambda: ops.stamp_segment(self.ctx.store, sid, ms))

    def nudge(self, delta: int) -> None:
        sid = self.panes.current_segment_id()
        if sid is None:
            return
        self.ctx.run(tr("Nudge segment"), lambda: ops.nudge_segment(self.ctx.store, sid, delta))
        t = self.by_segment.get(sid)
        if t is not None:  # hear where it now starts
            self.player.play_span(t.start_ms, t.start_ms + 1500)

    # -- attach, relink, detach, sync ----------------------------------------------------------
    def choose_recording(self) -> None:
        if self.ctx.transcript_id is None:
            return
        patterns = " ".join(f"*{s}" for s in AUDIO_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(self.window.widget(), tr("Attach recording"), "",
                                              tr("Audio and video (%1);;All files (*)").replace("%1", patterns))
        if path:
            self.attach(path)

    def attach(self, path: str) -> int | None:
        """Attach ``path`` to the transcript on screen (one undo step)."""
        tid = self.ctx.transcript_id
        if tid is None:
            return None
        try:
            try:
                info = identify(path)
            except AudioError:
                duration = probe_with_qt(path)  # formats only Qt reads here (no FFmpeg on the machine)
                if duration is None:
                    raise
                info = identify(path, duration)
        except TaiyakuError as exc:
            self.ctx.report_error(str(exc))
            return None
        return self.ctx.run(tr("Attach recording"), lambda: ops.attach_recording(self.ctx.store, tid, info))

    def relink(self) -> None:
        tid = self.ctx.transcript_id
        if tid is None:
            return
        folder = QFileDialog.getExistingDirectory(self.window.widget(), tr("Find moved recording in…"))
        if folder:
            self.ctx.run(tr("Find moved recording"), lambda: ops.relink_recording(self.ctx.store, tid, folder))

    def detach(self) -> None:
        tid = self.ctx.transcript_id
        if tid is not None:
            self.ctx.run(tr("Detach recording"), lambda: ops.detach_recording(self.ctx.store, tid))

    def start_sync(self) -> None:
        tid, rec = self.ctx.transcript_id, self.recording
        if tid is None or rec is None:
            return
        self.sync.start(self.window.widget(), self.ctx.store, tid, rec.path)

    def _on_synced(self, transcript_id: int, result: object) -> None:
        self.ctx.run(tr("Sync with recording"),
               lambda: ops.apply_alignment(self.ctx.store, transcript_id, result))  # type: ignore[arg-type]
        aligned = sum(1 for t in self.times if t.kind == "aligned")
        message = (tr("Synced: %1 of %2 segments aligned, the rest estimated")
                   .replace("%1", str(aligned)).replace("%2", str(len(self.times))))
        doubtful = len(getattr(result, "doubtful", ()))
        if doubtful:  # heard, but not claimed: say why those stay estimated
            message += " " + tr("(%1 heard, but where they start is doubtful)").replace("%1", str(doubtful))
        self.ctx.statusMessage.emit(message)

    # -- drops -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            audio = self._audio_urls(event)  # type: ignore[arg-type]
            if audio:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                if event.type() == QEvent.Type.Drop:
                    QTimer.singleShot(0, self, lambda: self.attach(audio[0]))
                return True
        return super().eventFilter(watched, event)

    def _audio_urls(self, event: QDropEvent) -> list[str]:
        if self.ctx.transcript_id is None or not event.mimeData().hasUrls():
            return []
        return [u.toLocalFile() for u in event.mimeData().urls()
                if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in AUDIO_SUFFIXES]


def probe_with_qt(path: str, timeout_ms: int = 10_000) -> int | None:
    """The duration Qt Multimedia reads from ``path`` (None: not playable media)."""
    from PySide6.QtMultimedia import QMediaPlayer

    player = QMediaPlayer()
    loop = QEventLoop()
    found: list[int] = []

    def status(s: QMediaPlayer.MediaStatus) -> None:
        if s in (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia):
            found.append(int(player.duration()))
            loop.quit()
        elif s == QMediaPlayer.MediaStatus.InvalidMedia:
            loop.quit()

    player.mediaStatusChanged.connect(status)
    player.setSource(QUrl.fromLocalFile(path))
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    player.setSource(QUrl())
    player.deleteLater()
    return found[0] if found and found[0] > 0 else None
