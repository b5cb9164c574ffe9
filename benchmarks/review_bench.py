"""Review benchmark: QA checks and review queries on a 50,000-segment transcript.

Prints the time to run every QA check on the whole transcript (what the window
does on open, after reading it), to re-check one segment after an edit, to
find the next open flag / next segment needing review, and to compute the
overview strip's marks. Last line machine-readable:

    load_s=… checks_s=… recheck_ms=… next_flag_ms=… next_review_ms=… markers_ms=… marker_one_ms=…

Run: ``python benchmarks/review_bench.py [--segments N]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.edit_bench import build
from model.ops.flags import add_flag
from model.qa import check_view
from model.readmodel import load_transcript
from model.review import markers, next_open_flag, next_segment_needing_review
from model.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.sqlite3", annotator="bench")
        ids = build(store, args.segments)
        for sid in ids[:: max(1, len(ids) // 200)]:
            add_flag(store, sid, "other", "bench")
        tid = 1
        t0 = time.perf_counter()
        view = load_transcript(store, tid)
        load_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        found = check_view(view)
        checks_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        check_view(view, [ids[len(ids) // 2]])
        recheck_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        next_open_flag(store, tid, ids[len(ids) // 2])
        next_flag_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        next_segment_needing_review(store, tid, ids[len(ids) // 2])
        next_review_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        markers(store, tid)
        markers_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        markers(store, tid, [ids[len(ids) // 2]])
        marker_one_ms = (time.perf_counter() - t0) * 1000
        store.close()
    print(f"{len(ids)} segments, {len(found)} findings")
    print(f"load_s={load_s:.2f} checks_s={checks_s:.2f} recheck_ms={recheck_ms:.1f} next_flag_ms={next_flag_ms:.0f} "
          f"next_review_ms={next_review_ms:.0f} markers_ms={markers_ms:.0f} marker_one_ms={marker_one_ms:.1f}")


if __name__ == "__main__":
    main()
