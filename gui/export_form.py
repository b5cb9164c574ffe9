"""The export dialog of File > Export… (``gui.export_dialog``): its options, preview and progress.

In a module of its own so the window imports it when the dialog first opens, not before its first paint.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.export_dialog import (
    _STYLE_BLOCK,
    FULL_PREVIEW_LIMIT,
    LAYOUT_FORMATS,
    PREVIEW_CHARS,
    PREVIEW_SEGMENTS,
    QT_PREVIEW_CSS,
    ExportCancelled,
    first_page,
    format_names,
    start_folder,
    tr,
)
from model.errors import TaiyakuError
from model.readmodel import TranscriptView, list_transcripts

if TYPE_CHECKING:  # pragma: no cover
    from gui.window.context import AppContext
    from model.export import ExportOptions

log = logging.getLogger("gui.export_dialog")  # the dialog's messages under the feature's logger, as before


class ExportDialog(QDialog):
    """Format, options, preview, progress; exports the chosen transcripts."""

    def __init__(self, ctx: AppContext, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings or QSettings()
        self.setObjectName("export_dialog")
        self.setWindowTitle(tr("Export"))
        self._views: dict[int, TranscriptView] = {}
        self._totals: dict[int, int] = {}  # segments per previewed transcript
        self._cancel = False
        self.last_written: list[Path] = []
        self._preview_timer = QTimer(self, singleShot=True, interval=150)
        self._preview_timer.timeout.connect(self.update_preview)
        self._build()
        self._fill_transcripts()
        self._restore()
        self._sync_enabled()
        ctx.bridge.changed.connect(self._on_changes)
        self.update_preview()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        from model.export import load_builtin_exporters
        from model.export.walk import DEFAULT_GAP_TEXT

        left = QWidget()
        form_box = QVBoxLayout(left)
        form_box.setContentsMargins(0, 0, 0, 0)
        self.transcripts = QListWidget(objectName="export_transcripts")
        self.transcripts.setToolTip(tr("Tick every transcript to export; several go into one folder"))
        self.transcripts.itemChanged.connect(self._options_changed)
        self.transcripts.currentItemChanged.connect(lambda *_: self._options_changed())
        what = QGroupBox(tr("Transcripts"))
        QVBoxLayout(what).addWidget(self.transcripts)
        form_box.addWidget(what, 1)

        options = QGroupBox(tr("Options"))
        form = QFormLayout(options)
        self.format = QComboBox(objectName="export_format")
        exporters = load_builtin_exporters()
        for key, name in format_names().items():
            if key in exporters:
                self.format.addItem(name, key)
        form.addRow(tr("&Format:"), self.format)
        self.report_format = QComboBox(objectName="export_report_format")
        for key, name in (("md", tr("Markdown")), ("html", tr("Web page (HTML)")), ("csv", tr("Spreadsheet (CSV)"))):
            self.report_format.addItem(name, key)
        self.report_label = QLabel(tr("&Report as:"))
        self.report_label.setBuddy(self.report_format)
        form.addRow(self.report_label, self.report_format)
        text_row = QHBoxLayout()
        self.corrected = QRadioButton(tr("&Corrected"), objectName="export_corrected", checked=True)
        self.original = QRadioButton(tr("&Original (as imported)"), objectName="export_original")
        group = QButtonGroup(self)
        for button in (self.corrected, self.original):
            group.addButton(button)
            text_row.addWidget(button)
        text_row.addStretch(1)
        form.addRow(tr("Text:"), text_row)
        self.langs = QComboBox(objectName="export_langs")
        for key, name in (("both", tr("English and Japanese")), ("en", tr("English only")),
                          ("ja", tr("Japanese only"))):
            self.langs.addItem(name, key)
        form.addRow(tr("&Languages:"), self.langs)
        self.layout_box = QComboBox(objectName="export_layout")
        self.layout_box.addItem(tr("Interleaved paragraphs"), "interleaved")
        self.layout_box.addItem(tr("Side by side (table)"), "side_by_side")
        self.layout_label = QLabel(tr("La&yout:"))
        self.layout_label.setBuddy(self.layout_box)
        form.addRow(self.layout_label, self.layout_box)
        self.annotations = QCheckBox(tr("Show &annotations (gaps, flags)"), objectName="export_annotations",
                                     checked=True)
        self.annotations.setToolTip(tr("Off: a clean reading copy"))
        self.approved_only = QCheckBox(tr("Only a&pproved segments"), objectName="export_approved_only")
        self.keep_markers = QCheckBox(tr("&Keep gap markers as transcribed"), objectName="export_keep_markers",
                                      checked=True)
        self.keep_markers.setToolTip(tr("Off: every unresolved gap is written as the text below"))
        self.timestamps = QCheckBox(tr("Start paragraphs with their &time in the recording"),
                                    objectName="export_timestamps")
        self.timestamps.setToolTip(tr("Text, Markdown, HTML and Word: [00:01:23] before each paragraph"))
        for box in (self.annotations, self.approved_only, self.keep_markers, self.timestamps):
            form.addRow(box)
        self.gap_en = QLineEdit(DEFAULT_GAP_TEXT["en"], objectName="export_gap_en")
        self.gap_ja = QLineEdit(DEFAULT_GAP_TEXT["ja"], objectName="export_gap_ja")
        form.addRow(tr("Unresolved gap (English):"), self.gap_en)
        form.addRow(tr("Unresolved gap (Japanese):"), self.gap_ja)
        form_box.addWidget(options)
        for combo in (self.format, self.report_format, self.langs, self.layout_box):
            combo.currentIndexChanged.connect(self._options_changed)
        for check in (self.corrected, self.annotations, self.approved_only, self.keep_markers, self.timestamps):
            check.toggled.connect(self._options_changed)
        for edit in (self.gap_en, self.gap_ja):
            edit.textChanged.connect(self._options_changed)

        right = QGroupBox(tr("Preview (first page)"))
        right_box = QVBoxLayout(right)
        self.preview_text = QPlainTextEdit(objectName="export_preview_text", readOnly=True)
        self.preview_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.preview_html = QTextBrowser(objectName="export_preview_html")
        # Untrusted content: follow no link, open nothing, load no resource.
        self.preview_html.setOpenLinks(False)
        self.preview_html.setOpenExternalLinks(False)
        self.preview_stack = QStackedWidget()
        self.preview_stack.addWidget(self.preview_text)
        self.preview_stack.addWidget(self.preview_html)
        self.preview_note = QLabel(objectName="export_preview_note")
        self.preview_note.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_note.setWordWrap(True)
        right_box.addWidget(self.preview_stack, 1)
        right_box.addWidget(self.preview_note)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 560])

        self.progress = QProgressBar(objectName="export_progress", visible=False)
        self.status = QLabel(objectName="export_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox()
        self.export_button = QPushButton(tr("&Export…"), objectName="export_button")
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.choose_and_export)
        self.cancel_button.clicked.connect(self._close_or_cancel)
        root = QVBoxLayout(self)
        root.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        root.addLayout(bottom)
        root.addWidget(self.buttons)
        self.resize(980, 640)

    def _fill_transcripts(self) -> None:
        self.transcripts.blockSignals(True)
        self.transcripts.clear()
        for summary in list_transcripts(self.ctx.store):
            item = QListWidgetItem(f"{summary.title}  ({summary.segments})")
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            item.setToolTip(summary.title)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if summary.id == self.ctx.transcript_id
                               else Qt.CheckState.Unchecked)
            self.transcripts.addItem(item)
            if summary.id == self.ctx.transcript_id:
                self.transcripts.setCurrentItem(item)
        if self.transcripts.currentItem() is None and self.transcripts.count():
            self.transcripts.setCurrentRow(0)
        self.transcripts.blockSignals(False)

    # -- settings --------------------------------------------------------------------------
    def _restore(self) -> None:
        fmt = self.settings.value("export/format", "html")
        index = self.format.findData(fmt)
        if index >= 0:
            self.format.setCurrentIndex(index)
        layout = self.layout_box.findData(self.settings.value("export/layout", "interleaved"))
        if layout >= 0:
            self.layout_box.setCurrentIndex(layout)

    def _remember(self, folder: Path) -> None:
        self.settings.setValue("export/format", self.format_key())
        self.settings.setValue("export/layout", self.layout_box.currentData())
        self.settings.setValue("export/folder", str(folder))

    # -- state -----------------------------------------------------------------------------
    def format_key(self) -> str:
        return str(self.format.currentData())

    def chosen_ids(self) -> list[int]:
        """Ticked transcripts, in library order."""
        return [int(self.transcripts.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.transcripts.count())
                if self.transcripts.item(i).checkState() == Qt.CheckState.Checked]

    def preview_id(self) -> int | None:
        item = self.transcripts.currentItem()
        if item is not None and item.checkState() == Qt.CheckState.Checked:
            return int(item.data(Qt.ItemDataRole.UserRole))
        ids = self.chosen_ids()
        return ids[0] if ids else (int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None)

    def options(self, progress: Any = None) -> ExportOptions:
        """The options as chosen in the dialog."""
        from model.export import ExportOptions

        langs = {"both": ("en", "ja"), "en": ("en",), "ja": ("ja",)}[str(self.langs.currentData())]
        return ExportOptions(
            text="corrected" if self.corrected.isChecked() else "original",
            langs=langs,
            annotations=self.annotations.isChecked(),
            approved_only=self.approved_only.isChecked(),
            gap_text={"en": self.gap_en.text(), "ja": self.gap_ja.text()},
            keep_markers=self.keep_markers.isChecked(),
            layout=str(self.layout_box.currentData()),
            progress=progress,
            extra={"report_format": str(self.report_format.currentData()),
                   **({"timestamps": True} if self.timestamps.isChecked() else {})},
        )

    def _sync_enabled(self) -> None:
        fmt = self.format_key()
        for widget in (self.layout_box, self.layout_label):
            widget.setEnabled(fmt in LAYOUT_FORMATS)
        for widget in (self.report_format, self.report_label):
            widget.setVisible(fmt == "report")
        self.annotations.setEnabled(fmt not in ("json", "tmx", "report"))
        n = len(self.chosen_ids())
        self.export_button.setEnabled(n > 0)
        self.export_button.setText(tr("&Export…") if n <= 1 else tr("&Export %n transcripts…", "", n))

    def _options_changed(self, *_: object) -> None:
        self._sync_enabled()
        self._preview_timer.start()

    def _on_changes(self, changes: Any) -> None:
        for tid in getattr(changes, "transcript_ids", ()):
            self._views.pop(tid, None)
        self._preview_timer.start()

    # -- preview ---------------------------------------------------------------------------
    def _view(self, transcript_id: int) -> TranscriptView:
        from model.export.stream import first_segments

        view = self._views.get(transcript_id)
        if view is None:  # the first page only, and the total: a long transcript is never read whole here
            view, self._totals[transcript_id] = first_segments(self.ctx.store, transcript_id, PREVIEW_SEGMENTS)
            self._views[transcript_id] = view
        return view

    def update_preview(self) -> None:
        """Render the first page of the previewed transcript with the current options."""
        from model.export.walk import with_times

        tid = self.preview_id()
        if tid is None:
            self._show_text("", tr("Nothing to preview: the library is empty."))
            return
        fmt = self.format_key()
        options = with_times(self.ctx.store, tid, self.options())
        try:
            view = self._view(tid)
            page = first_page(view)
            note = tr("The first %n segments.", "", min(PREVIEW_SEGMENTS, self._totals.get(tid, 0)))
            if fmt in ("html", "docx") or (fmt == "report" and options.extra["report_format"] == "html"):
                if fmt == "report":
                    html = self._full_preview(tid, view, options)
                else:
                    from model.export.html_export import render_html

                    html = render_html(page, options)
                    if fmt == "docx":
                        note = tr("A Word document is laid out like this page, with Word's styles.")
                self._show_html(html, note)
            elif fmt in ("json", "report", "srt", "vtt"):
                self._show_text(self._full_preview(tid, view, options), tr("The beginning of the file."))
            else:
                from model.export.md import render_markdown
                from model.export.tmx import render_tmx
                from model.export.txt import render_text

                render = {"txt": render_text, "md": render_markdown, "tmx": render_tmx}[fmt]
                self._show_text(render(page, options)[:PREVIEW_CHARS], note)
        except TaiyakuError as exc:
            self._show_text("", str(exc))

    def _full_preview(self, tid: int, view: TranscriptView, options: ExportOptions) -> str:
        from model.export import get_exporter

        if self._totals.get(tid, 0) > FULL_PREVIEW_LIMIT:
            return tr("(No preview for a transcript this long in this format.)")
        data = get_exporter(self.format_key())(self.ctx.store, tid, options)
        return data[:PREVIEW_CHARS] if isinstance(data, str) else ""

    def _show_text(self, text: str, note: str) -> None:
        self.preview_text.setPlainText(text)
        self.preview_stack.setCurrentWidget(self.preview_text)
        self.preview_note.setText(note)

    def _show_html(self, html: str, note: str) -> None:
        # Qt's rich text knows neither CSS variables nor most of the page's CSS: swap in a
        # small style sheet it does understand, with the same colours.
        self.preview_html.document().setDefaultStyleSheet(QT_PREVIEW_CSS)
        # Qt sizes headings itself whatever the style sheet says: speakers become styled paragraphs.
        html = _STYLE_BLOCK.sub("", html, count=1).replace('<h2 class="speaker"', '<p class="speaker"')
        self.preview_html.setHtml(html.replace("</h2>", "</p>"))
        self.preview_stack.setCurrentWidget(self.preview_html)
        self.preview_note.setText(note)

    # -- exporting -------------------------------------------------------------------------
    def choose_and_export(self) -> None:
        """Ask where to write (a file, or a folder for several), then export."""
        from model.export import get_exporter
        from model.export.walk import safe_filename

        ids = self.chosen_ids()
        if not ids:
            return
        folder = start_folder(self.settings)
        exporter = get_exporter(self.format_key())
        suffix = exporter.file_suffix(self.options())
        if len(ids) == 1:
            title = next((s.title for s in list_transcripts(self.ctx.store) if s.id == ids[0]), "transcript")
            suggested = str(folder / safe_filename(title, suffix))
            name, _filter = QFileDialog.getSaveFileName(self, tr("Export to"), suggested, f"*{suffix}")
            if name:
                self.export_to(Path(name))
        else:
            name = QFileDialog.getExistingDirectory(self, tr("Export into folder"), str(folder))
            if name:
                self.export_to(Path(name))

    def export_to(self, target: Path) -> list[Path]:
        """Export the ticked transcripts: to the file ``target`` (one), or into the folder ``target``
        (several, named from their titles). Returns the files written; errors go to a message box."""
        from model.export import get_exporter
        from model.export.walk import safe_filename

        ids = self.chosen_ids()
        exporter = get_exporter(self.format_key())
        written: list[Path] = []
        self._cancel = False
        self._busy(True)
        try:
            titles = {s.id: s.title for s in list_transcripts(self.ctx.store)}
            taken: set[str] = set()
            for n, tid in enumerate(ids):
                self.status.setText(tr("Exporting {title}…").format(title=titles.get(tid, tid)))
                options = self.options(progress=self._progress_for(n, len(ids)))
                path = target
                if len(ids) > 1 or target.is_dir():
                    path = target / safe_filename(titles.get(tid) or f"transcript {tid}",
                                                  exporter.file_suffix(options), taken)
                    target.mkdir(parents=True, exist_ok=True)
                written.append(exporter.write_file(self.ctx.store, tid, path, options))  # streamed
            self._remember(target if target.is_dir() else target.parent)
            self.status.setText(tr("Wrote %n file(s).", "", len(written)) + " " + str(written[-1]))
        except ExportCancelled:
            self.status.setText(tr("Export cancelled; nothing half-written was left."))
        except TaiyakuError as exc:
            self._fail(str(exc))
        except OSError as exc:
            self._fail(f"{exc.filename or target}: {exc.strerror or exc}")
        finally:
            self._busy(False)
        self.last_written = written
        return written

    def _fail(self, message: str) -> None:
        self.status.setText(message)
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Export failed"), " ".join(message.split()),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("export_error")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_box = box
        box.open()

    def _progress_for(self, index: int, count: int) -> Any:
        def progress(done: int, total: int) -> None:
            share = (index + (done / total if total else 1)) / count
            self.progress.setValue(int(share * 1000))
            QApplication.processEvents()  # keep the window painting and the Cancel button alive
            if self._cancel:
                raise ExportCancelled(tr("Export cancelled"))
        return progress

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.export_button.setEnabled(not busy)
        self.cancel_button.setText(tr("Cancel") if busy else tr("Close"))
        self._exporting = busy

    def _close_or_cancel(self) -> None:
        if getattr(self, "_exporting", False):
            self._cancel = True
        else:
            self.reject()
