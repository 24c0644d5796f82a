"""English phrases that name a span by counting or bounding whole periods: "the last 2 quarters",
"5 upcoming years", "the 21st century", "year 2008", "2018 or later", "between now and May 21".

They are whole-phrase shapes, tried before the point rules of ``resolver_en``; ``resolve`` is the
full English resolver (passed in, as it resolves the bounds).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from assistant.calendar.compose import Amounts, span_from_now
from assistant.calendar.model import Resolution
from assistant.calendar.parts import add_months

Resolve = Callable[[str, datetime], Resolution | None]

_BACK = ("last", "past", "previous")
_FORTH = ("next", "coming", "upcoming", "following")
_UNITS = r"(?P<unit>day|week|fortnight|month|quarter|year|decade|minute|hour)s?"


def _midnight(d: date) -> datetime:
    return datetime.combine(d, time())


def _quarters(phrase: str, ref: datetime, n: int, sign: int) -> Resolution:
    """ "the last 2 quarters": whole calendar quarters before (or after) the current one."""
    current = date(ref.year, (ref.month - 1) // 3 * 3 + 1, 1)
    if sign < 0:
        start, end = add_months(current, -3 * n), current
    else:
        start = add_months(current, 3)
        end = add_months(start, 3 * n)
    return Resolution(text=phrase, start=_midnight(start), end=_midnight(end))


def _decades(phrase: str, ref: datetime, n: int, sign: int) -> Resolution:
    current = ref.year // 10 * 10
    first = current + 10 if sign > 0 else current - 10 * n
    last = first + 10 * n
    return Resolution(text=phrase, start=datetime(first, 1, 1), end=datetime(last, 1, 1))


def counted(phrase: str, text: str, ref: datetime) -> Resolution | None:
    """ "last 2 quarters", "5 upcoming years", "10 previous weeks", "next couple weeks",
    "past quarter", "the next decade": a count of periods before or after the reference."""
    dirs = "|".join(_BACK + _FORTH)
    m = re.fullmatch(
        rf"(?:the\s+)?(?:(?P<n1>\d+|a couple(?: of)?|couple(?: of)?)\s+)?(?P<dir>{dirs})\s+"
        rf"(?:(?P<n2>\d+|a couple(?: of)?|couple(?: of)?)\s+)?{_UNITS}",
        text,
    )
    if not m or (m["n1"] and m["n2"]):
        return None
    written = m["n1"] or m["n2"]
    n = 1 if written is None else 2 if "couple" in written else int(written)
    sign = -1 if m["dir"] in _BACK else 1
    unit = m["unit"]
    if unit == "quarter":
        return _quarters(phrase, ref, n, sign)
    if unit == "decade":
        return _decades(phrase, ref, n, sign)
    if written is None and unit == "fortnight":  # two calendar weeks
        monday = _midnight(ref.date()) - timedelta(days=ref.weekday())
        start = monday + timedelta(weeks=2 if sign > 0 else -2)
        return Resolution(text=phrase, start=start, end=start + timedelta(weeks=2))
    if written is None and unit not in ("minute", "hour"):
        return None  # "next week" is the calendar week: the point rules' job
    amounts: Amounts = {"week": 2.0 * n} if unit == "fortnight" else {unit: float(n)}
    return span_from_now(phrase, ref, amounts, sign)


def business_days(phrase: str, text: str, ref: datetime) -> Resolution | None:
    """ "next 4 business days" (from tomorrow), "previous 3 working days" (up to today): N
    weekdays, Saturdays and Sundays skipped; the end is the day after the last."""
    dirs = "|".join(_BACK + _FORTH)
    m = re.fullmatch(
        rf"(?:the\s+)?(?P<dir>{dirs})\s+(?P<n>\d+)\s+(?:business|working|work)\s*days?", text
    )
    if not m or not 0 < int(m["n"]) <= 366:
        return None
    step = timedelta(days=-1 if m["dir"] in _BACK else 1)
    day, seen = ref.date(), list[date]()
    while len(seen) < int(m["n"]):
        day += step
        if day.weekday() < 5:
            seen.append(day)
    first, last = min(seen), max(seen)
    end = ref.date() if step.days < 0 else last + timedelta(days=1)
    return Resolution(text=phrase, start=_midnight(first), end=_midnight(end))


def work_week(phrase: str, text: str, ref: datetime) -> Resolution | None:
    """ "this working week", "next workweek": Monday to Friday (the end is Saturday)."""
    m = re.fullmatch(
        r"(?:the\s+)?(?P<rel>this|next|last|previous)\s+(?:working\s+|work\s*)week", text
    )
    if not m:
        return None
    shift = {"next": 1, "last": -1, "previous": -1}.get(m["rel"], 0)
    monday = _midnight(ref.date()) - timedelta(days=ref.weekday()) + timedelta(weeks=shift)
    return Resolution(text=phrase, start=monday, end=monday + timedelta(days=5))


def this_fortnight(phrase: str, text: str, ref: datetime) -> Resolution | None:
    if not re.fullmatch(r"(?:the|this)\s+fortnight", text):
        return None
    monday = _midnight(ref.date()) - timedelta(days=ref.weekday())
    return Resolution(text=phrase, start=monday, end=monday + timedelta(weeks=2))


def century(phrase: str, text: str) -> Resolution | None:  # "the 21st century"
    m = re.fullmatch(r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century", text)
    if not m:
        return None
    first = (int(m["n"]) - 1) * 100
    return Resolution(text=phrase, start=datetime(max(first, 1), 1, 1),
                      end=datetime(first + 100, 1, 1))  # fmt: skip


def named_year(phrase: str, text: str, ref: datetime) -> Resolution | None:
    """ "year 2008", "calendar year 2008", "cy18", "this calendar year", "=2019"."""
    m = re.fullmatch(r"(?:(?:the\s+)?(?:calendar\s+)?year|cy|=)\s*(?P<y>\d{4}|\d{2})", text)
    this = re.fullmatch(r"(?:this|the current)\s+calendar\s+year", text)
    if not (m or this):
        return None
    written = m["y"] if m else None
    year = (
        ref.year if written is None else int(written) if len(written) == 4 else 2000 + int(written)
    )
    return Resolution(text=phrase, start=datetime(year, 1, 1), end=datetime(year + 1, 1, 1))


_SINCE = r"(?:or|and)\s+(?:later|after|greater|newer)"
_COMPARE = re.compile(
    rf"(?:year\s+)?(?P<x>.+?)\s+{_SINCE}"
    r"|(?:year\s+)?(?:greater|later|newer)\s+than\s+(?P<gt>.+)"
    r"|>\s*=\s*(?P<ge>.+)|<\s*=\s*(?P<le>.+)"
)


def compared(phrase: str, text: str, ref: datetime, resolve: Resolve) -> Resolution | None:
    """ "2018 or later", "1/1/2016 and after" (since its start), "greater than 2015" (after its
    end), ">= 2019", "<= 2019" (until its end)."""
    m = _COMPARE.fullmatch(text)
    if not m:
        return None
    inner = resolve(m["x"] or m["gt"] or m["ge"] or m["le"], ref)
    if inner is None or inner.start is None or inner.mod is not None or inner.rrule:
        return None
    if m["gt"]:
        return replace(inner, text=phrase, start=inner.end or inner.start, end=None, mod="after")
    if m["le"]:
        return replace(inner, text=phrase, start=None, end=inner.end or inner.start, mod="before")
    return replace(inner, text=phrase, end=None, mod="since")


_NOW = r"now|today|the present|current date|date|the current date"


def up_to_now(phrase: str, text: str, ref: datetime, resolve: Resolve) -> Resolution | None:
    """ "between now and may 21", "between jan 2019 and now", "from march to date", "to date":
    one side is the reference itself (its day for dates, its instant for times)."""
    if re.fullmatch(r"(?:up\s+)?(?:to|till|until)\s+(?:date|now)|year to date|ytd", text):
        day = _midnight(ref.date())
        if text.startswith("year") or text == "ytd":
            return Resolution(text=phrase, start=datetime(ref.year, 1, 1), end=day)
        return Resolution(text=phrase, start=None, end=day, mod="before")
    m = re.fullmatch(
        r"(?:between\s+(?P<a>.+?)\s+and|from\s+(?P<a2>.+?)\s+(?:to|till|until))\s+(?P<b>.+)",
        text,
    )
    if not m:
        return None
    first, second = m["a"] or m["a2"], m["b"]
    now_first = re.fullmatch(_NOW, first) is not None
    if now_first == (re.fullmatch(_NOW, second) is not None):
        return None
    other = resolve(second if now_first else first, ref)
    if other is None or other.start is None or other.mod is not None or other.rrule:
        return None
    timed = other.granularity == "datetime"
    here = ref if timed else _midnight(ref.date())
    start = other.start
    if not now_first and start > here:  # "from feb 2 to date": the side before now is past
        written_year = re.search(r"\b\d{4}\b", text)
        start = start - timedelta(days=1) if timed else start
        if not timed and not written_year:
            start = _midnight(add_months(start.date(), -12))
    if now_first and timed and start > ref + timedelta(hours=12):
        start -= timedelta(hours=12)  # "between now and eight" at 10 am: 8 pm, the nearer one
    other = replace(other, start=start)
    if now_first:
        return Resolution(text=phrase, start=here, end=other.start, granularity=other.granularity)
    return Resolution(text=phrase, start=other.start, end=here, granularity=other.granularity)


_WD = r"(?P<wd>mon|tue|wed|thu|fri|sat|sun)[a-z]*"
_OFFSET = re.compile(r"\b(?:from now|from today|after|before|later|ago|in)\b")
_WEEKDAY_OF = re.compile(rf"{_WD}\s+(?P<x>.+)|(?P<x2>.+?)\s+on\s+{_WD.replace('wd', 'wd2')}")


def weekday_of_offset(phrase: str, text: str, ref: datetime, resolve: Resolve) -> Resolution | None:
    """ "monday two weeks from now", "3 weeks after christmas on friday": that weekday in the
    week (Monday to Sunday) the offset lands in."""
    m = _WEEKDAY_OF.fullmatch(text)
    offset = (m["x"] or m["x2"]) if m else ""
    if not m or not _OFFSET.search(offset):
        return None
    day = resolve(offset, ref)
    if day is None or day.start is None or day.end or day.mod or day.granularity != "date":
        return None
    weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(m["wd"] or m["wd2"])
    moved = day.start + timedelta(days=weekday - day.start.weekday())
    return replace(day, text=phrase, start=moved)


def resolve_spans(phrase: str, text: str, ref: datetime, resolve: Resolve) -> Resolution | None:
    return (
        counted(phrase, text, ref)
        or this_fortnight(phrase, text, ref)
        or business_days(phrase, text, ref)
        or work_week(phrase, text, ref)
        or century(phrase, text)
        or named_year(phrase, text, ref)
        or up_to_now(phrase, text, ref, resolve)
        or compared(phrase, text, ref, resolve)
        or weekday_of_offset(phrase, text, ref, resolve)
    )


__all__ = ["resolve_spans"]
