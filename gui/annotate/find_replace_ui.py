"""Find and replace across the open transcript (both languages or one, regex, match case)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from gui.annotate.common import AnnotateParts, tr
from gui.window.theme import Theme
from model.errors import TaiyakuError
from model.ops import find_replace
from model.readmodel import SegmentView
from model.store import Changes


class FindReplaceDialog(QDialog):
    """A non-modal dialog: matches are highlighted in the panes; replace-all is one undo step."""

    def __init__(self, parts: AnnotateParts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_replace_dialog")
        self.setModal(False)
        self.parts = parts
        self.ctx = parts.ctx
        self.matches: list[find_replace.Match] = []
        self.current = -1
        self._stale = True
        self._rx: re.Pattern[str] | None = None
        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("find_text")
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setObjectName("replace_text")
        self.langs = QComboBox(self)
        self.langs.setObjectName("find_langs")
        self.langs.addItem(tr("Both languages"), ("en", "ja"))
        self.langs.addItem(tr("English"), ("en",))
        self.langs.addItem("日本語", ("ja",))
        self.regex = QCheckBox(tr("Regular e&xpression"), self)
        self.match_case = QCheckBox(tr("&Match case"), self)
        self.status = QLabel(self)
        self.status.setObjectName("find_status")
        form = QFormLayout(self)
        form.addRow(tr("Find:"), self.find_edit)
        self.replace_label = QLabel(tr("Replace with:"), self)
        form.addRow(self.replace_label, self.replace_edit)
        options = QHBoxLayout()
        options.addWidget(self.langs)
        options.addWidget(self.regex)
        options.addWidget(self.match_case)
        options.addStretch(1)
        form.addRow(options)
        buttons = QHBoxLayout()
        self.prev_button = QPushButton(tr("&Previous"), self)
        self.next_button = QPushButton(tr("&Next"), self)
        self.next_button.setDefault(True)
        self.replace_button = QPushButton(tr("&Replace"), self)
        self.replace_all_button = QPushButton(tr("Replace &all"), self)
        self.replace_all_button.setToolTip(tr("Replace every match in the transcript, as one undo step"))
        close = QPushButton(tr("Close"), self)
        for b in (self.prev_button, self.next_button, self.replace_button, self.replace_all_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        form.addRow(buttons)
        form.addRow(self.status)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        close.clicked.connect(self.close)
        QShortcut(QKeySequence("F3"), self, activated=lambda: self.step(1))
        QShortcut(QKeySequence("Shift+F3"), self, activated=lambda: self.step(-1))
        for signal in (self.find_edit.textChanged, self.regex.toggled, self.match_case.toggled,
                       self.langs.currentIndexChanged):
            signal.connect(self._options_changed)
        self.ctx.bridge.changed.connect(self._on_changes)
        self.ctx.transcriptChanged.connect(self._options_changed)  # bound: cut when the dialog goes
        parts.panes.metrics.add_decorator(self._decorate)
        self.resize(520, self.sizeHint().height())

    # -- showing ------------------------------------------------------------------------
    def show_for(self, replace: bool) -> None:
        """Ctrl+F (find) or Ctrl+H (find and replace)."""
        self.setWindowTitle(tr("Find and replace") if replace else tr("Find"))
        for w in (self.replace_label, self.replace_edit, self.replace_button, self.replace_all_button):
            w.setVisible(replace)
        self.show()
        self.raise_()
        self.activateWindow()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().hideEvent(event)
        self._set_rx(None)

    # -- matching -------------------------------------------------------------------------
    def _options(self) -> dict[str, Any]:
        return {"langs": self.langs.currentData(), "regex": self.regex.isChecked(),
                "match_case": self.match_case.isChecked()}

    def _options_changed(self) -> None:
        self._stale = True
        self.current = -1
        pattern = self.find_edit.text()
        rx = None
        error = ""
        if pattern:  # validated as the user types: the error goes as soon as the pattern is right
            try:
                rx = re.compile(pattern if self.regex.isChecked() else re.escape(pattern),
                                0 if self.match_case.isChecked() else re.IGNORECASE)
            except re.error as exc:
                error = tr("Invalid regular expression: {reason}").format(reason=str(exc))
        self.status.setText(error)
        self.find_edit.setProperty("invalid", bool(error))
        self.find_edit.setStyleSheet("QLineEdit { border: 2px solid #d32f2f; }" if error else "")
        for button in (self.prev_button, self.next_button, self.replace_button, self.replace_all_button):
            button.setEnabled(not error)
        self._set_rx(rx)

    def _set_rx(self, rx: re.Pattern[str] | None) -> None:
        new = (rx.pattern, rx.flags) if rx is not None else None
        old = (self._rx.pattern, self._rx.flags) if self._rx is not None else None
        if new != old:
            self._rx = rx
            self.parts.panes.metrics.invalidate_all()

    def _decorate(self, seg: SegmentView, lang: str, theme: Theme) -> list[tuple[int, int, QTextCharFormat]]:
        """Highlight matches in the panes (corrected text only: offsets are in it)."""
        rx = self._rx
        if rx is None or self.parts.view_mode() != "corrected" or lang not in self.langs.currentData():
            return []
        text = seg.corrected(lang) or ""
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#5c4d00") if theme.dark else QColor("#fff176"))
        return [(m.start(), m.end(), fmt) for m in rx.finditer(text) if m.end() > m.start()]

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("correction", "segment"):
            self._stale = True

    def search(self) -> bool:
        """(Re)compute the matches; False with a one-line reason when the pattern is bad or empty."""
        tid = self.ctx.transcript_id
        if tid is None:
            return False
        try:
            self.matches = find_replace.find(self.ctx.store, tid, self.find_edit.text(), **self._options())
        except TaiyakuError as exc:
            self.status.setText(str(exc))
            self.matches = []
            return False
        self._stale = False
        return True

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) match, after the selected segment."""
        if self._stale and not self.search():
            return
        if not self.matches:
            self.status.setText(tr("No match"))
            return
        if self.current < 0:
            row = self.parts.panes.current_row()
            row_of = self.parts.model.row_of_segment  # (a lookup each: no map of every row's id)
            after = [i for i, m in enumerate(self.matches) if _row_or(row_of(m.segment_id), -1) >= row]
            self.current = (after[0] if after else 0) if delta > 0 else ((after[0] - 1) if after else -1)
        else:
            self.current += delta
        self.current %= len(self.matches)
        self._show_current()

    def _show_current(self) -> None:
        m = self.matches[self.current]
        self.parts.panes.select_segment(m.segment_id, m.lang)
        self.ctx.update_selection(lang=m.lang)
        self.status.setText(tr("Match {n} of {total}").format(n=self.current + 1, total=len(self.matches)))

    # -- replacing ------------------------------------------------------------------------
    def replace_current(self) -> None:
        """Replace the shown match and go on to the next one."""
        if self._stale or self.current < 0:
            self.step(1)
            return
        m = self.matches[self.current]
        opts = self._options()
        done = self.ctx.run(tr("Replace"), lambda: find_replace.replace_one(
            self.ctx.store, m, self.find_edit.text(), self.replace_edit.text(), regex=opts["regex"],
            match_case=opts["match_case"]))
        if done and self.search():
            if self.matches:
                self.current = min(self.current, len(self.matches) - 1)
                self._show_current()
            else:
                self.current = -1
                self.status.setText(tr("No more matches"))

    def replace_all(self) -> None:
        """Replace every match in the transcript as ONE undo step."""
        tid = self.ctx.transcript_id
        if tid is None:
            return
        opts = self._options()
        if self._stale and not self.search():
            return
        if not self.matches:
            self.status.setText(tr("No match"))
            return
        from gui.annotate.replace_preview import ReplacePreviewDialog

        try:
            previews = find_replace.preview_replace_all(self.ctx.store, tid, self.find_edit.text(),
                                                        self.replace_edit.text(), **opts)
        except TaiyakuError as exc:
            self.status.setText(str(exc))
            return
        self.preview = ReplacePreviewDialog(previews, self)
        self.preview.accepted.connect(lambda: self._replace_all_now(tid, opts, len(previews)))
        self.preview.open()

    def _replace_all_now(self, tid: int, opts: dict[str, Any], count: int) -> None:
        done = self.ctx.run(tr("Replace all"), lambda: find_replace.replace_all(
            self.ctx.store, tid, self.find_edit.text(), self.replace_edit.text(), **opts))
        if done:
            self._stale = True
            self.current = -1
            self.status.setText(tr("Replaced {n} matches (one undo step)").format(n=count))


def _row_or(row: int | None, default: int) -> int:
    """``row``, or ``default`` when there is none (row 0 is a row: not ``row or default``)."""
    return default if row is None else row
