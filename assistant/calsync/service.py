"""What the CLI and the window do with CalDAV: connect an account (password into the keyring
only once it works), choose calendars, sync them, write accepted suggestions back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

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
    """Sync the chosen calendars of one account (or of all)."""
    from assistant.calsync.sync import sync_account

    accounts = [store.caldav_account(account)] if account else store.caldav_accounts()
    results: list[SyncResult] = []
    for acc in accounts:
        results += sync_account(store, keyring_client(acc, timeout), acc, tz)
    return results


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
    """PUT accepted events to the write calendar (if any); return how many were written."""
    from assistant.calsync.publish import put_event

    target = write_target(store, setting) if events else None
    if target is None:
        return 0
    account, calendar = target
    client = keyring_client(account)
    for event in events:
        put_event(store, client, account, calendar, event, tz)
    return len(events)


def delete_own_event(store: Store, uid: str, tz: str) -> None:
    """The user deleted ``uid`` in Deskmate: gone from the server too if Deskmate created it
    there; an event from elsewhere is refused (UserError), a local one goes to the trash."""
    from assistant.calsync.publish import delete_event

    known = store.caldav_object_for_uid(uid)
    if known is None:
        store.delete_event(uid)
        return
    calendar = next(c for c in store.caldav_calendars() if c.url == known.calendar_url)
    account = store.caldav_account(calendar.account)
    delete_event(store, keyring_client(account), account, uid, tz)
