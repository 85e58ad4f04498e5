"""The Settings dialog: the interface language (the system's, English or German)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hamstring_viewer import i18n
from hamstring_viewer.i18n import translate

#: where the choice is kept: "system" (follow the system's language) or a language code
LANGUAGE_KEY = "interface/language"
SYSTEM = "system"


def saved_language(settings: QSettings) -> str:
    """The choice saved in Settings: "system" or a language code."""
    value = settings.value(LANGUAGE_KEY, SYSTEM)
    return value if isinstance(value, str) and (value in i18n.LANGUAGES) else SYSTEM


def start_language(settings: QSettings) -> str:
    """The language to start in (the saved choice, else the system's)."""
    saved = saved_language(settings)
    return i18n.chosen_language(None if saved == SYSTEM else saved)


class SettingsDialog(QDialog):
    """Choose the language; the choice is saved when the dialog is accepted."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("settingsDialog")
        self.setWindowTitle(translate("Settings", "Settings"))
        self._before = i18n.language()
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("languageBox")
        system_name = i18n.LANGUAGES[i18n.system_language()]
        self.language_box.addItem(
            translate("Settings", "System language ({language})").format(language=system_name),
            SYSTEM,
        )
        for code, name in i18n.LANGUAGES.items():
            self.language_box.addItem(name, code)  # (each language in its own words)
        saved = saved_language(settings)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(saved)))
        form = QFormLayout()
        label = QLabel(translate("Settings", "&Language:"), self)
        label.setBuddy(self.language_box)
        form.addRow(label, self.language_box)
        note = QLabel(
            translate(
                "Settings",
                "Names, key facts, self-care, warning signs and handouts are shown in the "
                "chosen language; longer texts that are not translated yet stay in English.",
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.setValue(LANGUAGE_KEY, self.language_box.currentData())
        self.settings.sync()
        super().accept()

    def chosen_language(self) -> str:
        """The language the choice means now (the system's for "System language")."""
        choice = self.language_box.currentData()
        return str(choice) if choice in i18n.LANGUAGES else i18n.system_language()

    def language_changed(self) -> bool:
        """Whether the chosen language differs from the one the window speaks."""
        return self.chosen_language() != self._before


__all__ = ["LANGUAGE_KEY", "SettingsDialog", "saved_language", "start_language"]
