"""Syncing the real Radicale into the local copy: the first sync and then only the changes (RFC
6578 token), the ETag fallback, transparent events that block nothing, series expanded in the
user's time zone, and the copy kept when the server is out of reach."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from assistant.calendar import find_conflicts, propose_slots
from assistant.calendar.model import CalEvent
from assistant.calendar.occurrences import instances
from assistant.calendar.sync_model import CalendarAccount
from assistant.calsync.client import connect
from assistant.calsync.service import choose, connect_account, sync_all
from assistant.calsync.sync import sync_calendar
from assistant.errors import CalendarTimeout
from assistant.store import Store
from tests.assistant.calsync.conftest import TZ, Remote, vevent
from tests.assistant.llm.helpers import MemoryKeyring
from tests.calserver import CalUser, SilentServer

ZONE = ZoneInfo(TZ)
MONDAY = datetime(2026, 12, 7, tzinfo=ZONE)
WEEKLY = "RRULE:FREQ=WEEKLY;COUNT=10\nEXDATE:20261214T090000Z"  # the 2nd Monday skipped


@pytest.fixture
def synced(
    store: Store, ring: MemoryKeyring, account: CalendarAccount, remote: Remote, cal_user: CalUser
) -> Remote:
    """The Work calendar with a standup series (one instance moved), a transparent reminder
    and a meeting, connected and chosen (not synced yet)."""
    series = vevent("standup", "Standup", "20261207T090000Z", "20261207T093000Z", WEEKLY)
    moved = "\r\n".join([
        "BEGIN:VEVENT", "UID:standup", "DTSTAMP:20261201T000000Z",
        "RECURRENCE-ID:20261221T090000Z", "DTSTART:20261221T130000Z",
        "DTEND:20261221T133000Z", "SUMMARY:Standup (moved)", "END:VEVENT", "END:VCALENDAR", "",
    ])  # fmt: skip
    remote.put("standup.ics", series.replace("END:VCALENDAR\r\n", "") + moved)
    remote.put("focus.ics", vevent(
        "focus", "Focus time", "20261208T080000Z", "20261208T160000Z", "TRANSP:TRANSPARENT"
    ))  # fmt: skip
    remote.put("review.ics", vevent("review", "Review", "20261209T100000Z", "20261209T110000Z"))
    connect_account(store, account, cal_user.password)
    choose(store, account.name, ["Work"])
    return remote


def titles(store: Store) -> list[str]:
    events = store.events_between(MONDAY - timedelta(days=1), MONDAY + timedelta(days=60))
    return sorted(e.title for e in events)


def test_first_sync_then_only_changes_by_sync_token(store: Store, synced: Remote) -> None:
    [first] = sync_all(store, TZ)
    assert (first.mode, first.added, first.changed, first.removed) == ("sync-token", 3, 0, 0)
    assert titles(store) == ["Focus time", "Review", "Standup", "Standup (moved)"]

    [again] = sync_all(store, TZ)  # nothing changed: nothing downloaded
    assert (again.added, again.changed, again.removed) == (0, 0, 0)

    synced.put("review.ics", vevent("review", "Review (room 2)", "20261209T100000Z",
                                    "20261209T110000Z"))  # fmt: skip
    synced.put("lunch.ics", vevent("lunch", "Lunch", "20261210T110000Z", "20261210T120000Z"))
    synced.server.request(synced.user, "DELETE", synced.path + "focus.ics")
    [changes] = sync_all(store, TZ)
    assert (changes.mode, changes.added, changes.changed, changes.removed) == (
        "sync-token", 1, 1, 1,
    )  # fmt: skip
    assert titles(store) == ["Lunch", "Review (room 2)", "Standup", "Standup (moved)"]


def test_etag_comparison_where_the_server_has_no_sync_token(
    store: Store, synced: Remote, account: CalendarAccount, cal_user: CalUser
) -> None:
    from caldav import DAVClient

    client = DAVClient(
        url=account.url, username=cal_user.name, password=cal_user.password,
        features={"sync-token": {"support": "unsupported"}}, enable_rfc6764=False,
    )  # fmt: skip
    [calendar] = [c for c in store.caldav_calendars() if c.selected]
    first = sync_calendar(store, client, account, calendar, TZ)
    assert (first.mode, first.added) == ("etag", 3)
    synced.put("review.ics", vevent("review", "Review moved", "20261209T140000Z",
                                    "20261209T150000Z"))  # fmt: skip
    [calendar] = [c for c in store.caldav_calendars() if c.selected]
    second = sync_calendar(store, client, account, calendar, TZ)
    assert (second.mode, second.added, second.changed, second.removed) == ("etag", 0, 1, 0)
    assert second.unchanged == 2  # compared by ETag, not downloaded again
    assert "Review moved" in titles(store)


def test_synced_events_feed_conflicts_and_free_slots(store: Store, synced: Remote) -> None:
    sync_all(store, TZ)
    start, end = MONDAY, MONDAY + timedelta(days=28)
    existing = instances(store.events_between(start, end), start, end, TZ)
    standups = sorted(e.start for e in existing if e.title.startswith("Standup"))
    # Mondays at 10:00 Berlin, the 14th skipped, the 21st moved to 14:00
    assert [s.strftime("%d %H:%M") for s in standups] == ["07 10:00", "21 14:00", "28 10:00"]

    focus = next(e for e in existing if e.title == "Focus time")
    assert not focus.busy
    at_focus = CalEvent("new", "Call", focus.start + timedelta(hours=1), focus.start +
                        timedelta(hours=2))  # fmt: skip
    assert find_conflicts(at_focus, existing) == []  # transparent: does not block
    at_review = CalEvent("new2", "Call", datetime(2026, 12, 9, 11, 30, tzinfo=ZONE),
                         datetime(2026, 12, 9, 12, 0, tzinfo=ZONE))  # fmt: skip
    assert [c.title for c in find_conflicts(at_review, existing)] == ["Review"]

    tuesday = datetime(2026, 12, 8, 9, 0, tzinfo=ZONE)
    [slot] = propose_slots(timedelta(hours=1), existing, start_from=tuesday, tz=TZ, count=1)
    assert slot[0] == tuesday  # the transparent focus block leaves the morning free


def test_the_local_copy_stays_when_the_server_is_out_of_reach(
    store: Store, synced: Remote, silent_server: SilentServer, account: CalendarAccount
) -> None:
    sync_all(store, TZ)
    [calendar] = [c for c in store.caldav_calendars() if c.selected]
    hung = CalendarAccount(account.name, silent_server.url, account.username)
    there = replace(calendar, url=silent_server.url + "work/")
    with pytest.raises(CalendarTimeout):
        sync_calendar(store, connect(hung, "pw", 1), hung, there, TZ)
    assert titles(store) == ["Focus time", "Review", "Standup", "Standup (moved)"]
