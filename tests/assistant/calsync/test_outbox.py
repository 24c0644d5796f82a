"""Changes made while the calendar server is down (its own Radicale, stopped and started
again): queued in SQLite, kept across a restart, sent at the next sync; a server change
meanwhile waits for the user's decision and is never overwritten; Undo of a queued delete
deletes nothing on the server; the background owner thread reports a dropped server once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.calendar.model import CalEvent
from assistant.calsync.autosync import SyncReport
from assistant.calsync.background import BackgroundSync
from assistant.calsync.service import (
    decide_conflict,
    delete_own_event,
    publish_accepted,
    sync_all,
    undo_delete,
)
from assistant.errors import CalendarServerError, CalendarUnreachable
from assistant.store import Store
from tests.assistant.calsync.conftest import TZ, Remote, vevent
from tests.calserver import Radicale

START = datetime(2026, 12, 9, 15, 0, tzinfo=ZoneInfo(TZ))


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    """A Radicale of these tests alone: they stop and start it."""
    server = Radicale(tmp_path_factory.mktemp("radicale-outbox"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def down(radicale: Radicale) -> Iterator[Radicale]:
    """The server stopped for the test's first part; started again by ``radicale.start()``
    in the test, or at the end whatever happens."""
    radicale.stop()
    try:
        yield radicale
    finally:
        if radicale.proc is not None and radicale.proc.poll() is not None:
            radicale.start()


def event(uid: str, title: str, location: str = "Room 4") -> CalEvent:
    return CalEvent(uid, title, START, START + timedelta(hours=1), location=location)


def published_then_down(store: Store, down: Radicale, *events: CalEvent) -> None:
    """Events Deskmate wrote to the server, which then goes down."""
    down.start()
    for mine in events:
        store.add_event(mine)
    publish_accepted(store, "", list(events), TZ)
    down.stop()


def on_server(remote: Remote, uid: str) -> list[str]:
    """The bodies of the server objects holding ``uid``."""
    return [remote.server.get(remote.user, h)[1] for h in remote.hrefs() if uid in h]


def test_changes_made_offline_survive_a_restart_and_go_at_the_next_sync(
    store: Store, work: Remote, down: Radicale, data_dir: Path
) -> None:
    old, kept = event("dm-old", "Old plan"), event("dm-undo", "Retro")
    published_then_down(store, down, old, kept)

    new = event("dm-new", "Budget review")
    store.add_event(new)
    assert publish_accepted(store, "", [new], TZ) == 0  # queued, no error: it waits
    edited = event("dm-new", "Budget review", location="Room 9")  # edited offline too
    store.add_event(edited)
    assert publish_accepted(store, "", [edited], TZ) == 0
    delete_own_event(store, old.uid, TZ)  # deleted offline: gone here at once
    assert store.get_event(old.uid) in [e for e, _ in store.list_event_trash()]
    delete_own_event(store, kept.uid, TZ)
    undo_delete(store, kept.uid)  # Undo before the server took it: nothing to send
    draft = event("dm-draft", "Draft")
    store.add_event(draft)
    publish_accepted(store, "", [draft], TZ)
    delete_own_event(store, draft.uid, TZ)  # never reached the server: nothing to send
    with pytest.raises(CalendarServerError):
        sync_all(store, TZ)  # the sync fails and loses nothing

    store.close()  # the app restarts
    again = Store(data_dir)
    try:
        queue = again.caldav_outbox()
        assert [(e.uid, e.action, e.state) for e in queue] == [
            ("dm-new", "put", "pending"), ("dm-old", "delete", "pending"),
        ]  # fmt: skip
        assert all(e.attempts >= 1 and e.error for e in queue)  # why it waits, for people
        down.start()
        sync_all(again, TZ)
        assert again.caldav_outbox() == []
        assert again.caldav_object_for_uid(kept.uid) is not None
    finally:
        again.close()
    [body] = on_server(work, "dm-new")
    assert "Room 9" in body  # the last edit, once
    assert on_server(work, "dm-old") == [] and on_server(work, "dm-draft") == []
    names = [h.rsplit("/", 1)[1] for h in work.hrefs()]
    assert names == ["dm-new.ics", "dm-undo.ics", "review.ics"]


def test_a_server_change_meanwhile_waits_for_the_user(
    store: Store, work: Remote, down: Radicale
) -> None:
    mine, gone = event("dm-budget", "Budget review"), event("dm-keep", "Planning")
    published_then_down(store, down, mine, gone)
    edited = event(mine.uid, mine.title, location="Room 9")
    store.add_event(edited)
    publish_accepted(store, "", [edited], TZ)  # queued against the ETag Deskmate knew
    delete_own_event(store, gone.uid, TZ)  # deleted offline
    down.start()
    for uid, title in ((mine.uid, "Budget review (moved by Ann)"), (gone.uid, "Planning (notes)")):
        [href] = [h for h in work.hrefs() if uid in h]
        work.server.put(work.user, href, vevent(uid, title, "20261210T140000Z",
                                                "20261210T150000Z"))  # fmt: skip

    sync_all(store, TZ)  # no overwrite, no delete: the changes wait, the sync itself goes on
    waiting = {e.uid: e for e in store.caldav_outbox()}
    assert {e.state for e in waiting.values()} == {"conflict"} and len(waiting) == 2
    assert "changed on the server" in waiting[mine.uid].error
    assert "Room 9" in waiting[mine.uid].payload  # the user's version is kept
    assert "moved by Ann" in on_server(work, mine.uid)[0]
    assert on_server(work, gone.uid)  # not deleted over Ann's change
    local = store.get_event(mine.uid)
    assert local is not None and local.title == "Budget review (moved by Ann)"
    sync_all(store, TZ)  # later syncs do not decide for the user
    assert "moved by Ann" in on_server(work, mine.uid)[0]
    assert len(store.caldav_outbox()) == 2

    decide_conflict(store, mine.uid, "mine", TZ)
    [body] = on_server(work, mine.uid)
    assert "Room 9" in body and "moved by Ann" not in body
    decide_conflict(store, gone.uid, "theirs", TZ)  # the delete is undone
    assert store.caldav_outbox() == []
    week = store.events_between(START - timedelta(days=1), START + timedelta(days=2))
    assert "Planning (notes)" in [e.title for e in week]
    assert on_server(work, gone.uid)


class Reports:
    """What a BackgroundSync reports, waited on without sleeping."""

    def __init__(self) -> None:
        self.seen: list[SyncReport] = []
        self.arrived = threading.Condition()

    def __call__(self, report: SyncReport) -> None:
        with self.arrived:
            self.seen.append(report)
            self.arrived.notify_all()

    def wait(self, count: int) -> SyncReport:
        with self.arrived:
            assert self.arrived.wait_for(lambda: len(self.seen) >= count, timeout=60)
            return self.seen[count - 1]


def test_the_background_owner_thread_syncs_reports_once_and_catches_up(
    store: Store, work: Remote, down: Radicale
) -> None:
    reports = Reports()
    background = BackgroundSync(store, lambda: TZ, lambda: 15 * 60.0, reports)
    try:
        background.refresh()  # at start: the account's thread syncs at once
        first = reports.wait(1)
        assert first.error is not None and first.show and not first.asked  # server down
        assert isinstance(first.error, CalendarUnreachable)
        assert "connection refused" in first.error.user_text()  # words, not the HTTP stack
        assert background.scheduler.wait_s("radicale") > 0  # backoff, not a busy loop
        new = event("dm-bg", "Offsite")
        store.add_event(new)
        publish_accepted(store, "", [new], TZ)  # queued meanwhile
        background.sync_now()
        again = reports.wait(2)
        assert again.asked and again.show  # asked: shown again
        down.start()
        work.put("lunch.ics", vevent("lunch", "Lunch", "20261210T110000Z", "20261210T120000Z"))
        background.sync_now()
        back = reports.wait(3)
        assert back.error is None and back.recovered
        assert [(r.added, r.removed) for r in back.results] == [(1, 0)]
        assert on_server(work, new.uid) and store.caldav_outbox() == []
        assert [t.name for t in threading.enumerate()].count("caldav-sync-radicale") == 1
    finally:
        background.stop()
    assert "caldav-sync-radicale" not in [t.name for t in threading.enumerate()]
