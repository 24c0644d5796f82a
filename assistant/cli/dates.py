"""Dates for people in CLI tables and messages: the user's time zone and language (``--json``
output keeps ISO 8601)."""

from __future__ import annotations

from datetime import UTC, datetime

from assistant.calendar.human_dates import format_span, format_when, language_of, parse_stored
from assistant.cli.context import CliContext


def _zone_lang(ctx: CliContext) -> tuple[str, str]:
    from assistant.tasks.schedule import resolve_zone

    return resolve_zone(ctx.core, ""), language_of(ctx.core.settings.get_str("ui_language"))


def when(ctx: CliContext, moment: datetime | str | None, *, all_day: bool = False) -> str:
    """ "Tue 24 Nov, 12:30" / "11月24日（周二）12:30"; a stored ISO text is accepted too."""
    if moment is None or moment == "":
        return ""
    value = parse_stored(moment) if isinstance(moment, str) else moment
    tz, lang = _zone_lang(ctx)
    return format_when(value, lang=lang, tz=tz, now=datetime.now(UTC), all_day=all_day)


def span(ctx: CliContext, start: datetime, end: datetime, *, all_day: bool = False) -> str:
    tz, lang = _zone_lang(ctx)
    return format_span(start, end, lang=lang, tz=tz, now=datetime.now(UTC), all_day=all_day)
