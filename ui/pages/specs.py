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

Source = Path | str
Call = Callable[[Callable[..., Iterator[Event]], Source, dict[str, str]], Iterator[Event]]


@dataclass(frozen=True)
class OptionSpec:
    key: str  # keyword passed to the core method
    label: str
    choices: tuple[tuple[str, str], ...] = ()  # (value, shown label); empty = free text
    setting: str | None = None  # default taken from this setting
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


def _reply(fn: Callable[..., Iterator[Event]], src: Source, o: dict[str, str]) -> Any:
    return fn(src, o.get("intent", ""), o.get("tone", ""))


def _schedule(fn: Callable[..., Iterator[Event]], src: Source, o: dict[str, str]) -> Any:
    return fn(src)


DOCUMENT_EXTENSIONS = (".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".txt", ".rst")


def _languages() -> tuple[tuple[str, str], ...]:
    tr = QCoreApplication.translate
    return (
        ("en", tr("Pages", "English")),
        ("zh", tr("Pages", "Chinese")),
        ("ja", tr("Pages", "Japanese")),
        ("fr", tr("Pages", "French")),
        ("de", tr("Pages", "German")),
        ("es", tr("Pages", "Spanish")),
    )


def task_specs() -> list[TaskSpec]:
    """The four task pages, in sidebar order (strings translated at call time)."""
    tr = QCoreApplication.translate
    return [
        TaskSpec(
            key="summarize",
            title=tr("Pages", "Summarize"),
            method="summarize",
            placeholder=tr(
                "Pages", "Paste text here, open a document, or drop files on the window."
            ),
            file_filter=tr(
                "Pages", "Documents (*.pdf *.docx *.html *.htm *.md *.txt);;All files (*)"
            ),
            extensions=DOCUMENT_EXTENSIONS,
            options=(
                OptionSpec(
                    "length",
                    tr("Pages", "Length"),
                    (
                        ("brief", tr("Pages", "Brief")),
                        ("standard", tr("Pages", "Standard")),
                        ("detailed", tr("Pages", "Detailed")),
                    ),
                    setting="summary_length",
                ),
                OptionSpec(
                    "language",
                    tr("Pages", "Language"),
                    (("auto", tr("Pages", "Same as the document")), *_languages()),
                    setting="summary_language",
                    editable=True,
                ),
            ),
            call=_summarize,
        ),
        TaskSpec(
            key="translate",
            title=tr("Pages", "Translate"),
            method="translate",
            placeholder=tr("Pages", "Text to translate, or open a document."),
            file_filter=tr(
                "Pages", "Documents (*.pdf *.docx *.html *.htm *.md *.txt);;All files (*)"
            ),
            extensions=(),
            options=(
                OptionSpec(
                    "target",
                    tr("Pages", "Into"),
                    _languages(),
                    setting="translate_target",
                    editable=True,
                ),
            ),
            call=_translate,
        ),
        TaskSpec(
            key="reply",
            title=tr("Pages", "Reply"),
            method="reply",
            placeholder=tr("Pages", "Open or drop an email (.eml), or paste its text."),
            file_filter=tr("Pages", "Emails (*.eml);;All files (*)"),
            extensions=(".eml",),
            options=(
                OptionSpec(
                    "intent",
                    tr("Pages", "What to say"),
                    placeholder=tr("Pages", "e.g. accept, propose Tuesday instead"),
                ),
                OptionSpec(
                    "tone",
                    tr("Pages", "Tone"),
                    (
                        ("friendly", tr("Pages", "Friendly")),
                        ("formal", tr("Pages", "Formal")),
                        ("brief", tr("Pages", "Brief")),
                    ),
                    setting="reply_tone",
                ),
            ),
            call=_reply,
        ),
        TaskSpec(
            key="schedule",
            title=tr("Pages", "Schedule"),
            method="schedule",
            placeholder=tr(
                "Pages", "Describe a meeting, paste an invitation, or open a calendar (.ics)."
            ),
            file_filter=tr("Pages", "Calendars (*.ics);;All files (*)"),
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
