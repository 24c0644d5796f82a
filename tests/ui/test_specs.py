"""One task table: the window's pages and the quick popup's chips come from ``task_specs()``."""

from __future__ import annotations

from typing import Any

from ui.main_window import MainWindow
from ui.pages.specs import default_options, task_specs
from ui.quick_popup import QuickPopup


def test_pages_and_chips_are_the_one_table(qtbot: Any, scripted_core: Any) -> None:
    specs = task_specs()
    assert len({s.key for s in specs}) == len(specs)
    popup = QuickPopup(scripted_core)
    qtbot.addWidget(popup)
    assert list(popup.chip_buttons) == [s.key for s in specs]
    window = MainWindow(scripted_core)
    window.autoload_model = False
    qtbot.addWidget(window)
    assert [s.key for s in window.specs] == [s.key for s in specs if s.page]


def test_a_quick_run_gets_what_a_fresh_page_shows(scripted_core: Any) -> None:
    scripted_core.settings.set("translate_target", "ja")
    scripted_core.settings.set("reply_tone", "formal")
    by_key = {s.key: s for s in task_specs()}
    assert default_options(by_key["translate"], scripted_core.settings) == {"target": "ja"}
    assert default_options(by_key["polish"], scripted_core.settings) == {"mode": "fix"}
    assert default_options(by_key["reply"], scripted_core.settings) == {
        "intent": "",
        "tone": "formal",
    }


def test_quick_reply_answers_a_chat_with_a_chat_message(scripted_core: Any) -> None:
    reply = {s.key: s for s in task_specs()}["reply"]
    chat = "[10:02] Ann: can you send the deck?\n[10:03] Bob: which one?\n[10:04] Ann: Q3"
    list(reply.quick(scripted_core, chat))
    list(reply.quick(scripted_core, "Dear team,\nPlease send the Q3 deck.\nBest, Ann"))
    assert [task for task, _ in scripted_core.calls] == ["chat_reply", "reply"]
