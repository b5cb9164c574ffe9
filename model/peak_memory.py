"""This process's peak resident memory, read one way by the QA checks' process and every benchmark.

``VmHWM`` in /proc/self/status: the resident-set high-water mark. Not ``getrusage().ru_maxrss``
on Linux: that figure survives fork and exec, so a child started by a large parent (the
benchmarks measure in children, the checks run in one) would report the parent's peak; the
kernel resets VmHWM with the new address space at exec. Where /proc is missing (macOS),
``ru_maxrss`` is the only figure there is (counted in bytes there); Windows has neither (0).
"""

from __future__ import annotations

import sys
from pathlib import Path


def peak_mb() -> float:
    """This process's peak resident memory, in MB (2**20 bytes); 0.0 where it cannot be read."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024
