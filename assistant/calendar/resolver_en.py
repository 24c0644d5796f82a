"""English phrases: recurrences, durations, offsets, "before/after X", ranges, then points.

Points come from the rules in ``rules_en``; dateparser is the last resort for formats those do
not know.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from assistant.calendar.compose import (
    Amounts,
    decade,
    duration_range,
    offset_point,
    point,
    span_from_now,
    to_timedelta,
    two_points,
    whole_days,
    with_mod,
)
from assistant.calendar.model import Modifier, Resolution
from assistant.calendar.period_parts import period_piece_en
from assistant.calendar.rules_en import WEEKDAYS, normalize, parse_point
from assistant.calendar.spans_en import resolve_spans
from assistant.calendar.times_en import resolve_times

_UNIT = r"(?P<unit>sec(?:ond)?|min(?:ute)?|hour|hr|h(?=\b)|day|week|fortnight|month|year)s?"
_AMOUNT = re.compile(
    r"(?:(?P<n>\d+(?:\.\d+)?|an?|half an?|half a)\s*)?"
    + _UNIT
    + r"(?:\s+and\s+(?:a\s+)?(?P<half>half))?"
)
_UNIT_KEYS = {"sec": "second", "min": "minute", "hr": "hour", "h": "hour"}
_RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def parse_amounts(text: str, *, bare_units: bool = False) -> Amounts | None:
    """ "2 hours", "one hour and half", "an hour and a half"; with ``bare_units`` also "day and
    5 hours" (after "within the next")."""
    rest, amounts = text, Amounts()
    for m in _AMOUNT.finditer(text):
        if m["n"] is None and not bare_units:
            return None
        unit = _UNIT_KEYS.get(m["unit"], m["unit"])
        n = m["n"] or "1"
        amount = 0.5 if n.startswith("half") else 1.0 if n in ("a", "an") else float(n)
        amounts[unit] = amounts.get(unit, 0.0) + amount + (0.5 if m["half"] else 0)
        rest = rest.replace(m.group(0), " ", 1)
    leftover = [w for w in rest.split() if w not in ("and", "the", "next", "a")]
    if not amounts or leftover:
        return None
    return amounts


def parse_duration(text: str) -> timedelta | None:
    amounts = parse_amounts(normalize(text))
    return to_timedelta(amounts) if amounts else None


def _recurrence(text: str, ref: datetime) -> Resolution | None:
    m = re.fullmatch(r"(?:every|each)\s+(?P<rest>.+)", text)
    plural = re.fullmatch(
        r"(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day)s\b(?P<tail>.*)", text
    )
    if m:
        rest = m["rest"]
    elif plural:
        rest = plural["wd"] + plural["tail"]
    elif text in ("daily", "weekly", "monthly", "yearly", "annually"):
        freq = {"annually": "YEARLY"}.get(text, text.upper())
        return Resolution(text=text, start=ref, rrule=f"FREQ={freq}", granularity="datetime")
    else:
        return None
    unit = re.fullmatch(r"(?:other\s+)?(day|week|month|year)", rest)
    if unit:
        freq = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}[unit[1]]
        interval = ";INTERVAL=2" if rest.startswith("other") else ""
        return Resolution(text=text, start=ref, rrule=f"FREQ={freq}{interval}")
    parts = parse_point(rest)
    if parts is None:
        return None
    first = point(text, parts, ref)
    if first is None or first.start is None:
        return None
    rule = (
        "FREQ=DAILY" if parts.weekday is None else f"FREQ=WEEKLY;BYDAY={_RRULE_DAYS[parts.weekday]}"
    )
    if parts.hour is not None:
        rule += f";BYHOUR={first.start.hour};BYMINUTE={first.start.minute}"
    return Resolution(text=text, start=first.start, granularity=first.granularity, rrule=rule)


_MODS: tuple[tuple[str, Modifier], ...] = (
    (r"no later than|not later than|as late as|before|by|until|till|prior to|due", "before"),
    (r"after|later than", "after"),
    (
        r"since|starting(?: on| from)?|beginning(?: on)?|from(?= .+ on(?:wards?)?$)|as early as"
        r"|any ?time from",
        "since",
    ),
)
_RANGES = (
    # "02-02-2020 - 03-03-2020": the dashes inside each date are not the range's
    re.compile(
        r"(?:from\s+|between\s+)?(?P<a>\d{1,2}-\d{1,2}-\d{4})\s*(?:-|to)\s*"
        r"(?P<b>\d{1,2}-\d{1,2}-\d{4})"
    ),
    re.compile(
        r"(?:from\s+|between\s+)?(?P<a>.+?)\s*(?:\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b|-|–|~)"
        r"\s*(?P<b>.+)"
    ),
    re.compile(r"between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)"),
    # "tomorrow from 7 to 8pm": what precedes the range belongs to both ends
    re.compile(
        r"(?P<ctx>.+?)\s+(?:from|between)\s+(?P<a>.+?)\s*(?:\bto\b|-|–|\band\b)\s*(?P<b>.+)"
    ),
)


_APPROX = re.compile(
    r"^(?:(?:for|takes?|taking|lasts?|lasting)\s+)?(?:(?:about|around|approximately|approx\.?"
    r"|roughly|some|circa|ca\.|~|up to|at most|at least)\s+)?"
)


def resolve_en(phrase: str, ref: datetime) -> Resolution | None:
    text = normalize(phrase)
    if not text:
        return None
    found = _recurrence(text, ref) or _decade(text) or resolve_spans(phrase, text, ref, resolve_en)
    found = found or resolve_times(phrase, text, ref, resolve_en, parse_amounts)
    found = found or period_piece_en(phrase, text, ref, resolve_en)
    if found:
        return found
    m = re.fullmatch(r"(?:within|in|during|over)\s+the\s+(?:next|coming)\s+(?P<d>.+)", text)
    if m and (amounts := parse_amounts(m["d"], bare_units=True)):
        return duration_range(phrase, ref, to_timedelta(amounts))
    m = re.fullmatch(r"within\s+(?P<d>.+)", text)
    if m and (amounts := parse_amounts(m["d"])):
        return span_from_now(phrase, ref, amounts, 0)
    m = re.fullmatch(r"(?:the\s+)?(?P<dir>last|past|previous|next|coming)\s+(?P<d>.+)", text)
    if m and (amounts := parse_amounts(m["d"])):
        return span_from_now(phrase, ref, amounts, -1 if m["dir"] in _BACK else 1)
    # "3 days from now at noon", "in 2 days at 3pm": a whole-day offset frames the time
    m = re.fullmatch(r"(?:in\s+(?P<d>.+?)|(?P<d2>.+?)\s+(?:from now|later|from today))\s+"
                     r"(?P<t>(?:at|in|around)\s+.+)", text)  # fmt: skip
    amounts = parse_amounts(m["d"] or m["d2"]) if m else None
    if m and amounts and (days := whole_days(amounts)):
        framed = parse_point(m["t"])
        if framed is not None and not framed.has_date():
            framed.set(day_offset=days)
            return point(phrase, framed, ref)
    m = re.fullmatch(r"(?P<d>.+?)\s+(?P<dir>from|after|before)\s+(?P<x>.+)", text)
    # "the day after christmas" (never "the day after tomorrow", a point of its own)
    one_day = m is not None and m["d"] == "the day" and parse_point(text) is None
    if m and m["x"] != "now" and (amounts := {"day": 1.0} if one_day else parse_amounts(m["d"])):
        anchor = resolve_en(m["x"], ref)
        if anchor and anchor.start and anchor.mod is None and anchor.rrule is None:
            return offset_point(phrase, anchor.start, amounts, -1 if m["dir"] == "before" else 1)
    m = re.fullmatch(r"in\s+(?P<d>.+)|(?P<d2>.+?)\s+(?:from now|later)", text)
    if m and (amounts := parse_amounts(m["d"] or m["d2"])):
        return offset_point(phrase, ref, amounts, 1)
    m = re.fullmatch(r"(?P<d>.+?)\s+ago", text)
    if m and (amounts := parse_amounts(m["d"])):
        return offset_point(phrase, ref, amounts, -1)
    # "about 2 hours", "for 30 minutes": a length, not a time from now
    amounts = parse_amounts(_APPROX.sub("", text))
    if amounts is not None:
        length = to_timedelta(amounts)
        return Resolution(text=phrase, start=None, duration=length, granularity="datetime")
    m = re.fullmatch(
        r"(?:w/c|(?:the\s+)?week\s+(?:starting|beginning|commencing|of))\s+(?:on\s+|from\s+)?"
        r"(?P<x>.+)",
        text,
    )
    if m and (first := point(phrase, parse_point(m["x"]), ref)) and first.start:
        monday = first.start - timedelta(days=first.start.weekday())
        return Resolution(text=phrase, start=monday, end=monday + timedelta(days=7))
    simple = point(phrase, parse_point(text), ref)
    if simple:
        return simple
    for pattern in _RANGES:
        m = pattern.fullmatch(text)
        if m:
            context = m.groupdict().get("ctx") or ""
            a = parse_point(f"{m['a']} {context}")
            end = m["b"]
            if a is not None and a.day is not None and re.fullmatch(r"\d{1,2}", end):
                end += "th"  # "june 3 through 9": after a day, a bare number is a day
            b = parse_point(f"{end} {context}")
            ranged = two_points(phrase, a, b, ref)
            if ranged:
                return ranged
    for words, mod in _MODS:
        m = re.fullmatch(rf"(?:{words})\s+(?P<x>.+?)(?:\s+on(?:wards?)?)?", text)
        # "today before 4pm", "tuesday after 1pm": what comes first frames the bound
        m = m or re.fullmatch(rf"(?P<ctx>.+?)\s+(?:{words})\s+(?P<x>.+)", text)
        if m:
            inner_text = f"{m['x']} {m.groupdict().get('ctx') or ''}".strip()
            inner = resolve_en(inner_text, ref)
            if inner and inner.mod is None and inner.rrule is None:
                return with_mod(inner, mod, parse_point(inner_text))
    return _dateparser(phrase, ref)


_DECADE_WORDS = {"twenties": "20s", "thirties": "30s", "forties": "40s", "fifties": "50s",
                 "sixties": "60s", "seventies": "70s", "eighties": "80s",
                 "nineties": "90s"}  # fmt: skip


def _decade(text: str) -> Resolution | None:  # "the 90s", "the 1990s", "the nineties"
    words = "|".join(_DECADE_WORDS)
    m = re.fullmatch(rf"(?:in\s+)?(?:the\s+)?(?:(?P<c>1[89]|20)|')?(?P<d>\d0)\s?'?s|"
                     rf"(?:in\s+)?(?:the\s+)?(?P<w>{words})", text)  # fmt: skip
    if not m:
        return None
    tens = int(m["d"] or _DECADE_WORDS[m["w"]][:2])
    return decade(text, int(m["c"]) * 100 + tens if m["c"] else None, tens)


_BACK = ("last", "past", "previous")


def _dateparser(phrase: str, ref: datetime) -> Resolution | None:
    from dateparser.date import DateDataParser

    settings = {"RELATIVE_BASE": ref, "PREFER_DATES_FROM": "future",
                "RETURN_AS_TIMEZONE_AWARE": False}  # fmt: skip
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(phrase)
    if data.date_obj is None:
        return None
    year = data.date_obj.year
    if year not in (ref.year, ref.year + 1) and not re.search(rf"{year}|'{year % 100:02d}", phrase):
        return None  # a year the phrase does not write ("$12 December 27" is not 2027)
    has_time = data.period == "time"
    return Resolution(
        text=phrase, start=data.date_obj, granularity="datetime" if has_time else "date"
    )


__all__ = ["WEEKDAYS", "parse_duration", "resolve_en"]
