"""Language-neutral pieces of a date/time phrase and how they become datetimes.

The English and Chinese rule layers fill a ``Parts``; ``materialize`` turns it into naive local
datetimes against the reference time (future preferred where a phrase is ambiguous).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta

from assistant.errors import ImpossibleDate

# part of day -> (start, end) ; end exclusive except the last second of the day
POD_SPANS: dict[str, tuple[time, time]] = {
    "early_morning": (time(0), time(6)),
    "morning": (time(8), time(12)),
    "noon": (time(11), time(13)),
    "afternoon": (time(12), time(16)),
    "evening": (time(16), time(20)),
    "night": (time(20), time(23, 59, 59)),
    "daytime": (time(8), time(18)),
    "nighttime": (time(0), time(8)),
}
PM_PODS = {"afternoon", "evening", "night"}


class Conflict(ValueError):
    """A phrase sets the same piece twice (two dates, two times): not one point in time."""


@dataclass
class Parts:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    week_rel: str | None = None  # this | next | last | coming | past
    day_offset: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    meridiem: str | None = None  # am | pm
    pod: str | None = None  # key of POD_SPANS
    pod_mod: str | None = None  # early | late
    period: str | None = None  # year | month | week | quarter
    period_shift: int = 0
    period_part: str | None = None  # earlier | later | end | start
    lunar: bool = False
    year_part: tuple[int, int] | None = None  # (months per part, which): Q3 = (3, 3), H1 = (6, 1)
    weekend: bool = False  # Saturday and Sunday of the week named by weekday/week_rel
    now: bool = False
    year_shift: int | None = None  # "of this year": the reference year + shift
    same_time: bool = False  # "this time tomorrow": the reference's time of day
    small_hours_pm: bool = False  # English "at 5" with no am/pm: 1-6 o'clock read as pm
    # days anchored by a rule (see anchored.py): a holiday's key, the n-th weekday/week of a
    # month (-1 = last), an ISO week number, a part of a month (early | mid | late ...)
    holiday: str | None = None
    nth: int | None = None
    week_no: int | None = None
    month_part: str | None = None

    def set(self, **values: object) -> None:
        for key, value in values.items():
            if value is None:
                continue
            current = getattr(self, key)
            if current is not None and current != value and key not in ("period_shift",):
                raise Conflict(f"{key} set twice")
            setattr(self, key, value)

    def has_date(self) -> bool:
        return (
            any(
                v is not None
                for v in (
                    self.year,
                    self.month,
                    self.day,
                    self.weekday,
                    self.day_offset,
                    self.period,
                    self.year_part,
                    self.holiday,
                    self.nth,
                    self.week_no,
                    self.month_part,
                )
            )
            or self.now
        )

    def has_time(self) -> bool:
        return self.hour is not None or self.now

    def empty(self) -> bool:
        return not (self.has_date() or self.has_time() or self.pod)

    def copy(self) -> Parts:
        return replace(self)


@dataclass(frozen=True)
class Span:
    start: datetime
    end: datetime | None
    has_time: bool
    is_period: bool  # a year/month/week... rather than one day or instant


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _weekday_date(p: Parts, today: date) -> date:
    assert p.weekday is not None
    monday = today - timedelta(days=today.weekday())
    rel = p.week_rel
    if rel in ("next", "next2"):
        return monday + timedelta(days=(14 if rel == "next2" else 7) + p.weekday)
    if rel in ("last", "last2"):
        return monday + timedelta(days=p.weekday - (14 if rel == "last2" else 7))
    if rel == "this":
        return monday + timedelta(days=p.weekday)
    if rel == "past":
        back = (today.weekday() - p.weekday) % 7 or 7
        return today - timedelta(days=back)
    ahead = (p.weekday - today.weekday()) % 7
    if rel == "coming" and ahead == 0:
        ahead = 7
    return today + timedelta(days=ahead)


def _explicit_date(p: Parts, today: date) -> tuple[date, date | None] | None:
    """Dates named by year/month/day; (start, end) with end for a whole month or year. Raises
    ``ImpossibleDate`` when no calendar has that day ("2月30日", "2019-02-29", "the 32nd")."""
    y, m, d = p.year, p.month, p.day
    if (m is not None and not 1 <= m <= 12) or (d is not None and not 1 <= d <= 31):
        raise ImpossibleDate(f"no such date: month {m}, day {d}")
    if d is not None and m is not None:
        if y is not None:
            day = _valid(y, m, d)
            if day is None:
                raise ImpossibleDate(f"no such date: {y}-{m:02d}-{d:02d}")
            return day, None
        if p.weekday is not None:  # "friday june 15": the one within a year that is a friday
            for k in (0, 1, -1):
                day = _valid(today.year + k, m, d)
                near = day is not None and abs((day - today).days) <= 366
                if day and near and day.weekday() == p.weekday:
                    return day, None
        back = p.week_rel == "last"  # "last christmas": the latest one gone by
        for k in range(9):  # 29 February: the next (or last) leap year
            day = _valid(today.year - k if back else today.year + k, m, d)
            if day and (day < today if back else day >= today):
                return day, None
        raise ImpossibleDate(f"no such date: month {m}, day {d}")
    if d is not None:  # "the 29th", "Sunday 31": the next such day (with that weekday)
        first = date(y or today.year, today.month if y is None else 1, 1)
        for k in range(48):
            month_start = add_months(first, k)
            day = _valid(month_start.year, month_start.month, d)
            if day is None or (y is None and day < today):
                continue
            if p.weekday is None or day.weekday() == p.weekday:
                return day, None
        return None
    if m is not None:
        year = y if y is not None else (today.year if m >= today.month else today.year + 1)
        start = date(year, m, 1)
        return start, add_months(start, 1)
    if y is not None:
        return date(y, 1, 1), date(y + 1, 1, 1)
    return None


_WEEK_RELS = {-2: "last2", -1: "last", 0: "this", 1: "next", 2: "next2"}


def fold_relative_period(p: Parts, today: date) -> Parts:
    """A relative period that frames a smaller unit names that unit's place: "the 15th of next
    month" / "下个月5号" (a day in that month), "Mon next week" / "下周 周一" (a weekday in that
    week), "March next year" / "明年3月" (a month of that year)."""
    if p.period is None or p.period_part is not None:
        return p
    shift = p.period_shift
    if p.period == "month" and p.day is not None and p.month is None:
        index = today.year * 12 + today.month - 1 + shift
        year, month0 = divmod(index, 12)
        return replace(p, year=year, month=month0 + 1, period=None, period_shift=0)
    if p.period == "year" and p.year is None and (p.month is not None or p.day is not None):
        return replace(p, year=today.year + shift, period=None, period_shift=0)
    if p.period == "week" and p.weekday is not None and p.week_rel is None and shift in _WEEK_RELS:
        return replace(p, week_rel=_WEEK_RELS[shift], period=None, period_shift=0)
    return p


def century(two_digits: int) -> int:
    """A year written with two digits ("18年", "12/25/99"): 2000-2049 or 1950-1999."""
    return two_digits + (2000 if two_digits < 50 else 1900)


def hour24(p: Parts) -> int:
    assert p.hour is not None
    hour = p.hour
    if p.meridiem == "pm" and hour < 12:
        return hour + 12
    if p.meridiem == "am" and hour == 12:
        return 0
    if p.meridiem is None:
        if p.pod in PM_PODS and hour < 12:
            return hour + 12
        if p.pod == "noon" and 1 <= hour <= 4:
            return hour + 12
        if p.pod is None and p.small_hours_pm and 1 <= hour <= 6:
            return hour + 12
    if hour > 24 or (p.meridiem is not None and hour > 12):
        raise ImpossibleDate(f"no such time: {p.hour} o'clock")
    return hour % 24


def materialize(p: Parts, ref: datetime) -> Span | None:
    """Naive local datetimes for the parts; None when they name no valid date."""
    today = ref.date()
    if p.year is None and p.year_shift is not None:
        p = replace(p, year=today.year + p.year_shift)
    p = fold_relative_period(p, today)
    if p.same_time and p.hour is None:
        p = replace(p, hour=ref.hour, minute=ref.minute, meridiem=None, small_hours_pm=False)
    if p.now:
        return Span(ref, None, True, False)
    start_day: date | None = None
    end_day: date | None = None
    if p.year_part is not None and p.day is None and p.month is None:
        size, which = p.year_part
        shift = p.period_shift if p.period == "year" else 0  # "first quarter of next year"
        year = p.year if p.year is not None else today.year + shift
        first = date(year, size * (which - 1) + 1, 1)
        return Span(datetime.combine(first, time()), datetime.combine(add_months(first, size),
                    time()), False, True)  # fmt: skip
    from assistant.calendar.anchored import anchored_days  # they build on this module
    from assistant.calendar.period_span import period_span

    if (anchored := anchored_days(p, today)) is not None:
        start_day, end_day = anchored
    elif p.day_offset is not None:
        start_day = today + timedelta(days=p.day_offset)
    elif p.year is not None or p.month is not None or p.day is not None:
        found = _explicit_date(p, today)
        if found is None:
            return None
        start_day, end_day = found
    elif p.weekday is not None:
        start_day = _weekday_date(p, today)
    elif p.period is not None:
        start_day, end_day = period_span(p, today)
    if p.hour is not None:
        if (p.minute or 0) > 59 or (p.second or 0) > 59:
            raise ImpossibleDate(f"no such time: {p.hour}:{p.minute}:{p.second}")
        clock = time(hour24(p), p.minute or 0, p.second or 0)
        day = start_day or today
        moment = datetime.combine(day, clock)
        if start_day is None and moment < ref:
            moment += timedelta(days=1)  # a bare time: its next occurrence
        elif p.weekday is not None and p.week_rel is None and p.day is None and moment < ref:
            moment += timedelta(days=7)  # "wed 9:15" said on Wednesday at 10: next week
        return Span(moment, None, True, False)
    if p.weekend and start_day is not None and p.hour is None and p.pod is None:
        first = datetime.combine(start_day, time())
        return Span(first, first + timedelta(days=2), False, True)
    if p.pod is not None:
        lo, hi = POD_SPANS[p.pod]
        day = start_day or today
        start, end = datetime.combine(day, lo), datetime.combine(day, hi)
        if p.pod_mod:
            half = (end - start + timedelta(seconds=1)) / 2  # the night ends at 23:59:59
            middle = (start + half).replace(second=0, microsecond=0)
            start, end = (start, middle) if p.pod_mod == "early" else (middle, end)
        return Span(start, end, True, False)
    if start_day is None:
        return None
    end_at = datetime.combine(end_day, time()) if end_day else None
    return Span(datetime.combine(start_day, time()), end_at, False, end_day is not None)


PARTS_FIELDS = tuple(f.name for f in fields(Parts))
