"""English written date formats that mix digits and month names or pack the digits together:
"oct/2", "2020/sep/23", "23/sep/2020", "20161016", "2016 10 16", "2015-12", "12-2015" ("5.30"
stays a time).

``rules_en`` runs these before its other rules, so "oct/2" is a date and never "October, at 2".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.calendar.parts import Conflict, Parts

Handler = Callable[[re.Match[str], Parts], None]

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MON = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"


def _month(m: re.Match[str]) -> int:
    return MONTHS[m["mon"][:3]]


def _mon_slash_day(m: re.Match[str], p: Parts) -> None:  # "oct/2", "nov/2/2016"
    p.set(month=_month(m), day=int(m["d"]), year=int(m["y"]) if m["y"] else None)


def _year_mon_day(m: re.Match[str], p: Parts) -> None:  # "2020/sep/23", "2020/23/sep"
    p.set(year=int(m["y"]), month=_month(m), day=int(m["d"]))


def _dashed_date(m: re.Match[str], p: Parts) -> None:  # "10-1-2018": US month first
    a, b = int(m["a"]), int(m["b"])
    month, day = (b, a) if a > 12 else (a, b)
    p.set(year=int(m["y"]), month=month, day=day)


def _mon_dash_day(m: re.Match[str], p: Parts) -> None:  # "jun-15"
    p.set(month=_month(m), day=int(m["d"]))


def _compact(m: re.Match[str], p: Parts) -> None:  # "20161016", "2016 10 16"
    month, day = int(m["m"]), int(m["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise Conflict("not a packed date")
    p.set(year=int(m["y"]), month=month, day=day)


def _year_month(m: re.Match[str], p: Parts) -> None:  # "2015-12", "12-2015", "2015-3"
    month = int(m["m"] or m["m2"])
    if not 1 <= month <= 12:
        raise Conflict("not a month")
    p.set(year=int(m["y"] or m["y2"]), month=month)


def _year_word(m: re.Match[str], p: Parts) -> None:  # "this september", "next 5/12"
    p.set(year_shift=1 if m["rel"] == "next" else 0)


_MONTH_AHEAD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
_DATE_AHEAD = (rf"(?={_MONTH_AHEAD}|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH_AHEAD}"
               r"|\d{1,2}/\d{1,2}\b(?!/))")  # fmt: skip
_ALONE = r"(?<![\d./:-])"  # the format is the whole number, not the tail of another
_END = r"(?![\d./:-]|\s*(?:am|pm)\b)"
FORMAT_RULES: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(r"\b(?P<rel>this|next)\s+" + _DATE_AHEAD), _year_word),
    (re.compile(r"\b" + _MON + r"/(?P<d>\d{1,2})(?:/(?P<y>\d{4}))?\b"), _mon_slash_day),
    (re.compile(r"\b(?P<d>\d{1,2})/" + _MON + r"/(?P<y>\d{4})\b"), _year_mon_day),
    (re.compile(r"\b(?P<y>\d{4})/" + _MON + r"/(?P<d>\d{1,2})\b"), _year_mon_day),
    (re.compile(r"\b(?P<y>\d{4})/(?P<d>\d{1,2})/" + _MON), _year_mon_day),
    (re.compile(r"\b(?P<d>\d{1,2})-(?P<y>\d{4})-" + _MON), _year_mon_day),
    (re.compile(_ALONE + r"\b(?P<a>\d{1,2})-(?P<b>\d{1,2})-(?P<y>\d{4})\b" + _END), _dashed_date),
    (re.compile(r"\b" + _MON + r"-(?P<d>\d{1,2})\b(?!-)"), _mon_dash_day),
    (re.compile(_ALONE + r"\b(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})\b" + _END), _compact),
    (re.compile(r"^(?P<y>(?:19|20)\d{2}) (?P<m>\d{1,2}) (?P<d>\d{1,2})$"), _compact),
    (
        re.compile(
            _ALONE + r"\b(?:(?P<y>\d{4})-(?P<m>\d{1,2})|(?P<m2>\d{1,2})-(?P<y2>\d{4}))\b" + _END
        ),
        _year_month,
    ),
]
