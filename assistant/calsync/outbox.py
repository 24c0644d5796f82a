"""The outbox: every change made in Deskmate (an accepted suggestion, accepted again, or a
delete) is queued in SQLite first, then sent. When the server is down the change waits there,
across restarts, and goes at the next sync. A change keeps the ETag it was made against, so a
server change meanwhile is a conflict for the user to decide, never overwritten."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from assistant.calsync.publish import canonical, delete_entry, put_entry
from assistant.errors import CalendarConflict, CalendarRefused, UserError

if TYPE_CHECKING:
    from assistant.calendar.model import CalEvent
    from assistant.calendar.sync_model import (
        CalendarAccount,
        FlushResult,
        OutboxEntry,
        SyncedCalendar,
    )
    from assistant.store.store import Store


def put_change(store: Store, calendar: SyncedCalendar, event: CalEvent) -> OutboxEntry:
    """The change that writes ``event``: where it lives and the ETag it was made against."""
    from assistant.calendar.ics import export_ics
    from assistant.calendar.sync_model import OutboxEntry

    cal_url, href, base = _place(store, event.uid)
    if not href:  # a new object, named by its stable UID
        cal_url = calendar.url
        href = canonical(calendar.url.rstrip("/") + "/" + quote(event.uid, safe="") + ".ics")
    payload = export_ics([event]).decode("utf-8")
    start = event.start.isoformat()
    return OutboxEntry(event.uid, "put", cal_url, href, base, payload, event.title, start,
                       "pending", "", 0)  # fmt: skip


def delete_change(store: Store, uid: str) -> OutboxEntry | None:
    """The change that deletes event ``uid`` on the server; None when the server never had
    it (a new event still queued: dropping it from the queue is enough)."""
    from assistant.calendar.sync_model import OutboxEntry

    queued = store.caldav_outbox_entry(uid)
    known = store.caldav_object_for_uid(uid)
    if known is None:
        if queued is None:
            raise UserError(f"event {uid!r} is not on a connected calendar")
        store.drop_caldav_outbox(uid)
        return None
    if not known.created_by_deskmate:
        raise UserError(
            "Deskmate only deletes events it created; delete this one in your calendar app",
        )
    cal_url, href, base = _place(store, uid)
    event = store.get_event(uid)
    title, start = (event.title, event.start.isoformat()) if event else (uid, "")
    return OutboxEntry(uid, "delete", cal_url, href, base, "", title, start, "pending", "", 0)


def _place(store: Store, uid: str) -> tuple[str, str, str]:
    """(calendar URL, href, base ETag) of the event: those of a change still queued (a second
    edit offline keeps the first one's base), else of the server object; ('', '', '') when
    new. A conflict the user is deciding takes the server's current ETag: deciding again
    replaces it."""
    queued = store.caldav_outbox_entry(uid)
    if queued is not None and queued.state != "conflict":
        return queued.calendar_url, queued.href, queued.base_etag
    known = store.caldav_object_for_uid(uid)
    if known is not None:
        return known.calendar_url, known.href, known.etag
    if queued is not None:  # a new object whose first write conflicted
        return queued.calendar_url, queued.href, ""
    return "", "", ""


def flush(store: Store, client: Any, account: CalendarAccount, tz: str) -> FlushResult:
    """Send the account's queued changes, oldest first. A refused change or a conflict is
    marked and the others still go; a server that cannot be reached stops the flush (every
    change stays queued) and its error is raised."""
    from assistant.calendar.sync_model import FlushResult
    from assistant.errors import CalendarServerError

    sent, conflicts, refused = 0, [], []
    queue = [e for e in store.caldav_outbox(account.name) if e.state != "conflict"]
    for index, entry in enumerate(queue):  # a conflict waits for the user's decision
        send = put_entry if entry.action == "put" else delete_entry
        try:
            send(store, client, account, entry, tz)
            sent += 1
        except CalendarConflict as exc:
            store.mark_caldav_outbox(entry.uid, "conflict", exc.user_text())
            conflicts.append(entry.uid)
        except CalendarRefused as exc:
            store.mark_caldav_outbox(entry.uid, "refused", exc.user_text())
            refused.append(entry.uid)
        except CalendarServerError as exc:  # unreachable: every change left says why it waits
            for waiting in queue[index:]:
                store.mark_caldav_outbox(waiting.uid, "pending", exc.user_text())
            raise
    return FlushResult(sent, tuple(conflicts), tuple(refused))
