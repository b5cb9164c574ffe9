"""What the UI thread was doing while a follow waited: a sampler for ``window_bench --trace``.

A thread of its own looks at every thread's Python stack every millisecond or so
(``sys._current_frames``) and notes, for the UI thread, the innermost frames that are the
project's own code, and for every other thread (by name) the line it is on and its callers
of ours; the garbage collector's passes are timed through ``gc.callbacks``. ``report(start,
end)`` then tells, for one slow follow, where the UI thread's samples fell, what the other
threads did meanwhile (waiting, importing, reading) and which collections ran. The
sampler takes the GIL itself, so figures measured with it on are a little worse than
without: it is for finding causes, not for the final numbers.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from types import FrameType

ROOT = str(Path(__file__).resolve().parents[1])
INTERVAL_S = 0.001


def _where(frame: FrameType | None, depth: int = 3) -> str:
    """The innermost ``depth`` frames of our own code (outside benchmarks/), innermost first."""
    names: list[str] = []
    outside = None
    while frame is not None and len(names) < depth:
        path = frame.f_code.co_filename
        if path.startswith(ROOT) and "/benchmarks/" not in path:
            names.append(f"{Path(path).stem}.{frame.f_code.co_name}")
        elif outside is None and not path.startswith(ROOT):
            outside = f"{Path(path).stem}.{frame.f_code.co_name}"
        frame = frame.f_back
    if not names:
        return outside or "?"
    if outside is not None and len(names) < depth:
        names.insert(0, outside)
    return " < ".join(names)


def _innermost(frame: FrameType) -> str:
    """The frame itself, wherever its code is (a thread waiting, importing, reading: which line)."""
    return f"{Path(frame.f_code.co_filename).stem}.{frame.f_code.co_name}:{frame.f_lineno}"


class UiTrace:
    """Samples the UI thread's and the other threads' stacks; times gc passes (see the module)."""

    def __init__(self) -> None:
        self.ui = threading.main_thread().ident
        self.samples: list[tuple[float, str, str]] = []  # (time, UI thread, other threads)
        self.gc_passes: list[tuple[float, float, int]] = []  # (start, end, generation)
        self._gc_start = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="ui-trace", daemon=True)

    def start(self) -> None:
        gc.callbacks.append(self._on_gc)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_start = time.perf_counter()
        elif info.get("generation", 0) >= 1:  # the young generation's passes are too short to matter
            self.gc_passes.append((self._gc_start, time.perf_counter(), info["generation"]))

    def _sample(self) -> None:
        me = threading.get_ident()
        names: dict[int | None, str] = {}
        while not self._stop.is_set():
            t = time.perf_counter()
            frames = sys._current_frames()
            if len(names) != len(frames):  # a thread came or went
                names = {thread.ident: thread.name for thread in threading.enumerate()}
            ui = _where(frames.get(self.ui)) if self.ui is not None else "?"
            others = "; ".join(f"{names.get(ident, ident)}: {_innermost(f)} < {_where(f, 2)}"
                               for ident, f in frames.items() if ident not in (self.ui, me))
            self.samples.append((t, ui, others))
            time.sleep(INTERVAL_S)

    def report(self, start: float, end: float) -> str:
        """Where the UI thread was, and what else ran, between ``start`` and ``end`` (perf_counter)."""
        inside = [s for s in self.samples if start <= s[0] <= end]
        pairs = list(zip(inside, inside[1:], strict=False))
        gaps, before, after = max(((b[0] - a[0], a[1], b[1]) for a, b in pairs), default=(0.0, "", ""))
        ui = Counter(s[1] for s in inside).most_common(4)
        other = Counter(part for s in inside for part in s[2].split("; ") if part).most_common(6)
        passes = [f"gen{g} {1000 * (b - a):.0f} ms" for a, b, g in self.gc_passes if a < end and b > start]
        return (f"{len(inside)} samples (longest gap {1000 * gaps:.0f} ms, between {before} and {after}); UI: "
                + ", ".join(f"{n}x {w}" for w, n in ui)
                + ("; other threads: " + ", ".join(f"{n}x {w}" for w, n in other) if other else "")
                + ("; gc: " + ", ".join(passes) if passes else ""))


class ResizeLog:
    """Prints every resize of a widget (a pane) after the paint: each one lays out its rows again."""

    def __init__(self, widget: object, since: float) -> None:
        from PySide6.QtCore import QEvent, QObject

        class _Filter(QObject):
            def eventFilter(self, obj: object, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Resize:
                    print(f"RESIZE +{time.perf_counter() - since:.2f} s: {event.oldSize().toTuple()} -> "  # type: ignore[attr-defined]
                          f"{event.size().toTuple()}", flush=True)  # type: ignore[attr-defined]
                return False

        self._filter = _Filter()
        widget.installEventFilter(self._filter)  # type: ignore[attr-defined]
