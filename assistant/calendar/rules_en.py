"""English rules: one phrase for one point in time -> ``Parts`` (None if not understood)."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.calendar.anchored_rules import EN_RULES, HOLIDAYS
from assistant.calendar.formats_en import FORMAT_RULES
from assistant.calendar.normalize_en import normalize
from assistant.calendar.parts import Conflict, Parts, century
from assistant.calendar.times_en import TIME_RULES

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
            "sat": 5, "sun": 6}  # fmt: skip

_MON = (r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|"
        r"t|tember|ober|ember)?\.?(?![a-z])")  # fmt: skip
_WD = r"(?P<wd>mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|r|rs|rsday|urday)?\.?(?![a-z])"
_ORD = r"(?:st|nd|rd|th)"
_FILLER = {"on", "at", "the", "of", "in", "for", "around", "about", "circa", "sometime", "day",
           "o'clock", "oclock", "-", "and", "this"}  # fmt: skip

Handler = Callable[[re.Match[str], Parts], None]
# anchored days come first, then the written formats ("oct/2" is a date, not October at 2)
RULES: list[tuple[re.Pattern[str], Handler]] = [*EN_RULES, *FORMAT_RULES, *TIME_RULES[:2]]


def rule(pattern: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        RULES.append((re.compile(pattern), fn))
        return fn

    return register


def _year(text: str) -> int:
    value = int(text)
    return century(value) if value < 100 else value


@rule(r"\b(?:the\s+)?(?:(?P<n>[1-4])(?:st|nd|rd|th)\s+quarter|q(?P<q>[1-4]))\b")
def _quarter(m: re.Match[str], p: Parts) -> None:  # "1st quarter of 2013", "2019 q3"
    p.set(year_part=(3, int(m["n"] or m["q"])))


@rule(r"\b(?:the\s+)?(?:(?:(?P<n>[12])(?:st|nd)|(?P<w>first|second))\s+half|h(?P<h>[12]))\b")
def _half_year(m: re.Match[str], p: Parts) -> None:  # "first half of 2019", "2019 h2"
    which = m["n"] or m["h"] or ("1" if m["w"] == "first" else "2")
    p.set(year_part=(6, int(which)))


@rule(r"\b(?P<name>" + "|".join(re.escape(h) for h in HOLIDAYS) + r")(?P<this> of this year)?")
def _holiday(m: re.Match[str], p: Parts) -> None:
    month, day = HOLIDAYS[m["name"]]
    p.set(month=month, day=day, year_shift=0 if m["this"] else None)


@rule(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b")
def _dmy_dots(m: re.Match[str], p: Parts) -> None:
    p.set(year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))


@rule(r"\b(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b")
def _ymd(m: re.Match[str], p: Parts) -> None:
    p.set(year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))


@rule(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?\b")
def _slash_date(m: re.Match[str], p: Parts) -> None:
    a, b = int(m["a"]), int(m["b"])
    month, day = (b, a) if a > 12 else (a, b)  # US month/day unless it cannot be
    p.set(month=month, day=day, year=_year(m["y"]) if m["y"] else None)


@rule(r"\b" + _WD + r",?\s+(?P<a>\d{1,2})-(?P<b>\d{1,2})\b(?!\s*(?:am|pm|:))")
def _weekday_dash_date(m: re.Match[str], p: Parts) -> None:  # "friday 7-6"
    a, b = int(m["a"]), int(m["b"])
    month, day = (b, a) if a > 12 else (a, b)
    p.set(weekday=WEEKDAYS[m["wd"][:3]], month=month, day=day)


@rule(r"\b(?P<d>\d{1,2})-" + _MON + r"-(?P<y>\d{4})\b")
def _d_mon_y(m: re.Match[str], p: Parts) -> None:
    p.set(year=int(m["y"]), month=MONTHS[m["mon"][:3]], day=int(m["d"]))


@rule(_MON + r"\s*/\s*(?P<y>\d{4})\b")
def _mon_slash_year(m: re.Match[str], p: Parts) -> None:
    p.set(year=int(m["y"]), month=MONTHS[m["mon"][:3]])


@rule(r"\b" + _MON + r"\s*(?P<d>\d{1,2})" + _ORD + r"?\b(?:,?\s*(?:in\s+)?(?P<y>\d{4})\b)?")
def _mon_day(m: re.Match[str], p: Parts) -> None:
    p.set(month=MONTHS[m["mon"][:3]], day=int(m["d"]), year=int(m["y"]) if m["y"] else None)


@rule(r"\b(?:the\s+)?(?P<d>\d{1,2})" + _ORD + r"?(?:\s+day)?\s+(?:of\s+)?" + _MON
      + r"(?:,?\s*(?:in\s+)?(?P<y>\d{4})\b)?")  # fmt: skip
def _day_mon(m: re.Match[str], p: Parts) -> None:
    p.set(month=MONTHS[m["mon"][:3]], day=int(m["d"]), year=int(m["y"]) if m["y"] else None)


@rule(r"\b(?P<y>\d{4})\s+" + _MON + r"\b")
def _year_mon(m: re.Match[str], p: Parts) -> None:
    p.set(year=int(m["y"]), month=MONTHS[m["mon"][:3]])


@rule(r"\b" + _MON + r"(?:,?\s*(?:of\s+|in\s+)?(?P<y>\d{4}))?\b")
def _mon(m: re.Match[str], p: Parts) -> None:
    p.set(month=MONTHS[m["mon"][:3]], year=int(m["y"]) if m["y"] else None)


@rule(r"\b(?:the\s+)?(?P<d>\d{1,2})" + _ORD + r"\b")
def _ordinal_day(m: re.Match[str], p: Parts) -> None:
    p.set(day=int(m["d"]))


@rule(r"\b(?:(?P<rel>this|next|last|the|coming|that|previous|following)\s+)?weekend\b")
def _weekend(m: re.Match[str], p: Parts) -> None:  # Saturday to Monday (exclusive)
    words = {"next": "next", "following": "next", "last": "last", "previous": "last"}
    p.set(weekday=5, week_rel=words.get(m["rel"] or "", "this"))
    p.weekend = True


@rule(r"\b(?:(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?(?:business\s+)?day|eod|cob|close\s+of\s+"
      r"business)\b")  # fmt: skip
def _end_of_day(m: re.Match[str], p: Parts) -> None:  # "by end of day tomorrow": its last second
    p.set(hour=23, minute=59, second=59)


@rule(r"\bthis\s+time\b")
def _this_time(m: re.Match[str], p: Parts) -> None:  # "this time next week": the time of now
    p.same_time = True


@rule(r"\b(?P<mod>early|late)\s+(?=tonight|tonite)")
def _early_late_tonight(m: re.Match[str], p: Parts) -> None:  # "late tonight": its second half
    p.set(pod_mod=m["mod"])


@rule(r"\b(?P<w>the day after tomorrow|the day after next|the day before yesterday|today|"
      r"tonight|tonite|tomorrow|tmrw|yesterday|otd|on this day|the (?:next|following) day$|"
      r"the day (?:before|after)$|^the day$)\b")  # fmt: skip
def _relative_day(m: re.Match[str], p: Parts) -> None:  # "the day after": told of today
    offsets = {"today": 0, "tonight": 0, "tonite": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1,
               "the day after tomorrow": 2, "the day after next": 2, "otd": 0, "on this day": 0,
               "the day before yesterday": -2, "the next day": 1, "the following day": 1,
               "the day before": -1, "the day after": 1, "the day": 0}  # fmt: skip
    p.set(day_offset=offsets[m["w"]], pod="night" if m["w"] in ("tonight", "tonite") else None)


@rule(r"\b(?:(?P<rel>next|last|this(?:\s+upcoming)?|coming|upcoming|past|previous|following)\s+)?"
      + _WD + r"(?!\w)")  # fmt: skip
def _weekday(m: re.Match[str], p: Parts) -> None:
    words = {"previous": "last", "following": "next", "upcoming": "coming",
             "this upcoming": "coming"}  # fmt: skip
    rel = words.get(m["rel"] or "", m["rel"])
    p.set(weekday=WEEKDAYS[m["wd"][:3]], week_rel=rel)


@rule(r"\b(?:the\s+)?(?P<part>later|earlier|late|early|rest\s+of)\s+(?:this|in\s+the|in\s+this|the)\s+"
      r"(?P<per>week|month|year|quarter)\b")  # fmt: skip
def _part_of_period(m: re.Match[str], p: Parts) -> None:
    part = "earlier" if m["part"] in ("earlier", "early") else "later"
    part = "rest" if m["part"].startswith("rest") else part
    p.set(period=m["per"], period_part=part)


@rule(r"\b(?:the\s+)?(?P<part>end|start|beginning)\s+of\s+(?:the\s+|this\s+)?(?:(?P<rel>next|last)\s+)?"
      r"(?P<per>week|month|year|quarter)\b")  # fmt: skip
def _end_of_period(m: re.Match[str], p: Parts) -> None:
    shift = {"next": 1, "last": -1}.get(m["rel"] or "", 0)
    p.set(period=m["per"], period_part="end" if m["part"] == "end" else "start")
    p.period_shift = shift


@rule(r"\b(?:the\s+)?(?P<per>week|month|year)\s+(?P<dir>after\s+next|before\s+last)\b")
def _period_two_away(m: re.Match[str], p: Parts) -> None:  # "the week after next"
    p.set(period=m["per"])
    p.period_shift = 2 if m["dir"].startswith("after") else -2


@rule(r"\b(?P<rel>this|next|last|the|coming|previous|current|following|same)\s+"
      r"(?P<per>week|month|year|quarter)\b")  # fmt: skip
def _period(m: re.Match[str], p: Parts) -> None:
    p.set(period=m["per"])
    shifts = {"next": 1, "coming": 1, "following": 1, "last": -1, "previous": -1}
    p.period_shift = shifts.get(m["rel"], 0)


@rule(r"\b(?:(?P<mod>early|late|later)\s+)?(?:in\s+the\s+|this\s+)?(?P<pod>morning|afternoon"
      r"|evening|night|noon|midday|midnight|daytime|nighttime)s?\b")  # fmt: skip
def _part_of_day(m: re.Match[str], p: Parts) -> None:
    if m["pod"] == "midnight":
        p.set(hour=0, minute=0, meridiem="am")
        return
    if m["pod"] in ("noon", "midday") and p.hour is None:
        p.set(hour=12, minute=0, meridiem="pm")
        return
    if m["pod"] == "morning" and m["mod"] == "early" and p.hour is not None:
        p.set(pod="morning")
        return
    p.set(pod=m["pod"], pod_mod={"later": "late"}.get(m["mod"] or "", m["mod"]))
    if "this" in m.group(0):
        p.set(day_offset=0)


@rule(r"\b(?P<mins>\d{1,2})\s*(?:(?:min(?:ute)?s?\s+)?(?P<dir>past|after)|min(?:ute)?s?\s+(?P<to>to))"
      r"\s+(?P<h>\d{1,2})\b")  # fmt: skip
def _minutes_past(m: re.Match[str], p: Parts) -> None:
    hour, mins = int(m["h"]), int(m["mins"])
    if m["to"]:
        hour, mins = (hour - 1) % 24, 60 - mins
    p.set(hour=hour, minute=mins)


@rule(r"\b(?P<q>quarter|half)\s+(?P<dir>past|to)\s+(?P<h>\d{1,2})\b(?:\s*(?P<mer>am|pm)\b)?")
def _quarter_past(m: re.Match[str], p: Parts) -> None:
    mins = 15 if m["q"] == "quarter" else 30
    hour = int(m["h"])
    if m["dir"] == "to":
        hour, mins = (hour - 1) % 24, 60 - mins
    p.set(hour=hour, minute=mins, meridiem=m["mer"])


@rule(r"\b(?P<h>\d{1,2})[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?\s*(?P<mer>am|pm)?(?!\w)")
def _clock(m: re.Match[str], p: Parts) -> None:
    p.set(hour=int(m["h"]), minute=int(m["m"]), second=int(m["s"]) if m["s"] else None)
    p.set(meridiem=m["mer"])


@rule(r"\b(?P<h>\d{1,2})\s*(?P<mer>am|pm)(?!\w)")
def _hour_meridiem(m: re.Match[str], p: Parts) -> None:
    p.set(hour=int(m["h"]), minute=0, meridiem=m["mer"])


@rule(r"\b(?P<h>\d{1,2})\s+(?P<m>[0-5]\d)\b(?!\s*(?:st|nd|rd|th))")
def _spoken_clock(m: re.Match[str], p: Parts) -> None:  # "three thirty" -> "3 30"
    if int(m["h"]) > 24:
        raise Conflict("not a time")
    p.set(hour=int(m["h"]), minute=int(m["m"]))


@rule(r"\b(?P<y>(?:1[6-9]|20)\d{2})\b")
def _bare_year(m: re.Match[str], p: Parts) -> None:
    p.set(year=int(m["y"]))


@rule(r"\b(?P<n>\d{1,2})\b")
def _bare_number(m: re.Match[str], p: Parts) -> None:
    value = int(m["n"])
    before, after = m.string[: m.start()].rstrip(), m.string[m.end() :].lstrip()
    if before.endswith(("-", "–")) or after.startswith(("-", "–")):
        raise Conflict("one end of a range")  # "march 3-10" is a range, not the 3rd at 10
    after_the = m.string[: m.start()].rstrip().endswith("the")
    if value > 31:
        raise Conflict("stray number")  # "room 45": not a day of any month
    if p.day is None and (value > 24 or after_the):
        p.set(day=value)
    elif value <= 24:
        p.set(hour=value, minute=0)
    else:
        raise Conflict("stray number")


RULES.append(TIME_RULES[2])  # a bare "am"/"pm" once the clock rules have had theirs


def parse_point(text: str) -> Parts | None:
    """Parts of one English point phrase ("next tuesday 3pm"), or None."""
    rest = normalize(text)
    parts = Parts(small_hours_pm=True)
    try:
        for pattern, handler in RULES:
            while True:
                m = pattern.search(rest)
                if not m:
                    break
                handler(m, parts)
                rest = rest[: m.start()] + " " + rest[m.end() :]
    except Conflict:
        return None
    leftover = [w for w in re.split(r"[\s/]+", rest) if w and w not in _FILLER]
    if leftover or parts.empty():
        return None
    return parts
