"""The Tasks list beside the week: add, plan my day, accept the plan (events in the week), done.
A scripted core (no model); the store, planner and week view are real."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt

from tests.ui.test_schedule_page import _schedule, _window
from ui.week_view import monday_of


def test_add_plan_accept_and_done(qtbot: Any, scripted_core: Any) -> None:
    window = _window(qtbot, scripted_core)
    page = _schedule(window, qtbot)
    panel = page.tasks
    qtbot.waitUntil(lambda: panel.empty.isVisible())  # the empty state says what to do
    monday = monday_of(datetime.now(UTC).date()) + timedelta(days=7)
    nine = datetime(monday.year, monday.month, monday.day, 9, tzinfo=UTC)
    panel.clock = lambda: nine

    panel.title_edit.setText("Quarterly report")
    panel.due_edit.setText((nine + timedelta(hours=8)).isoformat())
    panel.minutes.setValue(90)
    qtbot.keyClick(panel.title_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert "Quarterly report" in panel.list.item(0).text() and not panel.empty.isVisible()
    assert "1 h 30 min" in panel.list.item(0).text()

    with qtbot.waitSignal(panel.plan_ready, timeout=10_000):
        panel.plan_day_button.click()
    assert panel.plan_list.count() == 1 and not panel.overload.isVisible()
    text = panel.plan_list.item(0).text()
    assert "09:00–10:30" in text and "earliest deadline first" in text
    assert [s.title for s in page.week.tentative] == ["Quarterly report"]

    with qtbot.waitSignal(panel.accepted, timeout=10_000) as accepted:
        panel.accept_all_button.click()
    (event,) = accepted.args[0]
    assert event.start == nine and event.end == nine + timedelta(minutes=90)
    stored = scripted_core.store.events_between(nine, nine + timedelta(hours=2))
    assert [e.title for e in stored] == ["Quarterly report"]

    panel.list.item(0).setSelected(True)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.list.count() == 0)
    assert scripted_core.store.list_todos(include_done=True)[0].status == "done"


def test_an_events_own_reminder_from_the_week(qtbot: Any, scripted_core: Any) -> None:
    from assistant.calendar import CalEvent

    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    scripted_core.store.add_event(CalEvent("r@t", "Flight", start, start + timedelta(hours=2)))
    window = _window(qtbot, scripted_core)
    page = _schedule(window, qtbot)
    with qtbot.waitSignal(page.reminder_set, timeout=10_000):
        page.week.reminder_requested.emit("r@t", 45)  # the week's "Remind me" menu
    assert scripted_core.store.get_event("r@t").reminder_min == 45
    with qtbot.waitSignal(page.reminder_set, timeout=10_000):
        page.week.reminder_requested.emit("r@t", -1)
    assert scripted_core.store.get_event("r@t").reminder_min is None
