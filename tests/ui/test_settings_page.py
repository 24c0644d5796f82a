"""Settings page: every setting the issue lists has an editor; models, hours, zone, data folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtGui import QKeySequence

from tests.assistant.models import ggufgen as g
from ui.pages.settings_page import SettingsPage

REQUIRED = (
    "model",
    "n_gpu_layers",
    "n_threads",
    "n_ctx",
    "embedding_model",
    "remote_url",
    "hotkey",
    "work_start",
    "work_end",
    "time_zone",
    "ui_language",
    "theme",
    "close_to_tray",
)


def _page(qtbot: Any, core: Any) -> SettingsPage:
    page = SettingsPage(core)
    qtbot.addWidget(page)
    page.show()
    return page


def test_every_listed_setting_has_an_editor(qtbot: Any, scripted_core: Any) -> None:
    from assistant.models.catalog import DEFAULT_EMBEDDING, DEFAULT_LLM, FAST_LLM

    page = _page(qtbot, scripted_core)
    assert set(REQUIRED) <= set(page.editors)
    model = page.editors["model"]
    ids = [model.itemData(i) for i in range(model.count())]  # type: ignore[attr-defined]
    assert DEFAULT_LLM in ids and FAST_LLM in ids and DEFAULT_EMBEDDING not in ids
    embedding = page.editors["embedding_model"]
    assert embedding.currentData() == DEFAULT_EMBEDDING  # type: ignore[attr-defined]
    assert page.data_folder.text() == str(scripted_core.data_dir)
    assert page.data_folder.isReadOnly()
    theme = page.editors["theme"]
    names = [theme.itemText(i) for i in range(theme.count())]  # type: ignore[attr-defined]
    assert names == ["System", "Light", "Dark"]


def test_pick_model_hours_zone_and_hotkey(qtbot: Any, scripted_core: Any) -> None:
    from assistant.models.catalog import FAST_LLM

    page = _page(qtbot, scripted_core)
    settings = scripted_core.settings
    changed: list[tuple[str, object]] = []
    page.changed.connect(lambda k, v: changed.append((k, v)))
    model: Any = page.editors["model"]
    model.setCurrentIndex(model.findData(FAST_LLM))
    model.activated.emit(model.currentIndex())
    assert settings.get("model") == FAST_LLM

    start: Any = page.editors["work_start"]
    start.setTime(QTime(8, 30))
    start.editingFinished.emit()
    assert settings.get("work_start") == "08:30"

    zone: Any = page.editors["time_zone"]
    zone.setCurrentIndex(zone.findData("Asia/Shanghai"))
    zone.activated.emit(zone.currentIndex())
    assert settings.get("time_zone") == "Asia/Shanghai"
    zone.setEditText("Mars/Olympus")
    zone.lineEdit().editingFinished.emit()
    assert settings.get("time_zone") == "Asia/Shanghai"
    assert page.errors["time_zone"].isVisibleTo(page)  # the core's typed error, inline

    hotkey: Any = page.editors["hotkey"]
    hotkey.setKeySequence(QKeySequence("Ctrl+Shift+K"))
    hotkey.editingFinished.emit()
    assert settings.get("hotkey") == "Ctrl+Shift+K"
    assert [k for k, _ in changed] == ["model", "work_start", "time_zone", "hotkey"]


def test_add_gguf_file_registers_and_selects_it(
    qtbot: Any, scripted_core: Any, tmp_path: Path
) -> None:
    gguf = tmp_path / "my-tiny.gguf"
    gguf.write_bytes(g.tiny_model("My Tiny"))
    page = _page(qtbot, scripted_core)
    with qtbot.waitSignal(page.changed, timeout=10_000) as changed:
        page.add_model_file(str(gguf))  # what the "Add GGUF file…" dialog does
    assert changed.args[0] == "model"
    model_id = scripted_core.settings.get("model")
    assert model_id == changed.args[1] and model_id.startswith("my-tiny")
    combo: Any = page.editors["model"]
    assert combo.currentData() == model_id and "My Tiny" in combo.currentText()


def test_add_broken_gguf_shows_typed_error(qtbot: Any, scripted_core: Any, tmp_path: Path) -> None:
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"not a model at all")
    page = _page(qtbot, scripted_core)
    before = scripted_core.settings.get("model")
    page.add_model_file(str(junk))
    qtbot.waitUntil(lambda: page.errors["model"].isVisibleTo(page), timeout=10_000)
    assert "GGUF" in page.errors["model"].text()
    assert scripted_core.settings.get("model") == before


def test_data_folder_change_reset_and_errors(
    qtbot: Any, scripted_core: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from assistant import data_location as loc
    from assistant.store import Store
    from tests.assistant.test_data_location import unwritable_folder
    from ui.pages.data_folder_box import DataFolderBox

    monkeypatch.setenv(loc.ENV_CONFIG_DIR, str(tmp_path / "config"))  # never the real home
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.delenv("DESKMATE_DATA_DIR")
    page = _page(qtbot, scripted_core)
    box = page.data_folder_box
    assert box.change_button.isEnabled() and box.reset_button.isEnabled()
    picked: list[Path] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(picked[-1]))

    picked.append(tmp_path / "new-home")
    with qtbot.waitSignal(box.changed, timeout=30_000):
        box.change_button.click()
    assert loc.read_pointer()["pending"]["to"] == str(tmp_path / "new-home")
    assert str(tmp_path / "new-home") in box.status.text()

    picked.append(unwritable_folder(tmp_path))
    with qtbot.waitSignal(box.failed, timeout=30_000):
        box.change_button.click()
    assert page.errors["data_folder"].isVisibleTo(page)
    assert "cannot write" in page.errors["data_folder"].text()

    other = tmp_path / "other"
    Store(other).close()  # already holds Deskmate data: offered to be used as is
    asked: list[str] = []

    def yes(_parent: Any, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    picked.append(other)
    with qtbot.waitSignal(box.changed, timeout=30_000):
        box.change_button.click()
    assert str(other) in asked[0]
    pointer = loc.read_pointer()
    assert pointer["data_dir"] == str(other) and pointer["pending"] is None
    assert not page.errors["data_folder"].isVisibleTo(page)

    with qtbot.waitSignal(box.changed, timeout=30_000):
        box.reset_button.click()
    assert loc.read_pointer()["pending"]["to"] == str(loc.default_data_dir())

    monkeypatch.setenv("DESKMATE_DATA_DIR", str(scripted_core.data_dir))
    fixed = DataFolderBox(scripted_core.data_dir)
    qtbot.addWidget(fixed)
    assert not fixed.change_button.isEnabled() and "DESKMATE_DATA_DIR" in fixed.status.text()
