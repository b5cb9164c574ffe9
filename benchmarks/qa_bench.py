"""QA benchmark: the QA run (``taiyaku qa``) over a long transcript, each check alone and all together.

The transcript is export_bench's (10,000 turns of five segments per 50,000, English with a
Japanese translation for half of them, a gap in every segment, corrections and flags),
written once into ``--db`` if that file does not exist yet. Every check runs in a process
of its own, as the command line runs them (``model.qa.scan.iter_checks``, streamed), so its
peak memory (``VmHWM``, imports included) is its own. ``--trace`` adds tracemalloc's
largest live allocation sites at the peak of each run (slower).

Prints seconds, CPU seconds, peak MB and findings per check; the last line is machine-readable:

    all_s=… all_cpu_s=… all_mb=… spelling_s=… spelling_mb=… … load=…

Target (issue 15): the whole run <= 400 MB at 500,000 segments.
Run: ``nice python benchmarks/qa_bench.py [--segments N] [--db /tmp/qa-50k.sqlite3] [--checks all,variants]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.export_bench import build
from benchmarks.memory import peak_mb
from model.store import Store


def run_one(db: Path, check: str, trace: bool) -> None:
    """In a child process: run one check (or ``all``) and print ``wall cpu peak_mb findings``."""
    from model.qa import CHECKS, load_builtin_checks
    from model.qa.scan import iter_checks

    if trace:
        import tracemalloc

        tracemalloc.start(8)
    load_builtin_checks()
    names = None if check == "all" else [check]
    assert names is None or check in CHECKS, check
    store = Store.open(db, annotator="bench")
    t, c = time.perf_counter(), time.process_time()
    found = sum(1 for _ in iter_checks(store, 1, include_settled=True, names=names))
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    if trace:
        snapshot = tracemalloc.take_snapshot()
        for stat in snapshot.statistics("traceback")[:6]:
            print(f"  {stat.size / 1e6:7.1f} MB {stat.count:8d} blocks", file=sys.stderr)
            for line in stat.traceback.format()[-6:]:
                print("     " + line, file=sys.stderr)
    store.close()
    print(f"{wall:.3f} {cpu:.3f} {peak_mb():.1f} {found}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=50_000)
    parser.add_argument("--db", type=Path, help="the database to check (built there first if missing)")
    parser.add_argument("--checks", default="", help="check names and/or all, comma-separated (default: each, all)")
    parser.add_argument("--trace", action="store_true", help="print tracemalloc's largest live sites per run")
    parser.add_argument("--child", nargs=2, metavar=("DB", "CHECK"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_one(Path(args.child[0]), args.child[1], args.trace)
        return
    from model.qa import CHECKS, load_builtin_checks

    load_builtin_checks()
    checks = args.checks.split(",") if args.checks else [*CHECKS, "all"]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.sqlite3"
        if not db.exists():
            t0 = time.perf_counter()
            store = Store.open(db, annotator="bench")
            build(store, args.segments)
            store.close()
            print(f"built {args.segments} segments in {time.perf_counter() - t0:.1f} s", flush=True)
        print(f"cpus={os.cpu_count()} db={db}", flush=True)
        figures: list[str] = []
        for name in checks:
            child = [sys.executable, __file__, "--child", str(db), name, *(["--trace"] if args.trace else [])]
            done = subprocess.run(child, capture_output=True, text=True)
            if done.returncode != 0:
                print(f"{name:16s} failed:\n{done.stderr[-3000:]}", flush=True)
                continue
            wall, cpu, mb, found = done.stdout.split()[-4:]
            print(f"{name:16s} {float(wall):7.2f} s wall {float(cpu):7.2f} s cpu {float(mb):7.0f} MB peak "
                  f"{int(found):8d} findings", flush=True)
            if args.trace:
                print(done.stderr, flush=True)
            figures += [f"{name}_s={float(wall):.2f}", f"{name}_cpu_s={float(cpu):.2f}", f"{name}_mb={float(mb):.0f}"]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(" ".join([*figures, f"load={load:.1f}"]))


if __name__ == "__main__":
    main()
