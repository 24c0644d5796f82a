"""Recurring events expanded into their instances inside a window (RRULE via dateutil): the one
expansion the week view and the planner use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.calendar.model import CalEvent

MAX_OCCURRENCES = 200  # per recurring event and window (an every-minute rule cannot flood us)


@dataclass(frozen=True, slots=True)
class Occurrence:
    event: CalEvent
    start: datetime
    end: datetime


def expand(events: list[CalEvent], start: datetime, end: datetime) -> list[Occurrence]:
    """The instances overlapping [start, end), earliest first. An unreadable rule gives its
    first occurrence only."""
    from dateutil.rrule import rrulestr  # type: ignore[import-untyped]  # via icalendar

    found: list[Occurrence] = []
    for event in events:
        length = event.end - event.start
        starts = [event.start]
        if event.rrule:
            try:
                # "RRULE:...\nEXDATE:..." (a series with skipped or overridden instances)
                rule = rrulestr(event.rrule, dtstart=event.start, forceset="\n" in event.rrule)
                starts = list(rule.between(start - length, end, inc=True))[:MAX_OCCURRENCES]
            except (ValueError, TypeError):
                starts = [event.start]
        for first in starts:
            last = first + length
            if last > start and first < end:
                found.append(Occurrence(event, first, last))
    return sorted(found, key=lambda o: (o.start, o.event.title))


def instances(events: list[CalEvent], start: datetime, end: datetime, tz: str) -> list[CalEvent]:
    """Every instance overlapping [start, end) as an event of its own, series expanded in the
    user's time zone ``tz`` (a weekly 10:00 stays at 10:00 across a DST change)."""
    from dataclasses import replace
    from zoneinfo import ZoneInfo

    zinfo = ZoneInfo(tz)
    local = [
        replace(e, start=e.start.astimezone(zinfo), end=e.end.astimezone(zinfo)) for e in events
    ]
    return [replace(o.event, start=o.start, end=o.end) for o in expand(local, start, end)]
