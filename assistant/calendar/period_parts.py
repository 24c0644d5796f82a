"""Pieces of a named period, in English and Chinese: "the first 2 weeks of 2021" /
"2021年的前2周", "the last four months of 2021" / "2021年的最后4个月", "the third month of
2021" / "2021年的第三个月".

The period itself ("2021", "last year", "今年") is resolved by the language's resolver, passed
in as ``resolve``; weeks of a year are ISO weeks (Monday to Monday).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from assistant.calendar.model import Resolution
from assistant.calendar.numerals import ZH_NUM, zh_to_int
from assistant.calendar.parts import add_months

Resolve = Callable[[str, datetime], Resolution | None]

_EN = re.compile(
    r"(?:the\s+)?(?P<end>first|1st|last)\s+(?P<n>\d+)\s+(?P<unit>day|week|month)s?\s+(?:of|in)\s+"
    r"(?P<x>.+)"
)
_EN_NTH = re.compile(r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+month\s+of\s+(?P<x>.+)")
_ZH = re.compile(
    rf"(?P<x>.+?)的?(?P<end>前|最后|最後)(?P<n>\d+|{ZH_NUM})个?(?P<unit>天|周|星期|个月|月)"
)
_ZH_NTH = re.compile(rf"(?P<x>.+?)的?第(?P<n>\d+|{ZH_NUM})个月")
_ZH_UNITS = {"天": "day", "周": "week", "星期": "week", "个月": "month", "月": "month"}


def _whole_year(res: Resolution | None) -> int | None:
    if res is None or res.start is None or res.end is None or res.mod or res.rrule:
        return None
    start, end = res.start, res.end
    if (start.month, start.day, end.month, end.day) == (1, 1, 1, 1) and end.year == start.year + 1:
        return start.year
    return None


def _period(res: Resolution | None) -> tuple[date, date] | None:
    if res is None or res.start is None or res.end is None or res.mod or res.rrule:
        return None
    return res.start.date(), res.end.date()


def _weeks(year: int, n: int, first: bool) -> tuple[date, date]:
    count = date(year, 12, 28).isocalendar()[1]  # ISO weeks in that year (52 or 53)
    week = 1 if first else count - n + 1
    monday = date.fromisocalendar(year, max(week, 1), 1)
    return monday, monday + timedelta(weeks=n)


def _piece(phrase: str, span: tuple[date, date], year: int | None, unit: str, n: int,
           first: bool) -> Resolution | None:  # fmt: skip
    start, end = span
    if unit == "week" and year is not None:
        lo, hi = _weeks(year, n, first)
    elif unit == "week" and first:  # weeks of a month: from its first Monday
        lo = start + timedelta(days=-start.weekday() % 7)
        hi = lo + timedelta(weeks=n)
    elif unit == "week":  # to the Monday that ends its last whole week
        hi = end - timedelta(days=end.weekday())
        lo = hi - timedelta(weeks=n)
    elif unit == "month":
        lo, hi = (start, add_months(start, n)) if first else (add_months(end, -n), end)
    else:
        lo, hi = (start, start + timedelta(days=n)) if first else (end - timedelta(days=n), end)
    if lo < start - timedelta(days=6) or hi > end + timedelta(days=6) or n <= 0:
        return None  # more of the unit than the period holds
    return Resolution(text=phrase, start=datetime.combine(lo, time()),
                      end=datetime.combine(hi, time()))  # fmt: skip


def _nth_month(phrase: str, year: int | None, n: int) -> Resolution | None:
    if year is None or not 1 <= n <= 12:
        return None
    first = date(year, n, 1)
    return Resolution(text=phrase, start=datetime.combine(first, time()),
                      end=datetime.combine(add_months(first, 1), time()))  # fmt: skip


def _number(written: str) -> int:
    return int(written) if written.isdigit() else zh_to_int(written)


_FIRST = ("first", "1st", "前")
_UNITS = {**_ZH_UNITS, "day": "day", "week": "week", "month": "month"}


def _period_piece(
    phrase: str,
    text: str,
    ref: datetime,
    resolve: Resolve,
    nth_re: re.Pattern[str],
    piece_re: re.Pattern[str],
) -> Resolution | None:
    if m := nth_re.fullmatch(text):
        return _nth_month(phrase, _whole_year(resolve(m["x"], ref)), _number(m["n"]))
    m = piece_re.fullmatch(text)
    if not m:
        return None
    res = resolve(m["x"], ref)
    span = _period(res)
    if span is None:
        return None
    n, first = _number(m["n"]), m["end"] in _FIRST
    return _piece(phrase, span, _whole_year(res), _UNITS[m["unit"]], n, first)


def period_piece_en(phrase: str, text: str, ref: datetime, resolve: Resolve) -> Resolution | None:
    return _period_piece(phrase, text, ref, resolve, _EN_NTH, _EN)


def period_piece_zh(phrase: str, text: str, ref: datetime, resolve: Resolve) -> Resolution | None:
    return _period_piece(phrase, text, ref, resolve, _ZH_NTH, _ZH)
