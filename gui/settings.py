"""UI settings (QSettings: window geometry, last transcript, zoom, language, annotator name)
and the Preferences dialog. Nothing about transcripts lives here: that is in the database."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from model.paths import default_annotator_name


def app_settings() -> QSettings:
    """The user's settings for Taiyaku."""
    return QSettings("Taiyaku", "Taiyaku")


def db_key(db_path: str) -> str:
    """A settings key for per-database values (paths may hold characters QSettings dislikes)."""
    return hashlib.sha1(db_path.encode("utf-8")).hexdigest()[:16]


def annotator_name(settings: QSettings) -> str:
    """The annotator's name from the settings, else the system user name."""
    return str(settings.value("annotator/name", "") or default_annotator_name())


class PreferencesDialog(QDialog):
    """Edit > Preferences: the annotator's name and the UI language."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        form = QFormLayout(self)
        self.name = QLineEdit(annotator_name(settings), self)
        self.name.setObjectName("annotator_name")
        self.name.setToolTip(self.tr("Every change you make is recorded under this name."))
        form.addRow(self.tr("Annotator name:"), self.name)
        self.language = QComboBox(self)
        self.language.setObjectName("ui_language")
        self.language.addItem(self.tr("System language"), "system")
        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")
        current = str(settings.value("ui/language", "system"))
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        form.addRow(self.tr("Language:"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> tuple[str, str]:
        """Write the choices to the settings; returns (annotator name, language choice)."""
        name = self.name.text().strip() or default_annotator_name()
        lang = str(self.language.currentData())
        self.settings.setValue("annotator/name", name)
        self.settings.setValue("ui/language", lang)
        return name, lang
