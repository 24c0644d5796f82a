"""Calendar events (``assistant.calendar.CalEvent``), stored by uid.

Deleting an event moves it to a trash (``deleted_at`` set): listings and search skip it,
``restore_event`` brings it back, ``purge_events`` deletes trashed events for good. Adding an
event again (same uid) takes it out of the trash.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
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
        reminder_min=row.get("reminder_min"),
        busy=bool(row.get("busy", 1)),
    )


def event_row(event: CalEvent, caldav_href: str = "") -> dict[str, Any]:
    """The ``events`` row of ``event`` (``caldav_href``: the server object it mirrors)."""
    return {
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
        "reminder_min": event.reminder_min,
        "busy": int(event.busy),
        "caldav_href": caldav_href,
        "created_at": now_iso(),
        "deleted_at": None,
    }


class CalendarEventsMixin(StoreBase):
    def add_event(self, event: CalEvent) -> None:
        """Store an event (an event with the same uid is replaced)."""
        row = event_row(event, self._caldav_href_of(event.uid))

        def upsert(db: sqlite_utils.Database) -> None:
            db.table("events").upsert(row, pk="uid")

        self._write(upsert, "cannot save the event")

    def _caldav_href_of(self, uid: str) -> str:
        """The server object an event mirrors ('' if local): replacing it keeps the link."""
        rows = self._read("SELECT caldav_href FROM events WHERE uid = ?", [uid])
        return str(rows[0]["caldav_href"]) if rows else ""

    def _set_event_deleted(self, uid: str, value: str | None) -> None:
        live_only = " AND deleted_at IS NULL" if value is not None else ""  # trashed: gone

        def update(db: sqlite_utils.Database) -> None:
            sql = f"UPDATE events SET deleted_at = ? WHERE uid = ?{live_only}"
            cur = db.execute(sql, [value, uid])
            if cur.rowcount == 0:
                raise UserError(f"there is no event {uid!r}")

        self._write(update, "cannot update the event")

    def set_event_reminder(self, uid: str, minutes: int | None) -> None:
        """The event's own reminder lead (minutes before its start); None: the default."""
        if minutes is not None and not 0 <= minutes <= 7 * 24 * 60:
            raise UserError(f"a reminder is 0 to {7 * 24 * 60} minutes before, not {minutes}")

        def update(db: sqlite_utils.Database) -> None:
            cur = db.execute(
                "UPDATE events SET reminder_min = ? WHERE uid = ? AND deleted_at IS NULL",
                [minutes, uid],
            )
            if cur.rowcount == 0:
                raise UserError(f"there is no event {uid!r}")

        self._write(update, "cannot update the event")

    def delete_event(self, uid: str) -> None:
        """Move an event to the trash (undo with ``restore_event``)."""
        self._set_event_deleted(uid, now_iso())

    def restore_event(self, uid: str) -> None:
        """Take an event out of the trash."""
        self._set_event_deleted(uid, None)

    def get_event(self, uid: str) -> CalEvent | None:
        """The event, trashed or not; None if unknown."""
        rows = self._read("SELECT * FROM events WHERE uid = ?", [uid])
        return _event(rows[0]) if rows else None

    def list_event_trash(self, limit: int = 50) -> list[tuple[CalEvent, str]]:
        """Trashed events with the time they were deleted, most recently deleted first."""
        rows = self._read(
            "SELECT * FROM events WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC LIMIT ?",
            [int(limit)],
        )
        return [(_event(r), str(r["deleted_at"])) for r in rows]

    def purge_events(self, older_than_days: float | None = None) -> int:
        """Delete trashed events for good (all, or those trashed longer ago); return the count."""
        cutoff = "9999"
        if older_than_days is not None:
            moment = datetime.fromisoformat(now_iso()) - timedelta(days=older_than_days)
            cutoff = moment.isoformat(timespec="microseconds")

        def delete(db: sqlite_utils.Database) -> int:
            cur = db.execute(
                "DELETE FROM events WHERE deleted_at IS NOT NULL AND deleted_at <= ?", [cutoff]
            )
            return int(cur.rowcount)

        return self._write(delete, "cannot empty the calendar trash")

    def events_between(self, start: datetime, end: datetime) -> list[CalEvent]:
        """Events overlapping [start, end) (recurring ones: those that begin before ``end``),
        earliest first; trashed events left out."""
        rows = self._read(
            "SELECT * FROM events WHERE deleted_at IS NULL AND start_utc < ?"
            " AND (end_utc > ? OR rrule IS NOT NULL) ORDER BY start_utc, uid",
            [_utc(end), _utc(start)],
        )
        return [_event(r) for r in rows]
