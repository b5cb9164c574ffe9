"""ARCHITECTURE.md names real code: every dotted name it quotes (``model.journal.capture_flush``,
``AnnotateFeature.save_editor``) exists, so the map cannot drift from the territory unnoticed."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [p for top in ("model", "gui", "cli") for p in (ROOT / top).rglob("*.py")]


def quoted_names() -> set[str]:
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    names = set()
    for code in re.findall(r"`([^`]+)`", text):
        for name in re.findall(r"\b[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)+", code):
            names.add(name)
    return names


def _module_attribute(name: str) -> bool:
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            if not hasattr(obj, attr):
                return False
            obj = getattr(obj, attr)
        return True
    return False


def _class_member(cls: str, member: str) -> bool:
    pattern = re.compile(rf"^class {cls}\b.*?(?=^class |\Z)", re.S | re.M)
    for path in SOURCES:
        for body in pattern.findall(path.read_text(encoding="utf-8")):
            if re.search(rf"^\s+(def {member}\b|{member}\s*[:=]|{member} = )", body, re.M):
                return True
    return False


def test_every_name_the_map_quotes_exists():
    missing = []
    for name in sorted(quoted_names()):
        head, _, rest = name.partition(".")
        if head in ("model", "gui", "cli"):
            ok = _module_attribute(name)
        elif head[:1].isupper() and "." not in rest:
            ok = _class_member(head, rest)
        else:
            continue  # file names (pyproject.toml), calls on instances (op.session), ...
        if not ok:
            missing.append(name)
    assert missing == []


def quoted_paths(doc: str) -> set[str]:
    """Paths in the repository that ``doc`` quotes inline (``gui/annotate/editing.py``, ``cli/``);
    not in ```sh blocks, not under .venv/ or mutants/ (made by the set-up and by mutmut, git-ignored)."""
    text = re.sub(r"^```.*?^```", "", (ROOT / doc).read_text(encoding="utf-8"), flags=re.S | re.M)
    paths = set()
    for code in re.findall(r"`([^`\n]+)`", text):
        for word in code.split():
            word = word.strip("(),;:")
            made_elsewhere = word.startswith(("/", "..", "-", "http", "~", "$", ".venv/", "mutants/"))
            if "/" in word and "<" not in word and not made_elsewhere and re.fullmatch(r"[\w.\-/]+", word):
                paths.add(word)
    return paths


def test_every_path_the_map_and_the_guide_quote_exists():
    """Moving a module (gui/'s shell into gui/window/) must move its mentions too."""
    missing = [f"{doc}: {path}" for doc in ("ARCHITECTURE.md", "CONTRIBUTING.md")
               for path in sorted(quoted_paths(doc)) if not (ROOT / path).exists()]
    assert missing == []
