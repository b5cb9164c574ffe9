"""The recording in the window: attach (and drop), the waveform cache, play/rewind, stamp and
nudge as undo steps, follow mode, and a sync in the background with one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import BRIEFING, make_window
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from model.audio import ops
from tests.audio_fixture import Piece, make_recording, tools_or_skip
from tests.gui.test_gui_annotate import _open_editor
from tests.model.test_audio_model import write_tone


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The waveform cache goes to a folder of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def first_segment(window) -> int:  # type: ignore[no-untyped-def]
    return next(s for s in window.transcript_model.skeleton.segment_ids if s is not None)


def test_attach_shows_the_player_and_the_waveform_and_undo_detaches(qtbot, store, tmp_path, cache_home):
    window, tid = make_window(qtbot, store, tmp_path)
    audio = window.features["audio"]
    assert not window.registry.get("audio_play").isEnabled()  # nothing to play yet
    wav = write_tone(tmp_path / "briefing.wav", 30.0)
    audio.attach(str(wav))
    assert ops.recording_of(store, tid) is not None
    assert window.registry.get("audio_play").isEnabled() and "briefing.wav" in audio.dock.windowTitle()
    qtbot.waitUntil(lambda: audio.player.waveform.peaks is not None, timeout=10_000)
    assert list(cache_home.rglob("*.npy")), "the waveform was not cached"
    # Every segment shows a time now (estimated over the whole recording).
    assert {t.kind for t in audio.times} == {"estimated"} and len(audio.times) == 6
    window.ctx.undo_stack.undo()
    assert ops.recording_of(store, tid) is None and not window.registry.get("audio_play").isEnabled()
    # Detached: the waveform no longer says it is reading a recording.
    assert audio.player.waveform.duration_ms == 0 and audio.player.waveform.peaks is None


def test_dropping_an_audio_file_attaches_it(qtbot, store, tmp_path):
    window, tid = make_window(qtbot, store, tmp_path)
    wav = write_tone(tmp_path / "dropped.wav", 5.0)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(wav))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    # What Qt does with a real drop on the window: its event filters see the event first.
    assert window.features["audio"].eventFilter(window, event) and event.isAccepted()
    qtbot.waitUntil(lambda: ops.recording_of(store, tid) is not None, timeout=5_000)
    assert ops.recording_of(store, tid).duration_ms == 5_000  # type: ignore[union-attr]


def test_an_audio_file_dropped_on_an_open_editor_attaches_and_leaves_the_text_alone(qtbot, store, tmp_path):
    window, tid = make_window(qtbot, store, tmp_path)
    editor = _open_editor(qtbot, window, 1, "en")
    typed = editor.toPlainText()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(write_tone(tmp_path / "on-editor.wav", 5.0)))])
    # As a real drag does: the events go to the widget under the pointer, the editor's viewport.
    for event in (QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                  Qt.KeyboardModifier.NoModifier),
                  QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier)):
        QApplication.sendEvent(editor.viewport(), event)
    qtbot.waitUntil(lambda: ops.recording_of(store, tid) is not None, timeout=5_000)
    assert editor.toPlainText() == typed  # the file's address was not typed into the segment
    assert window.annotate.editor is editor  # and the editor is still open


def test_resume_rewinds_and_stamp_and_nudge_are_undo_steps(qtbot, store, tmp_path):
    window, tid = make_window(qtbot, store, tmp_path)
    audio = window.features["audio"]
    audio.attach(str(write_tone(tmp_path / "c.wav", 30.0)))
    player = audio.player
    player.seek(10_000)
    qtbot.waitUntil(lambda: abs(player.player.position() - 10_000) < 300, timeout=10_000)
    player.toggle()  # resume: 1.5 s earlier (no audio device here, but the position still moves)
    qtbot.waitUntil(player.is_playing, timeout=5_000)
    assert 8_300 <= player.player.position() <= 9_400
    player.toggle()
    sid = first_segment(window)
    window.panes.select_segment(sid)
    player.seek(4_000)
    qtbot.waitUntil(lambda: abs(player.player.position() - 4_000) < 300, timeout=5_000)
    window.registry.get("audio_stamp").trigger()
    assert audio.by_segment[sid].kind == "stamped"
    stamped = audio.by_segment[sid].start_ms
    assert abs(stamped - 4_000) < 300
    window.registry.get("audio_nudge_fwd").trigger()
    assert audio.by_segment[sid].start_ms == stamped + 100
    window.ctx.undo_stack.undo()
    assert audio.by_segment[sid].start_ms == stamped
    window.ctx.undo_stack.undo()
    assert audio.by_segment[sid].kind == "estimated"


def test_follow_mode_selecting_a_segment_seeks_to_it(qtbot, store, tmp_path):
    window, _tid = make_window(qtbot, store, tmp_path)
    audio = window.features["audio"]
    audio.attach(str(write_tone(tmp_path / "c.wav", 60.0)))
    window.registry.get("audio_follow").trigger()
    assert audio.follow
    third = audio.times[3]
    window.panes.select_segment(third.segment_id)
    qtbot.waitUntil(lambda: abs(audio.player.position_ms() - third.start_ms) < 300, timeout=5_000)
    assert audio.segment_at(third.start_ms + 10) == third.segment_id


def test_sync_runs_in_the_background_and_is_one_undo_step(qtbot, store, tmp_path):
    tools_or_skip()
    window, tid = make_window(qtbot, store, tmp_path)
    pieces = [Piece(pause_s=0.5)]
    for _label, segments in BRIEFING:
        for en, _ja in segments:
            pieces += [Piece(en.replace("(inaudible)", "language")), Piece(pause_s=0.6)]
    wav = tmp_path / "briefing.wav"
    truths = make_recording(pieces, wav, noise=0.01)
    audio = window.features["audio"]
    audio.attach(str(wav))
    steps = window.ctx.undo_stack.count()
    audio.start_sync()
    with qtbot.waitSignal(audio.sync.finished, timeout=120_000):
        pass
    assert window.ctx.undo_stack.count() == steps + 1
    spoken = [t.start for t in truths if t.piece.spoken]
    starts = [t.start_ms / 1000 for t in audio.times]
    assert sum(1 for t in audio.times if t.kind == "aligned") >= 5
    assert all(abs(a - b) <= 0.5 for a, b, t in zip(starts, spoken, audio.times, strict=True) if t.kind == "aligned")
    window.grab().save(str(tmp_path / "audio-window.png"))
    window.ctx.undo_stack.undo()
    assert {t.kind for t in audio.times} == {"estimated"}


def test_a_format_only_qt_reads_here_is_attached_drawn_and_synced(qtbot, store, tmp_path, monkeypatch):
    tools_or_skip()
    monkeypatch.setattr("shutil.which", lambda *_a, **_k: None)  # no FFmpeg program: Qt decodes
    window, tid = make_window(qtbot, store, tmp_path)
    pieces = [Piece(pause_s=0.5)]
    for _label, segments in BRIEFING[:2]:
        for en, _ja in segments:
            pieces += [Piece(en.replace("(inaudible)", "language")), Piece(pause_s=0.6)]
    wav = tmp_path / "briefing.wav"
    truths = make_recording(pieces, wav)
    ogg = tmp_path / "briefing.ogg"
    import subprocess

    subprocess.run(["sox", str(wav), "-C", "3", str(ogg)], check=True, capture_output=True)
    audio = window.features["audio"]
    audio.attach(str(ogg))
    rec = ops.recording_of(store, tid)
    assert rec is not None and abs(rec.duration_ms - truths[-1].end * 1000) < 200
    qtbot.waitUntil(lambda: audio.player.waveform.peaks is not None, timeout=20_000)
    audio.start_sync()
    with qtbot.waitSignal(audio.sync.finished, timeout=120_000):
        pass
    first = [t for t in audio.times if t.kind == "aligned"]
    assert first and abs(first[0].start_ms / 1000 - truths[1].start) <= 0.5


def test_the_export_dialog_writes_timestamps_and_subtitles(qtbot, store, tmp_path):
    window, tid = make_window(qtbot, store, tmp_path)
    window.features["audio"].attach(str(write_tone(tmp_path / "c.wav", 60.0)))
    window.registry.items["export"].action.trigger()
    dialog = window.features["export_dialog"].dialog
    qtbot.waitExposed(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("txt"))
    dialog.timestamps.setChecked(True)
    dialog.update_preview()
    assert dialog.preview_text.toPlainText().startswith("[00:00:00] So, look")
    dialog.format.setCurrentIndex(dialog.format.findData("srt"))
    dialog.update_preview()
    assert "00:00:00,000 --> " in dialog.preview_text.toPlainText()


def test_the_rewind_on_resume_follows_the_preference_from_0_to_5_seconds(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from gui.audio.player import PlayerWidget
    from gui.preferences import rewind_seconds
    from gui.preferences.pages import WorkPage

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert rewind_seconds(settings) == 1.5
    page = WorkPage(settings)
    qtbot.addWidget(page)
    assert page.rewind.value() == 1.5  # Preferences shows what the player does
    assert (page.rewind.minimum(), page.rewind.maximum()) == (0.0, 5.0)
    settings.setValue("player/rewind_seconds", 7)
    assert rewind_seconds(settings) == 5.0
    # 0: a resume goes on exactly where it stopped.
    settings.setValue("player/rewind_seconds", 0)
    player = PlayerWidget(settings)
    qtbot.addWidget(player)
    player.set_source(str(write_tone(tmp_path / "t.wav", 20.0)))
    player.seek(10_000)
    qtbot.waitUntil(lambda: abs(player.player.position() - 10_000) < 300, timeout=10_000)
    player.toggle()
    qtbot.waitUntil(player.is_playing, timeout=5_000)
    assert player.player.position() >= 9_900
    player.toggle()


def test_loop_again_plays_on_and_a_slowed_gap_gives_the_speed_back(qtbot, store, tmp_path):
    window, _tid = make_window(qtbot, store, tmp_path)
    audio = window.features["audio"]
    audio.attach(str(write_tone(tmp_path / "c.wav", 60.0)))
    player = audio.player
    window.panes.select_segment(audio.times[1].segment_id)
    loop = window.registry.get("audio_loop")
    loop.trigger()
    qtbot.waitUntil(player.is_playing, timeout=10_000)
    assert player.loop is not None
    loop.trigger()  # the same key again: out of the loop, still playing
    assert player.loop is None and player.stop_at is None and player.is_playing()
    player.toggle()
    # "Play the gap slowly" is slow for that span only; the annotator's speed comes back after it.
    player.change_speed(0.2)
    player.play_span(1_000, 1_400, rate=0.5)
    assert player.speed.value() == 0.5
    qtbot.waitUntil(lambda: not player.is_playing(), timeout=10_000)
    assert player.speed.value() == 1.2


def test_the_dock_has_buttons_for_the_keys_and_says_how_the_current_time_is_known(qtbot, store, tmp_path):
    from gui.audio.player import ActionButton

    window, _tid = make_window(qtbot, store, tmp_path)
    audio = window.features["audio"]
    buttons = {b.accessibleName(): b for b in audio.player.findChildren(ActionButton)}
    assert not buttons["Loop the segment"].isEnabled()  # nothing to play yet
    audio.attach(str(write_tone(tmp_path / "c.wav", 60.0)))
    sid = audio.times[2].segment_id
    window.panes.select_segment(sid)
    assert "estimated" in audio.player.segment_label.text()
    assert buttons["Follow the recording"].isEnabled() and not buttons["Follow the recording"].isChecked()
    buttons["Follow the recording"].click()
    assert audio.follow and buttons["Follow the recording"].isChecked()
    audio.player.seek(12_345)
    qtbot.waitUntil(lambda: abs(audio.player.player.position() - 12_345) < 300, timeout=10_000)
    buttons["Stamp segment start here"].click()
    assert audio.by_segment[sid].kind == "stamped"
    assert "stamped by ear" in audio.player.segment_label.text()


def test_a_foot_pedal_key_bound_to_play_works_while_a_segment_is_being_edited(qtbot, store, tmp_path):
    from PySide6.QtCore import Qt

    from gui.preferences.shortcuts import PREFIX, apply_shortcuts

    window, _tid = make_window(qtbot, store, tmp_path)
    audio = window.features["audio"]
    audio.attach(str(write_tone(tmp_path / "c.wav", 60.0)))
    # Foot pedals send keys such as F13-F24 or the media keys; any of them can be bound.
    window.settings.setValue(PREFIX + "audio_play", "F13")
    apply_shortcuts(window.registry, window.settings)
    window.panes.active_lang = "en"
    window.panes.go_row(1)
    window.panes.pane("en").setFocus()
    window.registry.get("edit_segment").trigger()
    editor = window.annotate.editor
    assert editor is not None
    qtbot.waitUntil(editor.hasFocus, timeout=5_000)
    qtbot.keyClick(editor, Qt.Key.Key_F13)
    qtbot.waitUntil(audio.player.is_playing, timeout=10_000)
    assert window.annotate.editor is editor  # still editing
    qtbot.keyClick(editor, Qt.Key.Key_F13)
    qtbot.waitUntil(lambda: not audio.player.is_playing(), timeout=5_000)


def test_the_zoomed_strip_shows_the_seconds_around_the_playhead_and_a_click_there_seeks(qtbot, store, tmp_path):
    from PySide6.QtCore import QPoint

    from gui.audio.waveform import BINS, FINE_MS

    window, _tid = make_window(qtbot, store, tmp_path)
    audio = window.features["audio"]
    audio.attach(str(write_tone(tmp_path / "c.wav", 30.0)))
    player = audio.player
    qtbot.waitUntil(lambda: player.zoom.fine is not None, timeout=10_000)
    assert len(player.zoom.fine) == 30_000 // FINE_MS  # one peak per 20 ms: words and pauses show
    assert len(player.waveform.peaks) == BINS  # the overview is made from them
    player.seek(10_000)
    zoom = player.zoom
    zoom.resize(600, 80)
    assert zoom.ms_at(300) == 10_000  # the playhead in the middle
    qtbot.mouseClick(zoom, Qt.MouseButton.LeftButton, pos=QPoint(450, 40))
    qtbot.waitUntil(lambda: abs(player.player.position() - 13_000) < 300, timeout=10_000)


def test_with_no_recording_the_strips_draw_no_seconds_and_no_playhead(qtbot, store, tmp_path):
    """A transcript without a recording: both strips are blank (the dock says why), not a time
    axis from 0:00 with a red playhead over nothing."""
    from PySide6.QtGui import QPalette

    window, _tid = make_window(qtbot, store, tmp_path)
    player = window.features["audio"].player
    for view in player.views():
        view.resize(400, 80)
        image = view.grab().toImage()
        base = view.palette().color(QPalette.ColorRole.Base).rgb()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(image.height())}
        assert colours == {base}, f"{type(view).__name__} draws over an empty recording"
    audio = window.features["audio"]
    audio.attach(str(write_tone(tmp_path / "d.wav", 10.0)))
    zoom = player.zoom
    zoom.resize(400, 80)
    image = zoom.grab().toImage()
    assert len({image.pixel(x, y) for x in range(0, 400, 3) for y in range(80)}) > 1  # attached: drawn


def test_the_recording_dock_wraps_its_buttons_instead_of_cutting_them_off(qtbot, store, tmp_path):
    """The Recording dock can be made about 580 pixels wide beside Details (it would not go below
    741, and a window too small for that cut its controls off): its buttons and the segment's
    time wrap onto more rows, none is cut off at its edge."""
    window, _tid = make_window(qtbot, store, tmp_path)
    window.resize(1500, 940)
    audio = window.features["audio"]
    audio.attach(str(write_tone(tmp_path / "e.wav", 10.0)))
    qtbot.waitUntil(lambda: audio.player.waveform.peaks is not None, timeout=10_000)
    window.splitDockWidget(window.details_dock, audio.dock, Qt.Orientation.Horizontal)
    window.resizeDocks([window.details_dock, audio.dock], [900, 580], Qt.Orientation.Horizontal)
    qtbot.wait(50)
    player = audio.player
    assert audio.dock.width() < 620, f"the dock cannot be narrower than {audio.dock.width()} px"
    visible = audio.dock.contentsRect().width()
    assert player.width() <= visible + 1, f"the player is {player.width()} px wide in a {visible} px dock"
    buttons = [w for w in player.findChildren(QWidget) if w.isVisible() and w.parent() is player]
    cut = [w.objectName() or type(w).__name__ for w in buttons if w.geometry().right() > player.width()]
    assert not cut


def test_the_waveform_is_decoded_in_its_turn_among_the_background_threads(qtbot, tmp_path, monkeypatch):
    # numpy's import and the decoding held Python's lock beside the other threads started after the
    # first paint, and the window's thread waited behind all of them.
    import threading

    from gui.audio.waveform import PeaksLoader
    from gui.window import activity

    monkeypatch.setattr(activity, "TURN_WAIT_S", 30.0)
    wav = write_tone(tmp_path / "tone.wav", 2.0)
    loader = PeaksLoader()
    got: list[str] = []
    loader.ready.connect(lambda sha, peaks: got.append(sha))
    holding, release = threading.Event(), threading.Event()

    def another_thread_works() -> None:
        with activity.taking_turns():
            holding.set()
            release.wait(30)

    threading.Thread(target=another_thread_works, name="taiyaku-other-work", daemon=True).start()
    assert holding.wait(5)
    loader.load(str(wav), "a" * 64)
    qtbot.wait(500)
    assert got == []  # it waits for its turn
    release.set()
    qtbot.waitUntil(lambda: got == ["a" * 64], timeout=10_000)
    qtbot.waitUntil(lambda: not any(t.name in ("taiyaku-waveform", "taiyaku-other-work")
                                    for t in threading.enumerate()), timeout=10_000)
