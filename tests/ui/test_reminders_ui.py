"""Reminders in the running app (no window needed, the tray-only case): missed reminders arrive
once as a "while you were away" message, Open shows the event's week. Without a notification
server on the bus, reminders fall back to the tray."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from assistant.calendar import CalEvent
from assistant.reminders import Reminder
from ui.app import DeskmateApp


@pytest.fixture
def app_with_reminders(
    qtbot: Any, scripted_core: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[DeskmateApp]:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)  # no notification server
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/nonexistent")
    scripted_core.settings.set("time_zone", "UTC")
    past = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    scripted_core.store.add_event(CalEvent("m@t", "Missed sync", past, past + timedelta(hours=1)))
    app = DeskmateApp(scripted_core, tray=True, hotkey=False)  # no tray offscreen: still runs
    app.window.autoload_model = False
    qtbot.addWidget(app.window)
    qtbot.addWidget(app.popup)
    yield app
    app.shutdown()


def test_missed_reminders_arrive_once_as_a_message(
    qtbot: Any, app_with_reminders: DeskmateApp
) -> None:
    app = app_with_reminders
    assert app.reminders is not None and app.reminders.notifier is None  # the tray fallback
    label = app.window.message_bar.label  # the window is closed: shown when it opens
    qtbot.waitUntil(lambda: "Missed sync" in label.text(), timeout=10_000)
    assert "While you were away" in label.text()
    assert app.reminders.service.tick().show == ()  # never notified: no burst
    assert app.reminders.service.tick().missed == ()  # once only


def test_open_shows_the_events_week(qtbot: Any, app_with_reminders: DeskmateApp) -> None:
    app = app_with_reminders
    assert app.reminders is not None
    start = datetime(2030, 3, 6, 9, tzinfo=UTC)  # a Wednesday
    reminder = Reminder("k", "event", "x@t", "Later", start, start)
    app.reminders.opened.emit(reminder)
    qtbot.waitUntil(app.window.isVisible, timeout=5000)
    page = app.window.schedule_page
    assert page.week.bounds()[0].date().isoformat() == "2030-03-04"
