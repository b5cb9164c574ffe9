"""Team load: N annotator processes x M edits on one PostgreSQL transcript, plus live refresh latency.

    python benchmarks/team_bench.py [--annotators 20] [--edits 100] [--segments 40] [--url URL]

Without --url a throwaway PostgreSQL cluster is started (tests/pg.py; needs the server
binaries). Every annotator is a process (benchmarks/team_worker.py): it reads a random segment's
text and version like a window, "types" for 0-4 ms, and saves its edit based on that version; a
stale save keeps its text as a competing correction. Afterwards every applied edit must be in its
segment's text and every kept one recoverable from its competing correction; ``lost`` counts the
others (goal 0). ``p50_ms``/``p95_ms``: one save (an operation, its commit included).
``round_trips_per_save``: statements, BEGIN and COMMIT sent to the server per save (mean; a
kept conflict is two operations). ``notify_ms``: from another process's commit to an open store
announcing it (model.live; median of 20). Prints ``processes= edits= lost= conflicts_kept= p50_ms=
p95_ms= notify_ms= round_trips_per_save= cpu_ms_per_save= server_cpu_ms_per_save=`` and peak
memory (the CPU a save costs the annotator's process and its server backend: independent of the
machine's load, unlike the wall-clock p50/p95). On a machine with few cores, most of
the p95 with many processes is waiting for a core: compare --annotators 4 and 20.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.memory import peak_mb  # noqa: E402
from model.ops.corrections import edit_text  # noqa: E402
from model.store import Changes, Store  # noqa: E402
from tests.helpers import make_transcript  # noqa: E402
from tests.model.test_team_concurrency import check_nothing_lost_count  # noqa: E402

WORKER = ROOT / "benchmarks" / "team_worker.py"


def _segments(url: str, count: int) -> list[int]:
    from sqlalchemy import select

    from model.schema import Segment

    store = Store.open(url, annotator="setup")
    try:
        tid = make_transcript(store, [("Q", [(f"Sentence number {i}.", f"文{i}。") for i in range(count)])])
        with store.read() as s:
            return list(s.scalars(select(Segment.id).where(Segment.transcript_id == tid).order_by(Segment.id)))
    finally:
        store.close()


def load(url: str, annotators: int, edits: int, segments: list[int]) -> tuple[list[dict[str, object]], float]:
    """Run the annotator processes; their results and the wall time."""
    ids = ",".join(map(str, segments))
    started = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, str(WORKER), url, f"annotator{i}", "edit", ids, str(edits), str(i)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(annotators)]
    results: list[dict[str, object]] = []
    for proc in procs:
        out, err = proc.communicate(timeout=1800)
        if proc.returncode != 0:
            raise SystemExit(f"an annotator failed: {err.strip().splitlines()[-1:]}")
        results += [json.loads(line) for line in out.splitlines()]
    return results, time.perf_counter() - started


def notify_latency(url: str, segment: int, rounds: int = 20) -> list[float]:
    """ms from another store's commit returning to this store announcing it."""
    watching = Store.open(url, annotator="window")
    writer = Store.open(url, annotator="colleague")
    got = threading.Event()
    seen: list[float] = []

    def heard(_changes: Changes) -> None:
        seen.append(time.perf_counter())
        got.set()

    watcher = watching.watch_others()
    watching.subscribe(heard)
    out = []
    try:
        for i in range(rounds):
            got.clear()
            edit_text(writer, segment, "ja", f"文{i}。改")
            committed = time.perf_counter()
            if got.wait(5):
                out.append((seen[-1] - committed) * 1000)
            time.sleep(0.05)
    finally:
        watcher.stop()
        writer.close()
        watching.close()
    return out


def _mean(results: list[dict[str, object]], key: str) -> float:
    values = [float(r[key]) for r in results if key in r]  # type: ignore[arg-type]
    values = [v for v in values if v == v]  # NaN: the server's /proc entry could not be read
    return statistics.mean(values) if values else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotators", type=int, default=20)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--segments", type=int, default=40)
    parser.add_argument("--url", default=None, help="an empty PostgreSQL database (default: a throwaway server)")
    args = parser.parse_args()
    cluster = None
    url = args.url
    if url is None:
        from tests.pg import PgCluster

        cluster = PgCluster().start()
        url = cluster.new_database()
    try:
        segments = _segments(url, args.segments)
        results, wall = load(url, args.annotators, args.edits, segments)
        lost, applied, kept = check_nothing_lost_count(url, results)
        ms = sorted(float(r["ms"]) for r in results)  # type: ignore[arg-type]
        p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
        notify = notify_latency(url, segments[0])
    finally:
        if cluster is not None:
            cluster.stop()
    peak = peak_mb()
    print(f"processes={args.annotators} edits={len(results)} lost={lost} conflicts_kept={kept} "
          f"p50_ms={statistics.median(ms):.1f} "
          f"p95_ms={p95:.1f} notify_ms={statistics.median(notify) if notify else float('nan'):.1f} "
          f"round_trips_per_save={statistics.mean(int(r.get('trips', 0)) for r in results):.1f} "
          f"cpu_ms_per_save={_mean(results, 'cpu_ms'):.2f} "
          f"server_cpu_ms_per_save={_mean(results, 'server_cpu_ms'):.2f}")
    print(f"({args.annotators} annotator processes x {args.edits} edits on {args.segments} segments of one transcript; "
          f"{applied} applied, {kept} kept as competing; {wall:.1f} s wall; notify max "
          f"{max(notify) if notify else float('nan'):.1f} ms over {len(notify)}; peak memory of this process "
          f"{peak:.0f} MB; the machine is shared with other jobs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
