"""The review panel: flags with filters and counts, the selected flag's thread, and its actions."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gui.review.flag_model import FlagItemRole, FlagTableModel
from gui.review.names import category_name, lang_name, status_name
from gui.review.note_view import NoteView
from gui.window.flow_layout import FlowLayout
from model.notes import render_note
from model.review import FlagItem, FlagList, Progress
from model.schema import FLAG_CATEGORIES, FLAG_STATUSES


class ReviewPanel(QWidget):
    """Lists flags; emits ``flagActivated`` when one is chosen and ``actionRequested(verb, flag, text)``."""

    flagActivated = Signal(object)  # FlagItem
    actionRequested = Signal(str, object, str)  # "reply" | "resolved" | "wontfix" | "open", FlagItem, text
    filtersChanged = Signal()
    currentFlagChanged = Signal(object)  # FlagItem | None: the controller loads its thread

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_panel")
        self.model = FlagTableModel(self)
        self._current_thread: FlagItem | None = None
        # Progress of the transcript.
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("review_progress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setMaximumHeight(18)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("review_progress_label")
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_label.setWordWrap(True)  # a narrow dock wraps it instead of widening to fit
        # Filters.
        self.status_filter = QComboBox(self, objectName="filter_status")
        self.category_filter = QComboBox(self, objectName="filter_category")
        self.lang_filter = QComboBox(self, objectName="filter_lang")
        self.author_filter = QComboBox(self, objectName="filter_author")
        self._fill_filters()
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setHorizontalSpacing(6)
        filters.addWidget(self.status_filter, 0, 0)
        filters.addWidget(self.category_filter, 0, 1)
        filters.addWidget(self.lang_filter, 1, 0)
        filters.addWidget(self.author_filter, 1, 1)
        for combo in (self.status_filter, self.category_filter, self.lang_filter, self.author_filter):
            # Fill the column, but shrink (eliding) in a narrow dock rather than set its width.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            combo.currentIndexChanged.connect(self.filtersChanged)
        self.counts_label = QLabel(self, objectName="flag_counts")
        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.counts_label.setWordWrap(True)
        # The queue.
        self.view = QTreeView(self, objectName="flag_list")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.header()
        header.setStretchLastSection(False)
        for col in range(self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FlagTableModel.COLUMNS.index("note"), QHeaderView.ResizeMode.Stretch)
        # The author is in the thread and in the filter; the note needs the room.
        header.setSectionHidden(FlagTableModel.COLUMNS.index("author"), True)
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_thread(cur))
        # The thread of the selected flag and its actions.
        self.thread_view = NoteView(self)  # not "thread": that would hide QObject.thread()
        self.thread_view.setObjectName("flag_thread")
        self.reply_edit = QPlainTextEdit(self, objectName="flag_reply")
        self.reply_edit.setPlaceholderText(self.tr("Reply, or a resolution note (Markdown)"))
        self.reply_edit.setMaximumHeight(64)
        self.reply_button = QPushButton(self.tr("Reply"), self, objectName="flag_reply_button")
        self.resolve_button = QPushButton(self.tr("Resolve"), self, objectName="flag_resolve")
        self.wontfix_button = QPushButton(self.tr("Won't fix"), self, objectName="flag_wontfix")
        self.reopen_button = QPushButton(self.tr("Reopen"), self, objectName="flag_reopen")
        self.reply_button.clicked.connect(lambda: self._request("reply"))
        self.resolve_button.clicked.connect(lambda: self._request("resolved"))
        self.wontfix_button.clicked.connect(lambda: self._request("wontfix"))
        self.reopen_button.clicked.connect(lambda: self._request("open"))
        self.edit_button = QPushButton(self.tr("Edit…"), self, objectName="flag_edit")
        self.edit_button.setToolTip(self.tr("Change the flag's category or note"))
        self.edit_button.clicked.connect(lambda: self._request("edit"))
        buttons = FlowLayout()  # wraps onto a second row in a narrow dock
        for b in (self.reply_button, self.resolve_button, self.wontfix_button, self.reopen_button, self.edit_button):
            buttons.addWidget(b)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.thread_view, 1)
        lower_layout.addWidget(self.reply_edit)
        lower_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(lower)
        split.setSizes([200, 280])
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.progress_label)
        layout.addLayout(filters)
        layout.addWidget(self.counts_label)
        layout.addWidget(split, 1)
        self._show_thread(QModelIndex())

    # -- filters -----------------------------------------------------------------
    def _fill_filters(self) -> None:
        self.status_filter.addItem(self.tr("All statuses"), None)
        for st in FLAG_STATUSES:
            self.status_filter.addItem(status_name(st), st)
        self.status_filter.setCurrentIndex(1)  # open flags first: that is the work
        self.category_filter.addItem(self.tr("All categories"), None)
        for cat in FLAG_CATEGORIES:
            self.category_filter.addItem(category_name(cat), cat)
        self.lang_filter.addItem(self.tr("All languages"), None)
        for lang in ("en", "ja", ""):
            self.lang_filter.addItem(lang_name(lang), lang)
        self.author_filter.addItem(self.tr("All authors"), None)

    def filters(self) -> dict[str, str | None]:
        """The chosen filters, as ``model.review.list_flags`` keywords."""
        return {"status": self.status_filter.currentData(), "category": self.category_filter.currentData(),
                "lang": self.lang_filter.currentData(), "author": self.author_filter.currentData()}

    def set_filter(self, name: str, value: str | None) -> None:
        """Choose a filter value programmatically (status, category, lang, author)."""
        combo = {"status": self.status_filter, "category": self.category_filter, "lang": self.lang_filter,
                 "author": self.author_filter}[name]
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def set_authors(self, authors: list[str]) -> None:
        """Offer the authors seen in the transcript's flags (keeps the current choice)."""
        current = self.author_filter.currentData()
        known = [self.author_filter.itemData(i) for i in range(1, self.author_filter.count())]
        if known == authors:
            return
        self.author_filter.blockSignals(True)
        while self.author_filter.count() > 1:
            self.author_filter.removeItem(1)
        for name in authors:
            self.author_filter.addItem(name, name)
        self.author_filter.setCurrentIndex(max(0, self.author_filter.findData(current)))
        self.author_filter.blockSignals(False)

    # -- contents ------------------------------------------------------------------
    def show_flags(self, listing: FlagList, keep_flag: int | None = None) -> None:
        """Show a filtered listing and its counts; keep ``keep_flag`` selected when still listed."""
        current = self.current_flag()
        keep = keep_flag if keep_flag is not None else (current.id if current else None)
        self.model.set_items(listing.flags)
        s = listing.by_status
        self.counts_label.setText(self.tr("{open} open · {resolved} resolved · {wontfix} won't fix · "
                                          "{shown} of {total} shown").format(
            open=s.get("open", 0), resolved=s.get("resolved", 0), wontfix=s.get("wontfix", 0),
            shown=len(listing.flags), total=listing.total))
        cats = [f"{category_name(c)} {n}" for c, n in sorted(listing.by_category.items()) if n]
        self.counts_label.setToolTip(" · ".join(cats))
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.select_row(row)
        else:
            self._show_thread(QModelIndex())

    def show_progress(self, p: Progress) -> None:
        """Share approved, open flags, unresolved gaps."""
        self.progress_bar.setValue(int(1000 * p.share_approved))
        self.progress_bar.setFormat(self.tr("{pct}% approved").format(pct=int(100 * p.share_approved)))
        self.progress_label.setText(self.tr("{approved} of {segments} segments approved · {flags} open flags · "
                                            "{gaps} unresolved gaps").format(
            approved=p.approved, segments=p.segments, flags=p.open_flags, gaps=p.open_gaps))

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)

    def select_flag(self, flag_id: int) -> bool:
        """Select a listed flag (without emitting ``flagActivated``); False if it is filtered out."""
        row = self.model.row_of(flag_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def current_flag(self) -> FlagItem | None:
        index = self.view.selectionModel().currentIndex() if self.view.selectionModel() else QModelIndex()
        return index.data(FlagItemRole) if index.isValid() else None

    def set_thread(self, flag: FlagItem | None) -> None:
        """Show a flag's note, replies and resolution (replies must be loaded)."""
        self._current_thread = flag
        has = flag is not None
        for b in (self.reply_button, self.reply_edit, self.edit_button):
            b.setEnabled(has)
        self.resolve_button.setEnabled(has and flag.status == "open")  # type: ignore[union-attr]
        self.wontfix_button.setEnabled(has and flag.status == "open")  # type: ignore[union-attr]
        self.reopen_button.setEnabled(has and flag.status != "open")  # type: ignore[union-attr]
        if flag is None:
            hint = escape(self.tr("Choose a flag to see its discussion."))
            self.thread_view.setHtml(f"<p style='color:gray'>{hint}</p>")
            return
        when = flag.created_at.strftime("%Y-%m-%d %H:%M")
        head = escape(self.tr("{category} · {status} · turn {turn}, segment {segment} · {lang}").format(
            category=category_name(flag.category), status=status_name(flag.status), turn=flag.turn,
            segment=flag.segment, lang=lang_name(flag.lang)))
        parts = [f"<p><b>{head}</b></p>",
                 f"<p style='color:gray'>{escape(flag.author)} · {when}</p>",
                 render_note(flag.note) or f"<p style='color:gray'><i>{escape(self.tr('(no note)'))}</i></p>"]
        for reply in flag.replies:
            stamp = reply.created_at.strftime("%Y-%m-%d %H:%M")
            parts.append(f"<hr><p style='color:gray'>{escape(reply.author)} · {stamp}</p>{render_note(reply.text)}")
        if flag.status != "open":
            who = escape(flag.resolved_by or "?")
            stamp = flag.resolved_at.strftime("%Y-%m-%d %H:%M") if flag.resolved_at else ""
            parts.append(f"<hr><p><b>{escape(status_name(flag.status))}</b> "
                         f"<span style='color:gray'>{who} · {stamp}</span></p>{render_note(flag.resolution_note)}")
        self.thread_view.setHtml("".join(parts))

    # -- user actions -----------------------------------------------------------------
    def _activate(self, index: QModelIndex) -> None:
        flag = index.data(FlagItemRole) if index.isValid() else None
        if flag is not None:
            self.flagActivated.emit(flag)

    def _show_thread(self, index: QModelIndex) -> None:
        flag = index.data(FlagItemRole) if index.isValid() else None
        if flag is None:
            self.set_thread(None)
        self.currentFlagChanged.emit(flag)

    def _request(self, verb: str) -> None:
        flag = self._current_thread
        if flag is None:
            return
        self.actionRequested.emit(verb, flag, self.reply_edit.toPlainText())

    def clear_reply(self) -> None:
        self.reply_edit.clear()
