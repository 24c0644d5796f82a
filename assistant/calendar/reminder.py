"""What a reminder is and when each one fires: ``lead`` minutes before an event instance (its
own ``reminder_min``, else the setting), at the start of the working day for an all-day event
and for tasks due that day or overdue. Times are aware; keys use UTC instants, so a change of
the system time zone or daylight saving time never moves a reminder off its event."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

from assistant.calendar.occurrences import expand

if TYPE_CHECKING:
    from assistant.calendar.model import CalEvent
    from assistant.calendar.todo import Todo

Kind = Literal["event", "task"]


@dataclass(frozen=True, slots=True)
class ReminderRules:
    lead_min: int = 10
    work_start: time = time(9)
    tz: str = "UTC"
    grace_min: int = 5  # a reminder found this late (its event not started yet) still shows


@dataclass(frozen=True, slots=True)
class Reminder:
    key: str  # one per event instance (uid + UTC start) or per task and day
    kind: Kind
    ref: str  # event uid or task id
    title: str
    fire_at: datetime  # aware
    start: datetime | None = None  # the event instance's start, or the task's due time
    all_day: bool = False
    location: str = ""


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _work_start(day: date, rules: ReminderRules) -> datetime:
    return datetime.combine(day, rules.work_start, ZoneInfo(rules.tz))


def event_reminders(
    events: list[CalEvent], start: datetime, end: datetime, rules: ReminderRules
) -> list[Reminder]:
    """Reminders of event instances (recurring ones expanded) that fire in [start, end)."""
    longest = max([rules.lead_min, *(e.reminder_min or 0 for e in events)])
    ahead = timedelta(minutes=longest) + timedelta(days=1)  # all-day: fire before the day ends
    found = []
    for o in expand(events, start, end + ahead):
        event = o.event
        if event.all_day:
            fire = _work_start(o.start.date(), rules)
        else:
            lead = event.reminder_min if event.reminder_min is not None else rules.lead_min
            fire = o.start - timedelta(minutes=lead)
        if start <= fire < end and o.start >= start - timedelta(days=1):
            key = f"event:{event.uid}:{_utc(o.start)}"
            reminder = Reminder(key, "event", event.uid, event.title, fire, o.start)
            found.append(replace(reminder, all_day=event.all_day, location=event.location))
    return found


def task_reminders(
    todos: list[Todo], start: datetime, end: datetime, rules: ReminderRules
) -> list[Reminder]:
    """One reminder per open task due that day or overdue, at the start of each working day in
    [start, end) (weekends included only if the day's start falls in the window)."""
    zone = ZoneInfo(rules.tz)
    found = []
    day, last = start.astimezone(zone).date(), end.astimezone(zone).date()
    while day <= last:
        fire = _work_start(day, rules)
        end_of_day = datetime.combine(day + timedelta(days=1), time(0), zone)
        if start <= fire < end:
            for t in todos:
                if t.status == "open" and t.due is not None and t.due < end_of_day:
                    key = f"task:{t.id}:{day.isoformat()}"
                    found.append(Reminder(key, "task", str(t.id), t.title, fire, t.due))
        day += timedelta(days=1)
    return found
