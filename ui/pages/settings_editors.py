"""Editors for the settings that deserve more than a text field: the model (catalog, added
files, "Add GGUF file…"), the embedding model, the time zone, working hours, the hotkey; plus
readable labels and choice names for every setting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QKeySequenceEdit,
    QPushButton,
    QTimeEdit,
    QWidget,
)

from assistant.errors import DeskmateError
from ui.worker import run_in_background

if TYPE_CHECKING:
    from assistant.settings.keys import SettingKey

Reset = Callable[[object], None]


class EditorHost(Protocol):
    """What an editor may ask of the page it sits on (the settings page)."""

    @property
    def data_dir(self) -> Path: ...

    def parent_widget(self) -> QWidget: ...  # dialogs and background work hang on it

    def stored(self, key: SettingKey) -> object: ...

    def save(self, key: SettingKey, raw: object) -> bool: ...

    def show_error(self, key: str, exc: DeskmateError) -> None: ...


@dataclass(frozen=True)
class Editor:
    """A made editor: the widget that holds the value, the row shown (it may add buttons),
    how to show a stored value again, and how to add a file (the model row's "Add GGUF")."""

    editor: QWidget
    cell: QWidget
    reset: Reset
    add_file: Callable[[str], None] | None = None


def _tr(text: str) -> str:
    return QCoreApplication.translate("Settings", text)


def _page(text: str) -> str:
    return QCoreApplication.translate("SettingsPage", text)


# English choice names (translated in the "Settings" context); setting labels are in the schema
CHOICES = {
    "system": "System",
    "light": "Light",
    "dark": "Dark",
    "en": "English",
    "zh_CN": "简体中文 (Chinese)",
    "auto": "Automatic",
    "cpu": "CPU",
    "cuda": "CUDA (NVIDIA)",
    "mps": "Metal (Apple)",
    "brief": "Brief",
    "standard": "Standard",
    "detailed": "Detailed",
    "formal": "Formal",
    "friendly": "Friendly",
}


def label(key: str) -> str:
    from assistant.settings.schema import by_key

    return _tr(by_key(key).label)


def choice_label(choice: str) -> str:
    return _tr(CHOICES.get(choice, choice))


def row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget, 1 if widget is widgets[0] else 0)
    return box


# --- models ----------------------------------------------------------------------------------
def _fill_models(combo: QComboBox, data_dir: Path, kind: str, current: str) -> None:
    from assistant.models.registry import list_models

    combo.blockSignals(True)
    combo.clear()
    try:
        models = [m for m in list_models(data_dir) if m.kind == kind]
    except DeskmateError:
        models = []
    for m in models:
        state = "" if m.state in ("verified", "assembled", "installed") else f" ({m.state})"
        combo.addItem(f"{m.name}{state}", m.id)
    index = combo.findData(current)
    if index < 0 and current:
        combo.addItem(current, current)
        index = combo.count() - 1
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)


def model_editor(host: EditorHost, key: SettingKey, value: object) -> Editor:
    """Catalog and added models in a list, and "Add GGUF file…" (hashed in the background)."""
    data_dir = host.data_dir
    combo = QComboBox()
    combo.setObjectName("modelChoice")
    _fill_models(combo, data_dir, "llm", str(value))
    combo.activated.connect(lambda i: host.save(key, combo.itemData(i)))
    add = QPushButton(_page("Add GGUF file…"))
    add.setObjectName("addModel")

    def added(model: object) -> None:
        model_id = str(getattr(model, "id", ""))
        _fill_models(combo, data_dir, "llm", model_id)
        add.setEnabled(True)
        host.save(key, model_id)

    def failed(exc: DeskmateError) -> None:
        add.setEnabled(True)
        host.show_error(key, exc)

    def add_file(path: str) -> None:
        from assistant.models.registry import add_model

        add.setEnabled(False)
        run_in_background(
            host.parent_widget(), lambda: add_model(data_dir, Path(path)), added, failed, "add"
        )

    def browse() -> None:
        name, _ = QFileDialog.getOpenFileName(
            host.parent_widget(), _page("Add a GGUF model"), "", _page("GGUF models (*.gguf)")
        )
        if name:
            add_file(name)

    def reset(v: object) -> None:
        _fill_models(combo, data_dir, "llm", str(v))

    add.clicked.connect(browse)
    return Editor(combo, row(combo, add), reset, add_file)


def embedding_editor(host: EditorHost, key: SettingKey, value: object) -> Editor:
    """The bundled embedding model, or a local sentence-transformers folder."""
    data_dir = host.data_dir
    combo = QComboBox()
    _fill_models(combo, data_dir, "embedding", str(value))
    combo.activated.connect(lambda i: host.save(key, combo.itemData(i)))
    browse = QPushButton(_page("Folder…"))

    def pick() -> None:
        name = QFileDialog.getExistingDirectory(host.parent_widget(), _page("Choose a folder"))
        if name and host.save(key, name):
            _fill_models(combo, data_dir, "embedding", name)

    browse.clicked.connect(pick)
    return Editor(
        combo, row(combo, browse), lambda v: _fill_models(combo, data_dir, "embedding", str(v))
    )


# --- calendar and desktop --------------------------------------------------------------------
def zone_editor(host: EditorHost, key: SettingKey, value: object) -> Editor:
    from zoneinfo import available_timezones

    combo = QComboBox()
    combo.setEditable(True)
    combo.addItem(_page("System time zone"), "")
    for name in sorted(available_timezones()):
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "posix/", "right/")):
            combo.addItem(name, name)
    combo.addItem("UTC", "UTC")

    def reset(v: object) -> None:
        index = combo.findData(str(v))
        if index >= 0:
            combo.setCurrentIndex(index)
        else:
            combo.setEditText(str(v))

    def save() -> None:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        from assistant.errors import UserError

        text = combo.currentText().strip()
        index = combo.findText(text)
        value = str(combo.itemData(index)) if index >= 0 else text
        try:
            if value:
                ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            host.show_error(key, UserError(_page("unknown time zone: %1").replace("%1", value)))
            reset(host.stored(key))
            return
        host.save(key, value)

    reset(value)
    combo.activated.connect(lambda _: save())
    line = combo.lineEdit()
    if line is not None:
        line.editingFinished.connect(save)
    return Editor(combo, combo, reset)


def time_editor(host: EditorHost, key: SettingKey, value: object) -> Editor:
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")

    def reset(v: object) -> None:
        parsed = QTime.fromString(str(v), "HH:mm")
        edit.setTime(parsed if parsed.isValid() else QTime(9, 0))

    reset(value)
    edit.editingFinished.connect(lambda: host.save(key, edit.time().toString("HH:mm")))
    return Editor(edit, edit, reset)


def hotkey_editor(host: EditorHost, key: SettingKey, value: object) -> Editor:
    edit = QKeySequenceEdit(QKeySequence(str(value)))
    edit.setMaximumSequenceLength(1)

    def save() -> None:
        text = edit.keySequence().toString(QKeySequence.SequenceFormat.PortableText)
        if text:
            host.save(key, text)

    edit.editingFinished.connect(save)
    return Editor(edit, edit, lambda v: edit.setKeySequence(QKeySequence(str(v))))


SPECIAL: dict[str, Callable[[EditorHost, SettingKey, object], Editor]] = {
    "model": model_editor,
    "embedding_model": embedding_editor,
    "time_zone": zone_editor,
    "work_start": time_editor,
    "work_end": time_editor,
    "hotkey": hotkey_editor,
}
