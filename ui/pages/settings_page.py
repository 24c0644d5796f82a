"""Settings page, built from ``assistant.settings.SCHEMA``: one editor per kind, grouped by section.

Each edit is saved at once through ``core.settings.set``; a rejected value shows its error under
the editor (inline) and the editor goes back to the stored value.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import DeskmateError
from assistant.settings import SCHEMA, Setting
from ui.message_bar import error_text
from ui.pages.settings_editors import SPECIAL, choice_label, label, row

if TYPE_CHECKING:
    from assistant.core import Core
    from assistant.settings.keys import SettingKey

INT_MAX = 2_147_483_647


def _tr(text: str) -> str:
    return QCoreApplication.translate("Settings", text)


class SettingsPage(QWidget):
    changed = Signal(str, object)  # key, new value
    error = Signal(object)

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.setObjectName("page_settings")
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._reset: dict[str, Callable[[object], None]] = {}
        self.add_model_file: Callable[[str], None] = lambda _path: None  # the model row's
        outer = QVBoxLayout(self)
        title = self.tr("Settings")
        outer.addWidget(QLabel(f"<h2>{title}</h2>"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        column = QVBoxLayout(body)
        groups: dict[str, QFormLayout] = {}
        for setting in SCHEMA:
            if setting.section not in groups:
                box = QGroupBox(_tr(setting.section))
                groups[setting.section] = QFormLayout(box)
                column.addWidget(box)
            self._add_row(groups[setting.section], setting)
        from ui.pages.mail_accounts_box import MailAccountsBox

        self.mail_accounts = MailAccountsBox(core)
        column.addWidget(self.mail_accounts)
        from ui.pages.calendars_box import CalendarsBox

        self.calendars = CalendarsBox(core)
        column.addWidget(self.calendars)
        column.addWidget(self._data_folder_box())
        from ui.about_box import AboutBox

        column.addWidget(AboutBox(core.data_dir))  # version, build, where data lives
        column.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

    # --- rows --------------------------------------------------------------------------------
    def _add_row(self, form: QFormLayout, setting: Setting) -> None:
        value = "" if setting.secret else self.core.settings.get(setting.key)
        editor = self._editor(setting, value)
        editor.setObjectName(f"setting_{setting.key}")
        help_text = _tr(setting.description)
        editor.setToolTip(help_text)
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 6)
        box.addWidget(editor)
        hint = QLabel(help_text)
        hint.setWordWrap(True)
        hint.setObjectName("settingHelp")
        box.addWidget(hint)
        err = QLabel()
        err.setObjectName("settingError")
        err.setWordWrap(True)
        err.hide()
        box.addWidget(err)
        self.errors[setting.key] = err
        form.addRow(label(setting.key), cell)

    def _data_folder_box(self) -> QGroupBox:
        """Where everything is kept: shown, changeable (applied at the next start)."""
        from ui.pages.data_folder_box import DataFolderBox

        box = DataFolderBox(self.core.data_dir)
        self.data_folder_box = box
        self.data_folder = box.path
        self.errors["data_folder"] = box.error
        return box

    # --- what the special editors may ask (settings_editors.EditorHost) --------------------------
    @property
    def data_dir(self) -> Path:
        return Path(self.core.data_dir)

    def parent_widget(self) -> QWidget:
        return self

    def stored(self, key: SettingKey) -> object:
        return self.core.settings.get(key)

    def show_error(self, key: str, exc: DeskmateError) -> None:
        self.errors[key].setText(error_text(exc))
        self.errors[key].show()

    def _editor(self, s: Setting, value: object) -> QWidget:
        key = s.key
        special = SPECIAL.get(key)
        if special is not None:
            made = special(self, key, value)
            self.editors[key] = made.editor
            self._reset[key] = made.reset
            if made.add_file is not None:
                self.add_model_file = made.add_file
            return made.cell
        if s.kind == "bool":
            check = QCheckBox()
            check.setChecked(bool(value))
            check.toggled.connect(lambda v: self.save(key, v))
            self._reset[key] = lambda v: check.setChecked(bool(v))
            self.editors[key] = check
            return check
        if s.kind in ("int", "int_or_auto"):
            spin = QSpinBox()
            spin.setRange(int(s.minimum or 0), int(s.maximum if s.maximum is not None else INT_MAX))
            if s.kind == "int":
                spin.setValue(int(str(value)))
                spin.editingFinished.connect(lambda: self.save(key, spin.value()))
                self._reset[key] = lambda v: spin.setValue(int(str(v)))
                self.editors[key] = spin
                return spin
            auto = QCheckBox(self.tr("auto"))
            auto.setObjectName(f"setting_{key}_auto")
            is_auto = value == "auto"
            auto.setChecked(is_auto)
            spin.setEnabled(not is_auto)
            if not is_auto:
                spin.setValue(int(str(value)))

            def save_auto() -> None:
                spin.setEnabled(not auto.isChecked())
                self.save(key, "auto" if auto.isChecked() else spin.value())

            def reset_auto(v: object) -> None:
                auto.blockSignals(True)
                auto.setChecked(v == "auto")
                auto.blockSignals(False)
                spin.setEnabled(v != "auto")
                if v != "auto":
                    spin.setValue(int(str(v)))

            auto.toggled.connect(save_auto)
            spin.editingFinished.connect(save_auto)
            self._reset[key] = reset_auto
            self.editors[key] = spin
            self.editors[f"{key}:auto"] = auto
            return row(spin, auto)
        if s.kind == "float":
            dspin = QDoubleSpinBox()
            dspin.setDecimals(2)
            dspin.setSingleStep(0.1)
            dspin.setRange(s.minimum or 0.0, s.maximum if s.maximum is not None else 1e9)
            dspin.setValue(float(str(value)))
            dspin.editingFinished.connect(lambda: self.save(key, dspin.value()))
            self._reset[key] = lambda v: dspin.setValue(float(str(v)))
            self.editors[key] = dspin
            return dspin
        if s.kind == "choice":
            combo = QComboBox()
            for choice in s.choices:
                combo.addItem(choice_label(choice), choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.activated.connect(lambda i: self.save(key, combo.itemData(i)))
            self._reset[key] = lambda v: combo.setCurrentIndex(max(0, combo.findData(v)))
            self.editors[key] = combo
            return combo
        line = QLineEdit(str(value))
        if s.secret:
            line.setEchoMode(QLineEdit.EchoMode.Password)
            line.setPlaceholderText(self.tr("kept in the OS keyring"))
        line.editingFinished.connect(lambda: self.save(key, line.text()))
        self._reset[key] = lambda v: line.setText("" if s.secret else str(v))
        self.editors[key] = line
        if s.kind == "path":
            browse = QPushButton(self.tr("Browse…"))
            browse.clicked.connect(lambda: self._browse(line))
            return row(line, browse)
        return line

    def _browse(self, line: QLineEdit) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), line.text())
        if name:
            line.setText(name)
            line.editingFinished.emit()

    # --- saving ------------------------------------------------------------------------------
    def save(self, key: SettingKey, raw: object) -> bool:
        """Validate and persist one value; show the error inline on failure."""
        err = self.errors[key]
        try:
            old = None if key == "remote_api_key" else self.core.settings.get(key)
            value = self.core.settings.set(key, raw)
        except DeskmateError as exc:
            err.setText(error_text(exc))
            err.show()
            reset = self._reset.get(key)
            if reset is not None and key != "remote_api_key":
                reset(self.core.settings.get(key))
            return False
        err.hide()
        if value != old:
            self.changed.emit(key, value)
        return True
