"""Typed settings: declared once in ``schema.py``; the UI settings page is built from it."""

from assistant.settings.schema import SCHEMA, SETTINGS_VERSION, Setting, by_key
from assistant.settings.values import Settings, SettingsBackend

__all__ = ["SCHEMA", "SETTINGS_VERSION", "Setting", "Settings", "SettingsBackend", "by_key"]
