"""``SettingKey``: every setting's key as a ``Literal``, so mypy rejects a misspelt key.

Written from schema.py (tests/assistant/settings/test_keys.py fails with the text to paste here
when a setting is added or removed; the schema stays the one declaration).
"""

from __future__ import annotations

from typing import Literal

SettingKey = Literal[
    "model",
    "n_gpu_layers",
    "n_threads",
    "n_ctx",
    "n_batch",
    "n_ubatch",
    "prompt_lookup",
    "temperature",
    "max_output_tokens",
    "embedding_model",
    "embedding_device",
    "remote_url",
    "remote_model",
    "remote_api_key",
    "remote_concurrency",
    "max_file_mb",
    "summary_length",
    "summary_language",
    "translate_target",
    "reply_tone",
    "signature",
    "identity.name",
    "identity.addresses",
    "identity.signoff",
    "time_zone",
    "work_start",
    "work_end",
    "meeting_buffer_min",
    "reminder_lead_min",
    "hotkey",
    "ui_language",
    "theme",
    "close_to_tray",
    "start_on_login",
    "library_paused",
    "calendar_for_suggestions",
    "calendar_sync_min",
]
