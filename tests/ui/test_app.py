"""The application: single instance, `deskmate quick` opens the popup, the quick popup runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from assistant.single_instance import send_line
from ui.app import DeskmateApp, send_message, server_name


@pytest.fixture
def deskmate(qtbot: Any, scripted_core: Any) -> Iterator[DeskmateApp]:
    app = DeskmateApp(scripted_core, tray=False, hotkey=False)
    app.window.autoload_model = False
    qtbot.addWidget(app.window)
    qtbot.addWidget(app.popup)
    yield app
    app.shutdown()


def test_quick_message_opens_popup_prefilled(qtbot: Any, deskmate: DeskmateApp, data_dir: Path):
    from PySide6.QtGui import QGuiApplication

    name = server_name(data_dir)
    assert deskmate.listen(name)
    QGuiApplication.clipboard().setText("text from the clipboard")
    assert send_message(name, "quick")  # what `deskmate quick` sends to the running app
    qtbot.waitUntil(deskmate.popup.isVisible, timeout=30_000)
    assert deskmate.popup.input.toPlainText() == "text from the clipboard"
    assert send_message(name, "show")
    qtbot.waitUntil(deskmate.window.isVisible, timeout=30_000)


def test_plain_socket_reaches_the_app(qtbot: Any, deskmate: DeskmateApp, data_dir: Path) -> None:
    """`deskmate quick`'s fast path (no Qt in that process) reaches the QLocalServer."""
    name = server_name(data_dir)
    assert deskmate.listen(name)
    assert send_line(name, "quick")
    qtbot.waitUntil(deskmate.popup.isVisible, timeout=30_000)
    assert not send_line(name + "-none", "quick")


def test_no_instance_listening(data_dir: Path) -> None:
    assert not send_message(server_name(data_dir) + "-none", "show")


def test_popup_enter_runs_and_copy_and_escape(qtbot: Any, deskmate: DeskmateApp) -> None:
    from PySide6.QtGui import QGuiApplication

    popup = deskmate.popup
    popup.popup("hello there")
    with qtbot.waitSignal(popup.runner.done, timeout=30_000):
        qtbot.keyClick(popup.input, Qt.Key.Key_Return)
    assert popup.answer_text.startswith("word0")
    popup.answer.setFocus()
    qtbot.keyClick(popup, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == popup.answer_text
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()


@pytest.mark.model
def test_popup_ask_end_to_end(qtbot: Any, real_core: Any) -> None:
    app = DeskmateApp(real_core, tray=False, hotkey=False)
    app.window.autoload_model = False
    qtbot.addWidget(app.window)
    qtbot.addWidget(app.popup)
    app.popup.popup("What is 2 + 2? Answer with one number.")
    with qtbot.waitSignal(app.popup.runner.done, timeout=120_000) as done:
        app.popup.run()
    assert done.args[0].text.strip()
    assert app.popup.answer.toPlainText().strip()
    app.shutdown()
