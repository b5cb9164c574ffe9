"""Search the library (Ctrl+Shift+L): a dock listing every transcript's matches, with context.

The search runs in a thread of its own (``model.search`` reads through its own
pooled connection; SQLite releases the GIL while it reads), a few transcripts at a
time, so the window never waits and the first transcripts' hits show while the
rest are searched. A newer pattern cancels an older search. Choosing a hit opens
its transcript at the segment, in the pane of its language.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QStandardItem, QStandardItemModel, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gui.window.activity import hurried, no_collection, pace, ui_activity
from model.search import SearchHit, library_ids, search

if TYPE_CHECKING:  # pragma: no cover
    from gui.window.context import AppContext
    from gui.window.main_window import MainWindow

TYPING_PAUSE_MS = 100  # while typing goes on, search at most this often (a search per keystroke would pile up)
# Transcripts searched per step: one first (its hits show within milliseconds), then twice as many
# each step up to CHUNK_TRANSCRIPTS, so the first hits never wait for a big step.
FIRST_CHUNK, CHUNK_TRANSCRIPTS = 1, 32
LIMIT = 500  # hits listed at most
BEFORE_CHARS = 12  # context shown before a match
HitRole = Qt.ItemDataRole.UserRole + 1
HtmlRole = Qt.ItemDataRole.UserRole + 2


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate a string of the search feature (context ``Search``); ``n`` fills ``%n``."""
    return QCoreApplication.translate("Search", text, disambiguation, n)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def hit_html(hit: SearchHit) -> str:
    """One hit's line: where, then the match in bold within its context (little before it: a dock is narrow)."""
    where = f"{hit.turn}.{hit.segment} {hit.lang.upper()}"
    original = f" <i>({_esc(tr('original'))})</i>" if hit.which == "original" else ""
    lo = max(0, hit.start - BEFORE_CHARS)
    before = ("…" if lo else "") + hit.text[lo:hit.start]
    return (f'<span style="color:gray">{where}</span>{original} {_esc(before)}'
            f"<b>{_esc(hit.match)}</b>{_esc(hit.after)}")


class HitDelegate(QStyledItemDelegate):
    """Paints a hit's line as rich text (the match in bold), on one line."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
              ) -> None:
        html = index.data(HtmlRole)
        if not html:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(1)
        doc.setHtml(html)
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = option.palette
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 4))


class _Worker(QObject):
    """Runs searches in a thread; reports hits a batch at a time (queued to the window's thread)."""

    found = Signal(int, object, bool)  # generation, list[SearchHit], last batch
    failed = Signal(int, str)

    def __init__(self, ctx: AppContext, parent: QObject) -> None:
        # A parent owns it: a worker whose last reference went with its thread was destroyed there,
        # and ~QObject could deadlock with the window's thread (see gui.review.qa_worker._KEPT).
        super().__init__(parent)
        self.ctx = ctx
        self.generation = 0
        self._activity = ui_activity()  # made here, on the window's thread
        self._never = threading.Event()  # a newer search is told by the generation instead

    def start(self, generation: int, pattern: str, regex: bool, langs: tuple[str, ...]) -> None:
        self.generation = generation
        threading.Thread(target=self._run, args=(generation, pattern, regex, langs), daemon=True,
                         name="taiyaku-search").start()

    def _run(self, generation: int, pattern: str, regex: bool, langs: tuple[str, ...]) -> None:
        # The panel may go (window closed) while this runs: a signal of a deleted object raises.
        # It steps aside for the window as the background reads do (gui.window.background): each
        # chunk begins while the window waits for events, with the GIL handed back quickly.
        with contextlib.suppress(RuntimeError), hurried(), no_collection():
            try:
                ids = library_ids(self.ctx.store)
                left, at, chunk = LIMIT, 0, FIRST_CHUNK
                while True:
                    pace(self._activity, self._never)
                    if generation != self.generation:
                        return  # a newer search took over
                    result = search(self.ctx.store, pattern, regex=regex, langs=langs,
                                    transcript_ids=ids[at:at + chunk], limit=left)
                    left -= len(result.hits)
                    at += chunk
                    chunk = min(CHUNK_TRANSCRIPTS, 2 * chunk)
                    last = at >= len(ids) or left <= 0
                    if result.hits or last:
                        self.found.emit(generation, result.hits, last)
                    if last:
                        return
            except Exception as exc:  # a thread must not die silently: say it in the panel (one line)
                self.failed.emit(generation, str(exc))


class SearchPanel(QWidget):
    """Pattern, options, and the hits grouped by transcript."""

    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("search_panel")
        self.ctx = ctx
        self.window_ = window
        self.pattern = QLineEdit(self)
        self.pattern.setPlaceholderText(tr("Search every transcript…"))
        self.pattern.setClearButtonEnabled(True)
        self.regex = QCheckBox(tr("Regex"), self)
        self.lang = QComboBox(self)
        self.lang.addItem(tr("Both languages"), ("en", "ja"))
        self.lang.addItem(tr("English"), ("en",))
        self.lang.addItem(tr("Japanese"), ("ja",))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setItemDelegate(HitDelegate(self.view))
        self.view.activated.connect(self.open_hit)
        self.view.clicked.connect(self.open_hit)
        options = QHBoxLayout()
        options.addWidget(self.regex)
        options.addWidget(self.lang, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pattern)
        layout.addLayout(options)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        # The first keystroke searches at once; while typing goes on, the text as it is then is
        # searched every TYPING_PAUSE_MS (``_typed``): hits are never older than that.
        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(self._typing_paused)
        self._searched: tuple[str, bool, tuple[str, ...]] | None = None  # what the last search looked for
        self.pattern.textChanged.connect(self._typed)
        self.pattern.returnPressed.connect(self.run)
        self.regex.toggled.connect(self._typed)
        self.lang.currentIndexChanged.connect(self._typed)
        self._worker = _Worker(ctx, self)
        self._worker.found.connect(self._on_found)
        self._worker.failed.connect(self._on_failed)
        self._generation = 0
        self._groups: dict[int, QStandardItem] = {}
        self._count = 0
        self._pending: tuple[int, str] | None = None
        self.searching = False
        ctx.transcriptShown.connect(self._select_pending)

    # -- searching ----------------------------------------------------------------------------
    def _query(self) -> tuple[str, bool, tuple[str, ...]]:
        return self.pattern.text(), self.regex.isChecked(), tuple(self.lang.currentData())

    def _typed(self, *_args: object) -> None:
        if self._timer.isActive():  # searched a moment ago: the text as it is then, when the timer runs out
            return
        self._timer.start()
        self.run()

    def _typing_paused(self) -> None:
        if self._query() != self._searched:
            self._timer.start()
            self.run()

    def run(self) -> None:
        """Search now with the current pattern and options (results arrive a batch at a time)."""
        self._searched = self._query()
        self._generation += 1
        self.model.clear()
        self._groups.clear()
        self._count = 0
        pattern = self.pattern.text()
        if not pattern.strip():
            self._worker.generation = self._generation  # drop what an older search still sends
            self.searching = False
            self.status.setText("")
            return
        self.searching = True
        self.status.setText(tr("Searching…"))
        self._worker.start(self._generation, pattern, self.regex.isChecked(), tuple(self.lang.currentData()))

    def _on_found(self, generation: int, hits: list[SearchHit], last: bool) -> None:
        if generation != self._generation:
            return
        # Rows are added a transcript at a time (one signal each, not one per hit).
        batches: dict[int, list[QStandardItem]] = {}
        fresh: list[QStandardItem] = []
        for hit in hits:
            group = self._groups.get(hit.transcript_id)
            if group is None:
                group = self._groups[hit.transcript_id] = QStandardItem(hit.title)
                group.setToolTip(hit.title)
                font = group.font()
                font.setBold(True)
                group.setFont(font)
                self.model.appendRow(group)
                fresh.append(group)
            item = QStandardItem(f"{hit.turn}.{hit.segment} {hit.before}{hit.match}{hit.after}")
            item.setData(hit, HitRole)
            item.setData(hit_html(hit), HtmlRole)
            item.setToolTip(hit.text)
            batches.setdefault(hit.transcript_id, []).append(item)
        for tid, items in batches.items():
            self._groups[tid].appendRows(items)
        for group in fresh:
            self.view.setExpanded(group.index(), True)
        self._count += len(hits)
        for group in self._groups.values():
            title = group.data(Qt.ItemDataRole.UserRole) or group.text()
            group.setData(title, Qt.ItemDataRole.UserRole)
            group.setText(f"{title} ({group.rowCount()})")
        if last:
            self.searching = False
            more = " " + tr("(the first %n are listed)", "", LIMIT) if self._count >= LIMIT else ""
            self.status.setText(tr("%n match(es)", "", self._count) + more if self._count else tr("No matches."))
        else:
            self.status.setText(tr("Searching… %n match(es) so far", "", self._count))

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.searching = False
            self.status.setText(message)

    # -- opening a hit ------------------------------------------------------------------------
    def open_hit(self, index: QModelIndex) -> None:
        """Open the hit's transcript at its segment, in the pane of its language."""
        hit: SearchHit | None = index.data(HitRole)
        if hit is None:
            return
        self._pending = (hit.segment_id, hit.lang)
        if self.ctx.transcript_id != hit.transcript_id:
            self.ctx.set_transcript(hit.transcript_id)
        self._select_pending()

    def _select_pending(self, *_: Any) -> None:
        if self._pending is None:
            return
        segment_id, lang = self._pending
        if self.window_.panes.select_segment(segment_id, lang):  # False: not laid out yet (transcriptShown)
            self._pending = None
            self.window_.panes.active_pane().setFocus()

    def focus_pattern(self) -> None:
        """Show the panel and put the cursor in the pattern, its text selected."""
        dock = self.parentWidget()
        if dock is not None:
            dock.show()
            dock.raise_()
        self.pattern.setFocus()
        self.pattern.selectAll()


def install(window: MainWindow, ctx: AppContext) -> None:
    """Add the Search dock and Edit > Search library (Ctrl+Shift+L)."""
    panel = SearchPanel(ctx, window)
    window.search_panel = panel  # type: ignore[attr-defined]
    dock = window.add_dock(panel, tr("Search"), Qt.DockWidgetArea.LeftDockWidgetArea, "search_dock")
    library = getattr(window, "library_dock", None)
    if library is not None:
        window.tabifyDockWidget(library, dock)
        library.raise_()
    window.registry.add("search_library", tr("&Search library…"), panel.focus_pattern, menu="edit",
                        shortcut="Ctrl+Shift+L", icon_name="mdi6.text-box-search-outline",
                        tip=tr("Search every transcript's original and corrected text, English and Japanese"))
