"""Sending one queued change (assistant/calsync/outbox.py) to the server. Every write is
conditional: If-Match on the ETag the change was made against, If-None-Match for a new object.
When the server changed the event meanwhile (412), Deskmate syncs again and raises
CalendarConflict instead of overwriting the other change; the user decides."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.calsync.client import server_errors
from assistant.errors import CalendarConflict, CalendarRefused, UserError

if TYPE_CHECKING:
    from assistant.calendar.sync_model import CalendarAccount, OutboxEntry, SyncedCalendar
    from assistant.store.store import Store

PRECONDITION_FAILED = 412
NOT_FOUND = 404


def put_entry(
    store: Store, client: Any, account: CalendarAccount, entry: OutboxEntry, tz: str
) -> None:
    """Create or update the entry's event on the server; the local copy links to it."""
    from assistant.calendar.ics import parse_ics

    condition = {"If-Match": entry.base_etag} if entry.base_etag else {"If-None-Match": "*"}
    headers = {"Content-Type": "text/calendar; charset=utf-8", **condition}
    with server_errors(account):
        reply = client.request(entry.href, "PUT", entry.payload, headers)
    if reply.status == PRECONDITION_FAILED:
        _resync_and_refuse(store, client, account, entry, tz)
    _expect_success(reply.status, "save the event")
    etag = str(reply.headers.get("ETag", "") or "")
    [event] = parse_ics(entry.payload.encode("utf-8"), tz=tz)
    store.record_caldav_put(entry.calendar_url, entry.href, etag, event, not entry.base_etag)
    if not etag:  # some servers send none after a PUT: the next sync fetches it
        from assistant.calsync.sync import sync_calendar

        sync_calendar(store, client, account, calendar_of(store, entry.calendar_url), tz)


def delete_entry(
    store: Store, client: Any, account: CalendarAccount, entry: OutboxEntry, tz: str
) -> None:
    """Delete the entry's object (one Deskmate created) on the server."""
    with server_errors(account):
        reply = client.request(entry.href, "DELETE", "", {"If-Match": entry.base_etag})
    if reply.status == PRECONDITION_FAILED:
        _resync_and_refuse(store, client, account, entry, tz)
    if reply.status != NOT_FOUND:  # already gone on the server: only the local copy is left
        _expect_success(reply.status, "delete the event")
    store.forget_caldav_object(entry.href)


def canonical(url: str) -> str:
    """The form sync listings name objects by, so a written object is never seen twice."""
    from caldav.lib.url import URL

    return str(URL.objectify(url).canonical())


def calendar_of(store: Store, url: str) -> SyncedCalendar:
    for cal in store.caldav_calendars():
        if cal.url == url:
            return cal
    raise UserError("the calendar of this event is no longer connected")


def _resync_and_refuse(
    store: Store, client: Any, account: CalendarAccount, entry: OutboxEntry, tz: str
) -> None:
    from assistant.calsync.sync import sync_calendar

    sync_calendar(store, client, account, calendar_of(store, entry.calendar_url), tz)
    raise CalendarConflict(
        f"{entry.title!r} was changed on the server since the last sync; Deskmate did not "
        "overwrite it",
        hint="the calendar was synced again: look at the server's version, then keep yours "
        "or the server's",
    )


def _expect_success(status: int, doing: str) -> None:
    if not 200 <= status < 300:
        raise CalendarRefused(f"the calendar server could not {doing} (HTTP {status})")
