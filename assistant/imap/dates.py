"""Dates of mails shown for people: "Tue 24 Nov, 12:30" / "11月24日（周二）12:30", in the
local time zone, with the year only when it is not this year's. Never raw ISO."""

from __future__ import annotations

from datetime import datetime

_DAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS_ZH = "一二三四五六日"


def people_date(value: datetime, language: str = "en", now: datetime | None = None) -> str:
    local = value.astimezone()
    this_year = (now or datetime.now().astimezone()).year
    if language.startswith("zh"):
        year = "" if local.year == this_year else f"{local.year}年"
        return f"{year}{local.month}月{local.day}日（周{_DAYS_ZH[local.weekday()]}）{local:%H:%M}"
    year = "" if local.year == this_year else f" {local.year}"
    day = f"{_DAYS_EN[local.weekday()]} {local.day} {_MONTHS_EN[local.month - 1]}{year}"
    return f"{day}, {local:%H:%M}"
