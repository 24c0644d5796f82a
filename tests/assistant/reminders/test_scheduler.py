"""The reminder scheduler on a real store with an injectable clock: once only (across restarts),
per-event lead, recurring series with EXDATE and overridden instances, all-day events and tasks
at the start of the working day, snoozes, missed reminders listed once, time zone changes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.calendar import CalEvent, parse_ics
from assistant.calendar.todo import TodoDraft
from assistant.reminders import ReminderRules, ReminderScheduler
from assistant.store import Store

SH = ZoneInfo("Asia/Shanghai")
MEETING = datetime(2026, 11, 24, 10, 0, tzinfo=SH)  # a Tuesday


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = Store(data_dir)
    yield s
    s.close()


def _scheduler(store: Store, clock: Clock, tz: str = "Asia/Shanghai") -> ReminderScheduler:
    return ReminderScheduler(store, lambda: ReminderRules(10, time(9), tz), clock)


def _keys(scheduler: ReminderScheduler) -> list[str]:
    return [r.key for r in scheduler.poll().show]


def test_fires_once_at_the_lead_time_and_never_again_after_a_restart(data_dir: Path) -> None:
    store = Store(data_dir)
    store.add_event(CalEvent("m@t", "Standup", MEETING, MEETING + timedelta(minutes=15)))
    store.add_event(
        CalEvent("r@t", "Review", MEETING.replace(hour=15), MEETING.replace(hour=16),
                 reminder_min=30)
    )  # fmt: skip
    clock = Clock(MEETING - timedelta(minutes=11))
    scheduler = _scheduler(store, clock)
    assert _keys(scheduler) == []
    assert scheduler.next_wake() == MEETING - timedelta(minutes=10)
    clock.now = MEETING - timedelta(minutes=10)
    (shown,) = scheduler.poll().show
    assert shown.title == "Standup" and shown.start == MEETING
    assert _keys(scheduler) == []
    store.close()
    store = Store(data_dir)  # a restart: the state is in SQLite
    clock.now += timedelta(minutes=2)
    assert _keys(_scheduler(store, clock)) == []
    clock.now = MEETING.replace(hour=14, minute=30)  # its own lead: 30 min
    assert [r.title for r in _scheduler(store, clock).poll().show] == ["Review"]
    store.close()


def test_recurring_series_with_exdate_and_an_overridden_instance(store: Store) -> None:
    ics = b"""BEGIN:VCALENDAR
VERSION:2.0
BEGIN:VEVENT
UID:daily@t
SUMMARY:Daily
DTSTART;TZID=Asia/Shanghai:20261123T100000
DTEND;TZID=Asia/Shanghai:20261123T101500
RRULE:FREQ=DAILY;COUNT=5
EXDATE;TZID=Asia/Shanghai:20261124T100000
END:VEVENT
BEGIN:VEVENT
UID:daily@t
RECURRENCE-ID;TZID=Asia/Shanghai:20261125T100000
SUMMARY:Daily (moved)
DTSTART;TZID=Asia/Shanghai:20261125T140000
DTEND;TZID=Asia/Shanghai:20261125T141500
END:VEVENT
END:VCALENDAR
"""
    for event in parse_ics(ics, tz="Asia/Shanghai"):
        store.add_event(event)
    clock = Clock(datetime(2026, 11, 23, 8, 0, tzinfo=SH))
    scheduler = _scheduler(store, clock)
    fired = []
    while clock.now < datetime(2026, 11, 28, tzinfo=SH):
        clock.now += timedelta(minutes=5)
        fired += [(r.title, r.start) for r in scheduler.poll().show]
    starts = [(t, s.astimezone(SH).strftime("%d %H:%M")) for t, s in fired if s]
    assert starts == [
        ("Daily", "23 10:00"),  # the 24th is excluded, the 25th moved to 14:00
        ("Daily (moved)", "25 14:00"),
        ("Daily", "26 10:00"),
        ("Daily", "27 10:00"),
    ]


def test_all_day_events_and_due_tasks_at_the_start_of_the_working_day(store: Store) -> None:
    day = datetime(2026, 11, 24, tzinfo=SH)
    store.add_event(CalEvent("h@t", "Offsite", day, day + timedelta(days=1), all_day=True))
    store.add_todo(TodoDraft("Report", due=day.replace(hour=17)))
    store.add_todo(TodoDraft("Later", due=day + timedelta(days=3)))
    clock = Clock(day.replace(hour=8, minute=59))
    scheduler = _scheduler(store, clock)
    assert _keys(scheduler) == []
    clock.now = day.replace(hour=9)
    assert sorted(r.title for r in scheduler.poll().show) == ["Offsite", "Report"]


def test_snooze_brings_it_back_once_after_the_snooze(store: Store) -> None:
    store.add_event(CalEvent("m@t", "Standup", MEETING, MEETING + timedelta(minutes=15)))
    clock = Clock(MEETING - timedelta(minutes=10))
    scheduler = _scheduler(store, clock)
    (shown,) = scheduler.poll().show
    assert scheduler.snooze(shown, 5) == MEETING - timedelta(minutes=5)
    clock.now += timedelta(minutes=4)
    assert _keys(scheduler) == []
    clock.now += timedelta(minutes=1)
    assert _keys(scheduler) == [shown.key]
    assert _keys(scheduler) == []


def test_missed_while_not_running_are_listed_once_not_notified(store: Store) -> None:
    for hour in (10, 11, 12):
        start = MEETING.replace(hour=hour)
        end = start + timedelta(hours=1)
        store.add_event(CalEvent(f"e{hour}@t", f"Meeting {hour}", start, end))
    clock = Clock(MEETING.replace(hour=12, minute=55))  # the app starts late (or woke up)
    scheduler = _scheduler(store, clock)
    first = scheduler.poll()
    assert first.show == ()  # no burst of notifications
    assert [r.title for r in first.missed] == ["Meeting 10", "Meeting 11", "Meeting 12"]
    again = scheduler.poll()
    assert again.show == () and again.missed == ()


def test_a_time_zone_change_does_not_move_a_reminder(store: Store) -> None:
    store.add_event(CalEvent("m@t", "Standup", MEETING, MEETING + timedelta(minutes=15)))
    clock = Clock(MEETING - timedelta(minutes=30))
    in_shanghai = _scheduler(store, clock).next_wake()
    in_london = _scheduler(store, clock, tz="Europe/London").next_wake()
    assert in_shanghai == in_london == MEETING - timedelta(minutes=10)


def test_an_ics_alarm_sets_the_events_own_lead_and_survives_export(store: Store) -> None:
    from assistant.calendar import export_ics

    ics = b"""BEGIN:VCALENDAR
VERSION:2.0
BEGIN:VEVENT
UID:alarm@t
SUMMARY:Flight
DTSTART:20261124T020000Z
DTEND:20261124T040000Z
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:Flight
TRIGGER:-PT45M
END:VALARM
END:VEVENT
END:VCALENDAR
"""
    (event,) = parse_ics(ics)
    assert event.reminder_min == 45
    store.add_event(event)
    clock = Clock(event.start - timedelta(minutes=45))
    assert [r.title for r in _scheduler(store, clock).poll().show] == ["Flight"]
    (again,) = parse_ics(export_ics([event]))
    assert again.reminder_min == 45
