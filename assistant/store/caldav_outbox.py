"""The CalDAV outbox: changes made in Deskmate that the server has not taken yet, one row per
event, kept until the server takes them (``record_caldav_put`` / ``forget_caldav_object`` drop
the row in the same transaction) or the user decides a conflict."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

import sqlite_utils

from assistant.errors import UserError
from assistant.store.base import StoreBase, now_iso

if TYPE_CHECKING:
    from assistant.calendar.sync_model import OutboxEntry, OutboxState

_FIELDS = (
    "uid, action, calendar_url, href, base_etag, payload, title, start, state, error, attempts"
)


def _entry(row: dict[str, Any]) -> OutboxEntry:
    from assistant.calendar.sync_model import OutboxEntry

    return OutboxEntry(**{key: row[key] for key in _FIELDS.split(", ")})


class CalendarOutboxMixin(StoreBase):
    def queue_caldav_change(self, entry: OutboxEntry) -> None:
        """Add the change, or replace the one queued for the same event (its place in the
        queue is kept)."""
        row = {**asdict(entry), "queued_at": now_iso()}
        columns = ", ".join(row)
        updates = ", ".join(f"{k} = excluded.{k}" for k in row if k not in ("uid", "queued_at"))

        def queue(db: sqlite_utils.Database) -> None:
            db.execute(
                f"INSERT INTO caldav_outbox ({columns}) VALUES ({', '.join('?' * len(row))})"
                f" ON CONFLICT(uid) DO UPDATE SET {updates}",
                list(row.values()),
            )

        self._write(queue, "cannot keep the change for the calendar server")

    def caldav_outbox(self, account: str = "") -> list[OutboxEntry]:
        """What waits for the server (of one account, or all), oldest first."""
        sql = (
            "SELECT o.* FROM caldav_outbox o JOIN caldav_calendars c ON c.url = o.calendar_url"
            " WHERE (? = '' OR c.account = ?) ORDER BY o.queued_at, o.uid"
        )
        return [_entry(r) for r in self._read(sql, [account, account])]

    def caldav_outbox_entry(self, uid: str) -> OutboxEntry | None:
        rows = self._read("SELECT * FROM caldav_outbox WHERE uid = ?", [uid])
        return _entry(rows[0]) if rows else None

    def mark_caldav_outbox(self, uid: str, state: OutboxState, error: str) -> None:
        """A try that did not go through: what happened, for people."""

        def mark(db: sqlite_utils.Database) -> None:
            db.execute(
                "UPDATE caldav_outbox SET state = ?, error = ?, attempts = attempts + 1"
                " WHERE uid = ?",
                [state, error, uid],
            )

        self._write(mark, "cannot update the change for the calendar server")

    def drop_caldav_outbox(self, uid: str) -> None:
        """Forget the queued change (the user kept the server's version)."""
        self._write(
            lambda db: db.execute("DELETE FROM caldav_outbox WHERE uid = ?", [uid]),
            "cannot update the change for the calendar server",
        )

    def restore_queued_delete(self, uid: str) -> None:
        """Undo a delete the server has not taken yet: the event is back, linked as before,
        and nothing is deleted on the server."""

        def restore(db: sqlite_utils.Database) -> None:
            db.execute("DELETE FROM caldav_outbox WHERE uid = ? AND action = 'delete'", [uid])
            cur = db.execute("UPDATE events SET deleted_at = NULL WHERE uid = ?", [uid])
            if cur.rowcount == 0:
                raise UserError(f"there is no event {uid!r}")

        self._write(restore, "cannot restore the event")
