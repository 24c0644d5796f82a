"""Dates for people: "Tue 24 Nov, 12:30" / "11月24日（周二）12:30", in the user's time zone,
with "Today"/"Tomorrow"/"Yesterday" (今天/明天/昨天) where that reads better.

The one place that turns a datetime into text a person reads (Schedule results, suggestions,
tasks, plans, reminders, History). ISO 8601 stays for ``--json`` and files. The UI passes its
locale's language; the CLI uses ``language_of`` on the ``ui_language`` setting.
"""

from __future__ import annotations

import locale
import os
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

_EN_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ZH_DAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
_RELATIVE = {
    "en": {-1: "Yesterday", 0: "Today", 1: "Tomorrow"},
    "zh": {-1: "昨天", 0: "今天", 1: "明天"},
}


def language_of(setting: str) -> str:
    """ "en" or "zh" for a ``ui_language`` value ("system" reads the process locale)."""
    if setting and setting != "system":
        return "zh" if setting.lower().startswith("zh") else "en"
    for name in ("LC_ALL", "LC_TIME", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    found = locale.getlocale()[0] or ""
    return "zh" if found.lower().startswith("zh") else "en"


def parse_stored(text: str) -> datetime:
    """A stored ISO 8601 time; a naive one was written in UTC (the store's rule)."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo("UTC"))


def _local(moment: datetime, tz: str) -> datetime:
    zone = ZoneInfo(tz)
    return moment.astimezone(zone) if moment.tzinfo else moment.replace(tzinfo=zone)


def format_day(day: date, *, lang: str, today: date | None = None, relative: bool = True) -> str:
    """ "Tue 24 Nov" / "11月24日（周二）"; the year only when it is not ``today``'s year; "Today"
    and its neighbours when ``today`` is given (unless ``relative`` is False)."""
    near = _RELATIVE[_lang(lang)].get((day - today).days) if today and relative else None
    if near:
        return near
    year = today.year if today is not None else None
    if _lang(lang) == "zh":
        prefix = f"{day.year}年" if year is not None and day.year != year else ""
        return f"{prefix}{day.month}月{day.day}日（{_ZH_DAYS[day.weekday()]}）"
    suffix = f" {day.year}" if year is not None and day.year != year else ""
    return f"{_EN_DAYS[day.weekday()]} {day.day} {_EN_MONTHS[day.month - 1]}{suffix}"


def _lang(lang: str) -> str:
    return "zh" if lang.lower().startswith("zh") else "en"


def _join(day_text: str, clock: str, lang: str) -> str:
    if _lang(lang) == "zh":
        sep = " " if not day_text.endswith("）") else ""
        return f"{day_text}{sep}{clock}"
    return f"{day_text}, {clock}"


def format_when(
    moment: datetime, *, lang: str, tz: str, now: datetime | None = None, all_day: bool = False
) -> str:
    """One moment in ``tz``: "Tue 24 Nov, 12:30", "Tomorrow, 09:00", "11月24日（周二）12:30",
    "明天 09:00"; the day alone for an all-day date. ``now`` enables the relative words."""
    local = _local(moment, tz)
    today = _local(now, tz).date() if now is not None else None
    day_text = format_day(local.date(), lang=lang, today=today)
    if all_day:
        return day_text
    return _join(day_text, f"{local:%H:%M}", lang)


def format_span(
    start: datetime,
    end: datetime,
    *,
    lang: str,
    tz: str,
    now: datetime | None = None,
    all_day: bool = False,
) -> str:
    """ "Tue 24 Nov, 12:30–13:30"; over days "Tue 24 Nov, 22:00 – Wed 25 Nov, 01:00"; an all-day
    span by its days (``end`` exclusive)."""
    a, b = _local(start, tz), _local(end, tz)

    def when(moment: datetime) -> str:
        return format_when(moment, lang=lang, tz=tz, now=now, all_day=all_day)

    if all_day:
        last = b - timedelta(days=1) if b.date() > a.date() else a
        return when(a) if last.date() == a.date() else f"{when(a)} – {when(last)}"
    if a.date() == b.date():
        return f"{when(a)}–{b:%H:%M}"
    return f"{when(a)} – {when(b)}"


def format_minutes(minutes: int, *, lang: str) -> str:
    """A length for people: "1 h 30 min" / "1小时30分钟"."""
    hours, rest = divmod(max(0, int(minutes)), 60)
    if _lang(lang) == "zh":
        return (f"{hours}小时" if hours else "") + (f"{rest}分钟" if rest or not hours else "")
    parts = ([f"{hours} h"] if hours else []) + ([f"{rest} min"] if rest or not hours else [])
    return " ".join(parts)
