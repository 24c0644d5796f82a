"""The custom actions editor: list, add, edit, delete, reorder, import and export.

Every change is saved to the store at once (Save for the form); a bad form or file shows its
typed error in red under the form and changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import DeskmateError, EnvironmentProblem
from assistant.lang import LANGUAGES
from assistant.writing.actions import MAX_NAME, MODES, CustomAction, export_json, read_file

if TYPE_CHECKING:
    from assistant.core import Core


class ActionsDialog(QDialog):
    """Edits ``core.store``'s custom actions; ``changed`` after every saved change."""

    changed = Signal()

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.editing: str | None = None  # the stored name of the action in the form
        self.setWindowTitle(self.tr("Custom actions"))
        self.setWindowIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        )
        self.resize(760, 460)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show_row)
        self.empty = QLabel(
            self.tr(
                "No custom actions yet.\n\nPress New (Ctrl+N) to write one, for example "
                "“Make this a polite reminder”, or Import a file (Ctrl+I)."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.left = QStackedWidget()
        self.left.addWidget(self.list)
        self.left.addWidget(self.empty)
        self.left.setMinimumWidth(230)
        layout = QVBoxLayout(self)
        body = QHBoxLayout()
        side = QVBoxLayout()
        side.addWidget(self.left, 1)
        side.addLayout(self._list_buttons())
        body.addLayout(side, 2)
        body.addLayout(self._form(), 3)
        layout.addLayout(body, 1)
        layout.addLayout(self._bottom_buttons())
        self.reload()

    # --- layout ------------------------------------------------------------------------------
    def _button(self, text: str, icon: QStyle.StandardPixmap, keys: str, tip: str) -> QPushButton:
        button = QPushButton(self.style().standardIcon(icon), text)
        button.setShortcut(QKeySequence(keys))
        button.setToolTip(
            f"{tip} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})"
        )
        return button

    def _list_buttons(self) -> QHBoxLayout:
        pix = QStyle.StandardPixmap
        self.new_button = self._button(
            self.tr("New"), pix.SP_FileIcon, "Ctrl+N", self.tr("A new action")
        )
        self.up_button = self._button("", pix.SP_ArrowUp, "Alt+Up", self.tr("Move up"))
        self.down_button = self._button("", pix.SP_ArrowDown, "Alt+Down", self.tr("Move down"))
        self.delete_button = self._button(
            self.tr("Delete"), pix.SP_TrashIcon, "Ctrl+Delete", self.tr("Delete this action")
        )
        self.new_button.clicked.connect(self.new_action)
        self.up_button.clicked.connect(lambda: self.move_by(-1))
        self.down_button.clicked.connect(lambda: self.move_by(1))
        self.delete_button.clicked.connect(self.delete_current)
        row = QHBoxLayout()
        for button in (self.new_button, self.up_button, self.down_button, self.delete_button):
            row.addWidget(button)
        return row

    def _form(self) -> QVBoxLayout:
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setPlaceholderText(self.tr("e.g. Make this a polite reminder"))
        self.instruction_edit = QPlainTextEdit()
        self.instruction_edit.setPlaceholderText(
            self.tr("What to do with the selected text, e.g. “提取待办事项，每项一行”.")
        )
        self.language_box = QComboBox()
        self.language_box.addItem(self.tr("The text's own language"), "")
        for code, (english, native) in LANGUAGES.items():
            self.language_box.addItem(
                f"{native} ({english})" if native != english else english, code
            )
        self.mode_box = QComboBox()
        self.mode_box.addItem(self.tr("A new text (free instruction)"), "")
        for mode in MODES:
            self.mode_box.addItem(self.tr("Rewrite: %1").replace("%1", mode), mode)
        self.mode_box.setToolTip(
            self.tr("A rewrite keeps the text's language and shows the changes to accept")
        )
        self.error_label = QLabel()
        self.error_label.setObjectName("actionError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.hide()
        self.save_button = self._button(
            self.tr("Save"),
            QStyle.StandardPixmap.SP_DialogSaveButton,
            "Ctrl+S",
            self.tr("Save this action"),
        )
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_current)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Instruction:"), self.instruction_edit)
        form.addRow(self.tr("&Answer in:"), self.language_box)
        form.addRow(self.tr("&Kind:"), self.mode_box)
        column = QVBoxLayout()
        column.addLayout(form, 1)
        column.addWidget(self.error_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        column.addLayout(row)
        return column

    def _bottom_buttons(self) -> QHBoxLayout:
        pix = QStyle.StandardPixmap
        self.import_button = self._button(
            self.tr("Import…"),
            pix.SP_DialogOpenButton,
            "Ctrl+I",
            self.tr("Add the actions of a JSON file"),
        )
        self.export_button = self._button(
            self.tr("Export…"),
            pix.SP_DriveFDIcon,
            "Ctrl+E",
            self.tr("Save every action to a JSON file"),
        )
        self.close_button = QPushButton(self.tr("Close"))
        self.import_button.clicked.connect(self.choose_import)
        self.export_button.clicked.connect(self.choose_export)
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        return row

    # --- state -------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        """Refill the list from the store, selecting ``select`` (or the first action)."""
        self.stored = self.core.store.list_actions()
        self.list.blockSignals(True)
        self.list.clear()
        for number, action in enumerate(self.stored, 1):
            self.list.addItem(f"{number}. {action.name}" if number <= 9 else action.name)
        self.list.blockSignals(False)
        self.left.setCurrentWidget(self.list if self.stored else self.empty)
        names = [a.name.casefold() for a in self.stored]
        wanted = names.index(select.casefold()) if select and select.casefold() in names else 0
        if self.stored:
            self.list.setCurrentRow(wanted)
            self._show_row(wanted)
        else:
            self.new_action()
        for button in (self.up_button, self.down_button, self.delete_button):
            button.setEnabled(bool(self.stored))

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.stored):
            return
        action = self.stored[row]
        self.editing = action.name
        self._fill(action)

    def _fill(self, action: CustomAction) -> None:
        self.name_edit.setText(action.name)
        self.instruction_edit.setPlainText(action.instruction)
        self.language_box.setCurrentIndex(
            max(0, self.language_box.findData(action.target_language))
        )
        self.mode_box.setCurrentIndex(max(0, self.mode_box.findData(action.mode)))
        self.show_error(None)

    def form_action(self) -> CustomAction:
        return CustomAction(
            self.name_edit.text(),
            self.instruction_edit.toPlainText(),
            str(self.language_box.currentData()),
            str(self.mode_box.currentData()),
        )

    def show_error(self, error: DeskmateError | None) -> None:
        if error is None:
            self.error_label.hide()
            return
        hint = f"\n{error.hint}" if error.hint else ""
        self.error_label.setText(f"{error.message}{hint}")
        self.error_label.show()

    # --- commands ----------------------------------------------------------------------------
    def new_action(self) -> None:
        self.editing = None
        self.list.clearSelection()
        self._fill(CustomAction("", ""))
        self.name_edit.setFocus()

    def save_current(self) -> None:
        action = self.form_action()
        store = self.core.store
        try:
            if self.editing is None:
                if action.name.strip().casefold() in [a.name.casefold() for a in self.stored]:
                    from assistant.writing.actions import ActionError

                    raise ActionError(f"there is already an action named {action.name.strip()!r}")
                store.save_action(action)
            else:
                store.update_action(self.editing, action)
        except DeskmateError as exc:
            self.show_error(exc)
            return
        self.reload(select=action.name.strip())
        self.changed.emit()

    def delete_current(self) -> None:
        if self.editing is None:
            return
        row = self.list.currentRow()
        self.core.store.delete_action(self.editing)
        remaining = [a.name for a in self.stored if a.name != self.editing]
        self.reload(select=remaining[min(row, len(remaining) - 1)] if remaining else None)
        self.changed.emit()

    def move_by(self, step: int) -> None:
        row = self.list.currentRow()
        if self.editing is None or not 0 <= row + step < len(self.stored):
            return
        names = [a.name for a in self.stored]
        names[row], names[row + step] = names[row + step], names[row]
        self.core.store.order_actions(names)
        self.reload(select=self.editing)
        self.changed.emit()

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import actions"), "", self.tr("Actions (*.json);;All files (*)")
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Add the file's actions (all or none); the error is shown under the form."""
        try:
            actions = read_file(path)
            self.core.store.import_actions(actions)
        except DeskmateError as exc:
            self.show_error(exc)
            return
        self.reload(select=actions[0].name if actions else None)
        self.changed.emit()

    def choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export actions"), "deskmate-actions.json", self.tr("Actions (*.json)")
        )
        if name:
            self.export_file(Path(name))

    def export_file(self, path: Path) -> None:
        try:
            path.write_text(export_json(self.core.store.list_actions()), encoding="utf-8")
        except OSError as exc:
            self.show_error(EnvironmentProblem(f"cannot write {path}: {exc.strerror or exc}"))
