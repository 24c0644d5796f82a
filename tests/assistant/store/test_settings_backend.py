from __future__ import annotations

from pathlib import Path

import pytest

import assistant.settings.values as values
from assistant.settings.schema import SETTINGS_VERSION
from assistant.settings.values import Settings
from assistant.store import Store


def test_empty_store_has_no_settings(store: Store) -> None:
    assert store.load_settings() == (SETTINGS_VERSION, {})
    assert Settings(store).get("temperature") == 0.2


def test_settings_persist_across_reopen(data_dir: Path) -> None:
    with Store(data_dir) as s:
        settings = Settings(s)
        settings.set("temperature", "0.7")
        settings.set("summary_length", "brief")
        settings.set("signature", "—— 张三")
    with Store(data_dir) as s:
        again = Settings(s)
        assert again.get("temperature") == 0.7
        assert again.get("summary_length") == "brief"
        assert again.get("signature") == "—— 张三"
        version, stored = s.load_settings()
        assert version == SETTINGS_VERSION
        assert "remote_api_key" not in stored  # secrets never reach SQLite


def test_older_settings_version_is_migrated_and_saved(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = SETTINGS_VERSION
    with Store(data_dir) as s:
        s.save_settings(old, {"temp": 0.9, "summary_length": "detailed"})

    def rename(stored: dict[str, object]) -> dict[str, object]:
        stored["temperature"] = stored.pop("temp")
        return stored

    monkeypatch.setattr(values, "SETTINGS_VERSION", old + 1)
    monkeypatch.setitem(values.MIGRATIONS, old, rename)
    with Store(data_dir) as s:
        settings = Settings(s)
        assert settings.get("temperature") == 0.9
        assert settings.get("summary_length") == "detailed"
        version, stored = s.load_settings()
        assert version == old + 1
        assert "temp" not in stored and stored["temperature"] == 0.9
