"""The layers stay as ARCHITECTURE.md draws them: no import cycle among gui/, model/, cli/
(every import counts, TYPE_CHECKING and function-level ones too), and main.py stays a thin
entry point (import-linter cannot see it: it is a module, not a package)."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _check_cycles():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("check_cycles_under_test", ROOT / "tools" / "check_cycles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_cycle_finder_finds_a_cycle_and_only_cycles():
    tool = _check_cycles()
    edges = {"gui.a": {"gui.b"}, "gui.b": {"gui.c"}, "gui.c": {"gui.a", "model.x"}, "model.x": set(),
             "cli.y": {"cli.y"}}
    assert tool.cycles(edges) == [["cli.y"], ["gui.a", "gui.b", "gui.c"]]
    assert "gui.c -> gui.a" in tool.describe(["gui.a", "gui.b", "gui.c"], edges)


def test_no_import_cycle_among_gui_model_and_cli():
    tool = _check_cycles()
    edges = tool.import_graph()
    assert "gui.annotate.feature" in edges and "model.store" in edges and "cli.core" in edges
    found = tool.cycles(edges)
    assert found == [], "\n".join(tool.describe(c, edges) for c in found)


def test_main_imports_only_the_command_line_and_the_window_starter():
    tree = ast.parse((ROOT / "main.py").read_text(encoding="utf-8"))
    ours = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        ours |= {n for n in names if n.split(".")[0] in ("gui", "model", "cli")}
    assert ours <= {"cli", "gui.app"}, ours
