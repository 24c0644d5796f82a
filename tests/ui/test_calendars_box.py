"""Settings → Calendars against the real Radicale: a wrong password refused, connect, tick a
calendar, Sync now (through the app's account thread); the password reaches the (in-memory)
keyring only. The changes waiting for the server are listed for people, a conflict with its
question."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.assistant.calsync.conftest import Remote, remote, vevent
from tests.assistant.llm.helpers import MemoryKeyring, memory_keyring_installed
from tests.calserver import CalUser, Radicale, cal_user, radicale
from ui.calendar_sync import CalendarSync
from ui.pages.calendars_box import CalendarsBox

__all__ = ["cal_user", "radicale", "remote"]


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    with memory_keyring_installed() as installed:
        yield installed


def test_connect_tick_and_sync(
    qtbot: Any,
    scripted_core: Any,
    radicale: Radicale,
    cal_user: CalUser,
    remote: Remote,
    ring: MemoryKeyring,
) -> None:
    remote.put("review.ics", vevent("review", "Review", "20261209T100000Z", "20261209T110000Z"))
    box = CalendarsBox(scripted_core)
    qtbot.addWidget(box)
    sync = CalendarSync(scripted_core)
    box.sync_requested.connect(sync.sync_now)
    sync.report.connect(box.show_report)
    try:
        _connect_tick_and_sync(qtbot, box, scripted_core, radicale, cal_user, ring)
    finally:
        sync.stop()


def _connect_tick_and_sync(
    qtbot: Any, box: CalendarsBox, core: Any, radicale: Radicale, cal_user: CalUser,
    ring: MemoryKeyring,
) -> None:  # fmt: skip
    assert "No calendar yet" in box.list.item(0).text() and not box.sync_button.isEnabled()
    box.url.setText(radicale.url)
    box.user.setText(cal_user.name)
    box.password.setText("wrong")
    box.connect_button.click()
    qtbot.waitUntil(lambda: box.result.text().startswith("✖"), timeout=30_000)
    assert "refused the password" in box.result.text() and ring.store == {}

    box.password.setText(cal_user.password)
    box.connect_button.click()
    qtbot.waitUntil(lambda: box.result.text().startswith("✔ Connected"), timeout=30_000)
    assert box.list.count() == 2 and box.password.text() == ""
    assert list(ring.store.values()) == [cal_user.password]
    work = next(box.list.item(i) for i in range(2) if box.list.item(i).text().startswith("Work"))
    work.setCheckState(Qt.CheckState.Checked)
    assert box.sync_button.isEnabled()
    with qtbot.waitSignal(box.synced, timeout=30_000):
        box.sync_button.click()
    assert "Work: 1 new" in box.result.text()
    assert [e.title for e in core.store.events_between(*_december())] == ["Review"]


def _december() -> tuple[Any, Any]:
    from datetime import UTC, datetime

    return datetime(2026, 12, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)


def test_waiting_changes_are_listed_and_a_conflict_asks(
    qtbot: Any, scripted_core: Any, ring: MemoryKeyring
) -> None:
    from assistant.calendar.sync_model import CalendarAccount, OutboxEntry, RemoteCalendar

    store = scripted_core.store
    url = "https://cal.example/alex/work/"
    store.save_caldav_account(
        CalendarAccount("cal.example", "https://cal.example/", "alex"),
        [RemoteCalendar(url, "Work")],
    )
    store.choose_caldav_calendars("cal.example", [url])
    for uid, title, state in (("a", "Budget review", "pending"), ("b", "Offsite", "conflict")):
        store.queue_caldav_change(OutboxEntry(
            uid, "put", url, f"{url}{uid}.ics", "", "BEGIN:VCALENDAR", title,
            "2026-12-09T15:00:00+01:00", state, "changed on the server", 1,
        ))  # fmt: skip
    box = CalendarsBox(scripted_core)
    qtbot.addWidget(box)
    texts = [box.outbox.list.item(i).text() for i in range(box.outbox.list.count())]
    assert texts[0].startswith("↻ Budget review, ") and "sent at the next sync" in texts[0]
    assert "2026-12-09" not in texts[0]  # a date for people, not ISO
    assert texts[1].startswith("⚠ Offsite") and "keep yours or the server's" in texts[1]
    assert box.outbox.list.currentRow() == 1 and box.outbox.keep_theirs.isEnabled()
    box.outbox.list.setCurrentRow(0)
    assert not box.outbox.keep_mine.isEnabled()  # nothing to decide there
    box.outbox.list.setCurrentRow(1)
    with qtbot.waitSignal(box.synced, timeout=10_000):
        box.outbox.keep_theirs.click()
    assert [e.uid for e in store.caldav_outbox()] == ["a"]
    assert box.outbox.list.count() == 1 and not box.outbox.keep_theirs.isEnabled()
