"""How the QA checks' process is started: a ``forkserver`` warmed early, or ``spawn``.

A process started by ``spawn`` imports the checks' modules (SQLAlchemy, the read model, the
checks, Sudachi, the spell checker's code) before it reads anything: ~1 s on a slow machine.
A forkserver imports them once (``PRELOAD``), started early (``warm``, after the window's
first paint), and forks a ready process for each run. Never ``fork`` the window's own
process: it has threads (and Qt's), and a forked copy of them is undefined behaviour.

The forkserver is ``python -c``: it imports along its own default ``sys.path`` (Python 3.11
passes it the window's but does not use it), the working directory first, then site-packages --
where an editable install may point at another checkout of the code than the one the window runs
(a benchmark's snapshot, a worktree). So the forkserver is used only when the working directory
holds the window's own ``model``; otherwise ``spawn``, whose process takes the window's
``sys.path``, and puts the window's own folder first anyway (``BOOT``).
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
# The code the process runs first: the window's folder first on sys.path (before another copy of ``model``).
BOOT = ("import sys\n"
        "sys.path.insert(0, root)\n"
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


def forkserver_imports_ours(cwd: str) -> bool:
    """Whether a forkserver started in ``cwd`` would import the window's own ``model`` (see the module's docstring)."""
    return first_model_on_path([""], cwd) == model_root()


def context() -> BaseContext:
    """The start method for the checks' process: forkserver where there is one and it would import
    the window's own ``model``; spawn otherwise."""
    with _lock:
        if not _chosen:
            method = "spawn"
            if (not getattr(sys, "frozen", False) and "forkserver" in multiprocessing.get_all_start_methods()
                    and forkserver_imports_ours(os.getcwd())):
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
