"""numpy, loaded by the window after its first paint (the overview strip's marks, the waveform),
brings OpenBLAS, whose pool of worker threads spun on the cores just as the annotator began to
move (60 ms of a core within a 100-ms follow, perf -a). The window starts no such pool."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import os
import gui.app  # what the window's process imports first
before = len(os.listdir("/proc/self/task"))
import numpy
numpy.ones((64, 64)) @ numpy.ones((64, 64))  # matrix work, if anything, wakes a pool
print("THREADS", len(os.listdir("/proc/self/task")) - before)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
                    reason="threads counted in /proc; a pool needs two cores")
def test_loading_numpy_in_the_window_starts_no_pool_of_threads():
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, env=env,
                            cwd=ROOT)
    assert "THREADS" in result.stdout, result.stderr[-2000:]
    assert int(result.stdout.split("THREADS")[1]) == 0
