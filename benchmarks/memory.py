"""Peak memory, read one way by every benchmark: ``model.peak_memory.peak_mb`` (``VmHWM``, see there)."""

from __future__ import annotations

from model.peak_memory import peak_mb

__all__ = ["peak_mb"]
