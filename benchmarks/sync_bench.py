"""Offline take-out and sync back: checkout of a transcript, N offline edits, sync (and a second,
empty sync), against PostgreSQL.

    python benchmarks/sync_bench.py [--segments 2000] [--edits 200] [--overlap 20] [--history 0] [--url URL]

Without --url a throwaway PostgreSQL cluster is started (tests/pg.py; needs the server
binaries). The transcript has ``--segments`` segments; ``--edits`` offline edits go to distinct
segments, of which ``--overlap`` were also edited on the server meanwhile (kept as competing
corrections with conflict flags); ``--history`` server edits are made before the checkout (a
long journal: a sync reads the server's changes since the checkout before each operation).
Prints ``checkout_s= checkout_cpu_s= sync_s= sync_cpu_s= ms_per_op= cpu_ms_per_op= again_s=
sent= conflicts= flags= load=`` and peak memory: CPU seconds
of this process (the client: the server's backend works too) survive a loaded machine, wall
seconds do not.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.memory import peak_mb
from model.ops.corrections import edit_text
from model.store import Store
from model.sync.takeout import checkout, sync
from tests.helpers import make_transcript


def _timed(work):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--overlap", type=int, default=20)
    parser.add_argument("--history", type=int, default=0)
    parser.add_argument("--url", default=None, help="an empty PostgreSQL database (default: a throwaway server)")
    args = parser.parse_args()
    cluster = None
    url = args.url
    if url is None:
        from tests.pg import PgCluster

        cluster = PgCluster().start()
        url = cluster.new_database()
    try:
        from sqlalchemy import select

        from model.schema import Segment

        server = Store.open(url, annotator="boss")
        try:
            per_turn = 20
            turns = [(f"S{t % 7}", [(f"Sentence {t * per_turn + i}.", f"文{t * per_turn + i}。")
                                    for i in range(per_turn)]) for t in range(args.segments // per_turn)]
            tid = make_transcript(server, turns)
            with server.read() as s:
                segs = list(s.scalars(select(Segment.id).where(Segment.transcript_id == tid).order_by(Segment.id)))
            for i in range(args.history):
                edit_text(server, segs[-1 - i % 50], "ja", f"文、サーバーで {i}。")
        finally:
            server.close()
        folder = Path(tempfile.mkdtemp(prefix="sync-bench-"))
        out = folder / "offline.sqlite3"
        copied, checkout_s, checkout_cpu = _timed(lambda: checkout(url, tid, out))
        chosen = segs[:: max(1, len(segs) // args.edits)][: args.edits]
        local = Store.open(out, annotator="alice")
        try:
            for i, seg in enumerate(chosen):
                edit_text(local, seg, "en", f"Sentence, edited offline {i}.")
        finally:
            local.close()
        bob = Store.open(url, annotator="bob")
        try:
            for seg in chosen[: args.overlap]:
                edit_text(bob, seg, "en", "Edited on the server meanwhile.")
        finally:
            bob.close()
        report, sync_s, sync_cpu = _timed(lambda: sync(out))
        again, again_s, _ = _timed(lambda: sync(out))
        assert again.sent == 0 and again.flags == 0
    finally:
        if cluster is not None:
            cluster.stop()
    ops = max(1, len(chosen))
    print(f"checkout_s={checkout_s:.2f} checkout_cpu_s={checkout_cpu:.2f} sync_s={sync_s:.2f} "
          f"sync_cpu_s={sync_cpu:.2f} ms_per_op={1000 * sync_s / ops:.1f} cpu_ms_per_op={1000 * sync_cpu / ops:.1f} "
          f"again_s={again_s:.2f} sent={report.sent} conflicts={report.conflicts} flags={report.flags} "
          f"load={os.getloadavg()[0]:.1f}")
    print(f"({len(segs)} segments, {copied.rows.get('change_event', 0)} changes of history copied; {ops} offline "
          f"edits, {args.overlap} overlapping the server's; the sync includes refreshing the file; peak memory "
          f"{peak_mb():.0f} MB; the machine is shared with other jobs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
