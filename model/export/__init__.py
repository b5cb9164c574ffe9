"""Exporters: one registry shared by the command line and the window's export dialog.

An exporter writes one transcript to a binary stream as it reads it, a batch at a
time (``model.export.stream``), so memory stays bounded whatever the length::

    @register_writer("md", suffix=".md", description="Markdown, both languages")
    def write_markdown(store: Store, transcript_id: int, options: ExportOptions, out: BinaryIO) -> None:
        ...

``Exporter.write_file`` writes a file atomically (a failed export leaves no
half-written file); calling an exporter returns the whole file as ``str`` (text
formats) or ``bytes`` (binary ones), for previews and tests. An older-style
function ``(store, transcript_id, options) -> str | bytes`` registered with
``register`` still works (its result is held in memory).

To add a format: write ``model/export/<name>.py`` with a registered function and
add its module to ``BUILTIN_MODULES`` below.
"""

from __future__ import annotations

import importlib
import importlib.util
import io
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from model.errors import TaiyakuError
from model.export.options import ExportOptions as ExportOptions  # re-exported: exporters name it here

if TYPE_CHECKING:
    from model.store import Store

# Modules whose exporters register themselves when imported (order = order in --help).
BUILTIN_MODULES = ("model.export.json_export", "model.export.txt", "model.export.md", "model.export.html_export",
                   "model.export.docx_export", "model.export.tmx", "model.export.report", "model.export.subtitles")


class ExportFailed(TaiyakuError):
    """An export could not be produced or written; no file was left behind."""


ExportFunction = Callable[["Store", int, ExportOptions], "str | bytes"]
WriterFunction = Callable[["Store", int, ExportOptions, BinaryIO], None]


@dataclass(frozen=True)
class Exporter:
    """A registered export format: call it like its function."""

    name: str
    function: ExportFunction
    suffix: str
    description: str
    binary: bool = False
    # For formats whose file type depends on the options (the change report: md, html or csv).
    suffix_for: Callable[[ExportOptions], str] | None = None
    # The other way round: extension -> the ``options.extra`` that writes a file of that type.
    variants: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # A streaming exporter writes to a binary stream as it reads; ``function`` then buffers it.
    writer: WriterFunction | None = None

    def __call__(self, store: Store, transcript_id: int, options: ExportOptions | None = None) -> str | bytes:
        return self.function(store, transcript_id, options or ExportOptions())

    def write(self, store: Store, transcript_id: int, options: ExportOptions, out: BinaryIO) -> None:
        """Write the export of one transcript to ``out`` (streamed when the format can)."""
        if self.writer is not None:
            self.writer(store, transcript_id, options, out)
        else:
            out.write(as_bytes(self.function(store, transcript_id, options)))

    def write_file(self, store: Store, transcript_id: int, path: str | Path,
                   options: ExportOptions | None = None) -> Path:
        """Export one transcript to the file ``path``, atomically (see ``write_atomic``)."""
        opts = options or ExportOptions()
        return write_atomic_with(path, lambda fh: self.write(store, transcript_id, opts, fh))

    def file_suffix(self, options: ExportOptions | None = None) -> str:
        """The file name extension for an export made with ``options``."""
        return self.suffix_for(options or ExportOptions()) if self.suffix_for else self.suffix


EXPORTERS: dict[str, Exporter] = {}


def register(name: str, *, suffix: str, description: str, binary: bool = False,
             suffix_for: Callable[[ExportOptions], str] | None = None,
             variants: Mapping[str, Mapping[str, Any]] | None = None,
             ) -> Callable[[ExportFunction], ExportFunction]:
    """Decorator: make ``function`` the exporter of format ``name``.

    ``variants``: extensions the format also writes, each with the ``options.extra``
    that selects it (``{".csv": {"report_format": "csv"}}``).
    """

    def decorate(function: ExportFunction) -> ExportFunction:
        EXPORTERS[name] = Exporter(name, function, suffix, description, binary, suffix_for, dict(variants or {}))
        return function

    return decorate


def register_writer(name: str, *, suffix: str, description: str, binary: bool = False,
                    suffix_for: Callable[[ExportOptions], str] | None = None,
                    variants: Mapping[str, Mapping[str, Any]] | None = None,
                    ) -> Callable[[WriterFunction], WriterFunction]:
    """Decorator: make the streaming ``writer`` the exporter of format ``name`` (see ``register``).

    ``writer(store, transcript_id, options, out)`` writes the file's bytes to ``out`` as it goes.
    """

    def decorate(writer: WriterFunction) -> WriterFunction:
        def buffered(store: Store, transcript_id: int, options: ExportOptions) -> str | bytes:
            buf = io.BytesIO()
            writer(store, transcript_id, options, buf)
            return buf.getvalue() if binary else buf.getvalue().decode("utf-8")

        EXPORTERS[name] = Exporter(name, buffered, suffix, description, binary, suffix_for, dict(variants or {}),
                                   writer)
        return writer

    return decorate


def exporter_for_path(path: Path, name: str | None = None) -> tuple[Exporter, dict[str, Any]] | None:
    """The exporter a file name asks for, and the ``options.extra`` its extension implies.

    With ``name``, that exporter (its variant for the extension, if any). Otherwise a
    format's own extension wins (``.md``: Markdown, ``.html``: the page), then a
    variant (``.csv``: the change report as CSV). None when no format writes that extension.
    """
    suffix = path.suffix.lower()
    exporters = load_builtin_exporters()
    if name is not None:
        exporter = exporters[name]
        return exporter, dict(exporter.variants.get(suffix, {}))
    for exporter in exporters.values():
        if exporter.suffix == suffix:
            return exporter, {}
    for exporter in exporters.values():
        if suffix in exporter.variants:
            return exporter, dict(exporter.variants[suffix])
    return None


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
    payload = as_bytes(data)
    return write_atomic_with(path, lambda fh: fh.write(payload))


def write_atomic_with(path: str | Path, produce: Callable[[BinaryIO], object]) -> Path:
    """``write_atomic`` for content written as it is made: ``produce(fh)`` writes it to the temporary file."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportFailed(f"{path} is a folder; give a file name")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportFailed(f"cannot write in {folder}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            produce(fh)
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


def export_many(store: Store, transcript_ids: list[int], exporter: Exporter, options: ExportOptions,
                folder: str | Path) -> list[Path]:
    """Export several transcripts into ``folder`` (created if needed), one file each, named
    from the title (made safe, unique within the batch). Every file is written atomically;
    a transcript that does not exist stops the batch before anything is written."""
    from sqlalchemy import select

    from model.errors import NotFound
    from model.export.walk import safe_filename
    from model.schema import Transcript

    with store.read() as s:
        titles = dict(s.execute(select(Transcript.id, Transcript.title).where(Transcript.id.in_(transcript_ids))).all())
    missing = [str(i) for i in transcript_ids if i not in titles]
    if missing:
        raise NotFound(f"transcript {', '.join(missing)} does not exist")
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportFailed(f"{folder} is a file; several transcripts need a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportFailed(f"cannot create the folder {folder}: {exc.strerror}") from None
    taken: set[str] = set()
    suffix = exporter.file_suffix(options)
    written = []
    for tid in transcript_ids:
        path = folder / safe_filename(titles[tid] or f"transcript {tid}", suffix, taken)
        written.append(exporter.write_file(store, tid, path, options))
    return written
