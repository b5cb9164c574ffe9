"""Window benchmark: open a 50,000-segment transcript; first paint, jump, follow, memory.

Builds a database in a temporary folder, then in fresh subprocesses measures:
- time from process start to the first painted window showing the transcript,
  beside an empty QMainWindow's start-up measured the same way in the same run;
- time to jump to the last segment (Ctrl+End) until both panes have repainted;
- time to select a segment in the English pane until the Japanese pane follows
  (selection and scroll) and both have repainted;
- peak memory (max RSS) of the window process;
- time to edit a segment 80% of the way down while the panes show the top (a correction as
  the store announces it, e.g. from replace-all or undo) until both panes have repainted:
  its first edit, then a second one (the first also re-reads the transcript's structure);
- the floor: a QApplication plus importing SQLAlchemy with our schema, with no window at all;
- the frame: the first paint of a main window (the start-up frame, ``gui.window.startup_frame``, or the
  window itself): menus, toolbar, docks on screen;
- busy: from the first paint until the event loop is idle (20 quick turns in a row, the loop
  waiting for events as the app's does), while the annotator keeps moving: from the paint on, a
  follow or a Down keystroke every 60 ms, at least 100 of them; the first input counts as made at
  the paint (it waits for whatever ran after the paint). ``follow_max_ms`` is the longest of them
  all, beside p50/p90 and the UI thread's own CPU time in them (``follow_cpu_max_ms``: what the
  wait would be with a core free; on a loaded machine a follow also waits for the CPU);
- memory once the checks have ended (every finding listed): the peak, and the resident set at
  the paint and at the end with the memory-mapped files apart (Qt, fonts); and the QA checks' own
  process (``model.qa.service``): its peak resident memory (``qa_peak_mb``, Sudachi's dictionary
  mapped there now) and CPU seconds (``qa_cpu_s``), read from /proc while it waits for rechecks.
``--trace`` prints, for every follow over 50 ms, what the UI thread and the other threads were
doing (``benchmarks/ui_trace.py``), and every resize of the panes after the paint.
Targets on 2 cores (issue 15): frame < 1.5x empty window, first paint < floor + 0.35 s at 50k,
nothing waits > 100 ms (follow_max), jump, follow and far edit < 100 ms, memory < 400 MB.
The last line is machine-readable:

    frame_s=… first_paint_s=… empty_window_s=… floor_s=… busy_s=… jump_ms=… follow_ms=… follow_max_ms=…
    follow_p50_ms=… follow_p90_ms=… follow_cpu_max_ms=… peak_mb=… qa_peak_mb=… qa_cpu_s=… far_edit_ms=…
    far_reedit_ms=… load=…
    empty_cpu_s=… frame_cpu_s=… floor_cpu_s=… paint_cpu_s=… scan_floor_cpu_s=…

(``*_cpu_s``: the process's CPU seconds at its paint, threads included: on a shared machine the
wall-clock times grow with the load, these much less. ``scan_floor_cpu_s``: the floor with PySide6's
import wrapper left on: the floor as measured before the app turned it off.)

Run: ``python benchmarks/window_bench.py [--segments N] [--runs 3] [--db /tmp/window-50k.sqlite3] [--trace]``
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = ["alliance", "security", "cooperation", "the", "of", "and", "a", "to", "in", "we", "that", "Japan",
         "United", "States", "information", "partners", "intelligence", "steps", "important", "visit", "prime",
         "minister", "president", "expect", "announce", "region", "economic"]
JA_TEXT = "日米同盟は地域の平和と安定の礎であり、今回の訪問では安全保障と経済の協力をさらに強化します。"

EMPTY_CHILD = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("empty")); w.resize(1280, 820)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print("PAINT", time.time(), time.process_time(), flush=True)
            QTimer.singleShot(0, app.quit); o.removeEventFilter(self)
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
"""

# The floor of any window that reads the database through SQLAlchemy before it paints: start Python,
# create the QApplication (as the empty window does), then import the ORM with our schema and store.
# Like the app (gui.app.skip_pyside_feature_scan), with Python's own import back from PySide6's,
# which read the source of every module imported after it (~0.07 s of CPU on SQLAlchemy's).
FLOOR_CHILD = r"""
import builtins, sys, time
sys.path.insert(0, sys.argv[1])
from PySide6.QtWidgets import QApplication
if len(sys.argv) < 3 or sys.argv[2] != "scan":
    builtins.__import__ = getattr(builtins, "__orig_import__", builtins.__import__)
app = QApplication(sys.argv[:1])
import model.store, model.skeleton, model.readmodel
print("PAINT", time.time(), time.process_time(), flush=True)
"""

WINDOW_CHILD = r"""
import json, random, sys, time
sys.path.insert(0, sys.argv[2])
from benchmarks.memory import peak_mb
from gui import app as gapp

def measure(window):
    # A keystroke made at the first paint waits until now: the slots that ran after the paint
    # (the features' transcriptShown work) before this queued call.
    first_wait = (time.perf_counter() - painted_at) * 1000
    CPU.append((time.thread_time() - painted_cpu) * 1000)
    if TRACE and first_wait > 50:
        print(f"SLOW first input {first_wait:.0f} ms (UI thread's CPU {CPU[0]:.0f} ms): "
              f"{TRACE[0].report(painted_at, painted_at + first_wait / 1000)}",
              flush=True)
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QApplication, QAbstractItemView
    panes = window.panes
    en, ja = panes.pane("en"), panes.pane("ja")
    def settle():
        QApplication.processEvents()
        en.viewport().repaint(); ja.viewport().repaint()
    rng = random.Random(7)
    n = window.transcript_model.rowCount()

    def follow(row):
        # Select a row in the English pane until the Japanese pane has followed and both repainted.
        t, c = time.perf_counter(), time.thread_time()
        RUNQ[0] = runq_ms()
        en.setFocus()
        index = window.transcript_model.index(row, 0)
        en.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        en.scrollTo(index)
        settle()
        return done(t, c, "follow")

    def key_down():
        # A keystroke: Down in the English pane (the selection moves, the Japanese pane follows).
        t, c = time.perf_counter(), time.thread_time()
        RUNQ[0] = runq_ms()
        en.setFocus()
        QTest.keyClick(en, Qt.Key.Key_Down)
        settle()
        return done(t, c, "key")

    def done(t, c, what):
        # Wall-clock time, and the UI thread's own CPU time (CPU): what the wait would be on a
        # machine with a core free for the window (no other process's work, no GIL to wait for).
        took = (time.perf_counter() - t) * 1000
        CPU.append((time.thread_time() - c) * 1000)
        if TRACE and took > 50:
            print(f"SLOW {what} {took:.0f} ms (UI thread's CPU {CPU[-1]:.0f} ms, waiting for a core "
                  f"{runq_ms() - RUNQ[0]:.0f} ms) at +{t - painted_at:.2f} s: "
                  f"{TRACE[0].report(t, t + took / 1000)}",
                  flush=True)
        return took

    # From the first paint on, while what features start after it runs (checks, counts, marks) and
    # after, the annotator keeps moving: a follow or a keystroke every 60 ms, each timed (what it
    # waited for included), at least MIN_FOLLOWS of them. Idle = 20 quick turns of the event loop
    # in a row; busy_s is paint to idle.
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    pause = QEventLoop()
    quiet, deadline = 0, time.monotonic() + 180
    busy_follows, all_follows, last = [], [], 0.0
    background_s, idle_at = time.perf_counter(), None
    while (idle_at is None or len(all_follows) < MIN_FOLLOWS) and time.monotonic() < deadline:
        # Wait for events as the app's event loop does (the checks' thread works while it waits).
        t = time.perf_counter(); QTimer.singleShot(5, pause.quit); pause.exec()
        quiet = quiet + 1 if time.perf_counter() - t < 0.02 else 0
        if idle_at is None and quiet >= 20:
            idle_at = time.perf_counter()
        if time.perf_counter() - last > 0.06:
            took = key_down() if len(all_follows) % 2 else follow(rng.randrange(n))
            all_follows.append(took)
            if idle_at is None:
                busy_follows.append(took)
            last = time.perf_counter()
    background_s = (idle_at or time.perf_counter()) - background_s
    settle()
    t = time.perf_counter(); panes.go_last(); settle(); jump = (time.perf_counter() - t) * 1000
    assert en.verticalScrollBar().value() == ja.verticalScrollBar().value()
    follows = []
    for _ in range(15):
        row = rng.randrange(n)
        follows.append(follow(row))
        assert ja.currentIndex().row() == row
        assert ja.verticalScrollBar().value() == en.verticalScrollBar().value()
    all_follows += follows + [first_wait]
    far_edit, far_reedit = measure_far_edit(window, settle)
    # The window's memory with every finding listed: wait for the checks to end (not timed).
    review, checks_s = getattr(window, "review", None), time.perf_counter()
    while review is not None and review.checking and time.perf_counter() - checks_s < CHECKS_WAIT_S:
        QTimer.singleShot(50, pause.quit); pause.exec()
    checks_s = time.perf_counter() - checks_s
    # The checks' own process (model.qa.service): its peak memory and CPU time, read while it waits.
    worker = getattr(getattr(review, "checks", None), "_worker", None)
    qa_figures = worker.figures() if worker is not None and hasattr(worker, "figures") else None
    qa_peak, qa_cpu = qa_figures or (0.0, 0.0)
    peak = peak_mb()
    # Memory-mapped files (Sudachi's dictionary: ~85 MB once the checks read Japanese) count in the
    # peak too: clean pages the kernel can drop and share with other processes.
    memory = {"paint_mb": RSS[0] if RSS else 0.0, "end_mb": status_mb("VmRSS"), "end_file_mb": status_mb("RssFile")}
    print("RESULT", json.dumps({"jump_ms": jump, "follow_ms": statistics.median(follows), "busy_s": background_s,
                                "follow_max_ms": max(all_follows), "busy_follows": len(busy_follows),
                                "follows": len(all_follows), "first_wait_ms": first_wait,
                                "follow_p50_ms": quantile(all_follows, 0.5),
                                "follow_p90_ms": quantile(all_follows, 0.9),
                                "follow_cpu_p50_ms": quantile(CPU, 0.5), "follow_cpu_max_ms": max(CPU),
                                "peak_mb": peak, "rows": n, **memory, "checks_wait_s": checks_s,
                                "qa_peak_mb": qa_peak, "qa_cpu_s": qa_cpu,
                                "checks_ended": not (review is not None and review.checking),
                                "findings": len(review.findings) if review is not None else 0,
                                "far_edit_ms": far_edit, "far_reedit_ms": far_reedit}), flush=True)
    QApplication.instance().quit()

def measure_far_edit(window, settle):
    # Qt used to measure every row above a changed one to repaint it (10 s at row 40,000).
    # A segment's first edit also marks it edited, and the model then re-reads the structure;
    # the second edit shows the panes' own share.
    from model.ops.corrections import edit_text
    model, store, panes = window.transcript_model, window.ctx.store, window.panes
    panes.go_first(); settle()
    near = next(r for r in range(model.rowCount()) if model.segment_id(r) is not None)
    edit_text(store, model.segment_id(near), "en",
              "A warm-up edit on screen: the first one of a process pays for imports.")
    settle()
    far = next(r for r in range(model.rowCount() * 4 // 5, model.rowCount())
               if model.segment(r) is not None and model.segment(r).review_state != "edited")
    times = []
    for n in (1, 2):
        t = time.perf_counter()
        edit_text(store, model.segment_id(far), "en", "The far paragraph, corrected and now much longer. " * 3 * n)
        settle()
        times.append((time.perf_counter() - t) * 1000)
    en, ja = panes.pane("en"), panes.pane("ja")
    assert en.verticalScrollBar().value() == ja.verticalScrollBar().value() == 0
    return times

import statistics
def quantile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

MIN_FOLLOWS = 100
CHECKS_WAIT_S = 240  # memory is measured once the checks end, or after this long (then: "checks_ended": false)
TRACE = []
RSS = []  # resident MB at the paint

def status_mb(field):
    from pathlib import Path
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0

CPU = []  # the UI thread's CPU milliseconds of each follow (and of the first input's wait)
RUNQ = [0.0]

def runq_ms():
    # The time this (the UI) thread spent runnable but waiting for a core (Linux schedstat); 0 elsewhere.
    try:
        with open("/proc/thread-self/schedstat") as f:
            return int(f.read().split()[1]) / 1e6
    except (OSError, ValueError, IndexError):
        return 0.0
painted_at = painted_cpu = 0.0
def first_paint():
    global painted_at, painted_cpu
    print("PAINT", time.time(), time.process_time(), flush=True)
    painted_at, painted_cpu = time.perf_counter(), time.thread_time()
    RSS.append(status_mb("VmRSS"))
    if len(sys.argv) > 4 and sys.argv[4] == "trace":
        from benchmarks.ui_trace import UiTrace, ResizeLog
        TRACE.append(UiTrace()); TRACE[0].start()
        TRACE.append(ResizeLog(CTX[0].window.panes.pane("en"), painted_at))
    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, lambda: measure(CTX[0].window))

# The frame: the first paint of a main window of any kind (the start-up frame or the window itself:
# menus, toolbar, docks), transcript or not. The app is made here, as run() would, to watch it.
# Watched as the empty window is: a filter on the main window, installed as it is shown. (A filter on
# the whole app made PySide wrap every object that received an event, Qt's own window classes
# included, and build ~150 enum types for them: ~50 ms of CPU the app itself never spends.)
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
_app = QApplication(sys.argv[:1])
class _Frame(QObject):
    watching = True
    def eventFilter(self, o, e):
        if self.watching and e.type() == QEvent.Type.Paint:
            print("FRAME", time.time(), time.process_time(), flush=True); self.watching = False
            o.removeEventFilter(self)
        return False
_frame = _Frame()
_show = QMainWindow.show
def _watched_show(window):
    if _frame.watching:
        window.installEventFilter(_frame)
    _show(window)
QMainWindow.show = _watched_show

if len(sys.argv) > 3 and sys.argv[3] == "core":
    import gui.window.features
    gui.window.features.FEATURES[:] = []
CTX = []

def started(ctx):
    CTX.append(ctx)
    ctx.firstPainted.connect(first_paint)

sys.exit(gapp.run(["--db", sys.argv[1]], started=started))
"""


def build(db: Path, segments: int) -> None:
    """A realistic transcript: turns of 1-6 paragraphs, varied lengths, some untranslated, gaps."""
    from sqlalchemy import insert

    from model.schema import Gap, Segment, Speaker, Transcript, Turn
    from model.store import Store

    rng = random.Random(3)
    store = Store.open(db, annotator="bench")
    with store.engine.begin() as conn:
        transcript = insert(Transcript).values(title="Benchmark briefing", lead_lang="en")
        tid = conn.execute(transcript).inserted_primary_key[0]
        labels = ["OPERATOR", "Q", "SENIOR ADMINISTRATION OFFICIAL", "MODERATOR", None]
        speakers = [conn.execute(insert(Speaker).values(transcript_id=tid, label_en=label, role="other",
                                                        position=i)).inserted_primary_key[0]
                    for i, label in enumerate(labels[:-1])] + [None]
        sizes = []
        while sum(sizes) < segments:
            sizes.append(min(rng.randint(1, 6), segments - sum(sizes)))
        conn.execute(insert(Turn), [{"transcript_id": tid, "position": p, "speaker_id": speakers[p % 5]}
                                    for p in range(len(sizes))])
        turn_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM turn ORDER BY position")]
        rows = []
        for turn_id, size in zip(turn_ids, sizes, strict=True):
            for pos in range(size):
                words = rng.randint(8, 90)
                en = " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + " (inaudible) okay."
                ja = (JA_TEXT * (1 + words // 30)) if rng.random() > 0.2 else None
                rows.append({"turn_id": turn_id, "transcript_id": tid, "position": pos, "en_prefix": "",
                             "ja_prefix": "", "en_orig": en, "ja_orig": ja})
        conn.execute(insert(Segment), rows)
        seg_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM segment ORDER BY id")]
        gaps = []
        for sid, row in zip(seg_ids, rows, strict=True):
            at = row["en_orig"].index("(inaudible)")
            gaps.append({"segment_id": sid, "transcript_id": tid, "lang": "en", "start": at, "end": at + 11,
                         "text": "(inaudible)"})
        conn.execute(insert(Gap), gaps)
    store.close()


def _spawn(code: str, *args: str) -> tuple[float, dict, str, float]:
    """Run a child; (seconds to its paint, its result, its stderr, its CPU seconds at the paint)."""
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as home:  # fresh settings: no remembered geometry or zoom
        env["XDG_CONFIG_HOME"] = home
        if env.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
            # A 1920x1080 screen: Qt's offscreen default (800x600) is smaller than any annotator's,
            # and the window opens at most of the screen on a first run (gui.window.first_size).
            screen = Path(home) / "screen.json"
            screen.write_text(json.dumps({"screens": [{"name": "bench", "x": 0, "y": 0, "width": 1920,
                                                       "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96,
                                                       "dpr": 1}]}))
            env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
        start = time.time()
        proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                              timeout=900)
    painted, result, frame, cpu, frame_cpu = None, {}, None, 0.0, 0.0
    for line in proc.stdout.splitlines():
        if line.startswith("PAINT"):
            painted, cpu = float(line.split()[1]), float(line.split()[2])
        elif line.startswith("FRAME"):
            frame, frame_cpu = float(line.split()[1]) - start, float(line.split()[2])
        elif line.startswith("RESULT"):
            result = json.loads(line.split(" ", 1)[1])
        elif line.startswith(("SLOW", "RESIZE")):
            print("  " + line, flush=True)
    if frame is not None and result:
        result["frame_s"], result["frame_cpu_s"] = frame, frame_cpu
    if painted is None:
        raise SystemExit(f"the child did not paint: {proc.stderr[-2000:]}")
    return painted - start, result, proc.stderr, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="the database to open (built there first if missing): "
                        "build once, measure many times")
    parser.add_argument("--without-features", action="store_true",
                        help="measure the window alone, without the features of gui/features.py")
    parser.add_argument("--trace", action="store_true",
                        help="for every follow over 50 ms, print what the UI thread and the others were doing "
                        "(benchmarks/ui_trace.py: its sampling makes the figures a little worse)")
    args = parser.parse_args()
    # As installed (pip, the packaged app): our modules' bytecode is compiled, like PySide6's. Without
    # this, a checkout run with PYTHONDONTWRITEBYTECODE=1 compiles gui/ and model/ on every start.
    for package in ("gui", "model"):
        compileall.compile_dir(ROOT / package, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.sqlite3"
        if not db.exists():
            t0 = time.perf_counter()
            build(db, args.segments)
            print(f"built {args.segments} segments in {time.perf_counter() - t0:.1f} s")
        else:  # built by an older version: migrated once here, not in every run's start-up
            from model.store import Store

            Store.open(db, annotator="bench").close()
        empties, floors, paints, results = [], [], [], []
        for run in range(args.runs):
            empty, _, _, empty_cpu = _spawn(EMPTY_CHILD)
            floor, _, _, floor_cpu = _spawn(FLOOR_CHILD, str(ROOT))
            _, _, _, scan_floor_cpu = _spawn(FLOOR_CHILD, str(ROOT), "scan")  # the floor as measured before
            # A copy per run: the child edits the transcript (far edit), and a corrected first segment
            # would make the next run's start-up load the correction icons before it paints.
            fresh = Path(tmp) / f"run{run}.sqlite3"
            shutil.copyfile(db, fresh)
            paint, result, err, paint_cpu = _spawn(WINDOW_CHILD, str(fresh), str(ROOT),
                                        "core" if args.without_features else "all",
                                        "trace" if args.trace else "")
            fresh.unlink()
            if not result:
                raise SystemExit(f"the window child failed: {err[-2000:]}")
            empties.append(empty)
            floors.append(floor)
            paints.append(paint)
            result.update(empty_cpu_s=empty_cpu, floor_cpu_s=floor_cpu, paint_cpu_s=paint_cpu,
                          scan_floor_cpu_s=scan_floor_cpu)
            results.append(result)
            print(f"run {run + 1}: empty {empty:.3f} s, Qt + SQLAlchemy floor {floor:.3f} s, "
                  f"frame {result.get('frame_s', float('nan')):.3f} s, first paint {paint:.3f} s, "
                  f"jump {result['jump_ms']:.1f} ms, "
                  f"follow {result['follow_ms']:.1f} ms (max {result['follow_max_ms']:.1f}; over "
                  f"{result['follows']} follows and keys from the paint, the first input waiting "
                  f"{result['first_wait_ms']:.0f} ms: p50 {result['follow_p50_ms']:.0f}, "
                  f"p90 {result['follow_p90_ms']:.0f}, max {result['follow_max_ms']:.0f} ms; "
                  "the UI thread's CPU in them: "
                  f"p50 {result['follow_cpu_p50_ms']:.0f}, max {result['follow_cpu_max_ms']:.0f} ms), "
                  f"peak {result['peak_mb']:.0f} MB (at the paint {result['paint_mb']:.0f}, at the end "
                  f"{result['end_mb']:.0f} of which {result['end_file_mb']:.0f} mapped files; "
                  f"{result['findings']} findings listed"
                  f"{'' if result['checks_ended'] else ', the checks still running'}; the checks' process: "
                  f"peak {result['qa_peak_mb']:.0f} MB, CPU {result['qa_cpu_s']:.1f} s), "
                  f"rows {result['rows']}, busy after paint {result['busy_s']:.1f} s, "
                  f"far edit {result['far_edit_ms']:.1f} ms (again {result['far_reedit_ms']:.1f}); CPU seconds "
                  f"at the paint: empty {empty_cpu:.2f}, frame {result.get('frame_cpu_s', 0.0):.2f}, "
                  f"floor {floor_cpu:.2f} (with PySide's scan {scan_floor_cpu:.2f}), window {paint_cpu:.2f}")
    empty = statistics.median(empties)
    paint = statistics.median(paints)
    jump = statistics.median(r["jump_ms"] for r in results)
    follow = statistics.median(r["follow_ms"] for r in results)
    peak = max(r["peak_mb"] for r in results)
    floor = statistics.median(floors)
    print(f"floor: QApplication + importing SQLAlchemy with our schema takes {floor:.3f} s "
          f"({floor / empty:.1f}x the empty window) before any window work")
    frame = statistics.median(r.get("frame_s", paint) for r in results)
    busy = statistics.median(r["busy_s"] for r in results)
    follow_max = max(r["follow_max_ms"] for r in results)
    follow_p50 = statistics.median(r["follow_p50_ms"] for r in results)
    follow_p90 = statistics.median(r["follow_p90_ms"] for r in results)
    follow_cpu_max = max(r["follow_cpu_max_ms"] for r in results)
    far_edit = statistics.median(r["far_edit_ms"] for r in results)
    far_reedit = statistics.median(r["far_reedit_ms"] for r in results)
    qa_peak = max(r["qa_peak_mb"] for r in results)
    qa_cpu = statistics.median(r["qa_cpu_s"] for r in results)

    def cpu(key: str) -> float:  # CPU seconds at the paint: what a shared machine's load does not inflate
        return statistics.median(r[key] for r in results)
    print(f"targets: frame < {1.5 * empty:.2f} s (1.5x empty), first paint < floor + 0.35 s at 50k "
          f"({floor + 0.35:.2f} s), nothing waits > 100 ms while busy (follow_max), jump, follow and far edit "
          f"< 100 ms, memory < 400 MB")
    print(f"frame_s={frame:.3f} first_paint_s={paint:.3f} empty_window_s={empty:.3f} floor_s={floor:.3f} "
          f"busy_s={busy:.2f} jump_ms={jump:.1f} follow_ms={follow:.1f} follow_max_ms={follow_max:.1f} "
          f"follow_p50_ms={follow_p50:.1f} follow_p90_ms={follow_p90:.1f} follow_cpu_max_ms={follow_cpu_max:.1f} "
          f"peak_mb={peak:.0f} qa_peak_mb={qa_peak:.0f} qa_cpu_s={qa_cpu:.1f} "
          f"far_edit_ms={far_edit:.1f} far_reedit_ms={far_reedit:.1f} "
          f"load={os.getloadavg()[0]:.1f} empty_cpu_s={cpu('empty_cpu_s'):.2f} frame_cpu_s={cpu('frame_cpu_s'):.2f} "
          f"floor_cpu_s={cpu('floor_cpu_s'):.2f} "
          f"paint_cpu_s={cpu('paint_cpu_s'):.2f} scan_floor_cpu_s={cpu('scan_floor_cpu_s'):.2f}")


if __name__ == "__main__":
    main()
