"""Calendar events (``assistant.calendar.CalEvent``), stored by uid."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import sqlite_utils

from assistant.errors import UserError
from assistant.store.base import StoreBase, now_iso

if TYPE_CHECKING:
    from assistant.calendar.model import CalEvent


def _utc(value: datetime) -> str:
    if value.tzinfo is None:
        raise UserError(f"event times need a time zone, got {value.isoformat()}")
    return value.astimezone(UTC).isoformat(timespec="seconds")


def _event(row: dict[str, Any]) -> CalEvent:
    from assistant.calendar.model import CalEvent

    return CalEvent(
        uid=row["uid"],
        title=row["title"],
        start=datetime.fromisoformat(row["start"]),
        end=datetime.fromisoformat(row["end"]),
        all_day=bool(row["all_day"]),
        location=row["location"],
        description=row["description"],
        participants=tuple(json.loads(row["participants"])),
        rrule=row["rrule"],
    )


class EventsMixin(StoreBase):
    def add_event(self, event: CalEvent) -> None:
        """Store an event (an event with the same uid is replaced)."""
        row = {
            "uid": event.uid,
            "title": event.title,
            "start": event.start.isoformat(),
            "end": event.end.isoformat(),
            "start_utc": _utc(event.start),
            "end_utc": _utc(event.end),
            "all_day": int(event.all_day),
            "location": event.location,
            "description": event.description,
            "participants": json.dumps(list(event.participants), ensure_ascii=False),
            "rrule": event.rrule,
            "created_at": now_iso(),
        }

        def upsert(db: sqlite_utils.Database) -> None:
            db.table("events").upsert(row, pk="uid")

        self._write(upsert, "cannot save the event")

    def delete_event(self, uid: str) -> None:
        def delete(db: sqlite_utils.Database) -> None:
            if db.execute("DELETE FROM events WHERE uid = ?", [uid]).rowcount == 0:
                raise UserError(f"there is no event {uid!r}")

        self._write(delete, "cannot delete the event")

    def events_between(self, start: datetime, end: datetime) -> list[CalEvent]:
        """Events overlapping [start, end) (recurring ones: those that begin before ``end``),
        earliest first."""
        rows = self._read(
            "SELECT * FROM events WHERE start_utc < ? AND (end_utc > ? OR rrule IS NOT NULL)"
            " ORDER BY start_utc, uid",
            [_utc(end), _utc(start)],
        )
        return [_event(r) for r in rows]
