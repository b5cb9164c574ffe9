"""Edit > Preferences: the dialog (name and UI language; work, appearance and shortcuts pages)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.window.settings import annotator_name
from model.paths import default_annotator_name


class PreferencesDialog(QDialog):
    """Edit > Preferences: name and UI language; work, appearance and shortcuts on their own pages."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        from gui.preferences.pages import AppearancePage, WorkPage

        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.tabs = QTabWidget(self)
        general = QWidget(self.tabs)
        form = QFormLayout(general)
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
        self.tabs.addTab(general, self.tr("General"))
        self.work = WorkPage(settings, self.tabs)
        self.tabs.addTab(self.work, self.tr("Work"))
        self.appearance = AppearancePage(settings, self.tabs)
        self.tabs.addTab(self.appearance, self.tr("Appearance"))
        self.shortcuts = None
        registry = getattr(parent, "registry", None)
        if registry is not None:
            from gui.preferences.shortcuts import ShortcutsPage

            self.shortcuts = ShortcutsPage(registry, settings, self.tabs)
            self.tabs.addTab(self.shortcuts, self.tr("Shortcuts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addWidget(buttons)
        self.resize(560, 480)

    def save(self) -> tuple[str, str]:
        """Write the choices to the settings and apply those that apply at once (appearance,
        fonts, shortcuts); returns (annotator name, language choice)."""
        name = self.name.text().strip() or default_annotator_name()
        lang = str(self.language.currentData())
        self.settings.setValue("annotator/name", name)
        self.settings.setValue("ui/language", lang)
        self.work.save()
        self.appearance.save()
        if self.shortcuts is not None:
            self.shortcuts.save()
        from gui.preferences import apply_to_window

        apply_to_window(self.parentWidget(), self.settings)
        return name, lang
