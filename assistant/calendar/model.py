"""Data types of the calendar core: resolved phrases, events, suggestions, and its error."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

Granularity = Literal["date", "datetime"]
Modifier = Literal["before", "after", "since"]


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a date/time phrase means, resolved against a reference time and a time zone.

    * a point ("next Tuesday 3pm"): ``start``; ``end`` is None unless the phrase names a span
      ("tomorrow morning" -> 08:00-12:00, "April 2017" -> 1 Apr - 1 May, end exclusive);
    * a deadline ("月底前", "before Friday"): ``mod="before"`` and ``end`` (see ``due``);
      ``start`` is None; "after X"/"since X": ``mod`` and ``start``, ``end`` None;
    * a pure duration ("2 hours", "半小时"): ``duration`` only, ``start`` None;
    * a recurrence ("every Tuesday", "每周一下午八点"): ``rrule`` (RFC 5545 RRULE text) and the
      first occurrence in ``start``;
    * a Chinese lunar date ("农历十月初一"): ``lunar`` holds the date as written (lunar y/m/d)
      and ``start`` the Gregorian day when it can be converted.
    """

    text: str
    start: datetime | None
    end: datetime | None = None
    duration: timedelta | None = None
    granularity: Granularity = "date"
    mod: Modifier | None = None
    rrule: str | None = None
    lunar: date | None = None

    @property
    def due(self) -> datetime | None:
        """The deadline of a "before X" phrase (exclusive), else None."""
        return self.end if self.mod == "before" else None


@dataclass(frozen=True, slots=True)
class CalEvent:
    """One calendar entry. ``start``/``end`` are aware datetimes (midnight for all-day events;
    ``end`` exclusive)."""

    uid: str
    title: str
    start: datetime
    end: datetime
    all_day: bool = False
    location: str = ""
    description: str = ""
    participants: tuple[str, ...] = ()
    rrule: str | None = None
    reminder_min: int | None = None  # minutes before the start; None: the default setting
    busy: bool = True  # False: marked free / TRANSP:TRANSPARENT, never blocks time


SuggestionKind = Literal["event", "task"]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An event or task found in text; dates resolved in code from the phrase the model copied."""

    kind: SuggestionKind
    title: str
    when_text: str
    resolution: Resolution | None
    duration_min: int | None = None
    location: str = ""
    participants: tuple[str, ...] = field(default_factory=tuple)
    date_error: str = ""  # why ``when_text`` has no resolution ("no such date: 2月30日")

    @property
    def start(self) -> datetime | None:
        return self.resolution.start if self.resolution else None

    @property
    def end(self) -> datetime | None:
        """End from the phrase's own span, else start + duration_min."""
        res = self.resolution
        if res is None or res.start is None:
            return None
        if res.end is not None and res.mod is None:
            return res.end
        if self.duration_min:
            return res.start + timedelta(minutes=self.duration_min)
        return None

    @property
    def due(self) -> datetime | None:
        return self.resolution.due if self.resolution else None
