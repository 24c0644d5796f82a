"""Sync one chosen calendar into the local copy: the RFC 6578 sync token where the server has
one (only what changed since the last sync), else the full listing with ETag comparison. Only
objects whose ETag differs from the stored one are downloaded; the local copy keeps working
offline. Recurring series, their EXDATEs and overridden instances are parsed like an .ics
import (assistant/calendar/ics.py) and expanded later, in the user's time zone."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.calsync.client import server_errors

if TYPE_CHECKING:
    from assistant.calendar.sync_model import CalendarAccount, SyncedCalendar, SyncMode, SyncResult
    from assistant.store.calendar_sync import ObjectChange
    from assistant.store.store import Store

ETAG = "{DAV:}getetag"
_FAKE = "fake-"  # the caldav library's token when it emulated sync with a full listing


def sync_calendar(
    store: Store, client: Any, account: CalendarAccount, calendar: SyncedCalendar, tz: str
) -> SyncResult:
    """Bring the local copy of ``calendar`` up to date; return what changed."""
    from assistant.calendar.sync_model import SyncResult

    known = store.caldav_objects(calendar.url)
    with server_errors(account):
        remote = client.calendar(url=calendar.url)
        found = remote.get_objects_by_sync_token(
            sync_token=calendar.sync_token or None, load_objects=False
        )
        token = str(found.sync_token or "")
        mode: SyncMode = "etag" if token.startswith(_FAKE) else "sync-token"
        listed = {str(obj.url.canonical()): obj for obj in found}
        full = not calendar.sync_token or (mode == "etag" and token != calendar.sync_token)
        # gone on the server (listed too): a delete Deskmate made itself is no longer known
        gone = {str(u) for u in getattr(found, "deleted_urls", ())}
        removed = sorted(set(known) - set(listed) if full else gone & set(known))
        fresh = {h: o for h, o in listed.items() if h not in removed and h not in gone}
        changed = [
            _download(href, obj, tz)
            for href, obj in fresh.items()
            if href not in known or not _etag(obj) or _etag(obj) != known[href].etag
        ]
    store.apply_caldav_sync(calendar.url, changed, removed, token)
    added = sum(1 for change in changed if change[0] not in known)
    return SyncResult(
        calendar=calendar.name,
        mode=mode,
        added=added,
        changed=len(changed) - added,
        removed=len(removed),
        unchanged=len(fresh) - len(changed) if full else 0,
    )


def _etag(obj: Any) -> str:
    return str(getattr(obj, "props", {}).get(ETAG, "") or "")


def _download(href: str, obj: Any, tz: str) -> ObjectChange:
    """The object's ETag, UID and events (a series with its overrides is one object)."""
    from assistant.calendar.ics import parse_ics
    from assistant.errors import CalendarError

    if not getattr(obj, "data", None):
        obj.load()
    try:
        events = parse_ics(str(obj.data).encode("utf-8"), tz=tz)
    except CalendarError:  # one unreadable object never stops the sync: it holds no events
        events = []
    uid = events[0].uid.split("/")[0] if events else ""
    return href, _etag(obj), uid, events


def sync_account(store: Store, client: Any, account: CalendarAccount, tz: str) -> list[SyncResult]:
    """Sync every chosen calendar of ``account``."""
    return [
        sync_calendar(store, client, account, cal, tz)
        for cal in store.caldav_calendars(account.name)
        if cal.selected
    ]
