"""Backup benchmark: the automatic copy, the list of copies, a restore and the damage check on a
50,000-segment database (``model.backup``), plus how long a write waits under another
program's lock before it gives up (``TAIYAKU_BUSY_TIMEOUT_MS``, default 5 s).

Prints seconds per step and the peak memory of this process; the last line is machine-readable:

    copy_s=… list_s=… restore_s=… check_s=… busy_wait_s=… peak_mb=…

Run: ``python benchmarks/backup_bench.py [--turns N]`` (N English/Japanese paragraph pairs; the
default: 50,000 segments, a file of about 23 MB).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.memory import peak_mb
from model import backup
from model.errors import DatabaseBusy
from model.importer import import_text
from model.ops.corrections import edit_text
from model.readmodel import load_transcript
from model.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ[backup.BACKUP_DIR_ENV] = str(Path(tmp) / "backups")
        db = Path(tmp) / "big.sqlite3"
        store = Store.open(db, annotator="bench")
        text = "".join(f"Q: Question number {n} about the harbour and the ferry schedule for next year.\n"
                       f"Q: 質問{n}です。来年の港湾とフェリーの時刻表について。\n\n" for n in range(args.turns))
        started = time.perf_counter()
        tid = import_text(store, text, filename="big.txt")
        built = time.perf_counter() - started
        segments = sum(len(t.segments) for t in load_transcript(store, tid).turns)
        print(f"built {db.stat().st_size / 1e6:.1f} MB ({segments:,} segments) in {built:.1f} s")
        started = time.perf_counter()
        copy = backup.take_backup(db, "manual")
        copy_s = time.perf_counter() - started
        started = time.perf_counter()
        infos = backup.list_backups(db)
        list_s = time.perf_counter() - started
        started = time.perf_counter()
        backup.restore_backup(copy, Path(tmp) / "restored.sqlite3", open_database=db)
        restore_s = time.perf_counter() - started
        started = time.perf_counter()
        problems = backup.check_database(db)
        check_s = time.perf_counter() - started
        seg = load_transcript(store, tid, segments=True).turns[0].segments[0].id
        hold = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
                "c.execute('BEGIN EXCLUSIVE'); print('x', flush=True); sys.stdin.read()")
        holder = subprocess.Popen([sys.executable, "-c", hold, str(db)], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
        assert holder.stdout is not None and holder.stdout.readline().strip() == "x"
        started = time.perf_counter()
        with contextlib.suppress(DatabaseBusy):  # it gives up: that is what is timed
            edit_text(store, seg, "en", "Edited under a lock.")
        busy_wait_s = time.perf_counter() - started
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait()
        store.close()
    peak = peak_mb()
    print(f"copy (VACUUM INTO) {copy_s:.2f} s, {infos[0].size / 1e6:.1f} MB; list {list_s:.3f} s; "
          f"restore {restore_s:.2f} s; check {check_s:.2f} s ({len(problems)} problems); "
          f"an edit under a lock gave up after {busy_wait_s:.2f} s; peak {peak:.0f} MB")
    print(f"copy_s={copy_s:.3f} list_s={list_s:.4f} restore_s={restore_s:.3f} check_s={check_s:.3f} "
          f"busy_wait_s={busy_wait_s:.2f} peak_mb={peak:.0f}")


if __name__ == "__main__":
    main()
