"""CalDAV accounts, their calendars (chosen or not, with the RFC 6578 sync token) and the local
copy of each server object: its ETag, whether Deskmate created it, and the events it holds
(``events.caldav_href``). A sync's changes land in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

import sqlite_utils

from assistant.errors import UserError
from assistant.store.base import StoreBase, now_iso
from assistant.store.calendar_events import event_row

if TYPE_CHECKING:
    from assistant.calendar.model import CalEvent
    from assistant.calendar.sync_model import (
        CalendarAccount,
        RemoteCalendar,
        ServerObject,
        SyncedCalendar,
    )

ObjectChange = tuple[str, str, str, "list[CalEvent]"]  # href, etag, uid, its events


def _calendar(row: dict[str, Any]) -> SyncedCalendar:
    from assistant.calendar.sync_model import SyncedCalendar

    return SyncedCalendar(
        url=row["url"],
        account=row["account"],
        name=row["name"],
        selected=bool(row["selected"]),
        sync_token=row["sync_token"],
        synced_at=row["synced_at"],
    )


def _object(row: dict[str, Any]) -> ServerObject:
    from assistant.calendar.sync_model import ServerObject

    return ServerObject(
        href=row["href"],
        calendar_url=row["calendar_url"],
        uid=row["uid"],
        etag=row["etag"],
        created_by_deskmate=bool(row["created_by_deskmate"]),
    )


def _replace_object_events(
    db: sqlite_utils.Database, href: str, events: Sequence[CalEvent]
) -> None:
    """The object's events become ``events``; a row the user trashed locally stays trashed."""
    keep = [e.uid for e in events]
    marks = ",".join("?" * len(keep)) or "''"
    db.execute(f"DELETE FROM events WHERE caldav_href = ? AND uid NOT IN ({marks})", [href, *keep])
    for event in events:
        row = event_row(event, href)
        del row["deleted_at"]
        db.table("events").upsert(row, pk="uid")


class CalendarSyncMixin(StoreBase):
    # --- accounts and calendars -------------------------------------------------------------
    def save_caldav_account(self, account: CalendarAccount, found: list[RemoteCalendar]) -> None:
        """Add or replace the account and record its calendars (choices and tokens kept)."""
        row = {**asdict(account), "created_at": now_iso()}

        def save(db: sqlite_utils.Database) -> None:
            db.table("caldav_accounts").upsert(row, pk="name")
            for cal in found:
                db.execute(
                    "INSERT INTO caldav_calendars (url, account, name) VALUES (?, ?, ?)"
                    " ON CONFLICT(url) DO UPDATE SET name = excluded.name",
                    [cal.url, account.name, cal.name],
                )

        self._write(save, "cannot save the calendar account")

    def caldav_accounts(self) -> list[CalendarAccount]:
        from assistant.calendar.sync_model import CalendarAccount

        rows = self._read("SELECT name, url, username, ca_file FROM caldav_accounts ORDER BY name")
        return [CalendarAccount(**r) for r in rows]

    def caldav_account(self, name: str = "") -> CalendarAccount:
        """The account named ``name``, or the only one when ``name`` is empty."""
        accounts = self.caldav_accounts()
        picked = [a for a in accounts if a.name == name] if name else accounts
        if len(picked) != 1:
            what = f"no calendar account named {name!r}" if name else "which calendar account?"
            raise UserError(
                what if accounts else "no calendar account is connected",
                hint="see: deskmate calendar accounts; add one with: deskmate calendar connect URL",
            )
        return picked[0]

    def remove_caldav_account(self, name: str) -> None:
        """Forget the account, its calendars and their local copy (the server is not touched)."""

        def delete(db: sqlite_utils.Database) -> None:
            db.execute(
                "DELETE FROM events WHERE caldav_href IN (SELECT o.href FROM caldav_objects o"
                " JOIN caldav_calendars c ON c.url = o.calendar_url WHERE c.account = ?)",
                [name],
            )
            if db.execute("DELETE FROM caldav_accounts WHERE name = ?", [name]).rowcount == 0:
                raise UserError(f"no calendar account named {name!r}")

        self._write(delete, "cannot remove the calendar account")

    def caldav_calendars(self, account: str = "") -> list[SyncedCalendar]:
        sql = "SELECT * FROM caldav_calendars"
        rows = (
            self._read(f"{sql} WHERE account = ? ORDER BY name", [account])
            if account
            else (self._read(f"{sql} ORDER BY account, name"))
        )
        return [_calendar(r) for r in rows]

    def choose_caldav_calendars(self, account: str, urls: Sequence[str]) -> None:
        """Sync exactly these calendars of ``account``; the local copy of the others goes."""

        def choose(db: sqlite_utils.Database) -> None:
            marks = ",".join("?" * len(urls)) or "''"
            db.execute(
                f"UPDATE caldav_calendars SET selected = (url IN ({marks})) WHERE account = ?",
                [*urls, account],
            )
            dropped = "SELECT url FROM caldav_calendars WHERE account = ? AND selected = 0"
            db.execute(
                "DELETE FROM events WHERE caldav_href IN (SELECT href FROM caldav_objects"
                f" WHERE calendar_url IN ({dropped}))",
                [account],
            )
            db.execute(f"DELETE FROM caldav_objects WHERE calendar_url IN ({dropped})", [account])
            db.execute(
                f"UPDATE caldav_calendars SET sync_token = '' WHERE url IN ({dropped})", [account]
            )

        self._write(choose, "cannot choose the calendars")

    # --- the local copy ---------------------------------------------------------------------
    def caldav_objects(self, calendar_url: str) -> dict[str, ServerObject]:
        rows = self._read("SELECT * FROM caldav_objects WHERE calendar_url = ?", [calendar_url])
        return {r["href"]: _object(r) for r in rows}

    def caldav_object_for_uid(self, uid: str) -> ServerObject | None:
        """The server object holding event ``uid`` (a series' overrides: their series)."""
        rows = self._read("SELECT * FROM caldav_objects WHERE uid = ?", [uid.split("/")[0]])
        return _object(rows[0]) if rows else None

    def apply_caldav_sync(
        self,
        calendar_url: str,
        changed: Sequence[ObjectChange],
        removed: Sequence[str],
        sync_token: str,
    ) -> None:
        """Store one sync's result in one transaction: an interrupted sync leaves the previous
        token, so the next one fetches the same changes again."""

        def apply(db: sqlite_utils.Database) -> None:
            for href in removed:
                db.execute("DELETE FROM events WHERE caldav_href = ?", [href])
                db.execute("DELETE FROM caldav_objects WHERE href = ?", [href])
            for href, etag, uid, events in changed:
                db.execute(
                    "INSERT INTO caldav_objects (href, calendar_url, uid, etag, updated_at)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT(href) DO UPDATE SET"
                    " uid = excluded.uid, etag = excluded.etag, updated_at = excluded.updated_at",
                    [href, calendar_url, uid, etag, now_iso()],
                )
                _replace_object_events(db, href, events)
            db.execute(
                "UPDATE caldav_calendars SET sync_token = ?, synced_at = ? WHERE url = ?",
                [sync_token, now_iso(), calendar_url],
            )

        self._write(apply, "cannot store the synced calendar")

    def record_caldav_put(
        self, calendar_url: str, href: str, etag: str, event: CalEvent, created: bool
    ) -> None:
        """After a successful PUT: the object's new ETag, the event linked to it, and its
        change out of the outbox (in one transaction: never sent twice)."""

        def record(db: sqlite_utils.Database) -> None:
            db.execute(
                "INSERT INTO caldav_objects (href, calendar_url, uid, etag, created_by_deskmate,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(href) DO UPDATE SET"
                " etag = excluded.etag, updated_at = excluded.updated_at",
                [href, calendar_url, event.uid, etag, int(created), now_iso()],
            )
            _replace_object_events(db, href, [event])
            db.execute("DELETE FROM caldav_outbox WHERE uid = ?", [event.uid])

        self._write(record, "cannot record the event written to the server")

    def forget_caldav_object(self, href: str) -> None:
        """After Deskmate deleted it on the server: its events go to the local trash as local
        events (Undo brings them back here, not on the server)."""

        def forget(db: sqlite_utils.Database) -> None:
            db.execute(
                "UPDATE events SET caldav_href = '', deleted_at = coalesce(deleted_at, ?)"
                " WHERE caldav_href = ?",
                [now_iso(), href],
            )
            db.execute("DELETE FROM caldav_objects WHERE href = ?", [href])
            db.execute("DELETE FROM caldav_outbox WHERE href = ?", [href])

        self._write(forget, "cannot update the local calendar copy")
