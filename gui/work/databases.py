"""File > Open database… and File > Open recent: work on another database.

A database is an SQLite file or a PostgreSQL server's URL (``postgresql://user@host:port/name``);
the dialog asks for a server's password in a field of its own, and no password is ever written
to the settings: the recent list keeps URLs without one (``recent_databases``).

Switching: the open editor's text is saved first (if it cannot be, nothing switches and the
text stays in the editor), then the new database is opened once to check it -- a failure is
one dialog and nothing changes -- and then the app restarts its window on it
(``AppContext.switch_to``, read by ``gui.app.run``), which brings the backups, the damage check
and live updates of the new database along, as at any start.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
)

from gui.window.storage_errors import describe_failure
from gui.work.text import tr
from model.errors import TaiyakuError

if TYPE_CHECKING:  # pragma: no cover
    from gui.window.context import AppContext
    from gui.window.features import FeatureWindow

RECENT_KEY = "databases/recent"
RECENT_MAX = 8


def without_password(target: str) -> str:
    """``target`` as the recent list keeps it: a file's absolute path, a URL without its password."""
    if "://" not in target:
        return str(Path(target).expanduser().resolve())
    from sqlalchemy.engine import URL, make_url

    url = make_url(target)
    if url.password is None:
        return target
    bare = URL.create(url.drivername, url.username, None, url.host, url.port, url.database, url.query)
    return bare.render_as_string(hide_password=False)


def with_password(target: str, password: str) -> str:
    """A server URL with ``password`` in it (for opening only; never stored)."""
    if not password or "://" not in target:
        return target
    from sqlalchemy.engine import make_url

    return make_url(target).set(password=password).render_as_string(hide_password=False)


def recent_databases(settings: QSettings) -> list[str]:
    """The recent databases, newest first (at most ``RECENT_MAX``)."""
    value: Any = settings.value(RECENT_KEY, [])
    items = [value] if isinstance(value, str) else list(value or [])
    return [str(v) for v in items if v][:RECENT_MAX]


def remember(settings: QSettings, target: str) -> None:
    """Put ``target`` first in the recent list (without a password)."""
    entry = without_password(target)
    items = [entry] + [v for v in recent_databases(settings) if v != entry]
    settings.setValue(RECENT_KEY, items[:RECENT_MAX])


def missing(entry: str) -> bool:
    """Whether a recent SQLite file is gone (a server is asked only when opened)."""
    return "://" not in entry and not Path(entry).is_file()


class OpenDatabaseDialog(QDialog):
    """An SQLite file (chosen or typed) or a server URL, and a server's password."""

    def __init__(self, parent: QWidget | None, target: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("open_database")
        self.setWindowTitle(tr("Open database"))
        self.target = QLineEdit(target, self)
        self.target.setPlaceholderText(tr("A database file, or postgresql://user@host:5432/name"))
        self.target.setMinimumWidth(420)
        browse = QPushButton(tr("File…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.target, 1)
        row.addWidget(browse)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("Only for a server; never saved"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("Database:"), row)
        form.addRow(tr("Password:"), self.password)
        form.addRow(buttons)
        self.target.textChanged.connect(self._follow)
        self._follow(target)
        (self.password if "://" in target else self.target).setFocus()

    def _follow(self, text: str) -> None:
        self.password.setEnabled("://" in text)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Open database"), self.target.text(),
                                              tr("Taiyaku databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.target.setText(path)

    def chosen(self) -> str:
        """What to open: the file or URL, with the typed password in a URL."""
        return with_password(self.target.text().strip(), self.password.text())


class Databases:
    """The File menu's Open database… and Open recent, and the switch itself."""

    def __init__(self, window: FeatureWindow, ctx: AppContext) -> None:
        self.window = window
        self.ctx = ctx
        self.settings = window.settings
        remember(self.settings, self.current())
        file_menu = window.registry.menu("file")
        first = file_menu.actions()[0]  # the window's own File menu (Import… first) exists already
        action = window.registry.add("open_database", tr("Open &database…"), lambda: self.ask_open(),
                                     shortcut="Ctrl+O", icon_name="mdi6.database-search-outline",
                                     tip=tr("Work on another database: a file, or a team's server"), group="file")
        self.recent_menu = QMenu(tr("Open &recent"), window.widget())
        self.recent_menu.setObjectName("menu_recent_databases")
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        # At the top of the File menu: which database comes before what to do in it.
        file_menu.insertAction(first, action)
        file_menu.insertMenu(first, self.recent_menu)
        self.fill_recent()
        # Features installed later put their entries at the top too: gather ours again once all are in.
        QTimer.singleShot(0, window.widget(), self.keep_together)

    def keep_together(self) -> None:
        """Open database…, Open recent and Next transcript one after the other, first in the File menu."""
        file_menu = self.window.registry.menu("file")
        ours = [self.window.registry.get("open_database"), self.recent_menu.menuAction()]
        with contextlib.suppress(KeyError):
            ours.append(self.window.registry.get("next_transcript"))
        for action in ours:
            file_menu.removeAction(action)
        first = file_menu.actions()[0]
        for action in ours:
            file_menu.insertAction(first, action)
        if not first.isSeparator():
            file_menu.insertSeparator(first)

    def current(self) -> str:
        """The database open now, as the recent list keeps it."""
        store = self.ctx.store
        if store.engine.dialect.name == "sqlite":
            return without_password(store.path)
        return without_password(store.engine.url.render_as_string(hide_password=False))

    def _opener(self, entry: str) -> Any:
        return lambda: self.open_recent(entry)

    def fill_recent(self) -> None:
        """The recent databases; a file that is gone is greyed, with why in its tooltip."""
        self.recent_menu.clear()
        current = self.current()
        entries = recent_databases(self.settings)
        for entry in entries:
            action = self.recent_menu.addAction(entry, self._opener(entry))
            if entry == current:
                action.setEnabled(False)
                action.setToolTip(tr("The database open now"))
            elif missing(entry):
                action.setEnabled(False)
                action.setToolTip(tr("This file is gone (moved or deleted)"))
        if entries:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(tr("Clear the list"), self.clear_recent).setEnabled(bool(entries))
        self.recent_menu.setToolTipsVisible(True)

    def clear_recent(self) -> None:
        """Forget the recent databases (the one open now stays)."""
        self.settings.setValue(RECENT_KEY, [])
        remember(self.settings, self.current())

    def ask_open(self, target: str = "") -> bool:
        """The Open database dialog, then the switch (False: cancelled or refused)."""
        dialog = OpenDatabaseDialog(self.window.widget(), target)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen():
            return False
        return self.switch_to(dialog.chosen())

    def open_recent(self, entry: str) -> bool:
        """A recent database: a server asks for its password first; a file opens at once."""
        if "://" in entry:
            return self.ask_open(entry)
        return self.switch_to(entry)

    def switch_to(self, target: str) -> bool:
        """Save the editor's text, check the new database, then restart the window on it.

        Returns False, with one dialog and nothing changed, when the text cannot be saved or
        the database cannot be opened."""
        title = tr("Taiyaku cannot open the database")
        annotate: Any = self.window.features.get("annotate")
        editor = getattr(annotate, "editor", None)
        if editor is not None and not annotate.save_editor(editor):
            self.window.show_error(title, tr("Your text could not be saved, so this database stays open; "
                                             "the text is kept in the editor."))
            return False
        if annotate is not None and getattr(annotate, "unsaved_text", None):
            self.window.show_error(title, tr("Some typed text has not been saved yet, so this database stays "
                                             "open: edit the segment again and save it first."))
            return False
        from model.store import Store

        try:
            Store.open(target).close()  # creates or migrates it if need be; says why it cannot
        except TaiyakuError as exc:
            self.window.show_error(title, describe_failure(exc))
            return False
        if annotate is not None and annotate.editor is not None:
            annotate.close_editor(save=False)  # saved above
        remember(self.settings, target)
        self.ctx.switch_to = target
        self.ctx.switchRequested.emit()  # gui.app.run ends this run and opens the window again on it
        return True

