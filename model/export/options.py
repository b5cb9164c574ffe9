"""What to export (``ExportOptions``): its own module, so that the export walk and the
exporters can name it without importing the registry in ``model.export``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ExportOptions:
    """What to export. Every exporter honours what applies to its format and ignores the rest."""

    text: str = "corrected"  # "corrected" or "original"
    langs: tuple[str, ...] = ("en", "ja")
    annotations: bool = True  # gaps, flags shown; False: a clean reading copy
    approved_only: bool = False
    gap_text: dict[str, str] = field(default_factory=lambda: {"en": "(inaudible)", "ja": "(聞き取れない)"})
    layout: str = "interleaved"  # "interleaved" or "side_by_side" (md/html/docx)
    # Unresolved gaps imported with a marker keep it as transcribed ("(Inaudible)", "[inaudible]");
    # False: every unresolved gap is written as ``gap_text``.
    keep_markers: bool = True
    # Called as progress(done, total) while a long transcript is exported; may raise to cancel.
    progress: Callable[[int, int], None] | None = field(default=None, compare=False)
    extra: dict[str, Any] = field(default_factory=dict)  # format-specific settings
