"""English times of day beyond the clock: meals ("at lunch", "after dinner"), "last night",
"tomorrow am", "right now", "the end of tomorrow", and a start with a length ("from 2pm for
2 hours", "3 days starting next monday").

``TIME_RULES`` run after the other rules of ``rules_en`` (the clock rules have taken "9 am" by
then); ``resolve_times`` handles whole phrases before the point rules of ``resolver_en``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, time

from assistant.calendar.compose import Amounts, shift
from assistant.calendar.model import Resolution
from assistant.calendar.parts import Parts

Handler = Callable[[re.Match[str], Parts], None]
Resolve = Callable[[str, datetime], Resolution | None]
ParseAmounts = Callable[[str], Amounts | None]

MEALS = {"breakfast": "morning", "brunch": "noon", "lunch": "noon", "lunchtime": "noon",
         "dinner": "evening", "dinnertime": "evening", "supper": "evening"}  # fmt: skip


def _meal(m: re.Match[str], p: Parts) -> None:  # "at lunch": the part of day it falls in
    p.set(pod=MEALS[m["meal"]])


def _relative_pod(m: re.Match[str], p: Parts) -> None:  # "last night", "next evening"
    p.set(day_offset={"last": -1, "previous": -1, "next": 1, "this": 0}[m["rel"]])


def _bare_meridiem(m: re.Match[str], p: Parts) -> None:  # "tomorrow am": its morning
    p.set(pod="morning" if m["mer"] == "am" else "afternoon")


TIME_RULES: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(r"\b(?P<meal>" + "|".join(sorted(MEALS, key=len, reverse=True)) + r")\b"), _meal),
    (
        re.compile(
            r"\b(?P<rel>last|previous|next|this)\s+(?=(?:morning|afternoon|evening|night)\b)"
        ),
        _relative_pod,
    ),
    (re.compile(r"(?<![\d:])\b(?P<mer>am|pm)\b"), _bare_meridiem),
]

_NOW = re.compile(r"(?:right\s+)?now|at\s+(?:the\s+)?(?:moment|minute|present(?:\s+time)?)"
                  r"|at\s+this\s+(?:time|moment)|currently|just now")  # fmt: skip


def _now(phrase: str, text: str, ref: datetime) -> Resolution | None:
    if not _NOW.fullmatch(text):
        return None
    return Resolution(text=phrase, start=ref, granularity="datetime")


def _end_of_day(phrase: str, text: str, ref: datetime, resolve: Resolve) -> Resolution | None:
    """ "the end of tomorrow", "end of this sunday": the last second of that day."""
    m = re.fullmatch(r"(?:the\s+)?end\s+of\s+(?P<x>.+)", text)
    if not m or re.match(r"(?:the\s+)?(?:week|month|year|quarter|day)\b", m["x"]):
        return None
    day = resolve(m["x"], ref)
    if day is None or day.start is None or day.end is not None or day.granularity != "date":
        return None
    return Resolution(text=phrase, start=datetime.combine(day.start.date(), time(23, 59, 59)),
                      granularity="datetime")  # fmt: skip


_LENGTH = re.compile(
    r"(?P<ctx>.*?)\s*(?:from\s+(?P<a>.+?)\s+for\s+(?P<d>.+)|for\s+(?P<d2>.+?)\s+from\s+(?P<a2>.+)"
    r"|(?P<d4>.+?)\s+starting\s+(?:from\s+|on\s+)?(?P<a4>.+))"
)


def _from_for(
    phrase: str, text: str, ref: datetime, resolve: Resolve, amounts_of: ParseAmounts
) -> Resolution | None:
    """ "from 2pm for 2 hours", "for 3 days from today", "a week starting tomorrow": a span
    from a start for a length (a date for whole days, a time for less)."""
    m = _LENGTH.fullmatch(text)
    if not m:
        return None
    length = m["d"] or m["d2"] or m["d4"]
    start_text = f"{m['a'] or m['a2'] or m['a4']} {m['ctx']}".strip()
    amounts = amounts_of(re.sub(r"^(?:about|around)\s+", "", length))
    first = resolve(start_text, ref)
    if not amounts or first is None or first.start is None or first.mod or first.rrule:
        return None
    begin = first.start.replace(tzinfo=None)
    return replace(first, text=phrase, end=shift(begin, amounts, 1), duration=None)


_BOUND = re.compile(r"(?P<cmp>more|less)\s+than\s+(?P<d>.+?)\s+(?P<dir>before|after)\s+(?P<x>.+)")


def _more_or_less(
    phrase: str, text: str, ref: datetime, resolve: Resolve, amounts_of: ParseAmounts
) -> Resolution | None:
    """ "more than 2 weeks before today" (before that day), "less than 3 days after tomorrow"
    (the days between)."""
    m = _BOUND.fullmatch(text)
    amounts = amounts_of(m["d"]) if m else None
    anchor = resolve(m["x"], ref) if m and amounts else None
    if not m or not amounts or anchor is None or anchor.start is None or anchor.mod:
        return None
    sign = -1 if m["dir"] == "before" else 1
    base = anchor.start.replace(tzinfo=None)
    bound = shift(base, amounts, sign)
    if m["cmp"] == "less":
        lo, hi = sorted((base, bound))
        return Resolution(text=phrase, start=lo, end=hi, granularity=anchor.granularity)
    if sign < 0:
        return Resolution(text=phrase, start=None, end=bound, mod="before")
    return Resolution(text=phrase, start=bound, mod="after", granularity=anchor.granularity)


def resolve_times(
    phrase: str, text: str, ref: datetime, resolve: Resolve, amounts_of: ParseAmounts
) -> Resolution | None:
    return (
        _now(phrase, text, ref)
        or _end_of_day(phrase, text, ref, resolve)
        or _from_for(phrase, text, ref, resolve, amounts_of)
        or _more_or_less(phrase, text, ref, resolve, amounts_of)
    )


__all__ = ["TIME_RULES", "resolve_times"]
