"""What the features import before the first paint: the store operations and checks come on first use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from gui.lazy_import import LazyModule, lazy_module

ROOT = Path(__file__).resolve().parents[2]

# Modules the features' menus and panels used to import at once, though no pixel of the first paint
# needs them (issue 15: the transcript's first paint waits for every feature's install).
DEFERRED = ("model.ops.corrections", "model.ops.alignment", "model.ops.gaps", "model.ops.flags",
            "model.ops.findings", "model.qa.fixes",
            # the checks' thread with its scan, and the flag dialog: a run starts and a dialog opens after the paint
            "gui.review.qa_worker", "model.qa.scan", "gui.review.flag_dialog",
            "gui.export_form")  # the export dialog, with Qt widget classes the window has no other use for yet


def test_lazy_module_imports_on_first_attribute() -> None:
    module = lazy_module("json")
    assert isinstance(module, LazyModule)
    assert module.__name__ == "json"
    assert module.dumps([1]) == "[1]"  # the real module's function, through the stand-in


def test_features_modules_leave_the_operations_for_later() -> None:
    # A fresh interpreter: the test session has imported everything already.
    modules = ", ".join(repr(m) for m in DEFERRED)
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
            "import gui.annotate.feature, gui.review.controller, gui.audio.feature, gui.preferences\n"
            "import gui.export_dialog\n"
            f"print(sorted(m for m in ({modules},) if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}).stdout
    assert out.strip() == "[]"


def test_export_feature_leaves_its_dialog_for_later() -> None:
    # Its install adds File > Export…; the dialog's module and its widget classes (whose enum types
    # PySide builds as they are first imported) come when the dialog first opens.
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
            "import gui.export_dialog as e\n"
            "print('gui.export_form' in sys.modules, hasattr(e, 'QMessageBox'), hasattr(e, 'ExportDialog'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}).stdout
    assert out.split() == ["False", "False", "False"]
