"""Mutation testing helpers around mutmut (docs/mutation.md): pick a reproducible sample of an
area's mutants, and count an area's outcomes from mutmut's own records in mutants/.

    python3 tools/mutation.py sample model.ops 200 [--pending]   # names to pass to `mutmut run`
    python3 tools/mutation.py summary model.text model.journal     # over every mutant run so far
    python3 tools/mutation.py summary --sample 200 model.ops       # over the sample only

An area is a dotted prefix of mutant names (model.ops, model.importer, model.text, model.journal).
`summary` reads the ``*.meta`` files mutmut writes beside each mutated module; mutants never run
("not checked") are left out of both rates. ``--pending`` lists only the sampled mutants not run
yet (mutmut runs again every mutant it is named).
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "mutants"
SEED = 12  # the sample must be the same on every machine, so the figures can be reproduced

# mutmut's exit codes (mutmut/stats.py), grouped as the report counts them.
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 36: "timeout",
          24: "timeout", -24: "timeout", 152: "timeout", 255: "timeout", 37: "type check", None: "not checked"}


def outcomes(area: str) -> dict[str, int | None]:
    """Every mutant of ``area`` and its exit code (None: not run yet)."""
    found: dict[str, int | None] = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        for name, code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items():
            if name.startswith(area + "."):
                found[name] = code
    return found


def sample(area: str, size: int) -> list[str]:
    """A fixed random choice of ``size`` of the area's mutants (all of them when it has fewer)."""
    names = sorted(outcomes(area))
    return sorted(random.Random(SEED).sample(names, min(size, len(names))))


def summary(areas: list[str], size: int | None = None) -> str:
    """One line per area: counts per outcome and the kill rate over all run / over those some test
    reached; with ``size``, over that sample of the area only."""
    lines = []
    for area in areas:
        found = outcomes(area)
        chosen = sample(area, size) if size else list(found)
        counts = Counter(STATUS.get(found[name], "suspicious") for name in chosen)
        run = sum(n for status, n in counts.items() if status != "not checked")
        killed = counts["killed"] + counts["timeout"] + counts["type check"]
        reached = run - counts["no tests"]
        rate_all = f"{100 * killed / run:.1f}%" if run else "-"
        rate_reached = f"{100 * killed / reached:.1f}%" if reached else "-"
        detail = ", ".join(f"{status} {n}" for status, n in sorted(counts.items()))
        scope = f"sample of {len(chosen)} of {len(found)}" if size else f"{len(found)} mutants"
        lines.append(f"{area} ({scope}): {run} run ({detail}); "
                     f"killed {rate_all} of all run, {rate_reached} of those reached")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) in (3, 4) and argv[0] == "sample" and argv[3:] in ([], ["--pending"]):
        found = outcomes(argv[1])
        names = sample(argv[1], int(argv[2]))
        print("\n".join(n for n in names if not argv[3:] or found[n] is None))
        return 0
    if len(argv) >= 4 and argv[:2] == ["summary", "--sample"]:
        print(summary(argv[3:], int(argv[2])))
        return 0
    if len(argv) >= 2 and argv[0] == "summary":
        print(summary(argv[1:]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
