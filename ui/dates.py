"""Dates for people in the UI: the core's ``human_dates`` in the language of the UI's locale."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

from assistant.calendar.human_dates import format_span, format_when, parse_stored
from assistant.errors import DeskmateError

if TYPE_CHECKING:
    from assistant.core import Core


def user_zone(core: Core) -> str:
    """The user's time zone (setting, else the system's); UTC when the setting is unusable."""
    from assistant.tasks.schedule import resolve_zone

    try:
        return resolve_zone(core, "")
    except DeskmateError:
        return "UTC"


def people_lang() -> str:
    """ "zh" or "en": the language the interface shows (QLocale's default follows it)."""
    return "zh" if QLocale().name().lower().startswith("zh") else "en"


def shown_time(stored: str, tz: str) -> str:
    """A stored ISO time as people read it ("Today, 12:30", "11月24日（周二）12:30"); "" when
    there is none, the text as stored when it is not a time."""
    if not stored:
        return ""
    try:
        moment = parse_stored(stored)
    except ValueError:
        return stored
    return format_when(moment, lang=people_lang(), tz=tz, now=datetime.now(UTC))


def shown_span(start: str, end: str, tz: str, *, all_day: bool = False) -> str:
    return format_span(
        parse_stored(start),
        parse_stored(end),
        lang=people_lang(),
        tz=tz,
        now=datetime.now(UTC),
        all_day=all_day,
    )
