"""Settings page entry "About this installation": version, build (pip or app bundle), data folder.

Reads ``assistant.buildinfo.build_info`` (the same facts ``deskmate doctor`` prints).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QWidget

from assistant.buildinfo import build_info


def _tr(text: str) -> str:
    return QCoreApplication.translate("About", text)


class AboutBox(QGroupBox):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(_tr("About this installation"), parent)
        self.setObjectName("aboutInstallation")
        self.info = build_info(data_dir)
        form = QFormLayout(self)
        self.values: dict[str, QLabel] = {}
        for label, value in self.info.rows():
            field = QLabel(value)
            field.setObjectName(f"about_{label.replace(' ', '_')}")
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            self.values[label] = field
            form.addRow(_tr(label.capitalize()), field)
        open_data = QPushButton(_tr("Open data folder"))
        open_data.setObjectName("openDataFolder")
        open_data.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.info.data_dir))
        )
        form.addRow("", open_data)
