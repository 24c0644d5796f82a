"""Settings > Data folder: where everything is kept, "Change…" and "Reset to default".

The choice is recorded by ``assistant.data_location`` in a pointer file outside the data folder
and applied at the next start (data copied, checked, old folder kept for the user to delete).
Errors show under the folder, in the page's usual error place.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant import data_location as loc
from assistant.errors import DeskmateError
from assistant.paths import ENV_DATA_DIR
from ui.message_bar import error_text
from ui.worker import run_in_background

if TYPE_CHECKING:
    from assistant.data_location import Target


class DataFolderBox(QGroupBox):
    changed = Signal(object)  # the Target recorded
    failed = Signal(object)  # a DeskmateError shown under the folder

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Data folder"), parent)
        self.data_dir = data_dir
        form = QFormLayout(self)
        self.path = QLineEdit(str(data_dir))
        self.path.setReadOnly(True)
        self.path.setObjectName("dataFolder")
        self.change_button = QPushButton(self.tr("Change…"))
        self.change_button.setObjectName("dataFolderChange")
        self.reset_button = QPushButton(self.tr("Reset to default"))
        self.reset_button.setObjectName("dataFolderReset")
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.path, 1)
        line.addWidget(self.change_button)
        line.addWidget(self.reset_button)
        hint = QLabel(
            self.tr(
                "Runs, documents, settings, models and logs live here. A new folder takes effect "
                "at the next start: your data is copied there and checked, the models folder is "
                "moved (on another drive, the bundled models are rebuilt from the installed "
                "packages instead of copied), and the old folder is kept for you to delete. "
                "--data-dir and DESKMATE_DATA_DIR still win over this choice."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("settingHelp")
        self.status = QLabel()
        self.status.setObjectName("dataFolderStatus")
        self.status.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("settingError")
        self.error.setWordWrap(True)
        self.error.hide()
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 6)
        column.addLayout(line)  # "About this installation" below has the Open button
        column.addWidget(hint)
        column.addWidget(self.status)
        column.addWidget(self.error)
        form.addRow(self.tr("Folder"), cell)
        self.change_button.clicked.connect(self.choose)
        self.reset_button.clicked.connect(lambda: self.request(None))
        if os.environ.get(ENV_DATA_DIR):
            self.change_button.setEnabled(False)
            self.reset_button.setEnabled(False)
        self.refresh_status()

    # --- actions -----------------------------------------------------------------------------
    def choose(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for Deskmate's data"), str(self.data_dir.parent)
        )
        if name:
            self.request(name)

    def request(self, folder: str | None, *, use_existing: bool = False) -> None:
        """Record ``folder`` (None: the default) off the GUI thread; a folder holding Deskmate
        data is used as is only after the user agrees."""
        current = self.data_dir

        def record() -> Target:
            if folder is None:
                return loc.request_reset(current, use_existing=use_existing)
            return loc.request_change(folder, current, use_existing=use_existing)

        run_in_background(self, record, self._recorded, self._failed, name="data-folder")

    def _failed(self, exc: DeskmateError) -> None:
        if isinstance(exc, loc.FolderHoldsData) and self._ask_use_existing(exc):
            folder = None if exc.path == loc.default_data_dir() else str(exc.path)
            self.request(folder, use_existing=True)
            return
        self.error.setText(error_text(exc))
        self.error.show()
        self.failed.emit(exc)

    def _ask_use_existing(self, exc: loc.FolderHoldsData) -> bool:
        text = self.tr(
            "%1 already holds Deskmate data. Use that data as it is from the next start? "
            "Your current data stays where it is."
        ).replace("%1", str(exc.path))
        if exc.left_behind:
            text += " " + self.tr("It is an older copy left there by an earlier move.")
        answer = QMessageBox.question(self, self.tr("Use the existing data?"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _recorded(self, target: Target) -> None:
        self.error.hide()
        self.refresh_status()
        self.changed.emit(target)

    def refresh_status(self) -> None:
        self.status.setText(self.status_text(loc.describe(self.data_dir)))
        self.status.setVisible(bool(self.status.text()))

    def status_text(self, facts: dict[str, Any]) -> str:
        parts: list[str] = []
        if facts["source"] == "environment":
            parts.append(self.tr("Set by DESKMATE_DATA_DIR: unset it to choose the folder here."))
        pending = facts.get("pending")
        chosen = str(facts.get("pointed") or "")
        if pending:
            parts.append(
                self.tr("At the next start your data moves to %1.").replace("%1", pending["to"])
            )
        elif facts["source"] == "command line":
            parts.append(
                self.tr("Given with --data-dir; without it Deskmate uses %1.").replace("%1", chosen)
            )
        elif chosen and chosen != facts["data_dir"]:
            parts.append(self.tr("From the next start Deskmate uses %1.").replace("%1", chosen))
        if facts.get("moved_from") and facts["moved_from"] != facts["data_dir"]:
            parts.append(
                self.tr(
                    "Your data was moved here from %1. That folder is no longer used: delete it "
                    "once you have checked that everything is here."
                ).replace("%1", facts["moved_from"])
            )
        if facts.get("last_error"):
            parts.append(self.tr("The last move failed: %1").replace("%1", facts["last_error"]))
        return " ".join(parts)
