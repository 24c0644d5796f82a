"""First start without the model file: assemble it with a progress dialog, or explain what to do.
Plus the Settings entry "About this installation" and the start-on-login hook of the app."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressDialog

from assistant.models.catalog import CatalogEntry
from ui import first_run

# the offscreen platform warns it cannot propagate a dialog's size hints
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def core(data_dir: Path) -> Iterator[Any]:
    """A real Core on the temp data dir; nothing here loads a model."""
    from assistant.core import Core

    instance = Core(data_dir)
    yield instance
    instance.close()


@pytest.fixture
def window(qtbot: Any, core: Any) -> Any:
    from ui.main_window import MainWindow

    win = MainWindow(core)
    qtbot.addWidget(win)
    loads: list[bool] = []
    win.load_model_status = lambda: loads.append(True)  # type: ignore[method-assign]
    win.loads = loads
    yield win
    win.shutdown()


def _chunk_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, installed: bool) -> Any:
    """A small catalog entry whose two chunk packages are importable (or not)."""
    blob = bytes(range(256)) * 4096  # 1 MiB
    names = ("dm_first_run_part1", "dm_first_run_part2")
    if installed:
        for index, (name, chunk) in enumerate(
            zip(names, (blob[:300_000], blob[300_000:]), strict=True), 1
        ):
            pkg = tmp_path / "site" / name
            (pkg / "data").mkdir(parents=True)
            (pkg / "__init__.py").write_text("")
            (pkg / "data" / f"part{index:02d}.bin").write_bytes(chunk)
        monkeypatch.syspath_prepend(str(tmp_path / "site"))
    entry = CatalogEntry(
        id="first-run-test",
        name="First-run test file",
        kind="llm",
        file_name="first-run-test.gguf",
        size=len(blob),
        sha256=hashlib.sha256(blob).hexdigest(),
        license="MIT",
        upstream="https://example.org/first-run-test (first-run-test.gguf)",
        packages=names,
    )
    monkeypatch.setattr(first_run, "get_entry", lambda model_id: entry)
    return entry


def test_nothing_to_do_for_a_user_model_or_a_server(core: Any) -> None:
    core.settings.set("model", "/somewhere/mine.gguf")
    assert first_run.first_run_action(core) == ("none", None)
    core.settings.set("remote_url", "http://127.0.0.1:8080/v1")
    assert first_run.first_run_action(core)[0] == "none"


def test_installed_chunks_are_assembled_with_a_progress_dialog(
    qtbot: Any, core: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = _chunk_entry(tmp_path, monkeypatch, installed=True)
    run = first_run.FirstRun(core, window)
    assert run.action == "assemble" and window.autoload_model is False
    window.show()
    run.start()
    assert isinstance(run.dialog, QProgressDialog) and run.dialog.isVisible()
    qtbot.waitUntil(lambda: window.loads == [True], timeout=30_000)
    assert run.dialog is None
    target = core.data_dir / "models" / entry.file_name
    assert hashlib.sha256(target.read_bytes()).hexdigest() == entry.sha256
    assert first_run.first_run_action(core) == ("none", None)  # the next start skips it


def test_without_packages_the_app_says_what_to_do(
    qtbot: Any, core: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _chunk_entry(tmp_path, monkeypatch, installed=False)
    run = first_run.FirstRun(core, window)
    assert run.action == "missing"
    window.show()
    run.start()
    box = run.dialog
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert "deskmate models add PATH" in box.informativeText()
    assert "https://example.org/first-run-test" in box.informativeText()
    later = next(b for b in box.buttons() if b.text() == "Later")
    later.click()
    qtbot.waitUntil(lambda: window.loads == [True])  # then the window loads (and reports)


def test_settings_page_shows_the_build_and_the_data_folder(qtbot: Any, core: Any) -> None:
    from assistant import __version__
    from ui.pages.settings_page import SettingsPage

    page = SettingsPage(core)
    qtbot.addWidget(page)
    assert page.findChild(QLabel, "about_version").text() == __version__
    assert page.findChild(QLabel, "about_data_folder").text() == str(core.data_dir)
    assert "pip" in page.findChild(QLabel, "about_build").text()


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG branch runs on Linux")
def test_toggling_the_setting_in_the_app_writes_the_autostart_entry(
    qtbot: Any, core: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.app import DeskmateApp

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.delenv("FLATPAK_ID", raising=False)
    monkeypatch.delenv("APPIMAGE", raising=False)
    app = DeskmateApp(core, tray=False, hotkey=False)
    app.window.autoload_model = False
    qtbot.addWidget(app.window)
    entry = tmp_path / "cfg" / "autostart" / "io.github.deskmate.Deskmate.desktop"
    try:
        app.window.settings_page.editors["start_on_login"].click()  # the checkbox
        assert core.settings.get_bool("start_on_login") is True
        assert entry.is_file() and "gui" in entry.read_text()
        app.window.settings_page.editors["start_on_login"].click()
        assert not entry.exists()
    finally:
        app.shutdown()
