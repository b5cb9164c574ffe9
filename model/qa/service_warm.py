"""How the QA checks' process is started: from a ``forkserver`` that did their imports once, or ``spawn``.

A process started by ``spawn`` imports the checks' modules (SQLAlchemy, the read model, the
checks, Sudachi, the spell checker's code) before it reads anything: ~1 s on a slow machine.
A forkserver imports them once (``PRELOAD``), as the first run starts (after the window's
first paint), and forks a ready process for each later run (a rescan after a split or a merge,
"Run checks", another transcript). Never ``fork`` the window's own
process: it has threads (and Qt's), and a forked copy of them is undefined behaviour.

The forkserver is ``python -c``: it imports along its own default ``sys.path`` (Python 3.11
passes it the window's but does not use it), the working directory first, then site-packages --
where an editable install may point at another checkout of the code than the one the window runs
(a benchmark's snapshot, a worktree). So the forkserver is used only when a fresh interpreter in
the working directory finds the window's own ``model`` (asked once, ~30 ms, off the window's
thread); otherwise ``spawn``, whose process takes the window's ``sys.path``, and puts the
window's own folder first anyway (``BOOT``).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import subprocess
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


def forkserver_imports_ours(cwd: str) -> bool:
    """Whether a forkserver started in ``cwd`` would import the window's own ``model`` (see the module's docstring)."""
    probe = "import importlib.util as u; s = u.find_spec('model'); print(s.origin if s else '')"
    try:
        found = subprocess.run([sys.executable, "-c", probe], cwd=cwd, capture_output=True, text=True,
                               timeout=30, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError) as exc:
        log.debug("could not ask where a fresh interpreter finds model: %s", exc)
        return False
    return bool(found) and str(Path(found).resolve().parent.parent) == model_root()


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
