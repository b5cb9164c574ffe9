"""``AnnotateFeature``: the actions, panels and editor of annotation, wired to the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QLineEdit

from gui.annotate.common import AnnotateParts, Macro, tr
from gui.annotate.editing import EditKeys, SegmentEditor, bind_delegate
from gui.annotate.view_modes import MODES, PROVIDERS
from gui.lazy_import import lazy_module
from gui.window.context import AppContext
from gui.window.storage_errors import describe_failure
from model.errors import TaiyakuError
from model.readmodel import SegmentView
from model.store import default_annotator_name

if TYPE_CHECKING:  # pragma: no cover
    from model.ops import alignment, corrections, gaps
else:  # the store operations run from actions: imported on first use, not before the first paint
    alignment = lazy_module("model.ops.alignment")
    corrections = lazy_module("model.ops.corrections")
    gaps = lazy_module("model.ops.gaps")

if TYPE_CHECKING:  # pragma: no cover
    from gui.annotate.find_replace_ui import FindReplaceDialog
    from gui.window.features import FeatureWindow

Area = Qt.DockWidgetArea


class AnnotateFeature(QObject):
    """Everything an annotator does to a transcript, from the keyboard, as undo steps."""

    def __init__(self, window: FeatureWindow, ctx: AppContext) -> None:
        super().__init__(window.widget())
        self.window = window
        self.ctx = ctx
        self.panes = window.panes
        self.model = window.transcript_model
        self.editor: SegmentEditor | None = None
        # (segment id, lang) -> text typed but not saved (the database could not be written)
        self.unsaved_text: dict[tuple[int, str], str] = {}
        self.held_editor: SegmentEditor | None = None  # kept open while the "not saved" dialog shows
        self.mode = "corrected"
        # What the panels get: not this feature (they would import it, and it imports them).
        self.parts = AnnotateParts(ctx, self.model, self.panes, window.registry, lambda: self.mode)
        self.panes.set_delegate_class(bind_delegate(self))
        self._keys = []
        for lang in ("en", "ja"):
            pane = self.panes.pane(lang)
            pane.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
            self._keys.append(EditKeys(pane, self))
        self._build_actions()  # before the panels: their buttons reuse the actions
        self._build_panels()
        self._name_translation_moves()
        saved = str(window.settings.value("annotate/view_mode", "corrected"))
        self.set_mode(saved if saved in MODES else "corrected")
        self._hook_first_run()

    # -- panels ------------------------------------------------------------------------
    def _build_panels(self) -> None:
        from gui.annotate.corrections_tab import CorrectionsTab
        from gui.annotate.gaps_ui import GapListPanel, GapsTab
        from gui.annotate.speakers_ui import SpeakersPanel

        w, parent, parts = self.window, self.window.widget(), self.parts
        self.corrections_tab = CorrectionsTab(parts, parent)
        w.add_details_tab(self.corrections_tab, tr("Corrections"))
        self.gaps_tab = GapsTab(parts, parent)
        w.add_details_tab(self.gaps_tab, tr("Gaps"))
        self.speakers_panel = SpeakersPanel(parts, parent)
        self.gap_list = GapListPanel(parts, parent)
        from gui.annotate.history_ui import HistoryPanel

        self.history_panel = HistoryPanel(parts, parent)
        self.history = self.history_panel.undo_view
        # Beside the library, as tabs: the right side belongs to review, the bottom to details.
        left = Area.LeftDockWidgetArea
        self.speakers_dock = w.add_dock(self.speakers_panel, tr("Speakers"), left, "speakers_dock")
        self.gaps_dock = w.add_dock(self.gap_list, tr("Gaps"), left, "gaps_dock")
        self.gaps_dock.visibilityChanged.connect(self.gap_list.dock_visibility)
        self.history_dock = w.add_dock(self.history_panel, tr("History"), left, "history_dock")
        previous = w.library_dock
        for dock in (self.speakers_dock, self.gaps_dock, self.history_dock):
            parent.tabifyDockWidget(previous, dock)
            previous = dock
        w.library_dock.raise_()
        parent.resizeDocks([w.library_dock], [max(300, w.library_dock.width())], Qt.Orientation.Horizontal)
        self.find_dialog: FindReplaceDialog | None = None

    # -- actions -----------------------------------------------------------------------
    def _build_actions(self) -> None:
        reg = self.window.registry
        reg.menu("annotate", tr("&Annotate"))
        add = reg.add
        add("edit_segment", tr("&Edit segment text"), self.edit_current, menu="annotate", shortcut="F2",
            icon_name="mdi6.pencil-outline", toolbar=True,
            tip=tr("Edit the selected segment in place (also Enter or double-click; Esc cancels, "
                   "Ctrl+Enter saves and goes on to the next segment)"))
        add("revert_segment", tr("Re&vert segment to original"), self.revert_segment, menu="annotate",
            shortcut="Ctrl+Shift+Backspace", icon_name="mdi6.restore")
        add("accept_correction", tr("&Accept correction"), lambda: self.review_correction(True), menu="annotate",
            shortcut="Ctrl+Alt+A", icon_name="mdi6.check")
        add("reject_correction", tr("&Reject correction"), lambda: self.review_correction(False), menu="annotate",
            shortcut="Ctrl+Alt+X", icon_name="mdi6.close")
        self.window.menu_separator("annotate")
        add("mark_gap", tr("&Mark selection inaudible"), self.mark_gap, menu="annotate", shortcut="Ctrl+Alt+I",
            icon_name="mdi6.ear-hearing-off", toolbar=True,
            tip=tr("Mark the selected words as an inaudible gap (select them in the editor first)"))
        add("insert_gap", tr("&Insert gap at cursor"), self.insert_gap, menu="annotate", shortcut="Ctrl+Shift+I",
            icon_name="mdi6.tooltip-plus-outline", tip=tr("Insert an (inaudible) marker at the editor's cursor"))
        add("fill_gap", tr("&Fill gap…"), lambda: self.gaps_tab.fill_selected(), menu="annotate", shortcut="Ctrl+Alt+F",
            icon_name="mdi6.text-box-edit-outline", tip=tr("Propose what was said in the selected gap"))
        self.window.menu_separator("annotate")
        add("change_speaker", tr("&Change speaker of turn…"), lambda: self.speakers_panel.pick_for_turn(),
            menu="annotate", shortcut="Ctrl+Shift+S", icon_name="mdi6.account-switch-outline",
            tip=tr("Pick the speaker of the selected turn from the keyboard"))
        add("rename_speaker", tr("Re&name speaker…"), lambda: self.speakers_panel.rename_current_turn_speaker(),
            menu="annotate", shortcut="Ctrl+Shift+N", icon_name="mdi6.account-edit-outline")
        self.window.menu_separator("annotate")
        add("split_segment", tr("S&plit segment at cursor"), self.split_segment, menu="annotate",
            shortcut="Ctrl+Shift+Return", icon_name="mdi6.call-split",
            tip=tr("Split the segment at the editor's cursor"))
        add("merge_segment", tr("Merge segment with &next"), self.merge_segment, menu="annotate",
            shortcut="Ctrl+Shift+J", icon_name="mdi6.call-merge")
        # Named after the language whose text moves (the transcript's translation), whatever pane has focus.
        add("translation_up", tr("Move Japanese &up"), lambda: self.move_translation(-1), menu="annotate",
            shortcut="Alt+Shift+Up", icon_name="mdi6.arrow-up-bold-outline")
        add("translation_down", tr("Move Japanese &down"), lambda: self.move_translation(1), menu="annotate",
            shortcut="Alt+Shift+Down", icon_name="mdi6.arrow-down-bold-outline")
        self.model.transcriptLoaded.connect(self._name_translation_moves)
        add("split_turn", tr("Split &turn here"), self.split_turn, menu="annotate", shortcut="Ctrl+Shift+T",
            icon_name="mdi6.format-page-break", tip=tr("Start a new turn at the selected segment"))
        add("merge_turn", tr("Merge turn with ne&xt"), self.merge_turn, menu="annotate", shortcut="Ctrl+Alt+J",
            icon_name="mdi6.table-merge-cells")
        edit = reg.menu("edit")
        edit.addSeparator()
        add("find", tr("&Find…"), lambda: self.show_find(False), menu="edit", shortcut="Ctrl+F",
            icon_name="mdi6.magnify", toolbar=True)
        add("replace", tr("Find and &replace…"), lambda: self.show_find(True), menu="edit", shortcut="Ctrl+H",
            icon_name="mdi6.find-replace")
        add("speakers_panel", tr("&Speakers panel"), lambda: self.show_speakers(), menu="annotate",
            shortcut="Ctrl+Alt+S", icon_name="mdi6.account-group-outline",
            tip=tr("Show the speakers: names, roles, merge and split, suggestions"))
        add("gap_list", tr("All &gaps"), lambda: self.show_gaps(), menu="annotate", shortcut="Ctrl+Alt+G",
            icon_name="mdi6.format-list-checks", tip=tr("Show every gap of the transcript with its status"))
        add("history", tr("&History"), lambda: self.show_history(), menu="edit", shortcut="Ctrl+Shift+H",
            icon_name="mdi6.history")
        # View modes: one shortcut cycles them; the menu shows which one is on.
        view = reg.menu("view")
        view.addSeparator()
        group = QActionGroup(self)
        names = {"corrected": tr("&Corrected text"), "changes": tr("C&hanges inline"), "original": tr("&Original text")}
        self.mode_actions = {}
        for mode in MODES:
            action = add(f"view_{mode}", names[mode], lambda _c=False, m=mode: self.set_mode(m), menu="view",
                         checkable=True)
            group.addAction(action)
            self.mode_actions[mode] = action
        add("cycle_view", tr("&Switch view mode"), self.cycle_mode, menu="view", shortcut="F7",
            icon_name="mdi6.compare", toolbar=True,
            tip=tr("Switch between corrected text, changes inline and the original"))

    # -- editor ------------------------------------------------------------------------
    def editor_opened(self, editor: SegmentEditor) -> None:
        self.editor = editor
        self.window.widget().statusBar().showMessage(editor.toolTip(), 6000)

    def editor_closed(self, editor: SegmentEditor) -> None:
        if self.editor is editor:
            self.editor = None
            self.ctx.update_selection(cursor=None, anchor=None)

    def editor_cursor_moved(self, editor: SegmentEditor) -> None:
        c = editor.textCursor()
        self.ctx.update_selection(segment_id=editor.segment_id, lang=editor.lang, cursor=c.position(),
                                  anchor=c.anchor())

    def save_editor(self, editor: SegmentEditor) -> bool:
        """Persist the editor's text (the commit of an edit): one correction, one undo step.

        Returns False when the database could not be written (another program's lock, a full
        disk): the typed text is kept -- the editor stays open on Enter, and a closed editor
        gets it back when the segment is edited again (``unsaved_text``).
        """
        text = editor.toPlainText()
        if text == editor.base_text:
            self.unsaved_text.pop((editor.segment_id, editor.lang), None)
            return True
        from gui.annotate import conflict_ui
        from model.errors import StorageFailed
        from model.ops.corrections import edit_text
        from model.versions import EditConflict

        try:
            # The editor is the initiator: its own edit coming back does not refresh it (it shows it).
            with self.ctx.store.initiated_by(editor):
                event_id = edit_text(self.ctx.store, editor.segment_id, editor.lang, text,
                                     base_version=editor.base_version)
        except EditConflict as conflict:  # someone saved first: ask, and keep the text whatever is chosen
            self.held_editor = editor
            choice = conflict_ui.ask(self.window.widget(), conflict)
            try:
                event_id = conflict_ui.settle(self.ctx.store, conflict, choice or "theirs")
            except TaiyakuError as exc:
                self.unsaved_text[(editor.segment_id, editor.lang)] = text
                self.ctx.report_error(describe_failure(exc, text_kept=True))
                return False
            text = text if choice == "mine" else conflict.theirs
        except StorageFailed as exc:
            self.unsaved_text[(editor.segment_id, editor.lang)] = text
            self.held_editor = editor  # the dialog takes the focus: that must not close the editor
            self.ctx.report_error(describe_failure(exc, text_kept=True))
            return False
        except TaiyakuError as exc:
            self.ctx.report_error(describe_failure(exc))
            return True
        self.unsaved_text.pop((editor.segment_id, editor.lang), None)
        editor.base_version = self.segment_version(editor.segment_id)
        if self.ctx.run(tr("Edit text"), lambda: event_id):
            editor.base_text = text
            editor.document().setModified(False)
        return True

    def segment_version(self, segment_id: int) -> int | None:
        """The segment's version now (None if it cannot be read: the save then checks nothing)."""
        try:
            return corrections.segment_version(self.ctx.store, segment_id)
        except TaiyakuError:
            return None

    def close_editor(self, save: bool = True) -> tuple[int, str, int, tuple[int, int] | None] | None:
        """Save (if asked) and close the open editor; returns (segment, lang, cursor, selection)."""
        editor = self.editor
        if editor is None:
            return None
        state = (editor.segment_id, editor.lang, editor.cursor_position(), editor.span())
        if save:
            self.save_editor(editor)
        pane = self.panes.pane(editor.lang)
        pane.itemDelegate().closeEditor.emit(editor, pane.itemDelegate().EndEditHint.NoHint)
        self.editor = None
        pane.setFocus()
        return state

    def edit_current(self) -> None:
        """F2: edit the selected segment in the active pane."""
        if self.editor is not None:
            self.editor.setFocus()
            return
        pane = self.panes.active_pane()
        index = pane.currentIndex()
        if not index.isValid():
            self.panes.go_row(0)
            index = pane.currentIndex()
        if index.isValid():
            pane.setFocus()
            pane.edit(index)

    def edit_next(self, lang: str) -> None:
        """After Ctrl+Enter: go to the next segment and edit it in the same language."""
        def go() -> None:
            self.panes.active_lang = lang
            self.panes.step_segment(1)
            pane = self.panes.pane(lang)
            pane.setFocus()
            pane.edit(pane.currentIndex())
        QTimer.singleShot(0, self.panes, go)  # with a context: dropped if the panes go first

    # -- helpers -------------------------------------------------------------------------
    def current_segment(self) -> SegmentView | None:
        row = self.panes.current_row()
        return self.model.segment(row) if row >= 0 else None

    def current_lang(self) -> str:
        return self.editor.lang if self.editor is not None else self.panes.active_lang

    def _need_segment(self) -> SegmentView | None:
        seg = self.current_segment()
        if seg is None:
            self.ctx.report_error(tr("Select a segment first."))
        return seg

    # -- corrections ---------------------------------------------------------------------
    def revert_segment(self) -> None:
        seg = self._need_segment()
        if seg is not None:
            self.close_editor(save=False)
            self.ctx.run(tr("Revert segment"), lambda: corrections.revert_segment(self.ctx.store, seg.id))

    def review_correction(self, accept: bool) -> None:
        cor = self.corrections_tab.current_correction()
        if cor is None:
            seg = self._need_segment()
            if seg is None:
                return
            wanted = ("proposed",) if accept else ("proposed", "accepted")
            live = [c for c in seg.corrections if c.status in wanted]
            if not live:
                self.ctx.report_error(tr("This segment has no correction to review."))
                return
            cor = live[-1]
        if accept:
            self.ctx.run(tr("Accept correction"), lambda: corrections.accept_correction(self.ctx.store, cor.id))
        else:
            self.ctx.run(tr("Reject correction"), lambda: corrections.reject_correction(self.ctx.store, cor.id))

    # -- gaps --------------------------------------------------------------------------------
    def mark_gap(self) -> None:
        """Mark the editor's selected words as inaudible (the open edit is saved with it, one step)."""
        if self.editor is None or self.editor.span() is None:
            self.ctx.report_error(tr("Select the inaudible words in the editor first (F2 to edit)."))
            return
        with Macro(self.ctx, tr("Mark gap")):
            sid, lang, _cursor, span = self.close_editor()  # type: ignore[misc]
            assert span is not None
            self.ctx.run(tr("Mark gap"), lambda: gaps.mark_gap(self.ctx.store, sid, lang, *span))

    def insert_gap(self) -> None:
        """Insert an (inaudible) marker at the editor's cursor (the open edit is saved with it)."""
        if self.editor is None:
            self.ctx.report_error(tr("Put the cursor where the gap is, in the editor (F2 to edit)."))
            return
        with Macro(self.ctx, tr("Insert gap")):
            sid, lang, cursor, _span = self.close_editor()  # type: ignore[misc]
            from gui.preferences import gap_marker

            marker = gap_marker(self.window.settings, lang)
            self.ctx.run(tr("Insert gap"), lambda: gaps.insert_gap(self.ctx.store, sid, lang, cursor,
                                                                 marker=marker))

    # -- alignment ---------------------------------------------------------------------------
    def split_segment(self) -> None:
        if self.editor is None:
            self.ctx.report_error(tr("Put the cursor where the segment should be split, in the editor (F2)."))
            return
        with Macro(self.ctx, tr("Split segment")):
            sid, lang, cursor, _span = self.close_editor()  # type: ignore[misc]
            self.ctx.run(tr("Split segment"),
                         lambda: alignment.split_segment(self.ctx.store, sid, lang, cursor))

    def merge_segment(self) -> None:
        seg = self._need_segment()
        if seg is not None:
            self.close_editor()
            self.ctx.run(tr("Merge segments"), lambda: alignment.merge_segments(self.ctx.store, seg.id))

    def translation_lang(self) -> str:
        """The transcript's translation language: the text that "Move … up/down" moves."""
        skeleton = self.model.skeleton
        return skeleton.translation_lang if skeleton is not None else "ja"

    def _move_texts(self, step: int) -> str:
        if self.translation_lang() == "en":
            return tr("Move English down") if step > 0 else tr("Move English up")
        return tr("Move Japanese down") if step > 0 else tr("Move Japanese up")

    def _name_translation_moves(self, _transcript_id: object = None) -> None:
        english = self.translation_lang() == "en"
        reg = self.window.registry
        reg.retitle("translation_up", tr("Move English &up") if english else tr("Move Japanese &up"))
        reg.retitle("translation_down", tr("Move English &down") if english else tr("Move Japanese &down"))

    def move_translation(self, step: int) -> None:
        """Move the translation's text (not the focused pane's) one segment down (+1) or up (-1)."""
        seg = self._need_segment()
        if seg is None:
            return
        self.close_editor()
        lang = self.translation_lang()
        text = self._move_texts(step)
        if self.ctx.run(text, lambda: alignment.move_translation(self.ctx.store, seg.id, step, lang)):
            self.panes.step_segment(step)  # follow the text that moved

    def split_turn(self) -> None:
        seg = self._need_segment()
        if seg is not None:
            self.close_editor()
            self.ctx.run(tr("Split turn"), lambda: alignment.split_turn(self.ctx.store, seg.id))

    def merge_turn(self) -> None:
        seg = self._need_segment()
        if seg is not None:
            self.close_editor()
            self.ctx.run(tr("Merge turns"), lambda: alignment.merge_turns(self.ctx.store, seg.turn_id))

    # -- view modes --------------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        """Show corrected text, changes inline, or the original."""
        self.mode = mode
        self.panes.metrics.set_provider(PROVIDERS[mode])
        self.mode_actions[mode].setChecked(True)
        self.window.settings.setValue("annotate/view_mode", mode)
        names = {"corrected": tr("Showing the corrected text"), "changes": tr("Showing the changes inline"),
                 "original": tr("Showing the original text")}
        self.window.widget().statusBar().showMessage(names[mode], 4000)

    def cycle_mode(self) -> None:
        self.set_mode(MODES[(MODES.index(self.mode) + 1) % len(MODES)])

    # -- find, history, annotator ------------------------------------------------------------
    def show_find(self, replace: bool) -> None:
        from gui.annotate.find_replace_ui import FindReplaceDialog

        if self.find_dialog is None:
            self.find_dialog = FindReplaceDialog(self.parts, self.window.widget())
        self.find_dialog.show_for(replace)

    def show_speakers(self) -> None:
        self.speakers_dock.show()
        self.speakers_dock.raise_()
        self.speakers_panel.table.setFocus()

    def show_gaps(self) -> None:
        self.gaps_dock.show()
        self.gaps_dock.raise_()
        self.gap_list.table.setFocus()

    def show_history(self) -> None:
        self.history_dock.show()
        self.history_dock.raise_()
        self.history.setFocus()

    def _hook_first_run(self) -> None:
        # Asked once the app's first transcript is painted (gui.app.run emits firstPainted once a
        # run), not when a window is built elsewhere (tests, benchmarks), where a dialog would
        # steal the focus, nor by a window rebuilt in a new UI language (asked already).
        # Bound method: the connection goes with this feature's window.
        self.ctx.firstPainted.connect(self.ask_annotator_if_first_run)

    def ask_annotator_if_first_run(self) -> None:
        """First run: ask who is annotating (prefilled with the system user name)."""
        settings = self.window.settings
        if settings.value("annotator/name"):
            return
        dialog = QInputDialog(self.window.widget())
        dialog.setObjectName("annotator_dialog")
        dialog.setWindowTitle(tr("Who is annotating?"))
        dialog.setLabelText(tr("Your name is recorded with every change you make.\n"
                               "You can change it later in Edit > Preferences."))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(default_annotator_name())
        dialog.textValueSelected.connect(self.set_annotator)
        self.annotator_dialog = dialog
        dialog.open()

    def set_annotator(self, name: str) -> None:
        name = name.strip() or default_annotator_name()
        self.window.settings.setValue("annotator/name", name)
        self.ctx.store.set_annotator(name)
        self.window.update_status()
