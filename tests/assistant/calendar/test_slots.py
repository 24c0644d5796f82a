"""Conflicts and free-slot proposals: working hours, weekends, buffers, DST, all-day events."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from assistant.calendar import CalendarError, CalEvent, find_conflicts, propose_slots

TZ = "Europe/Berlin"
Z = ZoneInfo(TZ)


def ev(uid: str, start: datetime, minutes: int = 60, *, all_day: bool = False) -> CalEvent:
    end = start + (timedelta(days=1) if all_day else timedelta(minutes=minutes))
    return CalEvent(uid=uid, title=uid, start=start, end=end, all_day=all_day)


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2024, month, day, hour, minute, tzinfo=Z)


def test_conflicts_overlap_only() -> None:
    existing = [ev("before", at(4, 9)), ev("touching", at(4, 11)), ev("inside", at(4, 10, 30), 15)]
    candidate = ev("new", at(4, 10))
    assert [e.uid for e in find_conflicts(candidate, existing)] == ["inside"]
    assert find_conflicts(candidate, [candidate]) == []


def test_event_spanning_midnight_conflicts_next_morning() -> None:
    late = ev("late", at(4, 23), 8 * 60)  # until 07:00 on the 5th
    assert find_conflicts(ev("early", at(5, 6)), [late]) == [late]


def test_all_day_event_conflicts_and_blocks_the_day() -> None:
    holiday = ev("holiday", at(5, 0), all_day=True)  # Tuesday
    assert find_conflicts(ev("meeting", at(5, 14)), [holiday]) == [holiday]
    slots = propose_slots(
        timedelta(hours=1), [holiday], start_from=at(5, 8), tz=TZ, days=2, count=5
    )
    assert slots and all(s.date() != at(5, 0).date() for s, _ in slots)


def test_slots_inside_hours_with_buffers_and_no_weekends() -> None:
    existing = [ev("standup", at(8, 9), 30), ev("lunch", at(8, 12), 60)]  # Friday
    slots = propose_slots(timedelta(hours=1), existing, start_from=at(8, 8), tz=TZ, days=2, count=4)
    starts = [s.strftime("%a %d %H:%M") for s, _ in slots]
    assert starts == ["Fri 08 09:45", "Fri 08 13:15", "Mon 11 09:00"]
    for start, end in slots:
        assert start.weekday() < 5 and end - start == timedelta(hours=1)
        assert start.time() >= at(8, 9).time() and end.time() <= at(8, 18).time()
        for e in existing:
            assert end + timedelta(minutes=10) <= e.start or start >= e.end + timedelta(minutes=10)


def test_slots_across_the_dst_change_keep_local_working_hours() -> None:
    # Europe/Berlin springs forward on Sunday 2024-03-31; Friday 29 and Monday 1 April differ
    slots = propose_slots(
        timedelta(minutes=30), [], start_from=at(29, 17, 40), tz=TZ, days=3, count=2
    )
    assert [s.strftime("%m-%d %H:%M %z") for s, _ in slots] == [
        "04-01 09:00 +0200",
        "04-02 09:00 +0200",  # one proposal per free gap: the next day
    ]
    assert slots[0][0] == datetime(2024, 4, 1, 9, tzinfo=Z)
    assert slots[0][0].utcoffset() == timedelta(hours=2)


def test_slot_start_from_is_rounded_up_and_in_the_future() -> None:
    slots = propose_slots(timedelta(minutes=30), [], start_from=at(4, 10, 7), tz=TZ, count=1)
    assert slots == [(at(4, 10, 15), at(4, 10, 45))]


@pytest.mark.parametrize(
    ("kwargs"),
    [{"work_start": "18:00", "work_end": "09:00"}, {"work_start": "nine"}],
)
def test_bad_working_hours_raise(kwargs: dict[str, Any]) -> None:
    with pytest.raises(CalendarError):
        propose_slots(timedelta(minutes=30), [], start_from=at(4, 8), tz=TZ, **kwargs)
