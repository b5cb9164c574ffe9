"""Starting the GUI: ``run(options)`` is what ``main.py`` calls, with the options the command
line parsed (``cli.core.build_window_parser``: --db, --sample, --quit-after-load, FILE).

    taiyaku [--db PATH] [--sample [NAME] | FILE] [--quit-after-load]

Opens the database (default: the user's data folder), imports FILE if given
and shows it; on a first run with an empty database it imports the bundled
sample so a newcomer sees a real transcript at once.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox


def skip_pyside_feature_scan() -> bool:
    """Give Python its own ``__import__`` back from PySide6's; returns whether it was PySide's.

    For its opt-in ``from __feature__ import snake_case, true_property``, PySide6 wraps the
    builtin import and, after every module imported from then on, reads the module's whole
    source file to see whether it mentions PySide6. Taiyaku uses no ``__feature__``; the
    reading cost 0.1-0.15 s of CPU before the transcript's first paint (SQLAlchemy and our
    modules come after PySide6). Modules imported before this keep what PySide recorded.
    """
    import builtins

    original = getattr(builtins, "__orig_import__", None)  # saved by PySide6 when it wrapped it
    if original is None or builtins.__import__ is original:
        return False
    builtins.__import__ = original
    return True


skip_pyside_feature_scan()
# numpy (the overview strip's marks, the waveform) loads OpenBLAS, whose pool of worker threads spun
# on the cores right after the first paint (60 ms of a core within a 100-ms follow at 50,000
# segments, perf -a): the window does no matrix work worth a second thread. Before numpy loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from model.errors import TaiyakuError  # noqa: E402  after the import is Python's own again

if TYPE_CHECKING:  # pragma: no cover
    from gui.window.context import AppContext

log = logging.getLogger(__name__)
DAMAGE_CHECK_POLL_MS = 25  # how often the window looks whether the background damage check has ended


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The window's options from ``argv`` (scripts and tests that call ``run`` with a list): the
    command line's own parser, so the window never declares an option of its own."""
    from cli.core import build_window_parser  # the one import of cli in gui/ (pyproject's contracts)

    args = list(argv)
    if args and sys.argv and args[0] == sys.argv[0]:  # called with the program name first, like sys.argv
        args = args[1:]
    return build_window_parser("taiyaku").parse_args(args)


def app_icon() -> QIcon:
    """The application icon from resources/icons (empty when not installed)."""
    try:
        from model.resources import resource_path

        return QIcon(str(resource_path("icons/taiyaku.svg")))
    except Exception:
        return QIcon()


def import_sample_if_empty(store) -> int | None:  # type: ignore[no-untyped-def]
    """First run: import the bundled sample into an empty database; returns its id."""
    from model.skeleton import transcript_ids

    if transcript_ids(store):  # not list_transcripts: its counts cost 0.15 s on a big database
        return None
    try:
        from model.importer import import_file
        from model.resources import bundled_sample_path
        from model.samples import attach_sample_recording

        tid = import_file(store, bundled_sample_path())
        attach_sample_recording(store, tid, bundled_sample_path())
        return tid
    except (ImportError, TaiyakuError) as exc:
        log.warning("could not import the bundled sample: %s", exc)
        return None


def open_sample(store, name: str, window) -> int | None:  # type: ignore[no-untyped-def]
    """--sample: the bundled sample's id, importing it on first use."""
    try:
        from model.samples import ensure_sample

        return ensure_sample(store, name or None)
    except (ImportError, TaiyakuError) as exc:
        window.show_error(QCoreApplication.translate("App", "Taiyaku"), str(exc))
        return None


def run(options: argparse.Namespace | Sequence[str],
        started: Callable[[AppContext], object] | None = None) -> int:
    """Run the GUI on the parsed command line (or on arguments to parse); returns the exit code.

    ``started(ctx)`` is called once the context exists, before the window is built: scripts
    (benchmarks, tests) connect to ``ctx.firstPainted`` and ``ctx.windowChanged`` there.
    File > Open database (``gui.work.databases``) ends a run with ``ctx.switch_to`` set: the
    window then starts again on that database, as if launched with ``--db`` (``started`` again).
    """
    args = options if isinstance(options, argparse.Namespace) else parse_args(options)
    contexts: list[AppContext] = []

    def begin(ctx: AppContext) -> None:
        contexts.append(ctx)
        if started is not None:
            started(ctx)

    while True:
        contexts.clear()
        collecting = gc.isenabled()
        try:
            code = _run_once(args, begin)
        finally:  # whatever way the run ended (_run_once pauses the collector until its first paint)
            if collecting:
                gc.enable()
        target = contexts[0].switch_to if contexts else None
        if target is None:
            return code
        args = argparse.Namespace(**{**vars(args), "db": target, "file": None, "sample": None})


def _run_once(args: argparse.Namespace, started: Callable[[AppContext], object]) -> int:
    """One run of the window on one database (``run``)."""
    # Start-up makes about a million objects that live as long as the app (modules, Qt wrappers, the
    # transcript's outline). Before the first paint the collector swept them again and again (2 full
    # sweeps, ~30 middle and ~300 young ones: ~0.16 s of CPU at 50,000 segments) and found next to
    # nothing to free. It is off until the transcript is painted (resume_collector in on_shown), then
    # what start-up built is frozen out of its sweeps.
    collecting = gc.isenabled()
    gc.disable()

    def resume_collector() -> None:
        if collecting:
            gc.enable()

    app = cast(QApplication, QApplication.instance()) or QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("Taiyaku")
    QCoreApplication.setApplicationName("Taiyaku")
    app.setApplicationDisplayName("Taiyaku")
    # Wayland compositors and docks match the window to io.github.taiyaku.Taiyaku.desktop (menu entry, icon) by this.
    from model.resources import APP_ID

    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())

    from gui.window.i18n import install_translators
    from gui.window.settings import annotator_name, app_settings, last_transcript

    settings = app_settings()
    install_translators(app, str(settings.value("ui/language", "system")))
    # The frame first: menus, toolbar and docks on screen before the storage stack is imported.
    from gui.window.startup_frame import hand_over, remember_layout, show_frame
    from model.paths import default_db_path

    frame = show_frame(settings, str(args.db or default_db_path()))

    from gui.window.activity import wait_for_threads
    from gui.window.context import AppContext
    from gui.window.language_switch import follow_language
    from gui.window.main_window import MainWindow
    from model.store import Store, configure_orm

    try:
        # The damage check reads the whole file: it runs beside the window's start (see on_shown).
        from cli.core import db_path

        store = Store.open(db_path(args), annotator=annotator_name(settings), check_in_background=True)
    except TaiyakuError as exc:
        frame.close()
        if args.quit_after_load:  # scripted: one line, no dialog waiting for a click
            print(f"taiyaku: error: {exc}", file=sys.stderr)
        else:
            QMessageBox.critical(None, QCoreApplication.translate("App", "Taiyaku cannot open the database"),
                                 str(exc))
        return 2
    ctx = AppContext(store)
    started(ctx)
    from gui.backups import OPEN_DELAY_S, BackupSchedule, failure_message

    prefetch = None
    if args.file is None and args.sample is None:  # the transcript shown last (or the oldest) opens
        from gui.models.transcript_model import CHUNK
        from model.prefetch import Prefetch

        prefetch = Prefetch(store, last_transcript(settings, store.path), first_rows=CHUNK)
    backups = BackupSchedule(store, app, open_delay_s=OPEN_DELAY_S)  # copies start once the damage check has passed
    window = MainWindow(ctx, settings)
    window.transcript_model.prefetch = prefetch  # read meanwhile, on the other core
    remember_layout(window, settings)  # the next start's frame shows these docks
    hand_over(frame, window)

    live = [window]

    def follow(new: MainWindow) -> None:
        # A new UI language rebuilds the window (gui.window.language_switch): the context names the live one.
        live[0] = new
        ctx.windowChanged.emit(new)
        new.replaced.connect(follow)

    window.replaced.connect(follow)
    follow_language(window)  # Preferences > language rebuilds it in place
    ctx.windowChanged.emit(window)
    target: int | None = None
    if args.file is not None:
        ids = window.importer.import_paths([args.file])  # shows the refusal in a dialog
        target = ids[-1] if ids else None
        if not ids and args.quit_after_load:
            return 1
    elif args.sample is not None:
        target = open_sample(store, args.sample, window)
    else:
        target = import_sample_if_empty(store)

    refused = False

    def refuse_if_damaged() -> bool:
        """The background damage check's verdict: a damaged file is refused before any write."""
        nonlocal refused
        if refused:
            return True
        try:
            store.ensure_intact()
            return False
        except TaiyakuError as exc:
            refused = True
            if args.quit_after_load:  # scripted: one line, exit code 2
                print(f"taiyaku: error: {exc}", file=sys.stderr)
                QTimer.singleShot(0, partial(app.exit, 2))
            else:
                box = live[0].show_error(QCoreApplication.translate("App", "Taiyaku cannot open the database"),
                                         str(exc))
                box.finished.connect(partial(app.exit, 2))
            return True

    def backup_failed(state: str, detail: str) -> None:
        if state == "failed":
            live[0].statusBar().showMessage(failure_message(detail), 15000)

    backups.finished.connect(backup_failed)

    def after_damage_check(then: Callable[[], object]) -> None:
        """Run ``then`` once the background damage check has spoken, never waiting for it on the
        window's thread (at 200,000 segments it read the file 0.2-0.3 s past the paint, and the
        first keystroke waited as long); the check must pass before the first write (it does:
        writes wait for it) and before backups start or a scripted run exits."""
        if store.intact_known:
            then()
        else:
            QTimer.singleShot(DAMAGE_CHECK_POLL_MS, app, lambda: after_damage_check(then))

    def checked() -> None:
        if refuse_if_damaged():
            return
        if not backups.timer_running():
            backups.start()
        if args.quit_after_load:
            QTimer.singleShot(0, app.quit)

    def on_shown(_tid: int) -> None:
        if gc.get_freeze_count() == 0:
            # What start-up built (modules, Qt wrappers, the transcript's outline) lives as long as the
            # app: keep it out of the collector's full sweeps, which otherwise walk it all again and
            # again (80-110 ms each at 50,000 segments, one of them in the middle of the QA checks).
            # Frozen before the collector resumes: its first young sweep would walk all of it (~45 ms).
            gc.freeze()
        resume_collector()
        if store.intact_known and refuse_if_damaged():
            return
        after_damage_check(checked)
        if not painted:  # once: not again when another transcript is shown
            painted.append(True)
            # The reads before the paint went through Core; the ORM's set-up (20-25 ms) gets a turn of
            # its own: next in the line of the after-paint steps, put there once what the paint queued
            # has run (an input made at the paint gets in first; run from a zero timer here, it came
            # before it; put first in the line now, it ran in this turn beside the first step).
            QTimer.singleShot(0, window, lambda: window.after_paint(configure_orm, first=True))
            ctx.firstPainted.emit()

    painted: list[bool] = []
    previous_hook = sys.excepthook

    def uncaught(kind: type[BaseException], value: BaseException, tb: object) -> None:
        """A slot that raised one of the app's own errors (e.g. the library's counts reading a
        damaged page before the damage check has spoken): one line, never a traceback."""
        if not isinstance(value, TaiyakuError):
            previous_hook(kind, value, tb)  # type: ignore[arg-type]
            return
        log.info("reported from a slot: %s", value)
        if not refuse_if_damaged():
            live[0].show_error(QCoreApplication.translate("App", "Taiyaku"), str(value))

    sys.excepthook = uncaught
    ctx.switchRequested.connect(app.quit)  # File > Open database: a new run on ctx.switch_to (see run)
    window.transcriptShown.connect(on_shown)
    window.show()  # first, so the panes have their final widths when the rows are laid out (once)
    window.open_initial(target)
    # Nothing to paint (no transcript, or it could not be read): start what on_shown would have.
    if window.transcript_model.transcript_id is None:
        resume_collector()
    if window.transcript_model.transcript_id is None and not refuse_if_damaged():
        backups.start()
        if args.quit_after_load:
            QTimer.singleShot(0, app.quit)
    # Other people's (or programs') changes show within about a second (model.live): announced
    # from the watcher's thread, the bridge's signal reaches the views through the event loop.
    watcher = None
    if not args.quit_after_load:
        try:
            watcher = store.watch_others()
        except TaiyakuError as exc:
            log.warning("no live updates: %s", exc)
    try:
        code = app.exec()
    finally:
        sys.excepthook = previous_hook
        if watcher is not None:
            watcher.stop()
    # The window's background threads end before the store closes under them and before Python
    # tears down (one still importing a Qt module then crashed the process at exit).
    still = wait_for_threads()
    if still:
        log.warning("threads still running at exit: %s", ", ".join(still))
    if ctx.switch_to is not None:  # File > Open database: this window goes, a new one opens on the other
        live[0].close()
        live[0].deleteLater()
    ctx.bridge.detach()
    if not refused:
        backups.close()  # a last copy if anything was written since the newest one
    store.close()
    return code
