"""Pages of Edit > Preferences beyond name and language: work (export folder, gap markers,
rewind seconds) and appearance (light/dark, a font and size per language)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from gui.preferences import (
    REWIND_MAX,
    appearance,
    default_export_folder,
    font_choice,
    gap_marker,
    rewind_seconds,
)
from model.ops.gaps import MARKERS


class WorkPage(QWidget):
    """Where exports go first, what "Insert gap" writes, how far the player rewinds."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("work_page")
        self.settings = settings
        form = QFormLayout(self)
        self.export_folder = QLineEdit(default_export_folder(settings), self)
        self.export_folder.setObjectName("default_export_folder")
        self.export_folder.setPlaceholderText(self.tr("Your documents folder"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.export_folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Default export folder:"), row)
        self.markers: dict[str, QLineEdit] = {}
        for lang, label in (("en", self.tr("Gap marker (English):")), ("ja", self.tr("Gap marker (日本語):"))):
            edit = QLineEdit(gap_marker(settings, lang), self)
            edit.setObjectName(f"gap_marker_{lang}")
            edit.setPlaceholderText(MARKERS[lang])
            self.markers[lang] = edit
            form.addRow(label, edit)
        self.rewind = QDoubleSpinBox(self)
        self.rewind.setObjectName("rewind_seconds")
        self.rewind.setRange(0.0, REWIND_MAX)
        self.rewind.setSingleStep(0.5)
        self.rewind.setDecimals(1)
        self.rewind.setSuffix(self.tr(" s"))
        self.rewind.setValue(rewind_seconds(settings))
        self.rewind.setToolTip(self.tr("How far the audio player jumps back every time it resumes, "
                                       "so the last words are heard again (0: not at all)"))
        form.addRow(self.tr("Rewind on resume:"), self.rewind)

    def _browse(self) -> None:
        start = self.export_folder.text() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Default export folder"), start)
        if folder:
            self.export_folder.setText(folder)

    def save(self) -> None:
        """Write the choices to the settings."""
        self.settings.setValue("export/default_folder", self.export_folder.text().strip())
        for lang, edit in self.markers.items():
            text = edit.text().strip()
            self.settings.setValue(f"gaps/marker_{lang}", "" if text == MARKERS[lang] else text)
        self.settings.setValue("player/rewind_seconds", self.rewind.value())


class AppearancePage(QWidget):
    """Light, dark or the system's; a font family and size for each language's pane."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appearance_page")
        self.settings = settings
        form = QFormLayout(self)
        self.appearance = QComboBox(self)
        self.appearance.setObjectName("appearance")
        for key, text in (("system", self.tr("Follow the system")), ("light", self.tr("Light")),
                          ("dark", self.tr("Dark"))):
            self.appearance.addItem(text, key)
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(appearance(settings))))
        form.addRow(self.tr("Appearance:"), self.appearance)
        self.families: dict[str, QComboBox] = {}
        self.sizes: dict[str, QDoubleSpinBox] = {}
        for lang, label in (("en", self.tr("English text:")), ("ja", self.tr("日本語 text:"))):
            family, size = font_choice(settings, lang)
            combo = QComboBox(self)
            combo.setObjectName(f"font_{lang}")
            combo.addItem(self.tr("(the UI font)"), "")
            system = QFontDatabase.WritingSystem.Japanese if lang == "ja" else QFontDatabase.WritingSystem.Latin
            for name in QFontDatabase.families(system):
                combo.addItem(name, name)
            if family and combo.findData(family) < 0:
                combo.addItem(family, family)  # a font not installed here any more: keep the choice
            combo.setCurrentIndex(max(0, combo.findData(family or "")))
            spin = QDoubleSpinBox(self)
            spin.setObjectName(f"font_size_{lang}")
            spin.setRange(0, 40)
            spin.setSpecialValueText(self.tr("as zoomed"))
            spin.setSuffix(self.tr(" pt"))
            spin.setValue(size or 0)
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance(spin.specialValueText()) + 44)
            row = QHBoxLayout()
            row.addWidget(combo, 1)
            row.addWidget(spin)
            form.addRow(label, row)
            self.families[lang] = combo
            self.sizes[lang] = spin

    def save(self) -> None:
        """Write the choices to the settings."""
        self.settings.setValue("ui/appearance", self.appearance.currentData())
        for lang in ("en", "ja"):
            combo = self.families[lang]
            family = str(combo.currentData() or "")
            self.settings.setValue(f"fonts/{lang}_family", family)
            self.settings.setValue(f"fonts/{lang}_size", self.sizes[lang].value())
