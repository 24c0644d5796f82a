"""Writing to the real Radicale: an accepted suggestion PUT with its stable UID (twice = one
event), an ETag conflict synced and refused, deletes limited to Deskmate's own events, and
nothing else on the server changed."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from assistant.calendar.model import CalEvent
from assistant.calsync.service import (
    delete_own_event,
    publish_accepted,
    sync_all,
)
from assistant.errors import CalendarConflict, UserError
from assistant.store import Store
from assistant.tasks.schedule import suggestion_uid
from tests.assistant.calsync.conftest import TZ, Remote, vevent
from tests.assistant.llm.helpers import MemoryKeyring

START = datetime(2026, 12, 9, 15, 0, tzinfo=ZoneInfo(TZ))


def accepted(title: str = "Budget review", minutes: int = 60) -> CalEvent:
    end = START + timedelta(minutes=minutes)
    return CalEvent(suggestion_uid(title, START, end), title, START, end, location="Room 4")


def server_state(remote: Remote) -> dict[str, str]:
    """Every object on the server with its ETag (the before/after snapshot)."""
    return {
        href: remote.server.request(remote.user, "GET", href)[2].get("ETag", "")
        for href in remote.hrefs()
    }


def test_accepting_twice_writes_one_event(store: Store, work: Remote) -> None:
    before = server_state(work)
    event = accepted()
    store.add_event(event)
    assert publish_accepted(store, "", [event], TZ) == 1
    assert publish_accepted(store, "", [event], TZ) == 1  # accepted again: an update
    after = server_state(work)
    new = sorted(set(after) - set(before))
    assert len(new) == 1 and event.uid in new[0]
    assert {h: after[h] for h in before} == before  # nothing else on the server changed
    status, body = work.server.get(work.user, new[0])
    assert status == 200 and f"UID:{event.uid}" in body and "Budget review" in body

    [result] = sync_all(store, TZ)  # Deskmate's own write is not downloaded again
    assert (result.added, result.changed, result.removed) == (0, 0, 0)
    stored = store.events_between(START - timedelta(hours=1), START + timedelta(hours=2))
    assert [e.uid for e in stored] == [event.uid]


def test_a_server_change_meanwhile_is_a_conflict_never_overwritten(
    store: Store, work: Remote
) -> None:
    event = accepted()
    store.add_event(event)
    publish_accepted(store, "", [event], TZ)
    [href] = [h for h in work.hrefs() if event.uid in h]
    theirs = vevent(event.uid, "Budget review (moved by Ann)", "20261210T140000Z",
                    "20261210T150000Z")  # fmt: skip
    work.server.put(work.user, href, theirs)

    changed = CalEvent(event.uid, event.title, event.start, event.end, location="Room 9")
    store.add_event(changed)
    with pytest.raises(CalendarConflict):
        publish_accepted(store, "", [changed], TZ)
    _, body = work.server.get(work.user, href)
    assert "moved by Ann" in body and "Room 9" not in body  # the other change survives
    local = store.get_event(event.uid)
    assert local is not None and local.title == "Budget review (moved by Ann)"  # synced again

    publish_accepted(store, "", [changed], TZ)  # the user decides: accepting again replaces
    _, body = work.server.get(work.user, href)
    assert "Room 9" in body and len([h for h in work.hrefs() if event.uid in h]) == 1


def test_only_events_deskmate_created_are_deleted(store: Store, work: Remote) -> None:
    event = accepted()
    store.add_event(event)
    publish_accepted(store, "", [event], TZ)
    with pytest.raises(UserError, match="only deletes events it created"):
        delete_own_event(store, "review", TZ)
    assert any(h.endswith("/review.ics") for h in work.hrefs())

    delete_own_event(store, event.uid, TZ)
    assert not [h for h in work.hrefs() if event.uid in h]
    assert [e.uid for e, _ in store.list_event_trash()] == [event.uid]  # Undo: a local event
    assert store.caldav_object_for_uid(event.uid) is None
    assert [h.rsplit("/", 1)[1] for h in work.hrefs()] == ["review.ics"]


def test_without_a_chosen_calendar_accepted_events_stay_local(
    store: Store, ring: MemoryKeyring
) -> None:
    event = accepted()
    store.add_event(event)
    assert publish_accepted(store, "", [event], TZ) == 0
    with pytest.raises(UserError, match="not synced"):
        publish_accepted(store, "https://elsewhere.example/cal/", [event], TZ)
