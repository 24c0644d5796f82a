"""``resolve``: a date/time phrase -> ``Resolution``, in code, for English and Chinese."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assistant import cjk
from assistant.calendar.compose import localize
from assistant.calendar.model import Resolution
from assistant.calendar.resolver_en import resolve_en
from assistant.calendar.resolver_zh import resolve_zh
from assistant.errors import CalendarError

MAX_PHRASE = 200


def zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise CalendarError(f"unknown time zone: {tz!r}", hint="use an IANA name") from exc


def detect_lang(phrase: str) -> str:
    return "zh" if cjk.HAN_RE.search(phrase) else "en"


def resolve(
    phrase: str, *, reference: datetime, tz: str, lang: str | None = None
) -> Resolution | None:
    """Resolve ``phrase`` ("next Tuesday 3pm", "下周三下午两点", "月底前") against ``reference``
    (aware, or naive meaning local time in ``tz``). Returns aware datetimes in ``tz``, or None
    when the phrase is not understood. Raises ``ImpossibleDate`` when it names a date or time
    that does not exist ("2019年2月29日", "2月30日")."""
    zinfo = zone(tz)
    phrase = phrase.strip()
    if not phrase or len(phrase) > MAX_PHRASE:
        return None
    local_ref = reference.astimezone(zinfo) if reference.tzinfo else reference.replace(tzinfo=zinfo)
    naive_ref = local_ref.replace(tzinfo=None)
    language = (lang or detect_lang(phrase)).lower()
    if language.startswith("zh"):
        found = resolve_zh(phrase, naive_ref)
        if found is None and not cjk.HAN_RE.search(phrase):
            found = resolve_en(phrase, naive_ref)
    else:
        found = resolve_en(phrase, naive_ref)
        if found is None and cjk.HAN_RE.search(phrase):
            found = resolve_zh(phrase, naive_ref)
    if found is None:
        return None
    return localize(found, zinfo)
