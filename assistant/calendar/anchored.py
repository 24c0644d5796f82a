"""Days anchored to a year or a month by a rule rather than by a number: holidays computed per
year (Easter, Thanksgiving, 春节), the n-th weekday of a month ("the last Friday of March",
"下个月第一个周一"), ISO week numbers ("week 10", "第10周") and the early / middle / late part
of a month ("mid-November", "3月下旬").

Both languages fill the same ``Parts`` fields (``holiday``, ``nth``, ``week_no``,
``month_part``); ``anchored_days`` turns them into days. A year or month that is not written is
the next one where the day is still ahead, as for any date without a year.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter  # type: ignore[import-untyped]
from dateutil.relativedelta import (  # type: ignore[import-untyped]
    MO,
    SU,
    TH,
    relativedelta,
)

from assistant.calendar.parts import Parts, add_months
from assistant.errors import ImpossibleDate


def _nth(month: int, weekday: object) -> Callable[[int], date]:
    return lambda year: date(year, month, 1) + relativedelta(weekday=weekday)


def _lunar(month: int, day: int) -> Callable[[int], date]:
    def solar(year: int) -> date:
        from lunardate import LunarDate  # type: ignore[import-untyped]

        solar_day: date = LunarDate(year, month, day).to_solar_date()
        return solar_day

    return solar


def _lunar_new_years_eve(year: int) -> date:
    # the last day of the lunar year ending in ``year``: "2024年除夕" is 9 February 2024
    return _lunar(1, 1)(year) - timedelta(days=1)


def _qingming(year: int) -> date:
    """A solar term, 4 or 5 April: the usual formula, exact for 2000-2099."""
    yy = year % 100
    return date(year, 4, int(yy * 0.2422 + 4.81) - yy // 4)


# holiday key -> its day in a given year (Gregorian)
HOLIDAY_DAYS: dict[str, Callable[[int], date]] = {
    "easter": easter,
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "mlk day": _nth(1, MO(3)),
    "presidents day": _nth(2, MO(3)),
    "mothers day": _nth(5, SU(2)),
    "memorial day": lambda y: date(y, 5, 31) + relativedelta(weekday=MO(-1)),
    "fathers day": _nth(6, SU(3)),
    "labor day": _nth(9, MO(1)),
    "columbus day": _nth(10, MO(2)),
    "thanksgiving": _nth(11, TH(4)),
    "black friday": lambda y: _nth(11, TH(4))(y) + timedelta(days=1),
    "cyber monday": lambda y: _nth(11, TH(4))(y) + timedelta(days=4),
    "spring festival": _lunar(1, 1),
    "lantern festival": _lunar(1, 15),
    "dragon boat festival": _lunar(5, 5),
    "qixi": _lunar(7, 7),
    "mid-autumn festival": _lunar(8, 15),
    "double ninth festival": _lunar(9, 9),
    "lunar new years eve": _lunar_new_years_eve,
    "qingming": _qingming,
}

# the parts of a month: (first day, day after the last; 0 = the month's end)
MONTH_PARTS = {"early": (1, 16), "mid": (10, 21), "late": (16, 0),
               "first_third": (1, 11), "second_third": (11, 21), "last_third": (21, 0),
               "first_day": (1, 2), "last_day": (-1, 0)}  # fmt: skip


def holiday_day(key: str, year: int) -> date:
    try:
        return HOLIDAY_DAYS[key](year)
    except ValueError as exc:  # a lunar year outside the converter's 1900-2099 range
        raise ImpossibleDate(f"{key} cannot be computed for {year}") from exc


def _year_given(p: Parts, today: date) -> int | None:
    if p.year is not None:
        return p.year
    if p.period == "year" and p.period_part is None:
        return today.year + p.period_shift  # "thanksgiving next year"
    return None


def _month_of(p: Parts, today: date) -> tuple[int, int, bool]:
    """(year, month, fixed): fixed when the phrase pins the month to one year."""
    year = _year_given(p, today)
    if p.month is not None:
        return (year or today.year, p.month, year is not None)
    if p.period == "month" and p.period_part is None:
        first = add_months(date(today.year, today.month, 1), p.period_shift)
        return first.year, first.month, True
    if p.month_part in ("first_day", "last_day") and (year is not None or p.period == "year"):
        return year or today.year, 1 if p.month_part == "first_day" else 12, year is not None
    return year or today.year, today.month, year is not None


def _in_month(p: Parts, year: int, month: int) -> tuple[date, date | None]:
    last = calendar.monthrange(year, month)[1]
    if p.nth is not None and p.weekday is not None:
        days = [d for d in range(1, last + 1) if date(year, month, d).weekday() == p.weekday]
        if p.nth > len(days):
            raise ImpossibleDate(f"no {p.nth}th such weekday in {year}-{month:02d}")
        return date(year, month, days[p.nth - 1 if p.nth > 0 else -1]), None
    if p.nth is not None and p.week_no is None:  # "the 2nd week of march": Monday to Monday
        return _week_of(date(year, month, 1), date(year, month, last), p.nth)
    assert p.month_part is not None
    lo, hi = MONTH_PARTS[p.month_part]
    end = date(year, month, hi) if hi else date(year, month, last) + timedelta(days=1)
    return date(year, month, lo if lo > 0 else last), end


def _week_of(first: date, last: date, nth: int) -> tuple[date, date]:
    """The n-th calendar week (Monday to Monday) of the days first..last, counting weeks with
    most of their days inside, as ISO 8601 does for a year's weeks; ``nth`` -1 is the last."""
    anchor = first + timedelta(days=3) if nth > 0 else last - timedelta(days=3)
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=max(nth - 1, 0))
    return monday, monday + timedelta(days=7)


def _iso_week(year: int, week: int) -> date:
    try:
        return date.fromisocalendar(year, week, 1)
    except ValueError as exc:
        raise ImpossibleDate(f"no week {week} in {year}") from exc


def anchored_days(p: Parts, today: date) -> tuple[date, date | None] | None:
    """(first day, day after the last or None) for the anchored fields, or None if unset."""
    if p.holiday is not None:
        year = _year_given(p, today)
        day = holiday_day(p.holiday, year or today.year)
        if year is None and p.week_rel == "last" and day >= today:
            day = holiday_day(p.holiday, today.year - 1)  # "last easter": the latest gone by
        elif year is None and p.week_rel != "last" and day < today:
            day = holiday_day(p.holiday, today.year + 1)
        return day, None
    week = p.week_no
    if week is None and p.nth and p.weekday is None and p.month is None and p.period != "month":
        week = p.nth  # "the 10th week of 2027": a week of the year
    if week is not None and week > 0:  # "week 10": of the year named, else of this year
        monday = _iso_week(_year_given(p, today) or today.year, week)
        return monday, monday + timedelta(days=7)
    year_named = p.year is not None or (p.period == "year" and p.period_part is None)
    if p.nth == -1 and p.weekday is None and p.month is None and year_named:
        year = _year_given(p, today) or today.year  # "the last week of 2016"
        return _week_of(date(year, 1, 1), date(year, 12, 31), -1)
    if p.nth is None and p.month_part is None:
        return None
    year, month, fixed = _month_of(p, today)
    found = _in_month(p, year, month)
    if not fixed and (found[1] or found[0] + timedelta(days=1)) <= today:
        ahead = add_months(date(year, month, 1), 12 if p.month is not None else 1)
        found = _in_month(p, ahead.year, ahead.month)
    return found
