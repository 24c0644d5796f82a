"""The custom actions editor: every change lands in the store, a bad form or file changes
nothing and says why under the form."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.writing.actions import DEFAULT_ACTIONS, CustomAction, parse_json
from tests.ui.conftest import ScriptedCore
from ui.actions_dialog import ActionsDialog


@pytest.fixture
def dialog(qtbot: Any, scripted_core: ScriptedCore) -> ActionsDialog:
    widget = ActionsDialog(scripted_core)  # type: ignore[arg-type]
    qtbot.addWidget(widget)
    return widget


def _names(scripted_core: ScriptedCore) -> list[str]:
    return [a.name for a in scripted_core.store.list_actions()]


def test_lists_the_defaults_numbered_and_shows_the_first(dialog: ActionsDialog) -> None:
    assert dialog.list.count() == len(DEFAULT_ACTIONS)
    assert dialog.list.item(0).text() == f"1. {DEFAULT_ACTIONS[0].name}"
    assert dialog.form_action() == DEFAULT_ACTIONS[0]
    assert dialog.left.currentWidget() is dialog.list


def test_add_edit_rename_reorder_delete(
    qtbot: Any, dialog: ActionsDialog, scripted_core: ScriptedCore
) -> None:
    keys = {b.shortcut().toString() for b in (dialog.new_button, dialog.save_button)}
    assert keys == {"Ctrl+N", "Ctrl+S"}
    with qtbot.waitSignal(dialog.changed, timeout=5_000):
        dialog.new_button.click()
        assert dialog.name_edit.text() == "" and dialog.editing is None
        dialog.name_edit.setText("Summarise in one line")
        dialog.instruction_edit.setPlainText("Say what the text is about in one line.")
        dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
        dialog.save_button.click()
    assert scripted_core.store.get_action("Summarise in one line").target_language == "en"
    assert dialog.list.currentItem().text().endswith("Summarise in one line")
    dialog.name_edit.setText("One-line summary")  # a rename keeps the place in the order
    dialog.save_button.click()
    assert _names(scripted_core)[-1] == "One-line summary" and len(_names(scripted_core)) == 5
    dialog.move_by(-1)
    assert _names(scripted_core)[-2] == "One-line summary" and dialog.editing == "One-line summary"
    dialog.list.setCurrentRow(0)
    dialog.delete_current()
    assert DEFAULT_ACTIONS[0].name not in _names(scripted_core) and len(_names(scripted_core)) == 4


@pytest.mark.parametrize(
    ("name", "instruction", "mode", "target", "says"),
    [
        ("", "Do it.", "", "", "needs a name"),
        ("Empty", "", "", "", "needs an instruction"),
        ("Both", "Shorter.", "shorter", "en", "keeps the language"),
        ("提取待办事项", "Again.", "", "", "already an action"),
    ],
)
def test_a_bad_form_shows_its_error_and_changes_nothing(
    dialog: ActionsDialog, scripted_core: ScriptedCore, name: str, instruction: str, mode: str,
    target: str, says: str,
) -> None:  # fmt: skip
    before = scripted_core.store.list_actions()
    dialog.new_action()
    dialog.name_edit.setText(name)
    dialog.instruction_edit.setPlainText(instruction)
    dialog.mode_box.setCurrentIndex(dialog.mode_box.findData(mode))
    dialog.language_box.setCurrentIndex(dialog.language_box.findData(target))
    dialog.save_button.click()
    assert not dialog.error_label.isHidden() and says in dialog.error_label.text()
    assert scripted_core.store.list_actions() == before


def test_a_rename_onto_another_action_is_refused(
    dialog: ActionsDialog, scripted_core: ScriptedCore
) -> None:
    before = scripted_core.store.list_actions()
    dialog.list.setCurrentRow(1)
    dialog.name_edit.setText(before[0].name.upper())
    dialog.save_button.click()
    assert "already an action" in dialog.error_label.text()
    assert scripted_core.store.list_actions() == before


def test_empty_state_import_and_export(
    dialog: ActionsDialog, scripted_core: ScriptedCore, tmp_path: Path
) -> None:
    exported = tmp_path / "actions.json"
    dialog.export_file(exported)
    assert parse_json(exported.read_text(encoding="utf-8")) == scripted_core.store.list_actions()
    for _ in DEFAULT_ACTIONS:
        dialog.delete_current()
    assert dialog.left.currentWidget() is dialog.empty and "Ctrl+N" in dialog.empty.text()
    assert not dialog.delete_button.isEnabled()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "deskmate-actions", "version": 1, "actions": [{}]}))
    dialog.import_file(bad)
    assert "action 1" in dialog.error_label.text() and _names(scripted_core) == []
    dialog.import_file(exported)
    assert scripted_core.store.list_actions() == list(DEFAULT_ACTIONS)
    assert dialog.left.currentWidget() is dialog.list and dialog.error_label.isHidden()
    dialog.export_file(tmp_path / "missing" / "actions.json")
    assert "cannot write" in dialog.error_label.text()


def test_custom_action_values(scripted_core: ScriptedCore) -> None:
    scripted_core.store.save_action(CustomAction("Tidy", "", mode="concise"))
    scripted_core.store.order_actions(["Tidy"])
    assert (
        _names(scripted_core)[0] == "Tidy"
        and len(_names(scripted_core)) == len(DEFAULT_ACTIONS) + 1
    )
