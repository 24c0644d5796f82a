"""Validated setting values, persisted through a small backend (the SQLite store)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from typing import Protocol

from assistant.errors import SettingError
from assistant.settings.keys import SettingKey
from assistant.settings.schema import _BY_KEY, SCHEMA, SETTINGS_VERSION, Setting, by_key


class SettingsBackend(Protocol):
    """Where values live. ``load`` returns (version, values); ``save`` writes one value."""

    def load_settings(self) -> tuple[int, dict[str, object]]: ...

    def save_settings(self, version: int, values: Mapping[str, object]) -> None: ...


def _v1_identity(values: dict[str, object]) -> dict[str, object]:
    """user_name / user_email became identity.name / identity.addresses (the old default
    address me@localhost is no one's: it is dropped, not carried over)."""
    name = values.pop("user_name", "")
    email = str(values.pop("user_email", "") or "")
    if name:
        values["identity.name"] = name
    if email and not email.endswith("@localhost"):
        values["identity.addresses"] = email
    return values


# Forward migrations: stored version -> function returning the values at version + 1.
MIGRATIONS: dict[int, Callable[[dict[str, object]], dict[str, object]]] = {1: _v1_identity}


def migrate(version: int, values: dict[str, object]) -> dict[str, object]:
    """Bring stored ``values`` from ``version`` to ``SETTINGS_VERSION``."""
    while version < SETTINGS_VERSION:
        values = MIGRATIONS[version](dict(values))
        version += 1
    return values


def coerce(setting: Setting, raw: object) -> object:
    """Validate and convert ``raw`` (possibly a string from the CLI) for ``setting``."""
    kind = setting.kind
    try:
        if kind == "bool":
            if isinstance(raw, str):
                low = raw.strip().lower()
                if low not in {"true", "false", "1", "0", "yes", "no", "on", "off"}:
                    raise ValueError(raw)
                return low in {"true", "1", "yes", "on"}
            return bool(raw)
        if kind == "int_or_auto" and (raw is None or str(raw).strip().lower() == "auto"):
            return "auto"
        if kind in ("int", "int_or_auto"):
            if isinstance(raw, bool):
                raise ValueError(raw)
            value: object = int(str(raw).strip()) if isinstance(raw, str) else int(raw)  # type: ignore[call-overload]
        elif kind == "float":
            value = float(raw)  # type: ignore[arg-type]
        elif kind == "choice":
            value = str(raw)
            if value not in setting.choices:
                raise SettingError(
                    f"{setting.key} must be one of {', '.join(setting.choices)}, not {value!r}"
                )
        elif kind == "addresses":
            from assistant.settings.addresses import normalize_addresses

            value = normalize_addresses("" if raw is None else str(raw))
        else:
            value = "" if raw is None else str(raw)
    except (TypeError, ValueError) as exc:
        raise SettingError(f"{setting.key}: {raw!r} is not a valid {kind}") from exc
    if isinstance(value, int | float) and not isinstance(value, bool):
        if setting.minimum is not None and value < setting.minimum:
            raise SettingError(f"{setting.key} must be at least {setting.minimum:g}")
        if setting.maximum is not None and value > setting.maximum:
            raise SettingError(f"{setting.key} must be at most {setting.maximum:g}")
    return value


class Settings:
    """Current values, validated; unknown stored keys are dropped, missing ones defaulted."""

    def __init__(self, backend: SettingsBackend | None = None) -> None:
        self._backend = backend
        self._values: dict[str, object] = {s.key: s.default for s in SCHEMA}
        if backend is not None:
            version, stored = backend.load_settings()
            stored = migrate(version, dict(stored)) if stored else {}
            for key, raw in stored.items():
                if key in _BY_KEY and not _BY_KEY[key].secret:
                    # A bad stored value falls back to the default.
                    with contextlib.suppress(SettingError):
                        self._values[key] = coerce(_BY_KEY[key], raw)
            if version != SETTINGS_VERSION and stored:
                backend.save_settings(SETTINGS_VERSION, self._persisted())

    def _persisted(self) -> dict[str, object]:
        return {k: v for k, v in self._values.items() if not _BY_KEY[k].secret}

    def get(self, key: SettingKey) -> object:
        try:
            setting = by_key(key)
        except KeyError:
            raise SettingError(f"unknown setting {key!r}") from None
        if setting.secret:
            from assistant.secrets import get_secret

            return get_secret(key) or ""
        return self._values[key]

    def get_str(self, key: SettingKey) -> str:
        return str(self.get(key))

    def get_int(self, key: SettingKey) -> int:
        value = self.get(key)
        assert isinstance(value, int), key
        return value

    def get_float(self, key: SettingKey) -> float:
        value = self.get(key)
        assert isinstance(value, int | float), key
        return float(value)

    def get_bool(self, key: SettingKey) -> bool:
        return bool(self.get(key))

    def max_file_bytes(self) -> int:
        """The size limit of every file a task reads (the ``max_file_mb`` setting)."""
        return self.get_int("max_file_mb") * 1024 * 1024

    def set(self, key: SettingKey, raw: object) -> object:
        """Validate, store and return the new value."""
        try:
            setting = by_key(key)
        except KeyError:
            raise SettingError(f"unknown setting {key!r}") from None
        value = coerce(setting, raw)
        if setting.secret:
            from assistant.secrets import set_secret

            set_secret(key, str(value))
            return value
        self._values[key] = value
        if self._backend is not None:
            self._backend.save_settings(SETTINGS_VERSION, self._persisted())
        return value

    def as_dict(self) -> dict[str, object]:
        return dict(self._values)
