"""Settings page entry "About this installation": version, build (pip or app bundle), data folder.

Reads ``assistant.buildinfo.build_info`` (the same facts ``deskmate doctor`` prints). Every
visible string is a literal ``self.tr(...)``, so pyside6-lupdate extracts it for translation.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QWidget

from assistant.buildinfo import build_info


class AboutBox(QGroupBox):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("About this installation"))
        self.setObjectName("aboutInstallation")
        self.info = build_info(data_dir)
        titles = self.row_titles()
        values = {"build": self.build_label(), "start on login": self.on_off()}
        form = QFormLayout(self)
        self.values: dict[str, QLabel] = {}
        for label, value in self.info.rows():
            field = QLabel(values.get(label, value))
            field.setObjectName(f"about_{label.replace(' ', '_')}")
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            self.values[label] = field
            form.addRow(titles.get(label, label.capitalize()), field)
        open_data = QPushButton(self.tr("Open data folder"))
        open_data.setObjectName("openDataFolder")
        open_data.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.info.data_dir))
        )
        form.addRow("", open_data)

    def row_titles(self) -> dict[str, str]:
        """Titles of ``BuildInfo.rows()``, by their (English, untranslated) key."""
        return {
            "version": self.tr("Version"),
            "build": self.tr("Build"),
            "installed in": self.tr("Installed in"),
            "data folder": self.tr("Data folder"),
            "models": self.tr("Models"),
            "logs": self.tr("Logs"),
            "start on login": self.tr("Start on login"),
        }

    def build_label(self) -> str:
        labels = {
            "bundle": self.tr("app bundle (PyInstaller)"),
            "flatpak": self.tr("Flatpak"),
            "appimage": self.tr("AppImage"),
            "editable": self.tr("pip, editable (development checkout)"),
            "pip": self.tr("pip install"),
            "source": self.tr("source checkout (not installed)"),
        }
        return labels.get(self.info.kind, self.info.label)

    def on_off(self) -> str:
        return self.tr("on") if self.info.start_on_login else self.tr("off")
