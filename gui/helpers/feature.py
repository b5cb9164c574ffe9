"""The helpers feature: Glossary dock, "add to glossary", glossary terms marked in the panes,
suggestions from earlier corrections (details tab, one key applies), and the Statistics view.

Views refresh from the store's announcements (``ctx.bridge.changed``); every change is one
store operation and one undo step through ``ctx.run``.
"""

from __future__ import annotations

import logging
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat
from PySide6.QtWidgets import QFileDialog, QTextBrowser, QToolTip

from gui.helpers.glossary_panel import EntryDialog, GlossaryPanel
from gui.helpers.spell_editor import SpellingForEditors
from gui.window.background import BackgroundRead, Pace
from model.errors import TaiyakuError
from model.glossary.entries import Term, TermRecord, add_term, delete_term, edit_term, import_terms, list_terms
from model.glossary.terms import TermFinder
from model.readmodel import SegmentView
from model.store import Changes

if TYPE_CHECKING:  # pragma: no cover
    from gui.window.context import AppContext
    from gui.window.features import FeatureWindow

    # Imported where used (the translation memory with rapidfuzz, the glossary files with lxml, the
    # statistics): the window's first paint does not wait for them.
    from model.tm import Suggestion, TranslationMemory

log = logging.getLogger(__name__)
TERM_COLOUR_LIGHT, TERM_COLOUR_DARK = QColor("#8a9bb0"), QColor("#6f8096")


class HelpersFeature(QObject):
    """The translator's helpers of one main window."""

    def __init__(self, window: FeatureWindow, ctx: AppContext) -> None:
        main = window.widget()  # the QMainWindow: parent of our widgets and dialogs
        super().__init__(main)
        self.setObjectName("helpers_feature")
        self.window = window
        self.main = main
        self.ctx = ctx
        self.model = window.transcript_model
        self.finder = TermFinder([])
        self._memory: TranslationMemory | None = None
        # The memory is read in a thread; a read under way is dropped when corrections change.
        self._memory_reader = BackgroundRead(self, name="taiyaku-memory")
        self._memory_reader.done.connect(self._on_memory_read)
        self.suggestions: list[Suggestion] = []
        self.panel = GlossaryPanel(main)
        self.dock = window.add_dock(self.panel, self.tr("Glossary"), Qt.DockWidgetArea.LeftDockWidgetArea,
                                    "glossary_dock")
        self._tabify_dock()
        self.suggestions_tab = QTextBrowser(main)
        self.suggestions_tab.setObjectName("details_suggestions")
        self.suggestions_tab.setOpenLinks(False)
        window.add_details_tab(self.suggestions_tab, self.tr("Suggestions"))
        self._build_actions()
        self.panel.addRequested.connect(self.add_entry)
        self.panel.editRequested.connect(self.edit_entry)
        self.panel.deleteRequested.connect(self.delete_entry)
        self.panel.importRequested.connect(self.import_file)
        self.panel.exportRequested.connect(self.export_file)
        window.panes.metrics.add_decorator(self.decorate_terms)
        self._spelling_words: set[str] | None = None
        self.spelling = SpellingForEditors(self, self.spelling_words, self.add_to_dictionary)
        for lang in ("en", "ja"):
            window.panes.pane(lang).viewport().installEventFilter(self)
        self.spelling.watch(window.panes.pane("en").viewport())
        self._suggest_timer = QTimer(self, singleShot=True, interval=60)
        self._suggest_timer.timeout.connect(self.show_suggestions)
        ctx.bridge.changed.connect(self._on_changes)
        ctx.selectionChanged.connect(self._selection_changed)
        window.after_paint(self._suggest_timer.start)
        self.reload_glossary()

    def _tabify_dock(self) -> None:
        """A tab beside the library, speakers, gaps and history on the left, not a slice of their height."""
        window = self.main
        others = [d for d in self.window.docks_in(Qt.DockWidgetArea.LeftDockWidgetArea) if d is not self.dock]
        if others:
            window.tabifyDockWidget(others[-1], self.dock)
            self.window.library_dock.raise_()  # the library stays in front; the glossary waits behind its tab

    def _build_actions(self) -> None:
        reg = self.window.registry
        reg.menu("tools", self.tr("&Tools"))
        reg.add("add_to_glossary", self.tr("Add to &glossary…"), self.add_from_selection, menu="tools",
                shortcut="Ctrl+Alt+T", icon_name="mdi6.book-plus-outline",
                tip=self.tr("Add the selected words to the glossary"))
        reg.add("apply_suggestion", self.tr("Apply &earlier correction"), self.apply_best_suggestion, menu="tools",
                shortcut="Ctrl+Alt+M", icon_name="mdi6.history",
                tip=self.tr("Apply the earlier correction of a similar segment shown under Suggestions"))
        reg.add("statistics", self.tr("&Statistics…"), self.show_statistics, menu="tools",
                shortcut="Ctrl+Alt+Shift+S", icon_name="mdi6.chart-box-outline")

    # -- glossary ------------------------------------------------------------------------------
    def reload_glossary(self) -> None:
        """Read the glossary again: the dock, and the terms marked in the panes."""
        try:
            terms = list_terms(self.ctx.store)
        except TaiyakuError as exc:
            self.ctx.report_error(str(exc))
            return
        self.panel.show_terms(terms)
        self.finder = TermFinder([t.record() for t in terms])
        self.window.panes.metrics.invalidate_all()

    def add_entry(self, rec: TermRecord | None = None) -> int | None:
        """Ask for a new entry (prefilled with ``rec``) and add it: one undo step."""
        dialog = EntryDialog(self.main, self.tr("Add to glossary"), rec)
        if dialog.exec() != EntryDialog.DialogCode.Accepted:
            return None
        record = dialog.record()
        return self.ctx.run(self.tr("Add “{term}” to the glossary").format(term=record.en),
                            lambda: add_term(self.ctx.store, record))

    def edit_entry(self, term: Term) -> int | None:
        """Edit an entry in a dialog: one undo step (none if nothing changed)."""
        dialog = EntryDialog(self.main, self.tr("Edit glossary entry"), term.record())
        if dialog.exec() != EntryDialog.DialogCode.Accepted:
            return None
        record = dialog.record()

        def perform() -> int:
            event = edit_term(self.ctx.store, term.id, record)
            if event is None:
                raise TaiyakuError(self.tr("nothing changed"))
            return event

        return self.ctx.run(self.tr("Edit glossary entry “{term}”").format(term=record.en), perform)

    def delete_entry(self, term: Term) -> int | None:
        """Delete an entry (undo brings it back)."""
        return self.ctx.run(self.tr("Delete “{term}” from the glossary").format(term=term.en),
                            lambda: delete_term(self.ctx.store, term.id))

    def add_from_selection(self) -> int | None:
        """"Add to glossary" with the words selected in a pane (English or Japanese) filled in."""
        sel = self.ctx.selection
        row = self.model.row_of_segment(sel.segment_id) if sel.segment_id is not None else None
        seg = self.model.segment(row) if row is not None else None
        text = ""
        if seg is not None and sel.span is not None:
            text = (seg.corrected(sel.lang) or "")[sel.span[0]:sel.span[1]].strip()
        rec = TermRecord(text, "") if sel.lang == "en" else TermRecord("", text)
        return self.add_entry(rec)

    def import_file(self, path: str | None = None) -> int | None:
        """Import a CSV/TSV/TBX glossary: checked whole first, then one undo step."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.main, self.tr("Import glossary"), "",
                                                  self.tr("Glossaries (*.csv *.tsv *.tbx);;All files (*)"))
            if not path:
                return None
        try:
            from model.glossary.exchange import read_glossary_file

            records = read_glossary_file(path)
        except TaiyakuError as exc:
            self.ctx.report_error(str(exc))
            return None

        def perform() -> int:
            result = import_terms(self.ctx.store, records, source=Path(path).name)
            if result.event_id is None:
                raise TaiyakuError(self.tr("the glossary already holds every entry of {file}").format(
                    file=Path(path).name))
            return result.event_id

        return self.ctx.run(self.tr("Import glossary {file}").format(file=Path(path).name), perform)

    def export_file(self, path: str | None = None) -> None:
        """Write the glossary as CSV, TSV or TBX (from the name)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.main, self.tr("Export glossary"), "glossary.csv",
                                                  self.tr("CSV (*.csv);;TSV (*.tsv);;TBX (*.tbx)"))
            if not path:
                return
        from model.export import write_atomic
        from model.glossary.exchange import format_of, render_glossary

        try:
            terms = list_terms(self.ctx.store)
            write_atomic(path, render_glossary([t.record() for t in terms], format_of(Path(path))))
        except (TaiyakuError, OSError) as exc:
            self.ctx.report_error(str(exc))
            return
        self.ctx.statusMessage.emit(self.tr("{n} glossary entries written to {file}").format(n=len(terms), file=path))

    # -- terms in the panes ----------------------------------------------------------------------
    def decorate_terms(self, seg: SegmentView, lang: str, theme: object) -> list[tuple[int, int, QTextCharFormat]]:
        """Glossary terms, quietly: a dotted underline (the tooltip names the approved rendering)."""
        if not self.finder:
            return []
        text = seg.corrected(lang) or ""
        matches = self.finder.english(text) if lang == "en" else self.finder.japanese(text)
        colour = TERM_COLOUR_DARK if getattr(theme, "dark", False) else TERM_COLOUR_LIGHT
        out = []
        for m in matches:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(colour)
            out.append((m.start, m.end, fmt))
        return out

    def term_tooltip(self, seg: SegmentView, lang: str) -> str:
        """The glossary entries found in a segment's text, with their approved renderings."""
        text = seg.corrected(lang) or ""
        found = self.finder.english(text) if lang == "en" else self.finder.japanese(text)
        lines = []
        for entry in dict.fromkeys(m.entry for m in found):
            line = f"{entry.en} → {entry.ja}"
            if entry.forbidden:
                line += "  " + self.tr("(not: {variants})").format(variants=", ".join(entry.forbidden))
            lines.append(line)
        return "\n".join(lines)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self.finder:
            for lang in ("en", "ja"):
                view = self.window.panes.pane(lang)
                if watched is view.viewport():
                    index = view.indexAt(event.pos())
                    seg = self.model.segment(index.row()) if index.isValid() else None
                    tip = self.term_tooltip(seg, lang) if seg is not None else ""
                    if tip:
                        QToolTip.showText(event.globalPos(), tip, view)
                        return True
        return super().eventFilter(watched, event)

    # -- suggestions from earlier corrections --------------------------------------------------
    def memory(self) -> TranslationMemory:
        """The translation memory, read when first needed and after corrections change."""
        if self._memory is None:
            from model.tm import load_memory

            self._memory_reader.cancel()  # a read under way in the thread is not needed any more
            self._memory = load_memory(self.ctx.store)
        return self._memory

    def _read_memory(self) -> None:
        """Read the translation memory in a thread (its import and its read of every correction held
        the window's thread 50-100 ms at the first selection after the paint); the suggestions are
        shown when it is read."""
        if self._memory_reader.reading:
            return
        store = self.ctx.store

        def read(pace: Pace) -> TranslationMemory:
            from model.tm import load_memory  # imported in the thread too

            return load_memory(store, pace)

        self._memory_reader.request(read, store)

    def _on_memory_read(self, result: object) -> None:
        if isinstance(result, TaiyakuError):
            self.ctx.report_error(str(result))
            return
        if isinstance(result, Exception):  # not the annotator's doing: no suggestions, one log line
            log.error("reading the translation memory failed", exc_info=result)
            return
        self._memory = result  # type: ignore[assignment]
        self.show_suggestions()

    def _selection_changed(self, *_args: object) -> None:
        # The first selection comes before the window's first paint: the translation memory (read
        # whole, ~50 ms on a big database) is read after it (after_paint in __init__).
        if self.window.painted():
            self._suggest_timer.start()

    def show_suggestions(self) -> None:
        """List the earlier corrections that fit the selected segment."""
        sel = self.ctx.selection
        row = self.model.row_of_segment(sel.segment_id) if sel.segment_id is not None else None
        seg = self.model.segment(row) if row is not None else None
        self.suggestions = []
        if seg is None:
            self.suggestions_tab.setHtml(f"<p style='color:gray'>{escape(self.tr('No segment selected.'))}</p>")
            return
        if self._memory is None:  # read in a thread first: shown when it is there
            self._read_memory()
            return
        try:
            self.suggestions = self._memory.suggest(seg)
        except TaiyakuError as exc:
            self.ctx.report_error(str(exc))
            return
        if not self.suggestions:
            none = self.tr("No earlier correction of a similar segment.")
            self.suggestions_tab.setHtml(f"<p style='color:gray'>{escape(none)}</p>")
            return
        parts = []
        for n, s in enumerate(self.suggestions):
            head = self.tr("{similarity}% similar · {author} · {source}").format(
                similarity=f"{s.similarity:.0f}", author=s.entry.author, source=s.entry.source)
            hint = escape(self.tr("Ctrl+Alt+M applies it"))
            key = f" &nbsp;<span style='color:gray'>({hint})</span>" if n == 0 else ""
            before = (f"<div style='color:gray'><s>{escape(s.current)}</s></div>" if s.current else "")
            parts.append(f"<p><b>{escape(head)}</b>{key}</p>{before}<div>{escape(s.proposed)}</div><hr>")
        self.suggestions_tab.setHtml("".join(parts))

    def apply_best_suggestion(self) -> int | None:
        """Apply the first suggestion for the selected segment: one correction, one undo step."""
        sel = self.ctx.selection
        if sel.segment_id is None or not self.suggestions:
            self.ctx.statusMessage.emit(self.tr("No earlier correction to apply here"))
            return None
        from model.tm import apply_suggestion

        suggestion, sid = self.suggestions[0], sel.segment_id
        return self.ctx.run(self.tr("Apply earlier correction"),
                            lambda: apply_suggestion(self.ctx.store, sid, suggestion))

    # -- statistics -------------------------------------------------------------------------
    def show_statistics(self) -> None:
        """The Statistics view of the open transcript (or of all)."""
        from gui.helpers.stats_view import StatsDialog

        dialog = StatsDialog(self.ctx.store, self.ctx.transcript_id, self.main)
        dialog.exec()

    # -- spelling in the editor -----------------------------------------------------------
    def spelling_words(self) -> set[str]:
        """The database's dictionary and the glossary's English words (read once, again after changes)."""
        if self._spelling_words is None:
            from model.glossary.dictionary import dictionary_words, normal_word
            from model.qa.spelling import WORD

            try:
                words = dictionary_words(self.ctx.store)
            except TaiyakuError:
                words = set()
            for entry in self.finder.entries:
                words.update(normal_word(w) for w in WORD.findall(entry.en))
            self._spelling_words = words
        return self._spelling_words

    def add_to_dictionary(self, word: str) -> int | None:
        """"Add to dictionary" from the editor: one undo step."""
        from model.glossary.dictionary import add_word

        tid = self.ctx.transcript_id

        def perform() -> int:
            event = add_word(self.ctx.store, word, tid)
            if event is None:
                raise TaiyakuError(self.tr("“{word}” is already in the dictionary").format(word=word))
            return event

        return self.ctx.run(self.tr("Add “{word}” to the dictionary").format(word=word), perform)

    # -- changes ----------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("glossary_entry", "dictionary_word"):
            self._spelling_words = None
            self.spelling.dictionary_changed()
        if changes.touches("glossary_entry"):
            self.reload_glossary()
        if changes.touches("correction", "memory_unit"):
            self._memory = None  # read again when next needed (the suggestions' timer asks)
            self._memory_reader.cancel()
            self._suggest_timer.start()

