"""The settings backend (``assistant.settings.values.SettingsBackend``) on the store."""

from __future__ import annotations

import json
from collections.abc import Mapping

import sqlite_utils

from assistant.settings.schema import SETTINGS_VERSION
from assistant.store.base import StoreBase

_VERSION_KEY = "settings_version"


class SettingsMixin(StoreBase):
    def load_settings(self) -> tuple[int, dict[str, object]]:
        """(stored settings version, values); the current version when nothing is stored."""
        version_rows = self._read("SELECT value FROM meta WHERE key = ?", [_VERSION_KEY])
        values = {r["key"]: json.loads(r["value"]) for r in self._read("SELECT * FROM settings")}
        version = int(json.loads(version_rows[0]["value"])) if version_rows else SETTINGS_VERSION
        return version, values

    def save_settings(self, version: int, values: Mapping[str, object]) -> None:
        """Replace all stored values and the version, in one transaction."""
        rows = [(k, json.dumps(v, ensure_ascii=False)) for k, v in values.items()]

        def save(db: sqlite_utils.Database) -> None:
            db.execute("DELETE FROM settings")
            db.conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", rows)
            db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [_VERSION_KEY, json.dumps(int(version))],
            )

        self._write(save, "cannot save the settings")
