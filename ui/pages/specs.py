"""The task table: each task defined once for the UI, as one ``TaskSpec``.

The window's task pages (a thin configuration of the generic ``TaskPage``) and the quick popup's
chips are both made from :func:`task_specs`; ``spec.call(core, source, options)`` is the one way
either starts a task. A new task is one more entry (``page=False``: a quick-popup chip only).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from assistant.settings.keys import SettingKey
from assistant.task_events import TaskEvent

if TYPE_CHECKING:
    from assistant.core import Core
    from assistant.settings import Settings

Source = Path | str
Call = Callable[["Core", Source, dict[str, str]], Iterator[TaskEvent]]


@dataclass(frozen=True)
class OptionSpec:
    key: str  # keyword passed to the core method
    label: str
    choices: tuple[tuple[str, str], ...] = ()  # (value, shown label); empty = free text
    setting: SettingKey | None = None  # default taken from this setting
    editable: bool = False  # a choice list that also accepts typed values
    placeholder: str = ""


@dataclass(frozen=True)
class TaskSpec:
    key: str
    title: str
    call: Call  # starts the task on the core with the source and the chosen options
    placeholder: str = ""
    file_filter: str = ""
    extensions: tuple[str, ...] = ()  # files dropped on the window with these suffixes come here
    options: tuple[OptionSpec, ...] = ()
    page: bool = True  # a page in the window's sidebar (else a quick-popup chip only)
    quick_call: Call | None = None  # the quick popup's way, when it differs from ``call``

    def quick(self, core: Core, text: str) -> Iterator[TaskEvent]:
        """Run from the quick popup: no option widgets, so every option has its default."""
        return (self.quick_call or self.call)(core, text, default_options(self, core.settings))


def default_options(spec: TaskSpec, settings: Settings) -> dict[str, str]:
    """Each option's setting, else its first choice, else empty (what a fresh page shows)."""
    values: dict[str, str] = {}
    for option in spec.options:
        if option.setting is not None:
            values[option.key] = str(settings.get(option.setting))
        else:
            values[option.key] = option.choices[0][0] if option.choices else ""
    return values


def _summarize(core: Core, src: Source, o: dict[str, str]) -> Iterator[TaskEvent]:
    return core.summarize(src, language=o.get("language") or None, length=o.get("length") or None)


def _translate(core: Core, src: Source, o: dict[str, str]) -> Iterator[TaskEvent]:
    return core.translate(src, o.get("target", ""))


def _polish(core: Core, src: Source, o: dict[str, str]) -> Iterator[TaskEvent]:
    return core.polish(src, o.get("mode") or "fix")


def _reply(core: Core, src: Source, o: dict[str, str]) -> Iterator[TaskEvent]:
    return core.reply(src, o.get("intent", ""), o.get("tone", ""))


def _quick_reply(core: Core, src: Source, o: dict[str, str]) -> Iterator[TaskEvent]:
    """From the quick popup, a chat excerpt gets a chat message, anything else a mail reply."""
    from assistant.tasks.chat_reply import looks_like_chat

    if isinstance(src, str) and looks_like_chat(src):
        return core.chat_reply(src, o.get("intent", ""), o.get("tone", ""))
    return _reply(core, src, o)


def _schedule(core: Core, src: Source, o: dict[str, str]) -> Iterator[TaskEvent]:
    return core.schedule(src)


def _ask(core: Core, src: Source, o: dict[str, str]) -> Iterator[TaskEvent]:
    return core.ask(str(src))


DOCUMENT_EXTENSIONS = (".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".txt", ".rst")


def _languages() -> tuple[tuple[str, str], ...]:
    return (
        ("en", QCoreApplication.translate("Pages", "English")),
        ("zh", QCoreApplication.translate("Pages", "Chinese")),
        ("ja", QCoreApplication.translate("Pages", "Japanese")),
        ("fr", QCoreApplication.translate("Pages", "French")),
        ("de", QCoreApplication.translate("Pages", "German")),
        ("es", QCoreApplication.translate("Pages", "Spanish")),
    )


def polish_modes() -> tuple[tuple[str, str], ...]:
    return (
        ("fix", QCoreApplication.translate("Pages", "Fix spelling and grammar")),
        ("improve", QCoreApplication.translate("Pages", "Improve the writing")),
        ("formal", QCoreApplication.translate("Pages", "More formal")),
        ("friendly", QCoreApplication.translate("Pages", "More friendly")),
        ("concise", QCoreApplication.translate("Pages", "More concise")),
        ("shorter", QCoreApplication.translate("Pages", "Shorter")),
        ("longer", QCoreApplication.translate("Pages", "Longer")),
    )


def task_specs() -> list[TaskSpec]:
    """The task pages, in sidebar order (strings translated at call time)."""
    return [
        TaskSpec(
            key="summarize",
            title=QCoreApplication.translate("Pages", "Summarize"),
            placeholder=QCoreApplication.translate(
                "Pages", "Paste text here, open a document, or drop files on the window."
            ),
            file_filter=QCoreApplication.translate(
                "Pages", "Documents (*.pdf *.docx *.html *.htm *.md *.txt);;All files (*)"
            ),
            extensions=DOCUMENT_EXTENSIONS,
            options=(
                OptionSpec(
                    "length",
                    QCoreApplication.translate("Pages", "Length"),
                    (
                        ("brief", QCoreApplication.translate("Pages", "Brief")),
                        ("standard", QCoreApplication.translate("Pages", "Standard")),
                        ("detailed", QCoreApplication.translate("Pages", "Detailed")),
                    ),
                    setting="summary_length",
                ),
                OptionSpec(
                    "language",
                    QCoreApplication.translate("Pages", "Language"),
                    (
                        ("auto", QCoreApplication.translate("Pages", "Same as the document")),
                        *_languages(),
                    ),
                    setting="summary_language",
                    editable=True,
                ),
            ),
            call=_summarize,
        ),
        TaskSpec(
            key="translate",
            title=QCoreApplication.translate("Pages", "Translate"),
            placeholder=QCoreApplication.translate(
                "Pages", "Text to translate, or open a document."
            ),
            file_filter=QCoreApplication.translate(
                "Pages", "Documents (*.pdf *.docx *.html *.htm *.md *.txt);;All files (*)"
            ),
            options=(
                OptionSpec(
                    "target",
                    QCoreApplication.translate("Pages", "Into"),
                    _languages(),
                    setting="translate_target",
                    editable=True,
                ),
            ),
            call=_translate,
        ),
        TaskSpec(
            key="polish",
            title=QCoreApplication.translate("Pages", "Polish"),
            placeholder=QCoreApplication.translate(
                "Pages", "Text to correct or rewrite (English or Chinese), or open a document."
            ),
            file_filter=QCoreApplication.translate(
                "Pages", "Documents (*.md *.txt *.docx *.html *.htm);;All files (*)"
            ),
            options=(
                OptionSpec("mode", QCoreApplication.translate("Pages", "How"), polish_modes()),
            ),
            call=_polish,
        ),
        TaskSpec(
            key="reply",
            title=QCoreApplication.translate("Pages", "Reply"),
            placeholder=QCoreApplication.translate(
                "Pages", "Open or drop an email (.eml), or paste its text."
            ),
            file_filter=QCoreApplication.translate("Pages", "Emails (*.eml);;All files (*)"),
            extensions=(".eml",),
            options=(
                OptionSpec(
                    "intent",
                    QCoreApplication.translate("Pages", "What to say"),
                    placeholder=QCoreApplication.translate(
                        "Pages", "e.g. accept, propose Tuesday instead"
                    ),
                ),
                OptionSpec(
                    "tone",
                    QCoreApplication.translate("Pages", "Tone"),
                    (
                        ("friendly", QCoreApplication.translate("Pages", "Friendly")),
                        ("formal", QCoreApplication.translate("Pages", "Formal")),
                        ("brief", QCoreApplication.translate("Pages", "Brief")),
                    ),
                    setting="reply_tone",
                ),
            ),
            call=_reply,
            quick_call=_quick_reply,
        ),
        TaskSpec(
            key="schedule",
            title=QCoreApplication.translate("Pages", "Schedule"),
            placeholder=QCoreApplication.translate(
                "Pages", "Describe a meeting, paste an invitation, or open a calendar (.ics)."
            ),
            file_filter=QCoreApplication.translate("Pages", "Calendars (*.ics);;All files (*)"),
            extensions=(".ics",),
            call=_schedule,
        ),
        TaskSpec(
            key="ask",
            title=QCoreApplication.translate("Pages", "Ask"),
            call=_ask,
            page=False,
        ),
    ]


def route_for(path: Path, specs: list[TaskSpec]) -> str:
    """The page a dropped file goes to: by suffix, documents (and the unknown) to Summarize."""
    suffix = path.suffix.lower()
    for spec in specs:
        if suffix in spec.extensions:
            return spec.key
    return "summarize"
