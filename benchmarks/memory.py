"""Peak memory, read one way by every benchmark.

``peak_mb()`` is this process's resident-set high-water mark, ``VmHWM`` in /proc/self/status.
Not ``getrusage().ru_maxrss``: on Linux that figure survives fork and exec, so a child started
by a large parent (the import, export and window benchmarks measure in children) would report
the parent's peak; the kernel resets VmHWM with the new address space at exec. Where /proc is
missing (macOS), ``ru_maxrss`` is the only figure there is (counted in bytes there).
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path


def peak_mb() -> float:
    """This process's peak resident memory, in MB (2**20 bytes)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024
