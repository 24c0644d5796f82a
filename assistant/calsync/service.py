"""What the CLI and the window do with CalDAV: connect an account (password into the keyring
only once it works), choose calendars, sync them, write accepted suggestions back."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from assistant.calsync import publish
from assistant.calsync.client import TIMEOUT_S, connect, keyring_client, list_calendars
from assistant.errors import UserError

if TYPE_CHECKING:
    from assistant.calendar.model import CalEvent
    from assistant.calendar.sync_model import (
        CalendarAccount,
        RemoteCalendar,
        SyncedCalendar,
        SyncResult,
    )
    from assistant.store.store import Store

_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def connect_account(
    store: Store, account: CalendarAccount, password: str, timeout: float = TIMEOUT_S
) -> list[RemoteCalendar]:
    """Sign in, list the calendars, then keep the account (and the password, in the keyring).
    A password that does not work is never stored."""
    from assistant.calendar.sync_model import validated
    from assistant.secrets import set_secret

    account = validated(account)
    found = list_calendars(connect(account, password, timeout), account)
    set_secret(account.secret_key, password)
    store.save_caldav_account(account, found)
    return found


def choose(store: Store, account: str, picks: Sequence[str]) -> list[SyncedCalendar]:
    """Sync the calendars named (display name or URL) in ``picks``; return them."""
    calendars = store.caldav_calendars(account)
    chosen = []
    for pick in picks:
        match = [c for c in calendars if pick in (c.url, c.name)]
        if not match:
            names = ", ".join(c.name for c in calendars) or "none"
            raise UserError(f"no calendar {pick!r} in {account!r}", hint=f"calendars: {names}")
        chosen.extend(match)
    store.choose_caldav_calendars(account, [c.url for c in chosen])
    return [c for c in store.caldav_calendars(account) if c.selected]


def sync_all(
    store: Store, tz: str, account: str = "", timeout: float = TIMEOUT_S
) -> list[SyncResult]:
    """Send what waits in the outbox, then sync the chosen calendars, of one account (or
    of all)."""
    accounts = [store.caldav_account(account)] if account else store.caldav_accounts()
    results: list[SyncResult] = []
    for acc in accounts:
        results += sync_account_now(store, acc, tz, timeout)
    return results


def sync_account_now(
    store: Store, account: CalendarAccount, tz: str, timeout: float = TIMEOUT_S
) -> list[SyncResult]:
    """One sync of ``account`` (its outbox first): never two at once for one account."""
    from assistant.calsync.outbox import flush
    from assistant.calsync.sync import sync_account

    with account_lock(account.name):
        client = keyring_client(account, timeout)
        flush(store, client, account, tz)
        return sync_account(store, client, account, tz)


def account_lock(name: str) -> threading.Lock:
    """The lock every server exchange of account ``name`` holds in this process."""
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(name, threading.Lock())


def write_target(store: Store, setting: str) -> tuple[CalendarAccount, SyncedCalendar] | None:
    """Where accepted suggestions go: the calendar named by the setting, else the only synced
    one; None: they stay local."""
    chosen = [c for c in store.caldav_calendars() if c.selected]
    picked = [c for c in chosen if c.url == setting] if setting else chosen
    if setting and not picked:
        raise UserError(
            f"the calendar {setting!r} (setting calendar_for_suggestions) is not synced",
            hint="see: deskmate calendar calendars",
        )
    if len(picked) != 1:
        return None
    return store.caldav_account(picked[0].account), picked[0]


def publish_accepted(store: Store, setting: str, events: Sequence[CalEvent], tz: str) -> int:
    """Queue accepted events for the write calendar (if any) and send them now; return how
    many the server took. While it cannot be reached they wait in the outbox for the next
    sync; a server change meanwhile raises CalendarConflict (nothing overwritten)."""
    from assistant.calsync.outbox import put_change

    target = write_target(store, setting) if events else None
    if target is None:
        return 0
    account, calendar = target
    for event in events:
        store.queue_caldav_change(put_change(store, calendar, event))
    _send_now(store, account, tz, [e.uid for e in events])
    return sum(1 for e in events if store.caldav_outbox_entry(e.uid) is None)


def delete_own_event(store: Store, uid: str, tz: str) -> None:
    """The user deleted ``uid`` in Deskmate: gone from the server too if Deskmate created it
    there (now, or at the next sync while the server is down); an event from elsewhere is
    refused (UserError); a local one goes to the trash."""
    from assistant.calsync.outbox import delete_change

    if store.caldav_object_for_uid(uid) is None and store.caldav_outbox_entry(uid) is None:
        store.delete_event(uid)
        return
    change = delete_change(store, uid)
    if change is not None:
        store.queue_caldav_change(change)
    store.delete_event(uid)  # to the trash now; Undo takes a queued delete back
    if change is not None:
        account = store.caldav_account(publish.calendar_of(store, change.calendar_url).account)
        _send_now(store, account, tz, [uid])


def undo_delete(store: Store, uid: str) -> None:
    """Undo: a delete the server has not taken yet is taken back; else the event comes back
    from the trash (as a local event if the server copy is gone)."""
    queued = store.caldav_outbox_entry(uid)
    if queued is not None and queued.action == "delete":
        store.restore_queued_delete(uid)
    else:
        store.restore_event(uid)


def decide_conflict(store: Store, uid: str, keep: Literal["mine", "theirs"], tz: str) -> None:
    """The user's answer to a conflict: send their version over the server's, or keep the
    server's (the local copy already shows it; a delete is undone)."""
    from dataclasses import replace

    entry = store.caldav_outbox_entry(uid)
    if entry is None or entry.state != "conflict":
        raise UserError("this event has no conflict to decide")
    if keep == "theirs":
        if entry.action == "delete":
            store.restore_queued_delete(uid)
        else:
            store.drop_caldav_outbox(uid)
        return
    known = store.caldav_object_for_uid(uid)
    base = known.etag if known is not None else ""
    store.queue_caldav_change(replace(entry, base_etag=base, state="pending", error=""))
    account = store.caldav_account(publish.calendar_of(store, entry.calendar_url).account)
    _send_now(store, account, tz, [uid])


def _send_now(store: Store, account: CalendarAccount, tz: str, uids: Sequence[str]) -> None:
    """Flush the account's outbox now. A server that cannot be reached leaves it queued
    without an error (each event shows that it waits); a refused password or certificate is
    raised (the changes stay queued too)."""
    from assistant.calsync.outbox import flush
    from assistant.errors import (
        CalendarConflict,
        CalendarRefused,
        CalendarTimeout,
        CalendarUnreachable,
    )

    with account_lock(account.name):
        try:
            result = flush(store, keyring_client(account), account, tz)
        except (CalendarUnreachable, CalendarTimeout):
            return  # sent at the next sync
    for uid in uids:
        entry = store.caldav_outbox_entry(uid)
        if entry is not None and uid in result.conflicts:
            raise CalendarConflict(entry.error)
        if entry is not None and uid in result.refused:
            raise CalendarRefused(entry.error)
