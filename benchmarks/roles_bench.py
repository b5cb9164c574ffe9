"""What the server's role triggers (model.server_roles, migration 0011) cost a save.

    python benchmarks/roles_bench.py [--saves 300] [--rounds 3]

Starts a throwaway PostgreSQL cluster (tests/pg.py), makes a transcript and an annotator's login
(the README's set-up), and saves ``--saves`` edits of segment texts one after the other through
the app (``edit_text``), as the annotator's login and as the database's owner, with the triggers
installed and with them removed, in alternating rounds (so a change in the machine's load hits
every variant alike). Prints one line per variant::

    who= triggers= saves= server_cpu_ms_per_save= client_cpu_ms_per_save= wall_ms_per_save=

``server_cpu_ms_per_save``: the CPU time of the database's server backends (read from /proc: the
server runs on this machine) per save; ``client_cpu_ms_per_save``: this process's. Both hold under
a shared machine's load; the wall time does not. Also prints the load average and peak memory.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.memory import peak_mb  # noqa: E402
from model import server_roles  # noqa: E402
from model.ops.corrections import edit_text  # noqa: E402
from model.people import add_person  # noqa: E402
from model.store import Store  # noqa: E402
from tests.helpers import make_transcript  # noqa: E402
from tests.pg import PgCluster  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def _backend_cpu(cluster: PgCluster, database: str) -> float:
    """Seconds of CPU used so far by the server backends connected to ``database``."""
    pids = [int(str(r[0])) for r in cluster.admin("SELECT pid FROM pg_stat_activity WHERE datname = %s", database)]
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / TICK  # utime + stime
    return total


def _round(cluster: PgCluster, database: str, url: str, segments: list[int], saves: int, tag: str) -> tuple[float, ...]:
    store = Store.open(url, annotator="owner")
    try:
        _ = store.annotator_id  # connected and mapped before the clock starts
        edit_text(store, segments[0], "en", f"warm-up {tag}")
        server0, client0, wall0 = _backend_cpu(cluster, database), time.process_time(), time.perf_counter()
        for i in range(saves):
            edit_text(store, segments[i % len(segments)], "en", f"Sentence {i} of round {tag}.")
        wall = time.perf_counter() - wall0
        client = time.process_time() - client0
        server = _backend_cpu(cluster, database) - server0
    finally:
        store.close()
    return 1000 * server / saves, 1000 * client / saves, 1000 * wall / saves


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    cluster = PgCluster().start()
    try:
        url = cluster.new_database()
        database = url.rsplit("/", 1)[1]
        owner = Store.open(url, annotator="owner")
        tid = make_transcript(owner, [("Q", [(f"Sentence number {i}.", f"文{i}。") for i in range(40)])])
        from sqlalchemy import select

        from model.schema import Segment

        with owner.read() as s:
            segments = list(s.scalars(select(Segment.id).where(Segment.transcript_id == tid)))
        cluster.admin("CREATE ROLE bench_aya LOGIN PASSWORD 'pw'")
        cluster.grant_team_access("bench_aya", database)
        with owner.engine.begin() as conn:
            add_person(conn, "Aya", "annotator", "bench_aya")
        aya = f"postgresql+psycopg://bench_aya:pw@127.0.0.1:{cluster.port}/{database}"
        results: dict[tuple[str, str], list[tuple[float, ...]]] = {}
        for r in range(args.rounds):
            for triggers in ("on", "off"):
                with owner.engine.begin() as conn:
                    (server_roles.install if triggers == "on" else server_roles.remove)(conn)
                for who, where in (("annotator", aya), ("owner", url)):
                    results.setdefault((who, triggers), []).append(
                        _round(cluster, database, where, segments, args.saves, f"{r}{triggers}{who}"))
        owner.close()
        for (who, triggers), rows in sorted(results.items()):
            server, client, wall = (statistics.median(col) for col in zip(*rows, strict=True))
            print(f"who={who} triggers={triggers} saves={args.saves}x{args.rounds} "
                  f"server_cpu_ms_per_save={server:.2f} client_cpu_ms_per_save={client:.2f} "
                  f"wall_ms_per_save={wall:.2f}")
        print(f"load_average={' '.join(f'{x:.2f}' for x in os.getloadavg())} peak_mb={peak_mb():.0f}")
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
