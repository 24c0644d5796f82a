"""Every Deskmate setting, declared once: key, type, default, bounds, description, label, and
what a running app reloads when it changes.

The CLI, the core and the Qt settings page all read this table; nothing else declares a
setting. Stored values are versioned (``SETTINGS_VERSION``) and migrated forward by
``assistant.settings.values.migrate``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.settings.keys import SettingKey

SETTINGS_VERSION = 2  # 2: user_name/user_email became identity.name/identity.addresses

Kind = Literal["bool", "int", "float", "str", "choice", "path", "int_or_auto", "addresses"]
# engine: the model is loaded again; embedder: new vectors (old ones re-embed in the
# background); calendar: the Schedule page reads the working hours and time zone again.
Reload = Literal["engine", "embedder", "calendar"]


@dataclass(frozen=True, slots=True)
class Setting:
    key: SettingKey
    kind: Kind
    default: object
    description: str
    section: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    secret: bool = False  # never stored here: lives in the OS keyring
    label: str = ""  # shown next to the setting (translated in the "Settings" context)
    reload: Reload | None = None  # what a running app reloads when it changes


SCHEMA: tuple[Setting, ...] = (
    # --- model -------------------------------------------------------------------------------
    Setting(
        "model",
        "str",
        "qwen2.5-coder-1.5b-instruct-q4_k_m",
        "Language model: a catalog id or the id of a GGUF file you added.",
        "Model",
        label="Language model",
        reload="engine",
    ),
    Setting(
        "n_gpu_layers",
        "int_or_auto",
        "auto",
        "Layers offloaded to the GPU: 'auto' puts all that fit in free VRAM, 0 = CPU only.",
        "Model",
        minimum=0,
        maximum=1000,
        label="GPU layers",
        reload="engine",
    ),
    Setting(
        "n_threads",
        "int_or_auto",
        "auto",
        "CPU threads for generation: 'auto' = number of physical cores.",
        "Model",
        minimum=1,
        maximum=256,
        label="CPU threads",
        reload="engine",
    ),
    Setting(
        "n_ctx",
        "int",
        8192,
        "Largest context window (tokens); capped by what the model supports.",
        "Model",
        minimum=512,
        maximum=131072,
        label="Context size (tokens)",
        reload="engine",
    ),
    Setting(
        "n_batch",
        "int",
        512,
        "Prompt tokens handed to llama.cpp per call (logical batch); capped by the context size.",
        "Model",
        minimum=32,
        maximum=8192,
        label="Prompt batch (tokens)",
        reload="engine",
    ),
    Setting(
        "n_ubatch",
        "int",
        512,
        "Prompt tokens computed at once inside a batch (physical batch); capped by n_batch.",
        "Model",
        minimum=32,
        maximum=8192,
        label="Prompt micro-batch (tokens)",
        reload="engine",
    ),
    Setting(
        "prompt_lookup",
        "bool",
        False,
        "Prompt-lookup decoding: guess the next tokens from text already in the prompt and "
        "check them in one step. Helps when answers quote the input; on a CPU the checks can "
        "cost more than they save.",
        "Model",
        label="Prompt-lookup decoding",
        reload="engine",
    ),
    Setting(
        "temperature",
        "float",
        0.2,
        "Sampling temperature (0 = deterministic).",
        "Model",
        minimum=0.0,
        maximum=2.0,
        label="Temperature",
    ),
    Setting(
        "max_output_tokens",
        "int",
        1024,
        "Longest answer, in tokens.",
        "Model",
        minimum=16,
        maximum=32768,
        label="Longest answer (tokens)",
    ),
    Setting(
        "embedding_model",
        "str",
        "multilingual-e5-small",
        "Embedding model: multilingual-e5-small (default), all-minilm-l6-v2 or a local"
        " sentence-transformers folder. Changing it re-embeds stored texts in the background.",
        "Model",
        label="Embedding model",
        reload="embedder",
    ),
    Setting(
        "embedding_device",
        "choice",
        "auto",
        "Device for embeddings.",
        "Model",
        choices=("auto", "cpu", "cuda", "mps"),
        label="Embedding device",
        reload="embedder",
    ),
    Setting(
        "remote_url",
        "str",
        "",
        "OpenAI-compatible server (llama.cpp server, vLLM, Ollama), e.g. "
        "http://127.0.0.1:8080/v1. Empty = run the model in this app.",
        "Model",
        label="Remote server URL",
        reload="engine",
    ),
    Setting(
        "remote_model",
        "str",
        "",
        "Model name to ask the remote server for.",
        "Model",
        label="Remote model",
        reload="engine",
    ),
    Setting(
        "remote_api_key",
        "str",
        "",
        "API key of the remote server (kept in the OS keyring).",
        "Model",
        secret=True,
        label="Remote API key",
    ),
    Setting(
        "remote_concurrency",
        "int",
        4,
        "Requests sent to the remote server at once when summarizing a long document"
        " section by section (the local model always does one at a time).",
        "Model",
        minimum=1,
        maximum=64,
        label="Parallel requests to the server",
    ),
    # --- documents and tasks -----------------------------------------------------------------
    Setting(
        "max_file_mb",
        "int",
        200,
        "Largest document Deskmate will open (MB).",
        "Documents",
        minimum=1,
        maximum=4096,
        label="Largest file (MB)",
    ),
    Setting(
        "summary_length",
        "choice",
        "standard",
        "Default summary length.",
        "Documents",
        choices=("brief", "standard", "detailed"),
        label="Summary length",
    ),
    Setting(
        "summary_language",
        "str",
        "auto",
        "Language of summaries: 'auto' = the document's language, or a code like en, zh.",
        "Documents",
        label="Summary language",
    ),
    Setting(
        "translate_target",
        "str",
        "zh",
        "Default target language for translation.",
        "Documents",
        label="Translate into",
    ),
    Setting(
        "reply_tone",
        "choice",
        "friendly",
        "Default tone of email replies.",
        "Mail",
        choices=("formal", "friendly", "brief"),
        label="Reply tone",
    ),
    Setting("signature", "str", "", "Signature added to email replies.", "Mail", label="Signature"),
    Setting(
        "identity.name",
        "str",
        "",
        "Your name: the From of reply drafts.",
        "Mail",
        label="Your name",
    ),
    Setting(
        "identity.addresses",
        "addresses",
        "",
        "Your email addresses, comma-separated; the first is the From of reply drafts "
        "(a mail sent to another one is answered from that one).",
        "Mail",
        label="Your email addresses",
    ),
    Setting(
        "identity.signoff",
        "str",
        "",
        "How your replies end, e.g. 'Best regards' (your name follows on its own line); "
        "empty = a usual closing in the mail's language.",
        "Mail",
        label="Sign-off",
    ),
    # --- calendar ----------------------------------------------------------------------------
    Setting(
        "time_zone",
        "str",
        "",
        "Time zone (IANA name); empty = the system's.",
        "Calendar",
        label="Time zone",
        reload="calendar",
    ),
    Setting(
        "work_start",
        "str",
        "09:00",
        "Start of working hours (HH:MM).",
        "Calendar",
        label="Working hours start",
        reload="calendar",
    ),
    Setting(
        "work_end",
        "str",
        "18:00",
        "End of working hours (HH:MM).",
        "Calendar",
        label="Working hours end",
        reload="calendar",
    ),
    Setting(
        "meeting_buffer_min",
        "int",
        10,
        "Minutes kept free between meetings.",
        "Calendar",
        minimum=0,
        maximum=120,
        label="Buffer between meetings (min)",
    ),
    Setting(
        "reminder_lead_min",
        "int",
        10,
        "Minutes before an event its reminder shows (each event can have its own).",
        "Calendar",
        minimum=0,
        maximum=1440,
        label="Reminder before an event (min)",
    ),
    # --- desktop -----------------------------------------------------------------------------
    Setting(
        "hotkey",
        "str",
        "Ctrl+Alt+Space",
        "Global hotkey for the quick prompt.",
        "Desktop",
        label="Quick prompt hotkey",
    ),
    Setting(
        "ui_language",
        "choice",
        "system",
        "Language of the interface.",
        "Desktop",
        choices=("system", "en", "zh_CN"),
        label="Interface language",
    ),
    Setting(
        "theme",
        "choice",
        "system",
        "Colour theme.",
        "Desktop",
        choices=("system", "light", "dark"),
        label="Theme",
    ),
    Setting(
        "close_to_tray",
        "bool",
        True,
        "Closing the window keeps Deskmate in the tray.",
        "Desktop",
        label="Close to tray",
    ),
    Setting(
        "start_on_login",
        "bool",
        False,
        "Start Deskmate when you log in.",
        "Desktop",
        label="Start on login",
    ),
    Setting(
        "library_paused",
        "bool",
        False,
        "Pause indexing of library folders (it resumes where it stopped).",
        "Library",
        label="Pause library indexing",
    ),
    Setting(
        "calendar_for_suggestions",
        "str",
        "",
        "CalDAV calendar (its URL) that accepted suggestions are written to; empty: the only "
        "synced calendar, if there is just one.",
        "Calendar",
        label="Calendar for suggestions",
    ),
    Setting(
        "calendar_sync_min",
        "int",
        15,
        "While Deskmate runs, sync the chosen CalDAV calendars at start and every this many "
        "minutes (changes waiting for the server go too); 0 = only when you press Sync now.",
        "Calendar",
        minimum=0,
        maximum=1440,
        label="Sync calendars every (min)",
    ),
)

_BY_KEY: dict[str, Setting] = {s.key: s for s in SCHEMA}


def by_key(key: str) -> Setting:
    """The declaration of ``key``; ``KeyError`` for an unknown key."""
    return _BY_KEY[key]
