"""Team load: N annotator processes x M edits on one PostgreSQL transcript, plus live refresh latency.

    python benchmarks/team_bench.py [--annotators 20] [--edits 100] [--segments 40]
                                    [--think-ms 100,400] [--no-stress] [--url URL]

Without --url a throwaway PostgreSQL cluster is started (tests/pg.py; needs the server
binaries; fsync and synchronous_commit are off there, as in the tests). Every annotator is a
process (benchmarks/team_worker.py). Each edit: a pause of --think-ms (a random number of ms in
that range), then it reads a random segment's text and version like a window, "types" for
0-4 ms, and saves its edit based on that version; a stale save keeps its text as a competing
correction. The processes start, connect and make one read first; measuring starts only when
every one of them is ready (a barrier: 20 Python processes importing SQLAlchemy on 2 cores
otherwise time each other's start-up).

Two runs, each on a fresh database, are printed:
- ``pacing=paced`` (the goal): --think-ms, by default 100-400 ms between one annotator's saves.
  A person needs seconds to read, correct and commit a segment; 100-400 ms is still 10-50 times
  faster than that, so 20 simulated annotators make more saves a second (40-50 measured) than a
  team of a hundred people would, but they no longer all wait for the same two cores at once, which
  is what a save's latency means to a person.
- ``pacing=stress`` (for comparison; --no-stress skips it): --think-ms 0,4, every process saves
  flat out. On a machine with fewer cores than processes its p95 is mostly waiting for a core.

Afterwards every applied edit must be in its segment's text and every kept one recoverable from
its competing correction; ``lost`` counts the others (goal 0). ``p50_ms``/``p95_ms``: one save
(an operation, its commit included; a kept conflict is the refused save and the competing one
together). ``round_trips_per_save``: statements, BEGIN and COMMIT sent per save (mean).
``notify_ms``: from another process's commit to an open store announcing it (model.live; median
of 20). ``cpu_ms_per_save``/``server_cpu_ms_per_save``: the CPU a save costs the annotator's
process and its server backend, independent of the machine's load (unlike the wall-clock
p50/p95). ``load``: the machine's 1-minute load average before and after the run.
"""

from __future__ import annotations

import argparse
import json
import os
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
PACED = "100,400"  # ms between one annotator's saves: see the module's notes
STRESS = "0,4"  # flat out


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


def load(url: str, annotators: int, edits: int, segments: list[int],
         think: str) -> tuple[list[dict[str, object]], float]:
    """Run the annotator processes, measuring from when all are ready; their results and the wall time."""
    ids = ",".join(map(str, segments))
    procs = [subprocess.Popen([sys.executable, str(WORKER), url, f"annotator{i}", "edit", ids, str(edits), str(i),
                               think, "--ready"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(annotators)]
    for proc in procs:  # the barrier: every process connected and its modules imported
        assert proc.stdout is not None
        if not proc.stdout.readline():
            raise SystemExit(f"an annotator failed to start: {proc.communicate()[1].strip().splitlines()[-1:]}")
    started = time.perf_counter()
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()  # communicate() closes it
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


def run(url: str, args: argparse.Namespace, think: str) -> str:
    """One run on the empty database ``url``: the figures, as printed."""
    load_before = os.getloadavg()[0]
    segments = _segments(url, args.segments)
    results, wall = load(url, args.annotators, args.edits, segments, think)
    load_after = os.getloadavg()[0]
    lost, applied, kept = check_nothing_lost_count(url, results)
    ms = sorted(float(r["ms"]) for r in results)  # type: ignore[arg-type]
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    notify = notify_latency(url, segments[0])
    pacing = "stress" if think == STRESS else "paced"
    if args.raw:
        with open(f"{args.raw}.{pacing}.jsonl", "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r) + "\n" for r in results)
    plain = sorted(float(r["ms"]) for r in results if r["outcome"] == "applied")  # type: ignore[arg-type]
    # Where the time of a save went: the CPU of its two processes, their waits for a core (the
    # kernel's run queue), and the rest (a row lock held by another save of the segment, the network).
    queued = sorted(float(r["runq_ms"]) + float(r["server_runq_ms"]) for r in results)  # type: ignore[arg-type]
    rest = sorted(float(r["ms"]) - float(r["cpu_ms"]) - float(r["server_cpu_ms"])  # type: ignore[arg-type]
                  - float(r["runq_ms"]) - float(r["server_runq_ms"]) for r in results)  # type: ignore[arg-type]
    return (f"pacing={pacing} think_ms={think} processes={args.annotators} edits={len(results)} lost={lost} "
            f"conflicts_kept={kept} p50_ms={statistics.median(ms):.1f} p95_ms={p95:.1f} "
            f"notify_ms={statistics.median(notify) if notify else float('nan'):.1f} "
            f"round_trips_per_save={statistics.mean(int(r.get('trips', 0)) for r in results):.1f} "  # type: ignore[call-overload]
            f"cpu_ms_per_save={_mean(results, 'cpu_ms'):.2f} "
            f"server_cpu_ms_per_save={_mean(results, 'server_cpu_ms'):.2f} load={load_before:.1f}-{load_after:.1f}\n"
            f"  ({args.annotators} annotator processes x {args.edits} edits on {args.segments} segments of one "
            f"transcript; {applied} applied, {kept} kept as competing; {wall:.1f} s wall from the barrier; "
            f"p99 {ms[min(len(ms) - 1, int(len(ms) * 0.99))]:.1f} ms, max {ms[-1]:.1f} ms; saves without a "
            f"conflict: p50 {statistics.median(plain):.1f} ms, p95 {plain[int(len(plain) * 0.95)]:.1f} ms; "
            f"waiting for a core (client + server): p50 {statistics.median(queued):.1f} ms, "
            f"p95 {queued[int(len(queued) * 0.95)]:.1f} ms; neither CPU nor that wait: p50 "
            f"{statistics.median(rest):.1f} ms, p95 {rest[int(len(rest) * 0.95)]:.1f} ms; notify max "
            f"{max(notify) if notify else float('nan'):.1f} ms over {len(notify)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotators", type=int, default=20)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--segments", type=int, default=40)
    parser.add_argument("--think-ms", default=PACED, help=f"LO,HI: ms between one annotator's saves ({PACED})")
    parser.add_argument("--no-stress", action="store_true", help=f"skip the comparison run with --think-ms {STRESS}")
    parser.add_argument("--raw", default=None, help="also write every save's figures to RAW.<pacing>.jsonl")
    parser.add_argument("--url", default=None, help="an empty PostgreSQL database (default: a throwaway server)")
    args = parser.parse_args()
    pacings = [args.think_ms] + ([] if args.no_stress or args.think_ms == STRESS else [STRESS])
    cluster = None
    lines = []
    try:
        if args.url is None:
            from tests.pg import PgCluster

            cluster = PgCluster().start()
        for think in pacings:
            lines.append(run(args.url or cluster.new_database(), args, think))  # type: ignore[union-attr]
            print(lines[-1], flush=True)
    finally:
        if cluster is not None:
            cluster.stop()
    print(f"(peak memory of this process {peak_mb():.0f} MB; {os.cpu_count()} cores, shared with other jobs: "
          "wall-clock figures depend on the load, CPU figures do not)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
