"""Command-line start-up: ``--help``, ``list`` and importing a 5-segment file, each in a fresh process.

The fixed cost of a command is Python, the imports it needs and opening the database;
a command imports only what it needs (``export``'s formats are set up only for ``export``;
``--help`` and the window's start never import SQLAlchemy). Prints the median of
``--runs`` runs per case; the last line is machine-readable:

    help_s=… list_s=… import5_s=… load=…

``--root PATH`` measures another checkout (e.g. main, for a before/after). The machine is
shared: compare runs made one right after the other.
Run: ``python benchmarks/cli_bench.py [--runs 7] [--root PATH]``
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIVE = ("MODERATOR: Hello there.\n\n司会: こんにちは。\n\nQ: A question?\n\nOFFICIAL: An answer.\n\n"
        "OPERATOR: Thanks.\n")


CPU: dict[str, float] = {}  # median CPU seconds of each case's process (user + system)


def timed(cmd: list[str], runs: int, env: dict[str, str], name: str = "") -> float:
    times, cpu = [], []
    for _ in range(runs):
        t, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if name:  # what a loaded machine does not inflate
        CPU[name] = statistics.median(cpu)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    entry = str(args.root / "main.py")
    # As installed (pip, the packaged app): our modules' bytecode is compiled. Without this, a run with
    # PYTHONDONTWRITEBYTECODE=1 (as on the development machine) compiles cli/ and model/ every time.
    for package in ("cli", "model"):
        compileall.compile_dir(args.root / package, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, XDG_DATA_HOME=tmp)
        db, five = Path(tmp) / "cli.sqlite3", Path(tmp) / "five.txt"
        five.write_text(FIVE, encoding="utf-8")
        subprocess.run([sys.executable, entry, "--db", str(db), "import", str(five)], check=True,
                       stdout=subprocess.DEVNULL, env=env)
        results = {
            "help": timed([sys.executable, entry, "--help"], args.runs, env, "help"),
            "list": timed([sys.executable, entry, "--db", str(db), "list"], args.runs, env, "list"),
            "import5": timed([sys.executable, entry, "--db", str(db), "import", str(five)], args.runs, env, "import5"),
        }
    for name, secs in results.items():
        print(f"{name:8s} {secs:6.3f} s  {CPU[name]:6.3f} s cpu")
    print(" ".join([*(f"{k}_s={v:.3f}" for k, v in results.items()), *(f"{k}_cpu_s={v:.3f}" for k, v in CPU.items()),
                    f"load={os.getloadavg()[0]:.1f}"]))


if __name__ == "__main__":
    main()
