"""Writing to the server: an accepted suggestion is PUT with its stable UID (accepting it again
updates the same object, never a second one), and only events Deskmate created are ever
deleted. Every write is conditional (If-Match on the ETag last synced, If-None-Match for a new
object): when the server changed the event meanwhile, Deskmate syncs again and raises
CalendarConflict instead of overwriting the other change."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from assistant.calsync.client import server_errors
from assistant.errors import CalendarConflict, CalendarServerError, UserError

if TYPE_CHECKING:
    from assistant.calendar.model import CalEvent
    from assistant.calendar.sync_model import CalendarAccount, SyncedCalendar
    from assistant.store.store import Store

PRECONDITION_FAILED = 412


def put_event(
    store: Store,
    client: Any,
    account: CalendarAccount,
    calendar: SyncedCalendar,
    event: CalEvent,
    tz: str,
) -> str:
    """Create or update ``event`` on the server; return the object's href."""
    from assistant.calendar.ics import export_ics

    known = store.caldav_object_for_uid(event.uid)
    if known is not None:  # the event lives where it was first written (or synced from)
        calendar = _calendar_of(store, known.calendar_url, calendar)
        href, condition = known.href, {"If-Match": known.etag}
    else:
        href = _canonical(calendar.url.rstrip("/") + "/" + quote(event.uid, safe="") + ".ics")
        condition = {"If-None-Match": "*"}
    headers = {"Content-Type": "text/calendar; charset=utf-8", **condition}
    with server_errors(account):
        reply = client.request(href, "PUT", export_ics([event]).decode("utf-8"), headers)
    if reply.status == PRECONDITION_FAILED:
        _resync_and_refuse(store, client, account, calendar, tz, event.title, "changed")
    _expect_success(reply.status, "save the event")
    etag = str(reply.headers.get("ETag", "") or "")
    store.record_caldav_put(calendar.url, href, etag, event, created=known is None)
    if not etag:  # some servers send none after a PUT: the next sync fetches it
        from assistant.calsync.sync import sync_calendar

        sync_calendar(store, client, account, calendar, tz)
    return href


def delete_event(store: Store, client: Any, account: CalendarAccount, uid: str, tz: str) -> None:
    """Delete an event Deskmate created, on the server and in the local copy."""
    known = store.caldav_object_for_uid(uid)
    if known is None:
        raise UserError(f"event {uid!r} is not on a connected calendar")
    if not known.created_by_deskmate:
        raise UserError(
            "Deskmate only deletes events it created; delete this one in your calendar app",
        )
    calendar = _calendar_of(store, known.calendar_url, None)
    with server_errors(account):
        reply = client.request(known.href, "DELETE", "", {"If-Match": known.etag})
    if reply.status == PRECONDITION_FAILED:
        _resync_and_refuse(store, client, account, calendar, tz, uid, "changed")
    if reply.status != 404:  # already gone on the server: only the local copy is left
        _expect_success(reply.status, "delete the event")
    store.forget_caldav_object(known.href)


def _canonical(url: str) -> str:
    """The form sync listings name objects by, so a written object is never seen twice."""
    from caldav.lib.url import URL

    return str(URL.objectify(url).canonical())


def _calendar_of(store: Store, url: str, fallback: SyncedCalendar | None) -> SyncedCalendar:
    for cal in store.caldav_calendars():
        if cal.url == url:
            return cal
    if fallback is None:
        raise UserError("the calendar of this event is no longer connected")
    return fallback


def _resync_and_refuse(
    store: Store,
    client: Any,
    account: CalendarAccount,
    calendar: SyncedCalendar,
    tz: str,
    what: str,
    how: str,
) -> None:
    from assistant.calsync.sync import sync_calendar

    fresh = next((c for c in store.caldav_calendars() if c.url == calendar.url), calendar)
    sync_calendar(store, client, account, fresh, tz)
    raise CalendarConflict(
        f"{what!r} was {how} on the server since the last sync; Deskmate did not overwrite it",
        hint="the calendar was synced again: look at the server's version, then accept again "
        "to replace it",
    )


def _expect_success(status: int, doing: str) -> None:
    if not 200 <= status < 300:
        raise CalendarServerError(f"the calendar server could not {doing} (HTTP {status})")
