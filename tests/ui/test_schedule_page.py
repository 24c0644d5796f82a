"""Schedule page: week view of stored events, suggestions accepted or rejected, .ics drops."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from assistant.tasks.schedule_plan import PlannedSuggestion
from ui.main_window import MainWindow
from ui.pages.schedule_page import SchedulePage, time_choices
from ui.week_view import monday_of, occurrences


def _window(qtbot: Any, core: Any) -> MainWindow:
    core.settings.set("time_zone", "UTC")
    window = MainWindow(core)
    window.autoload_model = False
    qtbot.addWidget(window)
    window.show()
    return window


def _this_week(hour: int, day: int = 2) -> datetime:
    monday = monday_of(datetime.now(UTC).date())
    return datetime(monday.year, monday.month, monday.day, hour, tzinfo=UTC) + timedelta(days=day)


def _planned(title: str, start: datetime | None, **extra: Any) -> PlannedSuggestion:
    return PlannedSuggestion.from_stored(_stored(title, start, **extra))


def _stored(title: str, start: datetime | None, **extra: Any) -> dict[str, Any]:
    """A suggestion as a run's data keeps it (JSON)."""
    end = start + timedelta(hours=1) if start else None
    return {
        "kind": "event",
        "title": title,
        "when_text": "Wednesday 10am",
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "all_day": False,
        "due": None,
        "location": "",
        "participants": [],
        "conflicts": [],
        "proposals": [],
        **extra,
    }


def _schedule(window: MainWindow, qtbot: Any) -> SchedulePage:
    page = window.schedule_page
    with qtbot.waitSignal(page.events_loaded, timeout=10_000):  # shown: the week loads
        window.show_page("schedule")
    return page


def test_accept_stores_event_and_week_shows_it(qtbot: Any, scripted_core: Any) -> None:
    window = _window(qtbot, scripted_core)
    page = _schedule(window, qtbot)
    start = _this_week(10)
    slot = {"start": _this_week(14).isoformat(), "end": _this_week(15).isoformat()}
    clash = [{"title": "Standup", "start": start.isoformat(), "end": start.isoformat()}]
    planned = [
        _planned("Budget review", start, conflicts=clash, proposals=[slot]),
        _planned("Dentist", _this_week(9, day=3)),
        _planned("Write report", None, kind="task"),
    ]
    with qtbot.waitSignal(page.events_loaded, timeout=30_000):
        page.set_suggestions(planned)
    rows = page.rows()
    assert [r.item.title for r in rows] == ["Budget review", "Dentist", "Write report"]
    assert rows[0].when.count() == 2 and rows[0].when.itemText(0).startswith("⚠")
    assert not rows[2].accept_button.isEnabled()  # no time: nothing to store
    tentative = {s.title for s in page.week.shown() if s.tentative}
    assert tentative == {"Budget review", "Dentist"}

    rows[0].when.setCurrentIndex(1)  # the free slot instead of the clashing time
    loaded = qtbot.waitSignal(page.events_loaded, timeout=30_000)
    with loaded, qtbot.waitSignal(page.accepted, timeout=30_000) as accepted:
        rows[0].accept_button.click()
    event = accepted.args[0]
    assert event.start == _this_week(14)
    stored = scripted_core.store.events_between(_this_week(0, 0), _this_week(0, 7))
    assert [e.title for e in stored] == ["Budget review"]
    solid = [s for s in page.week.shown() if not s.tentative]
    assert [(s.title, s.start.hour) for s in solid] == [("Budget review", 14)]
    assert [r.item.title for r in page.rows()] == ["Dentist", "Write report"]

    page.rows()[0].reject_button.click()
    assert [r.item.title for r in page.rows()] == ["Write report"]
    assert not [s for s in page.week.shown() if s.tentative]
    assert len(scripted_core.store.events_between(_this_week(0, 0), _this_week(0, 7))) == 1


def test_week_navigation_loads_that_week(qtbot: Any, scripted_core: Any) -> None:
    from assistant.calendar import CalEvent

    later = _this_week(11) + timedelta(days=14)
    scripted_core.store.add_event(
        CalEvent(uid="x@test", title="Offsite", start=later, end=later + timedelta(hours=2))
    )
    window = _window(qtbot, scripted_core)
    page = _schedule(window, qtbot)
    assert page.week.shown() == []
    for _ in range(2):
        with qtbot.waitSignal(page.events_loaded, timeout=30_000):
            page.week.next_button.click()
    assert [s.title for s in page.week.shown()] == ["Offsite"]
    with qtbot.waitSignal(page.events_loaded, timeout=30_000):
        page.week.today_button.click()
    assert page.week.shown() == []


def test_recurring_event_expands_in_week() -> None:
    from assistant.calendar import CalEvent

    first = _this_week(9, day=0) - timedelta(days=7)
    weekly = CalEvent(
        uid="r@test",
        title="Team sync",
        start=first,
        end=first + timedelta(minutes=30),
        rrule="FREQ=DAILY;COUNT=30",
    )
    shown = occurrences([weekly], monday_of(datetime.now(UTC).date()), "Asia/Shanghai")
    assert len(shown) == 7 and {s.start.hour for s in shown} == {17}  # 09:00 UTC in Shanghai


def test_time_choices_list_own_time_then_free_slots() -> None:
    start = _this_week(10)
    slot = {"start": _this_week(16).isoformat(), "end": _this_week(17).isoformat()}
    choices = time_choices(_planned("A", start, proposals=[slot]))
    assert [c[1].start.isoformat() for c in choices] == [start.isoformat(), slot["start"]]
    assert time_choices(_planned("B", None)) == []


def test_ics_drop_imports_into_the_week(qtbot: Any, data_dir: Path, tmp_path: Path) -> None:
    """Through real drop events and the real core (an import needs no model)."""
    from assistant.core import Core

    core = Core(data_dir)
    try:
        start = _this_week(13, day=4)
        ics = tmp_path / "invite.ics"
        ics.write_text(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
            f"UID:drop-1@test\r\nDTSTAMP:20250101T000000Z\r\nSUMMARY:Quarterly planning\r\n"
            f"DTSTART:{start:%Y%m%dT%H%M%SZ}\r\nDTEND:{start + timedelta(hours=1):%Y%m%dT%H%M%SZ}"
            "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            encoding="utf-8",
        )
        window = _window(qtbot, core)
        page = window.schedule_page
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(ics))])
        copy = Qt.DropAction.CopyAction
        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        enter = QDragEnterEvent(QPoint(40, 40), copy, mime, left, none)
        QApplication.sendEvent(window, enter)
        assert enter.isAccepted() and window.overlay.isVisible()
        assert page.spec.title in window.overlay.message
        with qtbot.waitSignal(page.run_finished, timeout=20_000):
            QApplication.sendEvent(window, QDropEvent(QPointF(40, 40), copy, mime, left, none))
        assert window.current_page_key() == "schedule"
        assert "Imported 1" in page.result_text
        qtbot.waitUntil(lambda: bool(page.week.shown()), timeout=30_000)
        assert [(s.title, s.start.hour) for s in page.week.shown()] == [("Quarterly planning", 13)]
        runs = core.store.list_runs(task="calendar-import")
        window.open_run(runs[0])  # the import run opens again on the Schedule page
        assert window.current_page_key() == "schedule"
        window.close()
    finally:
        core.close()


@pytest.mark.model
def test_schedule_page_end_to_end(qtbot: Any, real_core: Any) -> None:
    window = _window(qtbot, real_core)
    page = _schedule(window, qtbot)
    page.set_text("Please join the budget review with Anna tomorrow at 3pm in room 4.")
    with qtbot.waitSignal(page.run_finished, timeout=240_000) as finished:
        page.run()
    done = finished.args[0]
    assert done is not None and "suggestions" in done.data
    rows = page.rows()
    assert rows, f"no suggestion found in: {done.text}"
    assert page.result_text.strip() != page.input.toPlainText().strip()
    timed = [r for r in rows if r.accept_button.isEnabled()]
    assert timed, f"no suggestion with a time: {done.data['suggestions']}"
    with qtbot.waitSignal(page.accepted, timeout=10_000) as accepted:
        timed[0].accept_button.click()
    event = accepted.args[0]
    assert event.title.strip() and event.end > event.start
    qtbot.waitUntil(lambda: any(s.title == event.title for s in page.week.shown()), timeout=10_000)
    assert real_core.store.events_between(event.start, event.end)[0].uid == event.uid
    page.week.select(event.uid)  # delete the accepted event: to the trash, then undo
    with qtbot.waitSignal(page.event_deleted, timeout=10_000):
        page.week.delete_button.click()
    assert real_core.store.events_between(event.start, event.end) == []
    with qtbot.waitSignal(page.event_restored, timeout=10_000):
        page.undo_bar.action_button.click()
    assert real_core.store.events_between(event.start, event.end)[0].uid == event.uid
    run = real_core.store.get_run(done.run_id)
    window.open_run(run)  # from History: the suggestions come back, to accept later
    assert len(page.rows()) == len(done.data["suggestions"])
    window.close()


def test_schedule_run_reopens_with_its_suggestions(qtbot: Any, scripted_core: Any) -> None:
    planned = [_stored("Budget review", _this_week(10)), _stored("Write report", None)]
    store = scripted_core.store
    run_id = store.start_run("schedule", input_text="text")
    store.finish_run(
        run_id, status="done", output="1. **Budget review**", data={"suggestions": planned}
    )
    window = _window(qtbot, scripted_core)
    page = _schedule(window, qtbot)
    window.show_page("summarize")
    with qtbot.waitSignal(page.events_loaded, timeout=30_000):
        window.open_run(store.get_run(run_id))
    assert window.current_page_key() == "schedule"
    assert "Budget review" in page.result.toPlainText()
    assert [r.item.title for r in page.rows()] == ["Budget review", "Write report"]


def test_delete_event_goes_to_trash_with_undo(qtbot: Any, scripted_core: Any) -> None:
    from assistant.calendar import CalEvent

    start = _this_week(10)
    for uid, title, hours in (("a@test", "Budget review", 0), ("b@test", "Dentist", 3)):
        at = start + timedelta(hours=hours)
        scripted_core.store.add_event(CalEvent(uid, title, at, at + timedelta(hours=1)))
    window = _window(qtbot, scripted_core)
    page = _schedule(window, qtbot)
    week = page.week
    assert not week.delete_button.isEnabled()
    budget = next(s for s in week.shown() if s.uid == "a@test")
    box = week.canvas.box(budget)
    assert box is not None
    qtbot.mouseClick(week.canvas, Qt.MouseButton.LeftButton, pos=box.center().toPoint())
    assert week.canvas.selected == "a@test" and week.delete_button.isEnabled()

    with qtbot.waitSignal(page.event_deleted, timeout=30_000) as deleted:
        week.delete_button.click()
    assert deleted.args == ["a@test"]
    assert [s.title for s in week.shown()] == ["Dentist"]
    assert not week.delete_button.isEnabled()
    stored = scripted_core.store.events_between(_this_week(0, 0), _this_week(0, 7))
    assert [e.uid for e in stored] == ["b@test"]
    assert [e.uid for e, _ in scripted_core.store.list_event_trash()] == ["a@test"]
    assert "Budget review" in page.undo_bar.text() and page.undo_bar.action_button.isVisible()

    restored = qtbot.waitSignal(page.event_restored, timeout=30_000)
    with restored, qtbot.waitSignal(page.events_loaded, timeout=30_000):
        page.undo_bar.action_button.click()
    assert [s.title for s in week.shown()] == ["Budget review", "Dentist"]
    assert scripted_core.store.list_event_trash() == []

    week.select("b@test")  # the Delete key does the same
    with qtbot.waitSignal(page.event_deleted, timeout=30_000):
        qtbot.keyClick(week.canvas, Qt.Key.Key_Delete)
    assert [s.title for s in week.shown()] == ["Budget review"]
    assert [e.uid for e, _ in scripted_core.store.list_event_trash()] == ["b@test"]
