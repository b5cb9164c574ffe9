"""The main window: library, the two linked panes, details, status bar, menus and toolbar."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDockWidget,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from gui.details import DetailsArea
from gui.import_flow import ImportFlow, local_files
from gui.library import LibraryView
from gui.models.library_model import LibraryModel
from gui.models.transcript_model import TranscriptModel
from gui.panes import BilingualPanes
from gui.window import features
from gui.window.actions import ActionRegistry
from gui.window.context import AppContext
from gui.window.dock_scroll import DockScroll
from gui.window.first_size import LEFT_DOCK_WIDTH, bottom_dock_height, first_run_size
from gui.window.i18n import current_language, resolve_language
from gui.window.settings import db_key, last_transcript
from gui.window.storage_errors import status_text
from model.errors import TaiyakuError
from model.skeleton import transcript_ids
from model.store import Changes

if TYPE_CHECKING:  # pragma: no cover
    from gui.window.shortcuts_dialog import ShortcutsDialog

# Docks are the main window's own children: looking only there skips its ~500 widgets (each a
# wrapped Python object), 2-6 ms a search, and add_dock searches once per dock.
DIRECT = Qt.FindChildOption.FindDirectChildrenOnly

log = logging.getLogger(__name__)
Key = QKeySequence.StandardKey


class MainWindow(QMainWindow):
    """The window annotators live in. Features extend it (see ``gui.window.features``)."""

    transcriptShown = Signal(int)  # first paint of the panes after a transcript was loaded
    replaced = Signal(object)  # MainWindow: rebuilt in a new UI language (gui.window.language_switch); this one goes
    # The annotator chose another UI language in Preferences ('system', 'en', 'ja'). The app
    # rebuilds the window in it (gui.window.language_switch.follow_language, connected by gui.app).
    languageChosen = Signal(str)

    def __init__(self, ctx: AppContext, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.ctx = ctx
        self.settings = settings
        self.last_message_box: QMessageBox | None = None
        self._ctx_links: list[tuple[SignalInstance, Callable[..., Any]]] = []
        self._awaiting_paint = False
        self._painted = False  # the panes have painted once (after_paint)
        self._after_paint: list[Callable[[], object]] = []
        self.transcript_model = TranscriptModel(ctx.store, self)
        self.library_model = LibraryModel(ctx.store, self)
        self.panes = BilingualPanes(ctx, self.transcript_model, self)
        self.setCentralWidget(self.panes)
        self.panes.pane("en").viewport().installEventFilter(self)
        self.importer = ImportFlow(self)
        self.registry = ActionRegistry(self)
        # Several docks share the left side as tabs: side tabs keep their names whole at a narrow width.
        self.setTabPosition(Qt.DockWidgetArea.LeftDockWidgetArea, QTabWidget.TabPosition.West)
        self._build_docks()
        self._build_status_bar()
        self._build_actions()
        self.setAcceptDrops(True)
        self._library_timer = QTimer(self, singleShot=True, interval=300)
        self._library_timer.timeout.connect(self.reload_library)
        self.library_model.modelReset.connect(self._library_read)
        self._listen(ctx.transcriptChanged, self._load_transcript)
        self._listen(ctx.bridge.changed, self._on_changes)
        self._write_state = ("saved", "")
        self._listen(ctx.bridge.writeState, self._on_write_state)
        self._listen(ctx.errorReported, self._on_error)
        self._listen(ctx.statusMessage, self._on_status_message)
        zoom = settings.value("ui/point_size")
        if zoom is not None:
            self.panes.metrics.set_point_size(float(zoom))
        self.features: dict[str, Any] = {}  # what each feature's install returned (gui.window.features)
        self.feature_errors = features.install_all(self, ctx)
        self.retranslate()
        geometry = settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(first_run_size(self))
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        self._first_layout_pending = state is None  # applied once shown: docks have their sizes then

    def restore_layout(self, geometry: QByteArray, state: QByteArray, size: QSize | None = None) -> None:
        """Take another window's place, size and dock layout (a window rebuilt in place)."""
        self.restoreGeometry(geometry)
        if size is not None and not self.isMaximized() and not self.isFullScreen():
            self.resize(size)  # exactly: restoreGeometry shrinks a window larger than the screen
        self.restoreState(state)  # after the size: dock sizes are laid out in it
        self._first_layout_pending = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_layout_pending:
            self._first_layout_pending = False
            # Now, and laid out at once: the panes get their final widths before their rows are laid
            # out (at 500,000 rows a layout of each pane is ~35 ms; from a timer, the docks' first
            # sizes came after it and the panes were laid out five times, twice after the paint).
            self._first_run_layout()
            layout = self.layout()
            if layout is not None:
                layout.activate()

    def _first_run_layout(self) -> None:
        # No saved layout: the panes get most of the width; the docks beside them stay narrow.
        area = Qt.DockWidgetArea
        for side, width in ((area.LeftDockWidgetArea, LEFT_DOCK_WIDTH), (area.RightDockWidgetArea, 300)):
            docks = self.docks_in(side)
            if docks:
                self.resizeDocks(docks[:1], [width], Qt.Orientation.Horizontal)
        # The details and the recording below: what they show without scrolling, where the window has room.
        bottom = self.docks_in(area.BottomDockWidgetArea)
        if bottom:
            self.resizeDocks(bottom[:1], [bottom_dock_height(self.height())], Qt.Orientation.Vertical)

    def docks_in(self, area: Qt.DockWidgetArea) -> list[QDockWidget]:
        """The window's docked (not floating) docks on one side, in the order they were added."""
        return [d for d in self.findChildren(QDockWidget, options=DIRECT)
                if self.dockWidgetArea(d) == area and not d.isFloating()]

    # -- building ------------------------------------------------------------------
    def _build_docks(self) -> None:
        self.library_view = LibraryView(self.library_model, self)
        self.library_view.transcriptChosen.connect(self.ctx.set_transcript)
        self.library_dock = self.add_dock(self.library_view, self.tr("Library"), Qt.DockWidgetArea.LeftDockWidgetArea,
                                          "library_dock")
        self.details = DetailsArea(self.ctx, self.transcript_model, self)
        self.details_dock = self.add_dock(self.details, self.tr("Details"), Qt.DockWidgetArea.BottomDockWidgetArea,
                                          "details_dock")
        self.resizeDocks([self.library_dock], [250], Qt.Orientation.Horizontal)
        self.resizeDocks([self.details_dock], [140], Qt.Orientation.Vertical)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.counts_label = QLabel(self)
        self.annotator_label = QLabel(self)
        self.db_label = QLabel(self)
        self.saved_label = QLabel(self)
        for name, label in (("counts", self.counts_label), ("annotator", self.annotator_label),
                            ("database", self.db_label), ("saved", self.saved_label)):
            label.setObjectName(f"status_{name}")
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)
        self.db_label.setMaximumWidth(320)

    def _build_actions(self) -> None:
        reg = self.registry
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        reg.toolbar = toolbar
        for key in ("file", "edit", "view", "go", "help"):
            reg.menu(key)
        p = self.panes
        reg.add("import", self.tr("&Import…"), self.importer.choose_and_import, menu="file", shortcut="Ctrl+I",
                icon_name="mdi6.file-import-outline", toolbar=True,
                tip=self.tr("Import transcript files into the library"))
        reg.add("import_pair", self.tr("Import with &Translation File…"), self.importer.choose_pair_and_import,
                menu="file", tip=self.tr("Import a transcript and a second file holding its translation, "
                                         "aligned paragraph by paragraph"))
        self.menu_separator("file")
        reg.add("quit", self.tr("&Quit"), self.close, menu="file", shortcut=Key.Quit, icon_name="mdi6.exit-to-app")
        # Undo and redo act on the active stack of the group: the transcript on screen's, so Ctrl+Z
        # never reaches another one (gui.window.context); a step a locked database refused stays to do
        # (gui.window.commands.keep_in_step, on every stack).
        group = self.ctx.undo_group
        undo = reg.add("undo", self.tr("&Undo"), lambda: self.ctx.undo_stack.undo(), menu="edit",
                       shortcut=Key.Undo, icon_name="mdi6.undo", toolbar=True)
        redo = reg.add("redo", self.tr("&Redo"), lambda: self.ctx.undo_stack.redo(), menu="edit",
                       shortcut=[QKeySequence(Key.Redo).toString(), "Ctrl+Y"], icon_name="mdi6.redo", toolbar=True)
        stack = self.ctx.undo_stack  # not empty when the window is rebuilt (gui.window.language_switch)
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        self._listen(group.canUndoChanged, undo.setEnabled)
        self._listen(group.canRedoChanged, redo.setEnabled)
        self._listen(group.undoTextChanged, self._on_undo_text)
        self._listen(group.redoTextChanged, self._on_redo_text)
        if stack.count():
            self._on_undo_text(stack.undoText())
            self._on_redo_text(stack.redoText())
        self.menu_separator("edit")
        reg.add("preferences", self.tr("&Preferences…"), self.show_preferences, menu="edit", shortcut="Ctrl+,",
                icon_name="mdi6.cog-outline")
        toolbar.addSeparator()
        reg.add("zoom_in", self.tr("Zoom &in"), lambda: self.zoom(1), menu="view", shortcut=["Ctrl+=", "Ctrl++"],
                icon_name="mdi6.magnify-plus-outline", toolbar=True, tip=self.tr("Larger text"))
        reg.add("zoom_out", self.tr("Zoom &out"), lambda: self.zoom(-1), menu="view", shortcut="Ctrl+-",
                icon_name="mdi6.magnify-minus-outline", toolbar=True, tip=self.tr("Smaller text"))
        reg.add("zoom_reset", self.tr("&Normal size"), lambda: self.zoom(0), menu="view", shortcut="Ctrl+0")
        reg.add("switch_pane", self.tr("&Switch pane"), p.switch_pane, menu="view", shortcut="F6",
                icon_name="mdi6.swap-horizontal", tip=self.tr("Move between English and 日本語"))
        self.menu_separator("view")
        for dock in (self.library_dock, self.details_dock):
            self.registry.menus["view"].addAction(dock.toggleViewAction())
        toolbar.addSeparator()
        reg.add("prev_turn", self.tr("Pre&vious turn"), lambda: p.step_turn(-1), menu="go", shortcut="Ctrl+Up",
                icon_name="mdi6.chevron-double-up", toolbar=True)
        reg.add("next_turn", self.tr("&Next turn"), lambda: p.step_turn(1), menu="go", shortcut="Ctrl+Down",
                icon_name="mdi6.chevron-double-down", toolbar=True)
        reg.add("prev_segment", self.tr("&Previous segment"), lambda: p.step_segment(-1), menu="go",
                shortcut="Alt+Up", icon_name="mdi6.chevron-up")
        reg.add("next_segment", self.tr("Ne&xt segment"), lambda: p.step_segment(1), menu="go",
                shortcut="Alt+Down", icon_name="mdi6.chevron-down")
        reg.add("goto_turn", self.tr("&Go to turn…"), self.ask_turn, menu="go", shortcut="Ctrl+G",
                icon_name="mdi6.format-list-numbered", toolbar=True)
        reg.add("first", self.tr("&First segment"), p.go_first, menu="go", shortcut="Ctrl+Home",
                icon_name="mdi6.page-first")
        reg.add("last", self.tr("&Last segment"), p.go_last, menu="go", shortcut="Ctrl+End",
                icon_name="mdi6.page-last")
        reg.add("shortcuts", self.tr("&Keyboard shortcuts"), self.show_shortcuts, menu="help", shortcut="Ctrl+/",
                icon_name="mdi6.keyboard-outline")
        reg.add("about", self.tr("&About Taiyaku"), self.show_about, menu="help", icon_name="mdi6.information-outline")

    def _listen(self, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        # The context outlives the window: connections to it are cut when the window closes,
        # before Qt deletes the widgets the slots would touch.
        signal.connect(slot)
        self._ctx_links.append((signal, slot))

    def _detach(self) -> None:
        for signal, slot in self._ctx_links:
            with contextlib.suppress(RuntimeError, TypeError):  # already gone
                signal.disconnect(slot)
        self._ctx_links.clear()
        self.panes.detach()
        self.details.segment.detach()
        for feature in self.features.values():  # what a feature runs outside the window (a process) stops
            closed = getattr(feature, "window_closed", None)
            if callable(closed):
                closed()

    def _on_error(self, message: str) -> None:
        box = self.last_message_box
        try:
            if box is not None and box.isVisible() and box.text() == message:
                return  # e.g. each step of one History click refused by a locked database: one dialog
        except RuntimeError:  # the box was closed and deleted
            pass
        self.show_error(self.tr("Taiyaku"), message)

    def _on_status_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)

    def _on_undo_text(self, text: str) -> None:
        self.registry.set_tip(self.registry.get("undo"), self.tr("Undo {action}").format(action=text) if text
                              else self.tr("Undo"))

    def _on_redo_text(self, text: str) -> None:
        self.registry.set_tip(self.registry.get("redo"), self.tr("Redo {action}").format(action=text) if text
                              else self.tr("Redo"))

    def retranslate(self) -> None:
        """Texts that depend on the UI language and not on an action."""
        menus = {"file": self.tr("&File"), "edit": self.tr("&Edit"), "view": self.tr("&View"),
                 "go": self.tr("&Go"), "help": self.tr("&Help")}
        for key, title in menus.items():
            self.registry.menus[key].setTitle(title)
        self._update_title()
        self.update_status()

    # -- extension points (see gui.window.features) ---------------------------------------------
    def widget(self) -> QMainWindow:
        """This window as a Qt widget (what ``gui.window.features.FeatureWindow`` promises)."""
        return self

    @property
    def annotate(self) -> Any:
        """The annotation feature (``gui.annotate``), or None when it is not installed."""
        return self.features.get("annotate")

    @property
    def review(self) -> Any:
        """The review feature (``gui.review``), or None when it is not installed."""
        return self.features.get("review")

    def painted(self) -> bool:
        """Whether the window has painted its panes once (``after_paint`` callbacks have been queued)."""
        return self._painted

    def after_paint(self, callback: Callable[[], object], first: bool = False) -> None:
        """Run ``callback`` right after the window's first paint (at once, on the event loop, if it has
        painted): what a feature needs only once the annotator can act (heavy imports, a media player)
        is built there, so the first paint does not wait for it. With ``first``, before the callbacks
        still waiting for their turn (each runs in a turn of the event loop of its own)."""
        if self._painted and not self._after_paint:
            QTimer.singleShot(0, self, callback)
        elif first:
            self._after_paint.insert(0, callback)
        else:  # before the paint, or while the earlier ones still run one per turn: after them
            self._after_paint.append(callback)

    def _run_after_paint(self) -> None:
        """Run the first queued callback, and come back for the next one on the next turn of the
        event loop: a key press or a click made at the paint is handled between two callbacks
        instead of waiting for all of them (at 50k the first input waited 120-470 ms for them)."""
        if not self._after_paint:
            return
        callback = self._after_paint.pop(0)
        try:
            callback()
        except Exception:  # one feature's failure must not keep the others from building
            log.exception("after the first paint: %r failed", callback)
        if self._after_paint:  # queued behind what came meanwhile (input, the callback's own events)
            QTimer.singleShot(0, self, self._run_after_paint)

    def add_dock(self, widget: QWidget, title: str, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
                 name: str | None = None) -> QDockWidget:
        """Add a dock (its toggle goes to the View menu when the menu exists)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name or f"dock_{widget.objectName() or len(self.findChildren(QDockWidget, options=DIRECT))}")
        # A list already scrolls; anything else may be taller than the dock (gui.window.dock_scroll).
        dock.setWidget(widget if isinstance(widget, QAbstractScrollArea) else DockScroll(widget))
        self.addDockWidget(area, dock)
        registry = getattr(self, "registry", None)
        if isinstance(registry, ActionRegistry) and "view" in registry.menus:
            registry.menus["view"].addAction(dock.toggleViewAction())
        return dock

    def add_details_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab about the selected segment to the details area."""
        return self.details.add_tab(widget, title)

    def menu_separator(self, menu: str) -> None:
        self.registry.menu(menu).addSeparator()

    # -- transcript ------------------------------------------------------------------------
    def _load_transcript(self, transcript_id: int | None) -> None:
        try:
            self.transcript_model.load(transcript_id)
        except TaiyakuError as exc:
            self.show_error(self.tr("Taiyaku"), str(exc))
            self.transcript_model.load(None)
            transcript_id = None
        if transcript_id is not None:
            self.settings.setValue(f"last_transcript/{db_key(self.ctx.store.path)}", transcript_id)
            self._awaiting_paint = True
            self.panes.go_row(0)
            self.panes.pane("en").viewport().update()
        self.library_view.show_transcript(transcript_id)
        self._update_title()
        self.update_status()

    def open_initial(self, transcript_id: int | None = None) -> None:
        """Open ``transcript_id``, else the last one shown, else the first; then fill the library.

        The library's counts read every segment of the library: they are read once the transcript
        has painted (first in line after it), so their thread does not compete with the paint.
        """
        ids = transcript_ids(self.ctx.store)
        if transcript_id is None:
            last = last_transcript(self.settings, self.ctx.store.path)
            transcript_id = last if last in ids else (ids[0] if ids else None)
        self.ctx.set_transcript(transcript_id)
        if self.ctx.transcript_id is None or self._painted:  # nothing to paint first
            QTimer.singleShot(0, self, self.reload_library)
        else:
            self._after_paint.insert(0, self.reload_library)

    def reload_library(self) -> None:
        """Read the library again (in a thread: its counts read every segment) and highlight the open
        transcript once it is there."""
        self.library_model.reload_in_background()

    def _library_read(self) -> None:
        self.library_view.show_transcript(self.ctx.transcript_id)

    def _on_changes(self, changes: Changes) -> None:
        self.transcript_model.apply_changes(changes)
        if changes.touches("transcript", "segment", "turn", "flag", "gap") or changes.kind == "import":
            self._library_timer.start()  # counts are costly on big databases: once per burst of edits
        self.update_status()
        self._update_saved(changes)

    def _announce_shown(self, transcript_id: int) -> None:
        self.transcriptShown.emit(transcript_id)
        self.ctx.transcriptShown.emit(transcript_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._awaiting_paint and event.type() == QEvent.Type.Paint \
                and watched is self.panes.pane("en").viewport():
            self._awaiting_paint = False
            tid = self.ctx.transcript_id
            if tid is not None:
                QTimer.singleShot(0, self, lambda: self._announce_shown(tid))
        if not self._painted and event.type() == QEvent.Type.Paint and watched is self.panes.pane("en").viewport():
            self._painted = True
            QTimer.singleShot(0, self, self._run_after_paint)  # dropped if the window goes first
        if not self.registry.icons_loaded and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.registry, self.registry.load_icons)  # dropped if the window goes first
        return super().eventFilter(watched, event)

    # -- status ------------------------------------------------------------------------------
    def _update_title(self) -> None:
        sk = self.transcript_model.skeleton
        self.setWindowTitle(f"{sk.title} — Taiyaku" if sk else "Taiyaku")

    def update_status(self) -> None:
        """Show the counts, the annotator and the database in the status bar again."""
        sk = self.transcript_model.skeleton
        if sk is None:
            self.counts_label.setText(self.tr("No transcript open"))
        else:
            self.counts_label.setText(self.tr("{turns} turns · {segments} segments").format(
                turns=len(sk.turns), segments=sk.segment_count))
        self.annotator_label.setText(self.tr("Annotator: {name}").format(name=self.ctx.store.annotator_name))
        path = self.ctx.store.path
        self.db_label.setText(self.db_label.fontMetrics().elidedText(path, Qt.TextElideMode.ElideMiddle, 300))
        self.db_label.setToolTip(self.tr("Database: {path}").format(path=path))
        self._update_saved()

    def _update_saved(self, changes: Changes | None = None) -> None:
        # Every operation is committed when it returns -- unless the database could not be
        # written (another program's lock, a full disk): then it says so until a write lands.
        text, tip = status_text(*self._write_state) or (
            "✓ " + self.tr("All changes saved"), self.tr("Every change is written to the database as you make it."))
        self.saved_label.setText(text)
        self.saved_label.setToolTip(tip)

    def _on_write_state(self, state: str, detail: str) -> None:
        self._write_state = (state, detail)
        self._update_saved()
        if state == "waiting":  # the write blocks this thread: paint the news now
            self.saved_label.repaint()

    # -- commands ------------------------------------------------------------------------------
    def zoom(self, steps: int) -> None:
        """Zoom the panes' text and remember the size."""
        self.panes.zoom(steps)
        self.settings.setValue("ui/point_size", self.panes.metrics.point_size)

    def ask_turn(self) -> None:
        """Ctrl+G: ask for a turn number and go there."""
        count = self.transcript_model.turn_count()
        if count == 0:
            return
        row = self.panes.current_row()
        current = self.transcript_model.turn(row).number if row >= 0 else 1
        number, ok = QInputDialog.getInt(self, self.tr("Go to turn"), self.tr("Turn number (1–{n}):").format(n=count),
                                         current, 1, count)
        if ok:
            self.panes.go_turn(number)
            self.panes.active_pane().setFocus()

    def show_preferences(self) -> None:
        # The dialogs are imported when first opened: the window's first paint does not wait for them.
        from gui.preferences.dialog import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            name, lang = dialog.save()
            try:
                self.ctx.store.set_annotator(name)
            except TaiyakuError as exc:
                self.show_error(self.tr("Preferences"), str(exc))
            self.update_status()
            if resolve_language(lang) != current_language():
                # Once this slot has returned: the app rebuilds the window in the new language, in place.
                QTimer.singleShot(0, self, lambda: self.languageChosen.emit(lang))

    def show_shortcuts(self) -> ShortcutsDialog:
        from gui.window.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.registry, self)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Taiyaku"), self.tr(
            "Taiyaku (対訳) — correct bilingual English/Japanese transcripts, offline.\n"
            "Every change is saved as you make it and can be undone."))

    def show_error(self, title: str, message: str) -> QMessageBox:
        """Show a one-line reason in a window-modal dialog (kept in ``last_message_box``)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("error_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message_box = box
        box.open()
        return box

    # -- drag and drop ---------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and local_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData().urls())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # Import after the drop returns, so the drag source is not kept waiting.
        QTimer.singleShot(0, self, lambda: self.importer.import_paths([Path(p) for p in paths]))

    # -- closing ----------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        super().closeEvent(event)
        if event.isAccepted():
            self._detach()
