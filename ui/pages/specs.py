"""What each task page is: a thin configuration of the generic ``TaskPage``.

A page calls ``getattr(core, spec.method)``; when the core does not have that method (a feature
not installed yet) the page's Run button is disabled and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from assistant.events import Event
from assistant.settings.keys import SettingKey

Source = Path | str
Call = Callable[[Callable[..., Iterator[Event]], Source, dict[str, str]], Iterator[Event]]


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
    method: str
    placeholder: str
    file_filter: str
    extensions: tuple[str, ...]  # files dropped on the window with these suffixes come here
    options: tuple[OptionSpec, ...]
    call: Call


def _summarize(fn: Callable[..., Iterator[Event]], src: Source, o: dict[str, str]) -> Any:
    return fn(src, language=o.get("language") or None, length=o.get("length") or None)


def _translate(fn: Callable[..., Iterator[Event]], src: Source, o: dict[str, str]) -> Any:
    return fn(src, o.get("target", ""))


def _polish(fn: Callable[..., Iterator[Event]], src: Source, o: dict[str, str]) -> Any:
    return fn(src, o.get("mode") or "fix")


def _reply(fn: Callable[..., Iterator[Event]], src: Source, o: dict[str, str]) -> Any:
    return fn(src, o.get("intent", ""), o.get("tone", ""))


def _schedule(fn: Callable[..., Iterator[Event]], src: Source, o: dict[str, str]) -> Any:
    return fn(src)


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
            method="summarize",
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
            method="translate",
            placeholder=QCoreApplication.translate(
                "Pages", "Text to translate, or open a document."
            ),
            file_filter=QCoreApplication.translate(
                "Pages", "Documents (*.pdf *.docx *.html *.htm *.md *.txt);;All files (*)"
            ),
            extensions=(),
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
            method="polish",
            placeholder=QCoreApplication.translate(
                "Pages", "Text to correct or rewrite (English or Chinese), or open a document."
            ),
            file_filter=QCoreApplication.translate(
                "Pages", "Documents (*.md *.txt *.docx *.html *.htm);;All files (*)"
            ),
            extensions=(),
            options=(
                OptionSpec("mode", QCoreApplication.translate("Pages", "How"), polish_modes()),
            ),
            call=_polish,
        ),
        TaskSpec(
            key="reply",
            title=QCoreApplication.translate("Pages", "Reply"),
            method="reply",
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
        ),
        TaskSpec(
            key="schedule",
            title=QCoreApplication.translate("Pages", "Schedule"),
            method="schedule",
            placeholder=QCoreApplication.translate(
                "Pages", "Describe a meeting, paste an invitation, or open a calendar (.ics)."
            ),
            file_filter=QCoreApplication.translate("Pages", "Calendars (*.ics);;All files (*)"),
            extensions=(".ics",),
            options=(),
            call=_schedule,
        ),
    ]


def route_for(path: Path, specs: list[TaskSpec]) -> str:
    """The page a dropped file goes to: by suffix, documents (and the unknown) to Summarize."""
    suffix = path.suffix.lower()
    for spec in specs:
        if suffix in spec.extensions:
            return spec.key
    return "summarize"
