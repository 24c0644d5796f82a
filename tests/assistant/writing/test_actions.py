"""Custom actions: defaults, storage, export/import (a bad file changes nothing)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.errors import ActionError
from assistant.store import Store
from assistant.writing.actions import (
    DEFAULT_ACTIONS,
    CustomAction,
    export_json,
    parse_json,
    read_file,
)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = Store(data_dir)
    yield s
    s.close()


def test_defaults_in_both_languages(store: Store) -> None:
    names = [a.name for a in store.list_actions()]
    assert names == [a.name for a in DEFAULT_ACTIONS]
    assert "翻译成英文并润色" in names and "Make this a polite reminder" in names
    assert "提取待办事项" in names


def test_save_replace_delete(store: Store) -> None:
    store.save_action(CustomAction(" Shout ", "Rewrite in capitals.", mode="improve"))
    assert store.get_action("shout") == CustomAction("Shout", "Rewrite in capitals.", "", "improve")
    store.save_action(CustomAction("shout", "Rewrite it LOUDLY."))  # same name, any case
    assert store.list_actions()[-1] == CustomAction("Shout", "Rewrite it LOUDLY.")
    store.delete_action("Shout")
    with pytest.raises(ActionError, match="no action named"):
        store.get_action("Shout")
    with pytest.raises(ActionError):
        store.delete_action("Shout")


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (CustomAction("", "x"), "needs a name"),
        (CustomAction("a" * 41, "x"), "needs a name"),
        (CustomAction("x", "  "), "needs an instruction"),
        (CustomAction("x", "y", target_language="klingon"), "unknown target language"),
        (CustomAction("x", "y", mode="poetic"), "unknown mode"),
        (CustomAction("x", "y", target_language="en", mode="formal"), "keeps the language"),
    ],
)
def test_bad_actions_are_refused(store: Store, action: CustomAction, message: str) -> None:
    before = store.list_actions()
    with pytest.raises(ActionError, match=message):
        store.save_action(action)
    assert store.list_actions() == before


def test_export_then_import_round_trip(store: Store, tmp_path: Path) -> None:
    store.save_action(CustomAction("Tighten", "Cut every filler word.", mode="concise"))
    path = tmp_path / "actions.json"
    path.write_text(export_json(store.list_actions()), encoding="utf-8")
    exported = read_file(path)
    assert exported == store.list_actions()
    store.delete_action("Tighten")
    store.import_actions(exported)
    assert store.list_actions() == exported


_GOOD = {"name": "A", "instruction": "Do A."}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not a JSON file"),
        (json.dumps([_GOOD]), "not a Deskmate actions file"),
        (json.dumps({"format": "deskmate-actions", "version": 9, "actions": []}), "version"),
        (json.dumps({"format": "deskmate-actions", "version": 1, "actions": {}}), "must be a list"),
        (
            json.dumps({"format": "deskmate-actions", "version": 1, "actions": [_GOOD, 3]}),
            "action 2: an object",
        ),
        (
            json.dumps(
                {
                    "format": "deskmate-actions",
                    "version": 1,
                    "actions": [_GOOD, {"name": "B", "instruction": "x", "colour": "red"}],
                }
            ),
            "unknown field",
        ),
        (
            json.dumps(
                {
                    "format": "deskmate-actions",
                    "version": 1,
                    "actions": [_GOOD, {"name": "B", "instruction": "x", "mode": "loud"}],
                }
            ),
            "action 2: unknown mode",
        ),
        (
            json.dumps({"format": "deskmate-actions", "version": 1, "actions": [_GOOD, _GOOD]}),
            "names an action twice",
        ),
    ],
)
def test_bad_import_changes_nothing(
    store: Store, tmp_path: Path, content: str, message: str
) -> None:
    before = store.list_actions()
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ActionError, match=message):
        store.import_actions(read_file(path))
    assert store.list_actions() == before


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ActionError, match="cannot read"):
        read_file(tmp_path / "missing.json")
    (tmp_path / "latin1.json").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ActionError, match="cannot read"):
        read_file(tmp_path / "latin1.json")


def test_parse_trims_and_normalizes() -> None:
    text = json.dumps(
        {"format": "deskmate-actions", "version": 1,
         "actions": [{"name": " X ", "instruction": " y ", "target_language": "EN"}]}
    )  # fmt: skip
    assert parse_json(text) == [CustomAction("X", "y", "en", "")]
