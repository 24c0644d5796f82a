"""``SettingKey`` (the Literal mypy checks setting keys with) is exactly the schema's keys."""

from __future__ import annotations

from typing import get_args

from assistant.settings.keys import SettingKey
from assistant.settings.schema import SCHEMA


def literal_text() -> str:
    """What assistant/settings/keys.py must declare, generated from the schema."""
    lines = "".join(f'    "{s.key}",\n' for s in SCHEMA)
    return f"SettingKey = Literal[\n{lines}]"


def test_setting_key_literal_is_the_schema() -> None:
    keys = tuple(s.key for s in SCHEMA)
    assert get_args(SettingKey) == keys, "paste into assistant/settings/keys.py:\n" + literal_text()


def test_every_setting_has_a_label() -> None:
    assert [s.key for s in SCHEMA if not s.label.strip()] == []
