"""The Qt binding itself: guards against a PySide6 release that corrupts reference counts.

PySide6 6.12.0 on Python 3.11 (where None is not immortal) decrements None's
reference count on every call of a method returning void; after some tens of
thousands of calls the interpreter aborts with "deallocating None". A window
painting 50,000 rows makes that many calls in a minute. pyproject.toml keeps
PySide6 below 6.12; this test fails if a bad binding is installed anyway.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = r"""
import sys
from PySide6.QtCore import QObject
from PySide6.QtGui import QFont, QTextLayout
o, layout = QObject(), QTextLayout("abc", QFont())
before = sys.getrefcount(None)
for _ in range(50_000):
    o.setObjectName("x")
    layout.setCacheEnabled(True)
print(sys.getrefcount(None) - before)
"""


def test_void_qt_calls_keep_none_alive():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"the Qt binding corrupted None's reference count: {result.stderr[-500:]}"
    assert abs(int(result.stdout.strip())) < 100
