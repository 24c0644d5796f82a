"""Schedule suggestions extracted by the model: the JSON schema it must follow, and turning its
items into ``Suggestion``s. The model only copies the date phrase (``when_text``); dates are
resolved here, in code."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from assistant import cjk
from assistant.calendar.model import Resolution, Suggestion, SuggestionKind
from assistant.calendar.resolver import detect_lang, resolve
from assistant.errors import ImpossibleDate

SUGGESTION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "kind": {"type": "string", "enum": ["event", "task"]},
                    "title": {"type": "string", "minLength": 1, "maxLength": 200},
                    "when_text": {"type": "string", "maxLength": 200},
                    "duration_min": {"type": ["integer", "null"], "minimum": 0, "maximum": 10080},
                    "location": {"type": "string", "maxLength": 200},
                    "participants": {
                        "type": "array",
                        "items": {"type": "string", "maxLength": 200},
                        "maxItems": 50,
                    },
                },
                "required": ["kind", "title", "when_text"],
                "additionalProperties": False,
            },
            "maxItems": 20,
        }
    },
    "required": ["items"],
    "additionalProperties": False,
}


MAX_WORDS = 10  # a when_text longer than this is cut before looking for its date part
MAX_CHARS_ZH = 24


def resolve_loose(phrase: str, *, reference: datetime, tz: str) -> Resolution | None:
    """``phrase`` resolved, else its longest part that resolves: models often copy a few words
    too many ("next Tuesday 3pm at Cafe Rio", "下周三下午两点开项目会"). Raises
    ``ImpossibleDate`` when the phrase names a date that does not exist ("2月30日"): no part
    of it ("2月3") is taken instead."""
    found = resolve(phrase, reference=reference, tz=tz)
    if found is not None or not phrase.strip():
        return found
    cjk = detect_lang(phrase) == "zh"
    units = list(phrase.strip())[:MAX_CHARS_ZH] if cjk else phrase.split()[:MAX_WORDS]
    glue = "" if cjk else " "
    impossible: list[tuple[int, int]] = []  # windows naming a non-existent date
    for length in range(len(units) - 1, 0, -1):
        for first in range(len(units) - length + 1):
            last = first + length
            if any(lo <= first and last <= hi for lo, hi in impossible):
                continue
            part = glue.join(units[first:last]).strip(" ,.;:，。；：")
            try:
                found = resolve(part, reference=reference, tz=tz) if part else None
            except ImpossibleDate:
                impossible.append((first, last))
                continue
            if found is not None:
                return found
    if impossible:
        lo, hi = impossible[0]
        raise ImpossibleDate(f"no such date: {glue.join(units[lo:hi])}")
    return None


def _try_resolve(phrase: str, *, reference: datetime, tz: str) -> Resolution | None:
    """``resolve`` where an impossible date only means "no date here"."""
    try:
        return resolve(phrase, reference=reference, tz=tz)
    except ImpossibleDate:
        return None


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


_SENTENCE = re.compile(r"[^.!?;。！？；\n]+")
MAX_SENTENCE_UNITS = 40


def _widen(found: Resolution, source: str, *, reference: datetime, tz: str) -> Resolution:
    """The longest phrase around ``found`` in its sentence of ``source`` that still resolves:
    "3pm" copied alone becomes "next Tuesday 3pm" when the text says so."""
    anchor = found.text.strip()
    best = found
    for sentence in _SENTENCE.findall(source):
        at = sentence.lower().find(anchor.lower())
        if at < 0:
            continue
        cjk = detect_lang(sentence) == "zh"
        if cjk:
            units, lo, hi = list(sentence), at, at + len(anchor)
        else:
            units = sentence.split()
            lo = len(sentence[:at].split())
            hi = lo + len(anchor.split())
        if len(units) > MAX_SENTENCE_UNITS:
            continue
        glue = "" if cjk else " "
        windows = sorted(
            ((i, j) for i in range(lo + 1) for j in range(hi, len(units) + 1)),
            key=lambda w: w[0] - w[1],
        )
        for i, j in windows:
            if j - i <= len(best.text if cjk else best.text.split()):
                break
            part = glue.join(units[i:j]).strip(" ,.;:，。；：")
            wider = _try_resolve(part, reference=reference, tz=tz)
            if wider is not None:
                best = wider
                break
    return best


def grounded_resolution(
    candidates: list[str], source: str, *, reference: datetime, tz: str
) -> Resolution | None:
    """The first candidate phrase whose resolvable part is written in ``source``, widened to
    the longest phrase of the text around it. Models sometimes compute a date themselves or copy
    one from the prompt: such a phrase is not in the text, so it is not trusted (dates are
    resolved in code from the text's own words)."""
    text = _norm(source)
    for phrase in candidates:
        found = resolve_loose(phrase, reference=reference, tz=tz) if phrase else None
        if found is not None and _norm(found.text) in text:
            return _widen(found, source, reference=reference, tz=tz)
    return None


_PLACE_EN = re.compile(r"\b(?:at|in)\s+((?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z0-9][\w'’&-]*)*)")
_PLACE_ZH = re.compile(rf"在([{cjk.HAN}\w]{{2,20}}?)(?:开会|见面|举行|集合|$)")


def place_in(phrase: str, *, reference: datetime, tz: str) -> str:
    """A place the model left in the date phrase ("3pm at Cafe Rio" -> "Cafe Rio")."""
    found = _PLACE_EN.search(phrase) or _PLACE_ZH.search(phrase)
    if found is None:
        return ""
    place = found.group(1).strip()
    return "" if _try_resolve(place, reference=reference, tz=tz) is not None else place


def _str(value: Any, limit: int = 200) -> str:
    return value.strip()[:limit] if isinstance(value, str) else ""


def _duration(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    minutes = int(value)
    return minutes if 0 < minutes <= 10080 else None


def _when(
    when_text: str, title: str, source: str | None, *, reference: datetime, tz: str
) -> tuple[Resolution | None, str, str]:
    """(resolution, the phrase it came from, why there is none). An impossible date keeps its
    phrase and the reason: it is never moved to another date."""
    try:
        if source is None:
            found = resolve_loose(when_text, reference=reference, tz=tz) if when_text else None
            return found, when_text, ""
        found = grounded_resolution([when_text, title], source, reference=reference, tz=tz)
    except ImpossibleDate as exc:
        return None, when_text, exc.user_text()
    return found, found.text if found is not None else "", ""


def suggestions_from_extraction(
    items: list[dict[str, Any]], *, reference: datetime, tz: str, source: str | None = None
) -> list[Suggestion]:
    """One ``Suggestion`` per well-formed item (untitled items are dropped). ``when_text`` is
    resolved against ``reference`` in ``tz``; a duration in the phrase itself ("2 hours") fills
    ``duration_min`` when the model gave none. With ``source`` (the text the items came from),
    only date phrases written in it count: the ``when_text``, else a date inside the title."""
    found = []
    for item in items:
        if not isinstance(item, dict):
            continue
        title = _str(item.get("title"))
        if not title:
            continue
        kind: SuggestionKind = "task" if item.get("kind") == "task" else "event"
        when_text = _str(item.get("when_text"))
        location = _str(item.get("location")) or place_in(when_text, reference=reference, tz=tz)
        resolution, when_text, date_error = _when(
            when_text, title, source, reference=reference, tz=tz
        )
        duration = _duration(item.get("duration_min"))
        if duration is None and resolution is not None and resolution.duration is not None:
            duration = int(resolution.duration.total_seconds() // 60) or None
        raw_people = item.get("participants")
        people = raw_people if isinstance(raw_people, list) else []
        found.append(
            Suggestion(
                kind=kind,
                title=title,
                when_text=when_text,
                resolution=resolution,
                duration_min=duration,
                location=location,
                participants=tuple(p for p in (_str(x) for x in people) if p),
                date_error=date_error,
            )
        )
    return found
