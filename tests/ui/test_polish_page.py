"""The Polish page and the popup's Polish and custom-action chips, with a scripted core."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication

from assistant.task_events import Done, TaskEvent, Token
from tests.ui.conftest import ScriptedCore
from ui.pages.polish_page import PolishPage
from ui.pages.specs import task_specs
from ui.quick_popup import QuickPopup

WRONG = "I has a apple. 我明天去北京。"
RIGHT = "I have an apple. 我明天要去北京。"


class PolishCore(ScriptedCore):
    def polish(self, source: Any, mode: str = "fix") -> Iterator[TaskEvent]:
        self.calls.append(("polish", mode))
        yield Token(RIGHT)
        yield Done(RIGHT, data={"original": source, "kept": []})

    def run_action(self, name: str, text: str) -> Iterator[TaskEvent]:
        self.calls.append(("action", name))
        yield Done(f"- [ ] {name}")


@pytest.fixture
def polish_core(data_dir: Path) -> Iterator[PolishCore]:
    core = PolishCore(data_dir)
    yield core
    core.close()


@pytest.fixture
def page(qtbot: Any, polish_core: PolishCore) -> PolishPage:
    spec = next(s for s in task_specs() if s.key == "polish")
    widget = PolishPage(polish_core, spec)  # type: ignore[arg-type]
    qtbot.addWidget(widget)
    return widget


def test_changes_accepted_one_by_one_or_all(qtbot: Any, page: PolishPage) -> None:
    page.set_text(WRONG)
    with qtbot.waitSignal(page.run_finished, timeout=10_000):
        page.run()
    view = page.diff_view
    assert not view.isHidden() and page.result.isHidden()
    assert view.diff is not None
    assert [(h.old, h.new) for h in view.diff.hunks] == [("has a", "have an"), ("", "要")]
    assert page.result_text == RIGHT
    view.set_accepted(1, False)  # keep the Chinese as it was
    assert page.result_text == "I have an apple. 我明天去北京。"
    page.reject_all_button.click()
    assert page.result_text == WRONG
    page.accept_all_button.click()
    page.copy_result()
    assert QGuiApplication.clipboard().text() == RIGHT
    view.anchorClicked.emit(QUrl("change:0"))  # a click on a change
    assert page.result_text == "I has a apple. 我明天要去北京。"


def test_actions_menu_runs_an_action_and_opens_the_editor(
    qtbot: Any, page: PolishPage, polish_core: PolishCore, tmp_path: Path
) -> None:
    page._fill_actions_menu()
    labels = [a.text() for a in page.actions_menu.actions() if a.text()]
    assert labels[0] == "&1 翻译成英文并润色" and "Edit actions…" in labels
    page.set_text("Anna books the room.")
    with qtbot.waitSignal(page.run_finished, timeout=10_000):
        page.actions_menu.actions()[2].trigger()
    assert polish_core.calls[-1] == ("action", "提取待办事项")
    assert page.result_text == "- [ ] 提取待办事项"
    editor = page.edit_actions()
    assert editor.isVisible() and editor.list.count() == len(polish_core.store.list_actions())
    editor.close()


def test_popup_polish_chip_custom_chips_and_copy_only_replace(
    qtbot: Any, polish_core: PolishCore
) -> None:
    popup = QuickPopup(polish_core)  # type: ignore[arg-type]
    qtbot.addWidget(popup)
    popup.popup(WRONG)
    assert popup.chip_buttons["polish"].isEnabled()
    assert [b.text() for b in popup.custom_buttons.values()][:2] == [
        "翻译成英文并润色",
        "Make this a polite reminder",
    ]
    popup.chip_buttons["polish"].setChecked(True)
    with qtbot.waitSignal(popup.runner.finished, timeout=10_000):
        popup.run()
    assert popup.answer.diff is not None and popup.answer_text == RIGHT
    popup.answer.reject_all()
    popup.answer.set_accepted(0, True)
    assert popup.answer_text == "I have an apple. 我明天去北京。"
    popup.target_window = None  # no window to paste into (offscreen): copy and say so
    popup.replace()
    assert QGuiApplication.clipboard().text() == "I have an apple. 我明天去北京。"
    assert "Ctrl+V" in popup.hint.text()
    with qtbot.waitSignal(popup.runner.finished, timeout=10_000):
        popup.run_custom(2)  # Alt+2
    assert polish_core.calls[-1] == ("action", "Make this a polite reminder")
    popup.close()
