"""Each task page and the quick popup run their task end to end on the real 0.5B model."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from ui.app import DeskmateApp, send_message, server_name
from ui.main_window import MainWindow

CJK = re.compile(r"[\u4e00-\u9fff]")
pytestmark = pytest.mark.model


def _window(qtbot: Any, core: Any) -> MainWindow:
    window = MainWindow(core)
    window.autoload_model = False  # the first run loads the model on the worker thread
    qtbot.addWidget(window)
    window.show()
    return window


def test_translate_page_end_to_end(qtbot: Any, real_core: Any) -> None:
    window = _window(qtbot, real_core)
    page = window.task_pages["translate"]
    window.show_page("translate")
    assert page.run_button.isEnabled()
    source = "Good morning. The meeting starts at ten."
    page.set_text(source)
    target = page._option_widgets["target"]
    target.setCurrentIndex(target.findData("zh"))  # type: ignore[union-attr]
    with qtbot.waitSignal(page.run_finished, timeout=240_000) as finished:
        page.run()
    done = finished.args[0]
    assert done is not None and CJK.search(done.text), done.text
    assert source not in page.result.toPlainText()
    assert real_core.store.get_run(done.run_id)["status"] == "done"
    window.close()


def test_reply_page_end_to_end_with_eml(qtbot: Any, real_core: Any, tmp_path: Path) -> None:
    mail = tmp_path / "invite.eml"
    body = "Hi,\n\nCould we meet on Thursday at 2pm to go over the budget?\n\nThanks,\nAnna\n"
    mail.write_text(
        "From: Anna <anna@example.com>\nTo: me@example.com\nSubject: Budget meeting\n"
        "Message-ID: <1@example.com>\nDate: Mon, 3 Mar 2025 09:00:00 +0000\n"
        f"Content-Type: text/plain; charset=utf-8\n\n{body}",
        encoding="utf-8",
    )
    window = _window(qtbot, real_core)
    page = window.task_pages["reply"]
    with qtbot.waitSignal(page.run_finished, timeout=240_000) as finished:
        window.route_files([mail])  # what a drop does: .eml -> Reply, runs at once
        assert window.current_page_key() == "reply" and page.file == mail
    done = finished.args[0]
    assert done is not None and done.text.strip()
    # the page hands over the draft and its .eml (draft quality: tests/assistant/tasks/test_reply)
    assert done.data["to"] == "anna@example.com" and "Re: Budget meeting" in done.data["eml"]
    assert real_core.store.get_run(done.run_id)["task"] == "reply"
    window.close()


def test_quick_popup_through_deskmate_quick_translates(
    qtbot: Any, real_core: Any, data_dir: Path
) -> None:
    from PySide6.QtGui import QGuiApplication

    app = DeskmateApp(real_core, tray=False, hotkey=False)
    app.window.autoload_model = False
    qtbot.addWidget(app.window)
    qtbot.addWidget(app.popup)
    try:
        name = server_name(data_dir)
        assert app.listen(name)
        QGuiApplication.clipboard().setText("Thank you for your help.")
        assert send_message(name, "quick")  # what `deskmate quick` sends
        qtbot.waitUntil(app.popup.isVisible, timeout=30_000)
        assert app.popup.input.toPlainText() == "Thank you for your help."
        app.popup.chip_buttons["translate"].click()
        assert app.popup.action() == "translate"
        with qtbot.waitSignal(app.popup.runner.done, timeout=240_000) as done:
            app.popup.run()
        assert CJK.search(done.args[0].text), done.args[0].text
        assert CJK.search(app.popup.answer.toPlainText())
    finally:
        app.shutdown()
