"""One simulated annotator (or reviewer), a process of its own: used by benchmarks/team_bench.py and
tests/model/test_team_concurrency.py.

    python benchmarks/team_worker.py URL NAME edit  SEGMENTS N SEED [THINK_MS] [--ready]
                                                                      # N edits, a stale one kept as competing
    python benchmarks/team_worker.py URL NAME approve SEGMENTS N SEED # N approvals (a reviewer)
    python benchmarks/team_worker.py URL NAME hold SEGMENT            # an edit that never commits (to be killed)

SEGMENTS is a comma-separated list of segment ids. Each edit first pauses THINK_MS ("LO,HI": a
random pause in that range, the annotator reading and thinking; default "0,0"), then reads the
segment's text and version like a window would, waits 0-4 ms (the annotator typing: others may
save meanwhile), appends a unique tag and saves with the version it was based on; a conflict keeps
the text as a competing correction. With ``--ready`` the worker connects, makes one warm-up
read, prints {"ready": true} and waits for a line on stdin before its first edit (so that a
benchmark measures only when every process has started). One JSON line per action on stdout:
{"tag", "outcome": "applied" | "kept" | "approved" | "refused", "ms"}.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model.ops._base import current_text
from model.ops.corrections import apply_edit, edit_text, keep_competing
from model.ops.review_state import approve
from model.schema import Segment
from model.store import Store
from model.versions import EditConflict


def _read(store: Store, sid: int) -> tuple[int, str]:
    with store.read() as s:
        seg = s.get(Segment, sid)
        return seg.version, current_text(s, seg, "en")


def count_round_trips(store: Store) -> list[int]:
    """A counter of the round trips ``store`` makes to its server (statements, BEGIN, COMMIT,
    ROLLBACK; psycopg sends BEGIN on its own before the first statement of a transaction)."""
    from sqlalchemy import event

    trips = [0]

    def one(*_args: object) -> None:
        trips[0] += 1

    for name in ("before_cursor_execute", "begin", "commit", "rollback"):
        event.listen(store.engine, name, one)
    return trips


def server_cpu_reader(store: Store) -> tuple[int, object]:
    """(backend pid, a function giving its CPU seconds so far) of the pooled server connection a
    sequential client keeps reusing; the CPU a save costs the server, whatever the machine's load
    (read from /proc: the benchmark's server runs on this machine)."""
    import os

    from sqlalchemy import text

    with store.engine.connect() as conn:
        pid = int(conn.execute(text("SELECT pg_backend_pid()")).scalar() or 0)
    ticks = os.sysconf("SC_CLK_TCK")

    def seconds() -> float:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / ticks
        except (OSError, IndexError, ValueError):
            return float("nan")

    return pid, seconds


def run_queue_ms(pid: int | str = "self") -> float:
    """ms the process (its main thread) has spent runnable but waiting for a core, from the kernel's
    scheduler statistics (NaN where there are none): a save's time is its CPU, this wait, and the
    rest (row locks, the network)."""
    try:
        with open(f"/proc/{pid}/schedstat", encoding="ascii") as fh:
            return int(fh.read().split()[1]) / 1e6
    except (OSError, IndexError, ValueError):
        return float("nan")


def edit(store: Store, name: str, segments: list[int], n: int, rng: random.Random,
         think_ms: tuple[float, float] = (0.0, 0.0)) -> None:
    """N edits on random segments of ``segments``, each after a pause of ``think_ms`` (a random
    number of ms in that range); a stale save keeps its text as competing."""
    trips = count_round_trips(store)
    backend, server_cpu = server_cpu_reader(store)
    for i in range(n):
        if think_ms[1] > 0:
            time.sleep(rng.uniform(*think_ms) / 1000)  # reading, thinking: not measured
        sid = rng.choice(segments)
        version, text = _read(store, sid)
        time.sleep(rng.uniform(0, 0.004))  # typing: others may save meanwhile
        tag = f"<{name}.{i}>"
        trips[0] = 0
        cpu, server = time.process_time(), server_cpu()  # type: ignore[operator]
        queued, server_queued = run_queue_ms(), run_queue_ms(backend)
        started = time.perf_counter()
        try:
            edit_text(store, sid, "en", f"{text} {tag}", base_version=version)
            outcome = "applied"
        except EditConflict as conflict:
            keep_competing(store, sid, "en", conflict.mine)
            outcome = "kept"
        ms = (time.perf_counter() - started) * 1000
        cpu_ms = (time.process_time() - cpu) * 1000
        server_ms = (server_cpu() - server) * 1000  # type: ignore[operator]
        queued, server_queued = run_queue_ms() - queued, run_queue_ms(backend) - server_queued
        print(json.dumps({"tag": tag, "segment": sid, "outcome": outcome, "ms": round(ms, 2), "at": time.time(),
                          "trips": trips[0], "cpu_ms": round(cpu_ms, 2), "server_cpu_ms": round(server_ms, 2),
                          "runq_ms": round(queued, 2), "server_runq_ms": round(server_queued, 2)}),
              flush=True)


def review(store: Store, name: str, segments: list[int], n: int, rng: random.Random) -> None:
    """N approvals of random segments (a reviewer working while others edit)."""
    for i in range(n):
        sid = rng.choice(segments)
        started = time.perf_counter()
        approve(store, sid)
        ms = (time.perf_counter() - started) * 1000
        print(json.dumps({"tag": f"{name}.{i}", "segment": sid, "outcome": "approved", "ms": round(ms, 2)}),
              flush=True)
        time.sleep(rng.uniform(0, 0.01))


def hold(store: Store, sid: int) -> None:
    """Start an edit and never commit it: the segment stays locked until this process dies."""
    with store.operation("Edit text") as op:
        seg = op.get(Segment, sid)
        apply_edit(op, seg, "en", "HALF-DONE " + current_text(op.session, seg, "en"))
        op.session.flush()
        print(json.dumps({"outcome": "holding"}), flush=True)
        time.sleep(600)


def main(argv: list[str]) -> int:
    url, name, mode = argv[0], argv[1], argv[2]
    store = Store.open(url, annotator=name)
    try:
        if mode == "hold":
            hold(store, int(argv[3]))
            return 0
        segments = [int(x) for x in argv[3].split(",")]
        n, rng = int(argv[4]), random.Random(int(argv[5]))
        extra = [a for a in argv[6:] if a != "--ready"]
        if "--ready" in argv[6:]:
            _read(store, segments[0])  # connected, the annotator known, the modules imported
            _ = store.annotator_id
            print(json.dumps({"ready": True}), flush=True)
            sys.stdin.readline()  # the benchmark says go when every process is ready
        if mode == "edit":
            lo, hi = (float(x) for x in (extra[0] if extra else "0,0").split(","))
            edit(store, name, segments, n, rng, (lo, hi))
        else:
            review(store, name, segments, n, rng)
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
