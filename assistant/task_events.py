"""Events yielded by every core task: ``Iterator[TaskEvent]``.

Front ends (CLI, Qt workers) iterate a task's generator and may stop between any two events:
closing the generator (``gen.close()``) cancels the run; every task handles ``GeneratorExit``
by recording the run as cancelled and keeping partial results. Errors are raised as typed
``assistant.errors.DeskmateError`` subclasses, never yielded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Token:
    """A piece of streamed output text."""

    text: str


@dataclass(frozen=True, slots=True)
class Progress:
    """Work done so far: ``done`` of ``total`` units (chunks, tokens, bytes...)."""

    done: int
    total: int
    stage: str = ""
    eta_s: float | None = None


@dataclass(frozen=True, slots=True)
class Status:
    """A human-readable state change ("loading model", "model on CPU: no GPU build")."""

    text: str


@dataclass(frozen=True, slots=True)
class SectionDone:
    """One finished section of a long document's summary, shown before the whole is done.

    ``index`` counts from 0 of ``total`` sections; ``pages`` is "3-5", "7", or "" when the
    source has no pages; ``heading`` is the section's own heading ("" when none); ``language``
    is the summary's language ("en", "zh"...), in which the section's title is written.
    """

    index: int
    total: int
    pages: str
    heading: str
    text: str
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Done:
    """The final result. ``data`` holds task-specific structured output."""

    text: str
    run_id: int | None = None
    data: dict[str, Any] = field(default_factory=dict)


TaskEvent = Token | Progress | Status | SectionDone | Done
