"""How the QA checks' process is started: a ``forkserver`` warmed early, or ``spawn``.

A process started by ``spawn`` imports the checks' modules (SQLAlchemy, the read model, the
checks, Sudachi, the spell checker's code) before it reads anything: ~1 s on a slow machine.
A forkserver imports them once (``PRELOAD``), started early (``warm``, after the window's
first paint), and forks a ready process for each run. Never ``fork`` the window's own
process: it has threads (and Qt's), and a forked copy of them is undefined behaviour.

The forkserver and a spawned process import ``model`` along the window's ``sys.path``; an
entry relative to the working directory ('' first, as ``python -m`` puts it) could find another
copy of ``model`` there than the one the window runs (a benchmark's snapshot of the code). Then
``spawn`` is used, and the process puts the window's own folder first (``entry``).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
from multiprocessing.context import BaseContext
from pathlib import Path

log = logging.getLogger(__name__)

PRELOAD = ["model.qa.service_run", "model.qa.scan", "model.qa.checks", "model.qa.glossary_check",
           "model.qa.spelling", "model.qa.variants", "model.readmodel", "model.store"]
# The code the process runs first: the window's copy of ``model`` first on sys.path, then its main.
BOOT = ("import sys\n"
        "if root not in sys.path: sys.path.insert(0, root)\n"
        "from model.qa.service_run import main\n"
        "main(conn)\n")

_chosen: list[BaseContext] = []
_lock = threading.Lock()


def model_root() -> str:
    """The folder holding the ``model`` package this process runs."""
    import model

    return str(Path(model.__file__).resolve().parent.parent)


def first_model_on_path(path: list[str], cwd: str) -> str | None:
    """The folder where an import of ``model`` along ``path`` would find it (relative entries from ``cwd``)."""
    for entry in path:
        folder = Path(cwd, entry) if entry else Path(cwd)
        if (folder / "model" / "__init__.py").is_file():
            return str(folder.resolve())
    return None


def context() -> BaseContext:
    """The start method for the checks' process: forkserver where there is one and it would import
    the window's own ``model``; spawn otherwise."""
    with _lock:
        if not _chosen:
            method = "spawn"
            if ("forkserver" in multiprocessing.get_all_start_methods()
                    and first_model_on_path(sys.path, os.getcwd()) == model_root()):
                method = "forkserver"
            ctx = multiprocessing.get_context(method)
            if method == "forkserver":
                ctx.set_forkserver_preload(PRELOAD)  # (the forkserver's own imports, not the window's)
            _chosen.append(ctx)
        return _chosen[0]


def warm() -> None:
    """Start the forkserver now, if that is the start method, so the first run does not wait for its imports."""
    ctx = context()
    if ctx.get_start_method() != "forkserver":
        return
    try:
        from multiprocessing import forkserver

        forkserver.ensure_running()
    except OSError as exc:  # never worth a failure: the first run starts it
        log.debug("could not start the forkserver: %s", exc)
