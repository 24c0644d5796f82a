"""Reminder state: each reminder is claimed once (shown or missed), snoozed ones come back once,
missed ones are handed out once for the "while you were away" list. Claims are conditional
writes on the writer thread, so two claims of the same reminder (two processes, a restart)
never both succeed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

import sqlite_utils

from assistant.store.base import StoreBase, now_iso

if TYPE_CHECKING:
    from assistant.calendar.reminder import Reminder

Claim = Literal["shown", "missed"]


def _utc(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat(timespec="seconds") if moment else None


def reminder_from_row(row: dict[str, Any]) -> Reminder:
    from assistant.calendar.reminder import Reminder

    start = datetime.fromisoformat(row["start_utc"]) if row["start_utc"] else None
    return Reminder(
        key=row["key"],
        kind=row["kind"],
        ref=row["ref"],
        title=row["title"],
        fire_at=datetime.fromisoformat(row["fire_utc"]),
        start=start,
    )


class RemindersMixin(StoreBase):
    def claim_reminders(self, reminders: list[Reminder], state: Claim) -> list[Reminder]:
        """Record ``reminders`` as shown or missed; returns those not recorded before (only
        these may be shown)."""

        def claim(db: sqlite_utils.Database) -> list[Reminder]:
            fresh = []
            for r in reminders:
                cur = db.execute(
                    "INSERT OR IGNORE INTO reminders (key, kind, ref, title, start_utc, fire_utc,"
                    " state, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [r.key, r.kind, r.ref, r.title, _utc(r.start), _utc(r.fire_at), state,
                     now_iso()],
                )  # fmt: skip
                if cur.rowcount == 1:
                    fresh.append(r)
            return fresh

        return self._write(claim, "cannot record the reminders") if reminders else []

    def snooze_reminder(self, key: str, until: datetime) -> None:
        def update(db: sqlite_utils.Database) -> None:
            db.execute(
                "UPDATE reminders SET state = 'snoozed', snooze_utc = ?, updated_at = ?"
                " WHERE key = ?",
                [_utc(until), now_iso(), key],
            )

        self._write(update, "cannot snooze the reminder")

    def claim_snoozed(self, now: datetime) -> list[Reminder]:
        """Snoozed reminders whose time has come, each handed out once."""

        def claim(db: sqlite_utils.Database) -> list[dict[str, Any]]:
            rows = db.execute(
                "SELECT * FROM reminders WHERE state = 'snoozed' AND snooze_utc <= ?"
                " ORDER BY snooze_utc",
                [_utc(now)],
            )
            names = [d[0] for d in rows.description]
            found = [dict(zip(names, r, strict=True)) for r in rows.fetchall()]
            for row in found:
                db.execute(
                    "UPDATE reminders SET state = 'shown', updated_at = ? WHERE key = ?",
                    [now_iso(), row["key"]],
                )
            return found

        return [reminder_from_row(r) for r in self._write(claim, "cannot read the reminders")]

    def next_snooze(self) -> datetime | None:
        rows = self._read("SELECT MIN(snooze_utc) AS at FROM reminders WHERE state = 'snoozed'", [])
        at = rows[0]["at"] if rows else None
        return datetime.fromisoformat(at) if at else None

    def take_missed(self) -> list[Reminder]:
        """The reminders missed while Deskmate was not running, once: then they are seen."""

        def take(db: sqlite_utils.Database) -> list[dict[str, Any]]:
            rows = db.execute("SELECT * FROM reminders WHERE state = 'missed' ORDER BY fire_utc")
            names = [d[0] for d in rows.description]
            found = [dict(zip(names, r, strict=True)) for r in rows.fetchall()]
            db.execute("UPDATE reminders SET state = 'away_seen' WHERE state = 'missed'")
            return found

        return [reminder_from_row(r) for r in self._write(take, "cannot read the reminders")]
