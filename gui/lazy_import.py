"""A module imported on first use: what a feature's actions need, not its first paint.

``corrections = lazy_module("model.ops.corrections")`` at the top of a module reads like an
import, and ``corrections.edit_text(...)`` imports the real module the first time it runs. The
window's first paint waits for every feature's install (``gui.window.features``): the store
operations, checks and their dataclasses behind the menus cost tens of milliseconds to import,
and no pixel of the first paint needs them. Pair it with an ``if TYPE_CHECKING:`` import of the
same module so type checkers see the real one.

Not ``importlib.util.LazyLoader``: before Python 3.11.9 and 3.12.3 its first attribute read is not safe
between threads (CPython gh-114763; 3.11.7 is common), and the window's readers run in threads; this stand-in
goes through ``importlib.import_module`` and its import lock, and leaves ``sys.modules`` alone.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule(ModuleType):
    """Stands for the module ``name``; imports it on the first attribute read."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.__dict__["_lazy_target"] = None

    def _load(self) -> ModuleType:
        target: ModuleType | None = self.__dict__["_lazy_target"]
        if target is None:
            target = importlib.import_module(self.__name__)
            self.__dict__["_lazy_target"] = target
        return target

    def __getattr__(self, attr: str) -> Any:
        # Only called for what the stand-in itself lacks: everything but its name.
        return getattr(self._load(), attr)


def lazy_module(name: str) -> Any:
    """A stand-in for the module ``name``, imported when one of its attributes is first read."""
    return LazyModule(name)
