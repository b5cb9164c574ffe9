"""The transcript's first paint waits only for what it shows: numpy, Qt Multimedia, the icon
library, the importer and the exporters are imported after it (or at first use), and every
feature's actions are there at the paint all the same."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from gui_helpers import BRIEFING, make_transcript, make_window

from model.audio import ops
from model.audio.pcm import identify
from model.store import Store
from tests.model.test_audio_model import write_tone

ROOT = Path(__file__).resolve().parents[2]
# model.sync.replay: the take-out feature asks whether the file is a checkout at start-up, without the
# sync machinery (model.sync.tables.read_checkout).
HEAVY = ("numpy", "PySide6.QtMultimedia", "qtawesome", "model.importer", "model.export", "model.sync.replay")

# Opens the database in the app as a user would (gui.app.run), notes at the first paint what is
# imported and which actions exist, then after the deferred set-up what the player has.
SCRIPT = """
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gui import app as gapp
HEAVY = tuple(sys.argv[2:])
out = {}
CTX = []

def painted():
    window = CTX[0].window
    audio = window.features["audio"]
    out["at_paint"] = sorted(m for m in HEAVY if m in sys.modules)
    out["audio_actions"] = sorted(k for k in window.registry.items if k.startswith("audio_"))
    out["play_enabled"] = window.registry.get("audio_play").isEnabled()
    out["media_at_paint"] = audio.player.has_media()
    out["status_at_paint"] = audio.player.status.text()
    deadline = time.monotonic() + 30

    def later():
        if not (audio.player.has_media() and window.registry.icons_loaded) and time.monotonic() < deadline:
            QTimer.singleShot(20, later)
            return
        out["after"] = sorted(m for m in HEAVY if m in sys.modules)
        out["source"] = audio.player.player.source().toLocalFile()
        content = audio.dock.widget()  # in the dock's scroll area (gui.window.dock_scroll)
        out["dock_widget"] = type(content.widget() if hasattr(content, "setWidgetResizable") else content).__name__
        tree = window.annotate.corrections_tab.tree
        out["correction_icon"] = tree.topLevelItemCount() > 0 and not tree.topLevelItem(0).icon(3).isNull()
        print("RESULT", json.dumps(out), flush=True)
        QApplication.instance().quit()
    QTimer.singleShot(0, later)

def started(ctx):
    CTX.append(ctx)
    ctx.firstPainted.connect(painted)

sys.exit(gapp.run(["--db", sys.argv[1]], started=started))
"""


def _run_app(db: Path, tmp_path: Path) -> dict:  # type: ignore[type-arg]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(db), *HEAVY], capture_output=True, text=True,
                            timeout=180, env=env, cwd=ROOT)
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert result.returncode == 0 and lines, result.stdout + result.stderr[-3000:]
    return json.loads(lines[0].split(" ", 1)[1])  # type: ignore[no-any-return]


def test_the_first_paint_imports_no_numpy_multimedia_icons_importer_or_exporters(tmp_path):
    db = tmp_path / "lib.sqlite3"
    store = Store.open(db, annotator="tester")
    tid = make_transcript(store, BRIEFING, title="With a recording")
    wav = write_tone(tmp_path / "briefing.wav", 8.0)
    ops.attach_recording(store, tid, identify(wav))
    from model.ops.corrections import edit_text
    from model.skeleton import load_skeleton

    first = next(s for s in load_skeleton(store, tid).segment_ids if s is not None)
    edit_text(store, first, "en", "A correction on the segment the window opens on.")  # the Corrections tab fills
    store.close()
    out = _run_app(db, tmp_path)
    assert out["at_paint"] == [], f"imported before the first paint: {out['at_paint']}"
    # Every action of the audio feature is there at the paint, enabled for the attached recording.
    assert {"audio_attach", "audio_play", "audio_stamp", "audio_sync", "audio_follow", "audio_detach"} \
        <= set(out["audio_actions"])
    assert out["play_enabled"] and not out["media_at_paint"]
    assert "No recording" not in out["status_at_paint"]  # the dock never says so for a moment
    # Right after the paint the player is built and given the recording.
    assert "PySide6.QtMultimedia" in out["after"]
    assert Path(out["source"]) == wav.resolve()
    assert out["dock_widget"] == "PlayerWidget"
    assert out["correction_icon"]  # the correction's status icon came with the icon library


def test_before_its_first_paint_the_window_gives_the_player_no_recording_and_an_action_still_plays(
        qtbot, store, tmp_path):
    from PySide6.QtCore import QSettings

    from gui.window.context import AppContext
    from gui.window.main_window import MainWindow

    tid = make_transcript(store, BRIEFING, title="With a recording")
    wav = write_tone(tmp_path / "c.wav", 20.0)
    ops.attach_recording(store, tid, identify(wav))
    window = MainWindow(AppContext(store), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.open_initial(tid)
    audio = window.features["audio"]
    assert not window.painted() and not audio.player.has_media()  # not shown: nothing painted yet
    assert window.registry.get("audio_play").isEnabled() and "c.wav" in audio.dock.windowTitle()
    # Used before the paint (a key pressed at once): the player gets the recording then, and plays.
    window.registry.get("audio_play").trigger()
    assert audio.player.has_media()
    assert Path(audio.player.player.source().toLocalFile()) == wav.resolve()
    qtbot.waitUntil(audio.player.is_playing, timeout=10_000)
    audio.player.toggle()


def test_after_the_paint_a_recording_attaches_and_plays(qtbot, store, tmp_path):
    window, tid = make_window(qtbot, store, tmp_path)
    qtbot.waitUntil(window.painted, timeout=5_000)
    audio = window.features["audio"]
    assert not audio.player.has_media()  # no recording: no media player made at all
    audio.attach(str(write_tone(tmp_path / "c.wav", 20.0)))
    assert audio.player.has_media() and audio.player.player.source().toLocalFile().endswith("c.wav")
    qtbot.waitUntil(lambda: audio.player.waveform.peaks is not None, timeout=10_000)
    window.registry.get("audio_play").trigger()
    qtbot.waitUntil(audio.player.is_playing, timeout=10_000)
    window.registry.get("audio_play").trigger()
    qtbot.waitUntil(lambda: not audio.player.is_playing(), timeout=5_000)


def test_after_paint_callbacks_run_once_after_the_paint_and_at_once_later(qtbot, store, tmp_path):
    from PySide6.QtCore import QSettings

    from gui.window.context import AppContext
    from gui.window.main_window import MainWindow

    tid = make_transcript(store, BRIEFING)
    window = MainWindow(AppContext(store), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    calls: list[str] = []
    window.after_paint(lambda: calls.append("early"))
    window.open_initial(tid)
    qtbot.wait(50)
    assert calls == []  # not shown, not painted
    window.show()
    qtbot.waitUntil(lambda: calls == ["early"], timeout=5_000)
    window.after_paint(lambda: calls.append("late"))
    qtbot.waitUntil(lambda: calls == ["early", "late"], timeout=5_000)
    window.repaint()
    qtbot.wait(50)
    assert calls == ["early", "late"]


def test_the_app_gives_python_its_own_import_back_from_pyside():
    # PySide6's wrapped import read the whole source of every module imported after it (for its
    # opt-in __feature__, which Taiyaku does not use): 0.1-0.15 s of CPU before the first paint.
    script = ("import builtins, sys\nimport gui.app\n"
              "print(builtins.__import__ is getattr(builtins, '__orig_import__', None))\n"
              "print(gui.app.skip_pyside_feature_scan())\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.stdout.split() == ["True", "False"], result.stdout + result.stderr[-2000:]


def test_the_collector_is_paused_only_until_the_first_paint(tmp_path):
    """Start-up runs without Python's cycle collector (it found nothing to free and cost ~0.16 s);
    at the paint it runs again, or a long session's cyclic garbage would never be freed."""
    db = tmp_path / "lib.sqlite3"
    store = Store.open(db, annotator="tester")
    make_transcript(store, BRIEFING, title="Collector")
    store.close()
    script = ("import gc, sys\nfrom PySide6.QtWidgets import QApplication\nfrom gui import app as gapp\n"
              "seen = []\n"
              "def started(ctx):\n"
              "    def painted():\n"
              "        seen.append(gc.isenabled()); QApplication.instance().quit()\n"
              "    ctx.firstPainted.connect(painted)\n"
              "gapp.run(['--db', sys.argv[1]], started=started)\n"
              "print('RESULT', seen, gc.isenabled())\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    result = subprocess.run([sys.executable, "-c", script, str(db)], capture_output=True, text=True,
                            timeout=180, env=env, cwd=ROOT)
    assert "RESULT [True] True" in result.stdout, result.stdout + result.stderr[-3000:]
