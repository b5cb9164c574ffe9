"""Exporters: one registry shared by the command line and the window's export dialog.

An exporter is a function ``(store, transcript_id, options) -> str | bytes``
registered under a format name::

    @register("md", suffix=".md", description="Markdown, both languages")
    def export_markdown(store: Store, transcript_id: int, options: ExportOptions) -> str:
        ...

To add a format: write ``model/export/<name>.py`` with a registered function and
add its module to ``BUILTIN_MODULES`` below. ``str`` results are written as
UTF-8; ``bytes`` (e.g. .docx) as they are. ``write_atomic`` writes a file so a
failed export never leaves a half-written one.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from model.errors import TaiyakuError

if TYPE_CHECKING:
    from model.store import Store

# Modules whose exporters register themselves when imported (order = order in --help).
BUILTIN_MODULES = ("model.export.json_export", "model.export.txt")


class ExportFailed(TaiyakuError):
    """An export could not be produced or written; no file was left behind."""


@dataclass(frozen=True)
class ExportOptions:
    """What to export. Every exporter honours what applies to its format and ignores the rest."""

    text: str = "corrected"  # "corrected" or "original"
    langs: tuple[str, ...] = ("en", "ja")
    annotations: bool = True  # gaps, flags shown; False: a clean reading copy
    approved_only: bool = False
    gap_text: dict[str, str] = field(default_factory=lambda: {"en": "(inaudible)", "ja": "(聞き取れない)"})
    layout: str = "interleaved"  # "interleaved" or "side_by_side" (md/html/docx)
    extra: dict[str, Any] = field(default_factory=dict)  # format-specific settings


ExportFunction = Callable[["Store", int, ExportOptions], "str | bytes"]


@dataclass(frozen=True)
class Exporter:
    """A registered export format: call it like its function."""

    name: str
    function: ExportFunction
    suffix: str
    description: str
    binary: bool = False

    def __call__(self, store: Store, transcript_id: int, options: ExportOptions | None = None) -> str | bytes:
        return self.function(store, transcript_id, options or ExportOptions())


EXPORTERS: dict[str, Exporter] = {}


def register(name: str, *, suffix: str, description: str, binary: bool = False
             ) -> Callable[[ExportFunction], ExportFunction]:
    """Decorator: make ``function`` the exporter of format ``name``."""

    def decorate(function: ExportFunction) -> ExportFunction:
        EXPORTERS[name] = Exporter(name, function, suffix, description, binary)
        return function

    return decorate


def load_builtin_exporters() -> dict[str, Exporter]:
    """Import the built-in exporter modules (once) and return the registry."""
    for module in BUILTIN_MODULES:
        # A module not written yet is simply not offered; an error inside one is raised.
        if importlib.util.find_spec(module) is not None:
            importlib.import_module(module)
    return EXPORTERS


def get_exporter(name: str) -> Exporter:
    """The exporter for format ``name``; ``ExportFailed`` naming the known formats otherwise."""
    exporters = load_builtin_exporters()
    if name not in exporters:
        raise ExportFailed(f"unknown export format {name!r} (known: {', '.join(sorted(exporters))})")
    return exporters[name]


def as_bytes(data: str | bytes) -> bytes:
    """An exporter's result as the bytes to write (text is UTF-8)."""
    return data.encode("utf-8") if isinstance(data, str) else data


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    The rename is atomic: readers see the old file or the complete new one,
    never a half-written file, and a failure leaves nothing behind.
    """
    path = Path(path)
    payload = as_bytes(data)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportFailed(f"{path} is a folder; give a file name")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportFailed(f"cannot write in {folder}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _default_mode(path))
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportFailed(f"cannot write {path}: {exc.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _default_mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 minus the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
