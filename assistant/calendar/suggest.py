"""Schedule suggestions extracted by the model: the JSON schema it must follow, and turning its
items into ``Suggestion``s. The model only copies the date phrase (``when_text``); dates are
resolved here, in code."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from assistant.calendar.model import Suggestion, SuggestionKind
from assistant.calendar.resolver import resolve

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


def _str(value: Any, limit: int = 200) -> str:
    return value.strip()[:limit] if isinstance(value, str) else ""


def _duration(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    minutes = int(value)
    return minutes if 0 < minutes <= 10080 else None


def suggestions_from_extraction(
    items: list[dict[str, Any]], *, reference: datetime, tz: str
) -> list[Suggestion]:
    """One ``Suggestion`` per well-formed item (untitled items are dropped). ``when_text`` is
    resolved against ``reference`` in ``tz``; a duration in the phrase itself ("2 hours") fills
    ``duration_min`` when the model gave none."""
    found = []
    for item in items:
        if not isinstance(item, dict):
            continue
        title = _str(item.get("title"))
        if not title:
            continue
        kind: SuggestionKind = "task" if item.get("kind") == "task" else "event"
        when_text = _str(item.get("when_text"))
        resolution = resolve(when_text, reference=reference, tz=tz) if when_text else None
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
                location=_str(item.get("location")),
                participants=tuple(p for p in (_str(x) for x in people) if p),
            )
        )
    return found
