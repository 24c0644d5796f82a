"""The window's side of calendar sync (no server: the reports are the core's typed values):
an event not on the server yet is marked in the week with Sync now offered, a failure is
shown once in the message bar, the recovery said once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from assistant.calendar import CalEvent
from assistant.calendar.sync_model import CalendarAccount, OutboxEntry, RemoteCalendar
from assistant.calsync.autosync import SyncReport
from assistant.errors import CalendarServerError
from tests.ui.test_schedule_page import _schedule, _this_week, _window

URL = "https://cal.example/alex/work/"


def test_waiting_event_is_marked_and_failures_show_once(qtbot: Any, scripted_core: Any) -> None:
    store = scripted_core.store
    store.save_caldav_account(
        CalendarAccount("cal.example", "https://cal.example/", "alex"),
        [RemoteCalendar(URL, "Work")],
    )
    store.choose_caldav_calendars("cal.example", [URL])
    start = _this_week(10)
    for uid, title in (("a@test", "Budget review"), ("b@test", "Dentist")):
        store.add_event(CalEvent(uid, title, start, start + timedelta(hours=1)))
        start += timedelta(hours=3)
    store.queue_caldav_change(OutboxEntry(
        "a@test", "put", URL, f"{URL}a.ics", "", "BEGIN:VCALENDAR", "Budget review",
        _this_week(10).isoformat(), "pending", "the calendar server failed", 1,
    ))  # fmt: skip
    window = _window(qtbot, scripted_core)
    page = _schedule(window, qtbot)
    waiting = {s.title: s.waiting for s in page.week.shown()}
    assert waiting == {"Budget review": "pending", "Dentist": ""}
    assert page.week.sync_button.isVisible()

    down = CalendarServerError("the calendar server failed: connection refused")
    window.calendar_sync.report.emit(SyncReport("cal.example", (), down, show=True))
    assert "connection refused" in window.message_bar.text()
    window.message_bar.hide()
    with qtbot.waitSignal(page.events_loaded, timeout=10_000):  # the week reloads
        window.calendar_sync.report.emit(SyncReport("cal.example", (), down, show=False))
    assert window.message_bar.text() == ""  # the same failure again: not shown twice
    window.calendar_sync.report.emit(SyncReport("cal.example", (), recovered=True))
    assert "works again" in window.message_bar.text()
