"""``PlannedSuggestion``: one schedule suggestion as front ends get it, typed.

A run stores its suggestions in its data as plain JSON (``Done.data["suggestions"]``, what
History reopens and ``deskmate schedule --json`` prints); :func:`planned_suggestions` turns that
stored form into values, the one place it is read, so the window and the CLI never index dicts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Span:
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Conflict:
    """A stored event the suggestion's own time overlaps."""

    title: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class PlannedSuggestion:
    """Its own time when the text gave one, the events it clashes with, free-slot proposals."""

    title: str
    kind: str = "event"  # "event" | "task"
    when_text: str = ""  # the words the time came from
    start: datetime | None = None
    end: datetime | None = None
    all_day: bool = False
    uid: str | None = None
    due: str | None = None
    date_error: str = ""
    location: str = ""
    participants: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    proposals: tuple[Span, ...] = ()
    todo_id: int | None = None  # the stored to-do of a task

    def at(self, span: Span) -> PlannedSuggestion:
        """The suggestion moved to ``span`` (a proposal the user picked)."""
        return replace(self, start=span.start, end=span.end)

    @classmethod
    def from_stored(cls, item: Mapping[str, Any]) -> PlannedSuggestion:
        start, end = item.get("start"), item.get("end")
        return cls(
            title=str(item.get("title") or ""),
            kind=str(item.get("kind") or "event"),
            when_text=str(item.get("when_text") or ""),
            start=datetime.fromisoformat(start) if start else None,
            end=datetime.fromisoformat(end) if end else None,
            all_day=bool(item.get("all_day")),
            uid=item.get("uid") or None,
            due=item.get("due") or None,
            date_error=str(item.get("date_error") or ""),
            location=str(item.get("location") or ""),
            participants=tuple(item.get("participants") or ()),
            conflicts=tuple(
                Conflict(
                    str(c["title"]),
                    datetime.fromisoformat(c["start"]),
                    datetime.fromisoformat(c["end"]),
                )
                for c in item.get("conflicts") or ()
            ),
            proposals=tuple(
                Span(datetime.fromisoformat(p["start"]), datetime.fromisoformat(p["end"]))
                for p in item.get("proposals") or ()
            ),
            todo_id=item.get("todo_id"),
        )


def planned_suggestions(data: Mapping[str, Any] | None) -> list[PlannedSuggestion] | None:
    """The suggestions of a schedule run's data; None when it has none (an .ics import)."""
    stored: Sequence[Mapping[str, Any]] | None = (data or {}).get("suggestions")
    if stored is None:
        return None
    return [PlannedSuggestion.from_stored(item) for item in stored]
