"""Shared glue of both languages: durations, ranges of two points, naive -> aware."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from assistant.calendar.model import Modifier, Resolution
from assistant.calendar.parts import (
    PM_PODS,
    Parts,
    Span,
    add_months,
    fold_relative_period,
    hour24,
    materialize,
)

UNIT_SECONDS = {
    "second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 7 * 86400,
    "fortnight": 14 * 86400, "month": 30 * 86400, "year": 365 * 86400,
}  # fmt: skip


def point(text: str, parts: Parts | None, ref: datetime) -> Resolution | None:
    if parts is None:
        return None
    span = materialize(parts, ref)
    if span is None:
        return None
    return _from_span(text, span)


def _from_span(text: str, span: Span) -> Resolution:
    return Resolution(
        text=text,
        start=span.start,
        end=span.end,
        granularity="datetime" if span.has_time else "date",
    )


def two_points(text: str, a: Parts | None, b: Parts | None, ref: datetime) -> Resolution | None:
    """ "A to B": start of A to start of B (B moved a day on if it would come first)."""
    if a is None or b is None:
        return None
    today = ref.date()
    a0, b0 = fold_relative_period(a, today), fold_relative_period(b, today)  # as written
    a, b = merge_range_sides(a0, b0)
    if (
        a.year is None is b.year
        and a.month is not None
        and b.month is not None
        and not (a.has_time() or b.has_time())
    ):
        a.year = b.year = today.year  # "from may to september": the months of this year
    sa, sb = materialize(a, ref), materialize(b, ref)
    if sa is None or sb is None:
        return None
    start, end = sa.start, sb.start
    if sb.end is not None and (b.month_part == "last_day" or b.period_part == "end"):
        end = sb.end  # "from 2007 to the end of 2008": up to the end of that last day
    if sa.has_time and sb.has_time and _same_day_named(a, b) and start.date() != end.date():
        # "monday 9-11am" said on Monday at 10: one day for both ends, the end's (still ahead)
        start = datetime.combine(end.date(), start.time())
    if sb.has_time and _same_day_named(a, b) and end <= start:
        end += timedelta(days=1)  # "friday 10pm to 2am": the end is past midnight
    elif sb.has_time and not b.has_date() and end <= start:
        end += timedelta(days=1)
    elif end < start and not sb.has_time:
        start, end = _in_order(a0, b0, start, end)
    return Resolution(
        text=text,
        start=start,
        end=end,
        granularity="datetime" if sa.has_time or sb.has_time else "date",
    )


_DATE_KEYS = ("year", "month", "day", "weekday", "week_rel", "day_offset", "holiday", "nth",
              "week_no", "month_part")  # fmt: skip


def _same_day_named(a: Parts, b: Parts) -> bool:
    return a.has_date() and all(getattr(a, k) == getattr(b, k) for k in _DATE_KEYS)


def merge_range_sides(a: Parts, b: Parts) -> tuple[Parts, Parts]:
    """Share what one side of "A to B" states and the other leaves out (date, am/pm, year)."""
    a, b = a.copy(), b.copy()
    date_keys = _DATE_KEYS
    same_date = all(getattr(a, k) == getattr(b, k) for k in date_keys)
    own_dates = a.has_date() and b.has_date() and not same_date
    if not a.has_date() and b.has_date():
        for key in date_keys:
            setattr(a, key, getattr(b, key))
    elif not b.has_date() and a.has_date():
        for key in date_keys:
            setattr(b, key, getattr(a, key))
    else:
        if b.day is not None and b.month is None and a.month is not None:
            b.month = a.month
        if a.day is not None and a.month is None and b.month is not None and a.weekday is None:
            a.month, a.year = b.month, b.year  # "from the 9th till the 17th of april"
        if a.year is None and b.year is not None and a.month is not None:
            a.year = b.year
        if b.year is None and a.year is not None and b.month is not None:
            b.year = a.year
    if a.hour is not None and b.hour is not None and not own_dates:
        if a.meridiem is None and a.pod is None and (b.meridiem or b.pod):
            later = hour24(replace(a, meridiem=b.meridiem, pod=b.pod))
            if later <= hour24(b):
                a.meridiem, a.pod = b.meridiem, b.pod
        if b.meridiem is None and b.pod is None and (a.meridiem == "pm" or a.pod in PM_PODS):
            b.meridiem = "pm" if b.hour > (a.hour % 12) else None
        elif b.meridiem is None and b.pod is None and a.pod:
            b.pod = a.pod
    return a, b


def _in_order(a: Parts, b: Parts, start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """ "may to march", "nov-feb 5th, 2017", "next monday to friday": a range runs forward, so
    the side without its own year (or week) moves: the end a year (week) on, or the start a
    year back when only the end names its year."""
    if a.day is not None and a.month is None and b.month is None and a.weekday is None:
        # "5号到8号" said on the 7th: the days of one month, the range already under way
        return datetime.combine(add_months(start.date(), -1), start.time()), end
    if b.year is None and b.weekday is not None and b.month is None:
        return start, end + timedelta(days=7)
    if b.year is None and b.month is not None:
        return start, datetime.combine(add_months(end.date(), 12), end.time())
    if a.year is None and b.year is not None and a.month is not None:
        return datetime.combine(add_months(start.date(), -12), start.time()), end
    return start, end


def with_mod(res: Resolution | None, mod: Modifier, parts: Parts | None) -> Resolution | None:
    """ "before X" -> end (deadline); "after X" -> start after X; "since X" -> start of X."""
    if res is None or res.start is None:
        return None
    whole_period = res.end is not None and res.granularity == "date"
    if mod == "before":
        end_part = parts is not None and parts.period_part == "end"
        due = res.end if (end_part and res.end is not None) else res.start
        return replace(res, start=None, end=due, mod="before")
    if mod == "after":  # after a day, a month, or a part of a day ("after lunch"): its end
        whole_period = whole_period or (
            res.end is not None
            and parts is not None
            and parts.pod is not None
            and parts.hour is None
        )
        start = res.end if (whole_period and res.end is not None) else res.start
        return replace(res, start=start, end=None, mod="after")
    return replace(res, end=None, mod="since")


def span_from_now(phrase: str, ref: datetime, amounts: Amounts, sign: int) -> Resolution:
    """ "last 3 months" (up to today, ``sign`` -1), "next 40 days" (from tomorrow, 1), "within
    9 months" (from today, 0): whole days for lengths of a day or more, exact times below."""
    length = to_timedelta(amounts)
    if length < timedelta(days=1):
        start = ref if sign >= 0 else ref - length
        return Resolution(text=phrase, start=start, end=start + length, granularity="datetime",
                          duration=length)  # fmt: skip
    day = datetime.combine(ref.date(), time())
    if sign < 0:
        return Resolution(text=phrase, start=shift(day, amounts, -1), end=day, duration=length)
    first = day + timedelta(days=sign)
    return Resolution(text=phrase, start=first, end=shift(first, amounts, 1), duration=length)


def whole_days(amounts: Amounts) -> int | None:
    """The number of days of "2 days" / "一周" (an offset a date can move by), else None."""
    days = amounts.get("day", 0) + 7 * amounts.get("week", 0)
    if set(amounts) - {"day", "week"} or days != int(days):
        return None
    return int(days)


def decade(text: str, first: int | None, two_digits: int) -> Resolution:
    """ "the 90s", "the 1990s", "九十年代": ten years; a decade written with two digits is
    1920-2010 ("the 20s" are the 1920s, "the 10s" the 2010s), as in both languages' usage."""
    if first is None:
        first = 1900 + two_digits if two_digits >= 20 else 2000 + two_digits
    return Resolution(text=text, start=datetime(first, 1, 1), end=datetime(first + 10, 1, 1))


def duration_range(text: str, ref: datetime, length: timedelta) -> Resolution:
    """ "within the next 2 hours", "还剩5分钟": from now for that long."""
    return Resolution(text=text, start=ref, end=ref + length, granularity="datetime",
                      duration=length)  # fmt: skip


Amounts = dict[str, float]  # unit name -> how many ("year": 3.5)


def to_timedelta(amounts: Amounts) -> timedelta:
    return timedelta(seconds=sum(UNIT_SECONDS[unit] * n for unit, n in amounts.items()))


def shift(ref: datetime, amounts: Amounts, sign: int) -> datetime:
    """Calendar arithmetic: whole years and months move the date, the rest is exact time."""
    years, months = amounts.get("year", 0.0), amounts.get("month", 0.0)
    rest = {u: n for u, n in amounts.items() if u not in ("year", "month")}
    moved = add_months(ref.date(), sign * (12 * int(years) + int(months)))
    fraction = to_timedelta({"year": years % 1, "month": months % 1, **rest})
    return datetime.combine(moved, ref.time()) + sign * fraction


def offset_point(text: str, ref: datetime, amounts: Amounts, sign: int) -> Resolution:
    """ "in 3 years", "5天前", "2 hours from now": a point moved from the reference."""
    moment = shift(ref, amounts, sign)
    date_only = to_timedelta(amounts) >= timedelta(days=1)
    if date_only:
        moment = datetime.combine(moment.date(), datetime.min.time())
    return Resolution(text=text, start=moment, granularity="date" if date_only else "datetime")


def localize(res: Resolution, tz: ZoneInfo) -> Resolution:
    def aware(value: datetime | None) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=tz) if value.tzinfo is None else value.astimezone(tz)

    return replace(res, start=aware(res.start), end=aware(res.end))
