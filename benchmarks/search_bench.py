"""Search benchmark: a generated library (300 transcripts, 210,000 segments by default).

Every transcript has English paragraphs with a Japanese translation for half of
them, a correction in one segment of 50 (so ``search_text`` holds real rows), and
a rare word in a few places. Each pattern is searched as ``taiyaku search`` does
(``model.search.search``, first 1,000 hits) in this process -- the time beyond the
command line's start-up -- and once through the command line itself, beside
``taiyaku list`` (start-up plus a trivial command). Prints seconds per pattern and
the peak memory; the last line is machine-readable:

    common_en_s=… rare_en_s=… ja_s=… rare_ja_s=… regex_s=… none_s=… cli_search_s=… cli_list_s=… peak_mb=…

Goal: <= 0.5 s beyond start-up at 200,000+ segments in 300 transcripts (2-core machine, shared).
Run: ``python benchmarks/search_bench.py [--transcripts N] [--segments-per N] [--db PATH]``
(``--db`` keeps the generated library for the next run).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select  # noqa: E402

from benchmarks.memory import peak_mb  # noqa: E402
from model.schema import Annotator, Correction, Segment, Transcript, Turn  # noqa: E402
from model.search import search  # noqa: E402
from model.search_index import rebuild  # noqa: E402
from model.store import Store  # noqa: E402

EN = "Paragraph {i}: the senior official said the alliance projection matters to Kyoto News in {t}."
JA = "段落{i}:政府高官は同盟予測が{t}年の共同通信にとって重要だと述べた。"
PATTERNS = {
    "common_en": ("kyoto news", False),
    "rare_en": ("hypersonic", False),
    "ja": ("共同通信", False),
    "rare_ja": ("極超音速", False),
    "regex": (r"paragraph 1\d{4}7:", True),
    "none": ("zzzq no such text", False),
}


def build(store: Store, transcripts: int, per: int, per_turn: int = 5) -> None:
    """Write the library with Core inserts (setup, not measured)."""
    when = datetime(2024, 4, 9, 12, 0, 0)
    with store.engine.begin() as conn:
        me = conn.execute(insert(Annotator).values(name="search-bench")).inserted_primary_key[0]
        for t in range(transcripts):
            tid = conn.execute(insert(Transcript).values(title=f"Briefing {t}", lead_lang="en", imported_at=when)
                               ).inserted_primary_key[0]
            turns = per // per_turn
            conn.execute(insert(Turn), [{"transcript_id": tid, "position": p} for p in range(turns)])
            turn_ids = [r[0] for r in conn.execute(select(Turn.id).where(Turn.transcript_id == tid)
                                                   .order_by(Turn.position))]
            rows = []
            for i in range(turns * per_turn):
                en = EN.format(i=t * per + i, t=t)
                ja = JA.format(i=t * per + i, t=t) if i % 2 else None
                if i % 997 == 5:
                    en += " Is it AI hypersonic capability?"
                    ja = (ja or "") + "AI極超音速能力なのか?"
                rows.append({"turn_id": turn_ids[i // per_turn], "transcript_id": tid, "position": i % per_turn,
                             "en_prefix": "", "en_orig": en, "ja_prefix": "", "ja_orig": ja})
            conn.execute(insert(Segment), rows)
            seg_ids = [r[0] for r in conn.execute(select(Segment.id).where(Segment.transcript_id == tid)
                                                  .order_by(Segment.id))]
            fixes = []
            for n, sid in enumerate(seg_ids):
                if n % 50 == 0:
                    at = rows[n]["en_orig"].index("Kyoto")
                    fixes.append({"segment_id": sid, "transcript_id": tid, "lang": "en", "start": at, "end": at + 5,
                                  "before": "Kyoto", "after": "Kyodo", "category": "mishearing",
                                  "status": "accepted", "annotator_id": me, "created_at": when})
            conn.execute(insert(Correction), fixes)
        rebuild(conn)


CPU: dict[str, float] = {}  # the median CPU seconds of the last timed() call, by pattern


def timed(fn, repeat: int = 3, name: str = "") -> float:  # type: ignore[no-untyped-def]
    times, cpu = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    if name:  # CPU seconds: what a loaded machine does not inflate (SQLite runs in this process)
        CPU[name] = statistics.median(cpu)
    return statistics.median(times)


def cli_time(db: Path, *args: str, repeat: int = 3) -> float:
    def run() -> None:
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    return timed(run, repeat)


def dock_latency(store: Store) -> dict[str, float]:
    """The Search dock (offscreen): from a pattern typed (pasted) to its first hits listed, and to the
    last; the longest the window's event loop waited meanwhile; and, typed a key at a time, from
    the last keystroke to the first hits of the whole word."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication.instance() or QApplication([])
    from gui.search_panel import SearchPanel
    from gui.window.context import AppContext

    ctx = AppContext(store)
    host = QWidget()
    panel = SearchPanel(ctx, host)  # type: ignore[arg-type]
    out: dict[str, float] = {}
    for name, pattern in (("dock_common", "kyoto news"), ("dock_rare", "hypersonic")):
        pause = time.perf_counter() + 0.5  # a new search, not more typing (the dock searches at most every 0.1 s)
        while time.perf_counter() < pause:
            app.processEvents()
            time.sleep(0.01)
        t = time.perf_counter()
        before = panel._generation
        panel.pattern.setText(pattern)
        first = None
        longest = 0.0
        while panel._generation == before or panel.searching or first is None:
            turn = time.perf_counter()
            app.processEvents()
            longest = max(longest, time.perf_counter() - turn)
            if first is None and panel._generation != before and panel.model.rowCount():
                first = time.perf_counter() - t
            if time.perf_counter() - t > 30:
                break
            time.sleep(0.001)
        done = time.perf_counter() - t
        out[f"{name}_first"], out[f"{name}_all"], out[f"{name}_ui_max"] = first or done, done, longest
        print(f"{name:10s} first hits {out[f'{name}_first']:.3f} s, all {done:.3f} s, "
              f"longest wait of the window {longest * 1000:.0f} ms")
    # Typed a key every 70 ms: from the last keystroke to the first hits of the whole word.
    panel.pattern.clear()
    for n in range(1, len("hypersonic") + 1):
        end = time.perf_counter() + 0.07
        panel.pattern.setText("hypersonic"[:n])
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)
    t = time.perf_counter()
    while time.perf_counter() - t < 30 and not (panel._searched and panel._searched[0] == "hypersonic"
                                                 and panel.model.rowCount()):
        app.processEvents()
        time.sleep(0.001)
    out["dock_typed_first"] = time.perf_counter() - t
    print(f"dock_typed first hits of the whole word {out['dock_typed_first']:.3f} s after the last keystroke")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transcripts", type=int, default=300)
    parser.add_argument("--segments-per", type=int, default=700)
    parser.add_argument("--db", type=Path, default=None, help="keep the library here (reused if it exists)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "library.sqlite3"
        fresh = not db.exists()
        store = Store.open(db, annotator="bench")
        if fresh:
            t0 = time.perf_counter()
            build(store, args.transcripts, args.segments_per)
            print(f"built the library in {time.perf_counter() - t0:.1f} s", flush=True)
        with store.read() as s:
            n_seg = s.execute(select(func.count()).select_from(Segment)).scalar_one()
            n_tr = s.execute(select(func.count()).select_from(Transcript)).scalar_one()
        print(f"cpus={os.cpu_count()} transcripts={n_tr} segments={n_seg}")
        results: dict[str, float] = {}
        for name, (pattern, regex) in PATTERNS.items():
            hits = len(search(store, pattern, regex=regex).hits)
            results[name] = timed(lambda p=pattern, r=regex: search(store, p, regex=r), name=name)
            print(f"{name:10s} {results[name]:6.3f} s  {CPU[name]:6.3f} s cpu  {hits:5d} hits  ({pattern!r})",
                  flush=True)
        one = timed(lambda: search(store, "kyodo", transcript_id=n_tr // 2))
        print(f"{'one_transcript':10s} {one:6.3f} s")
        results["one_transcript"] = one
        results.update(dock_latency(store))
        store.close()
        results["cli_search"] = cli_time(db, "search", "hypersonic")
        results["cli_list"] = cli_time(db, "list")
        print(f"cli: search {results['cli_search']:.2f} s, list {results['cli_list']:.2f} s "
              f"(search beyond list: {results['cli_search'] - results['cli_list']:.2f} s)")
    load = os.getloadavg()[0]
    print(" ".join([*(f"{k}_s={v:.3f}" for k, v in results.items()), *(f"{k}_cpu_s={v:.3f}" for k, v in CPU.items()),
                    f"peak_mb={peak_mb():.0f}", f"load={load:.1f}"]))


if __name__ == "__main__":
    main()
