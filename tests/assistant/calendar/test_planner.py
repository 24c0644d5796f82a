"""The planner, with hypothesis: no overlaps, inside working hours, every deadline that can be
met is met, and an infeasible set is reported (nothing dropped); plus worked examples."""

from __future__ import annotations

import itertools
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.calendar import CalEvent
from assistant.calendar.plan_text import render, why
from assistant.calendar.planner import Plan, WorkRules, free_intervals, make_plan
from assistant.calendar.todo import Priority, Todo

TZ = "Asia/Shanghai"
ZONE = ZoneInfo(TZ)
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=ZONE)
END = MONDAY + timedelta(days=5)  # to Saturday 09:00: Monday-Friday working days
RULES = WorkRules(time(9), time(18), buffer_min=0, min_block_min=30)


def todo(n: int, minutes: int, due: datetime | None, priority: Priority = "normal") -> Todo:
    return Todo(n, f"task {n}", due, minutes, priority, "open", "", "", "2026-11-01T00:00:00")


def event(n: int, start: datetime, minutes: int, all_day: bool = False) -> CalEvent:
    return CalEvent(f"e{n}", f"event {n}", start, start + timedelta(minutes=minutes), all_day)


# everything on a 30-minute grid, so that the placing can be exact and the properties strict
slots = st.integers(min_value=0, max_value=5 * 48 - 1).map(
    lambda k: MONDAY.replace(hour=0) + timedelta(minutes=30 * k)
)
events_st = st.lists(st.tuples(slots, st.integers(1, 6).map(lambda k: 30 * k)), max_size=8).map(
    lambda xs: [event(i, s, m) for i, (s, m) in enumerate(xs)]
)
todos_st = st.lists(
    st.tuples(
        st.integers(1, 10).map(lambda k: 30 * k),
        st.one_of(st.none(), slots),
        st.sampled_from(["high", "normal", "low"]),
    ),
    max_size=8,
).map(lambda xs: [todo(i + 1, m, d, p) for i, (m, d, p) in enumerate(xs)])  # type: ignore[arg-type]


def _plan(todos: list[Todo], events: list[CalEvent]) -> Plan:
    return make_plan(todos, events, start=MONDAY, end=END, rules=RULES, tz=TZ)


def _free_before(events: list[CalEvent], deadline: datetime) -> int:
    free = free_intervals(events, MONDAY, END, RULES, TZ)
    return sum(int((min(b, deadline) - a).total_seconds() // 60) for a, b in free if a < deadline)


@settings(max_examples=150, deadline=None)
@given(todos=todos_st, events=events_st)
def test_properties(todos: list[Todo], events: list[CalEvent]) -> None:
    plan = _plan(todos, events)
    blocks = sorted(plan.blocks, key=lambda b: b.start)
    # no overlaps, between blocks or with any event
    for a, b in itertools.pairwise(blocks):
        assert a.end <= b.start
    for block in blocks:
        assert block.minutes >= 30
        for e in events:
            assert block.end <= e.start or e.end <= block.start
        # inside working hours, on a working day, inside the window
        local_start, local_end = block.start.astimezone(ZONE), block.end.astimezone(ZONE)
        assert local_start.date() == local_end.date() and local_start.weekday() < 5
        assert RULES.work_start <= local_start.time() and local_end.time() <= RULES.work_end
        assert block.start >= MONDAY and block.end <= END
    # nothing dropped: every minute is placed or reported unplaced
    late = {s.todo.id: s.missing_min for s in plan.late}
    unplaced = {s.todo.id: s.missing_min for s in plan.unplaced}
    for t in todos:
        placed = sum(b.minutes for b in blocks if b.todo.id == t.id)
        assert placed + unplaced.get(t.id, 0) == t.estimate_min
        on_time = sum(b.minutes for b in blocks if b.todo.id == t.id and b.reason != "late")
        assert on_time + late.get(t.id, 0) == t.estimate_min or t.due is None
        if t.due is not None:
            assert all(b.end <= t.due for b in blocks if b.todo.id == t.id and b.reason == "due")
    # every deadline that can be met is met: a task is late only when the work due by its
    # deadline exceeds the free time before it, and then the overload is reported
    for t in todos:
        if t.id in late:
            assert t.due is not None
            demand = sum(u.estimate_min for u in todos if u.due is not None and u.due <= t.due)
            assert demand > _free_before(events, t.due)
            assert plan.overload is not None
    if plan.overload is None:
        assert not late


def test_overload_says_it_with_figures_and_what_to_move() -> None:
    friday = MONDAY.replace(day=27, hour=12)
    todos = [
        todo(1, 9 * 60, friday, "low"),
        todo(2, 6 * 60, friday, "high"),
        todo(3, 60, MONDAY.replace(hour=17)),
    ]
    busy = [event(i, MONDAY.replace(day=24 + i, hour=9), 9 * 60) for i in range(3)]
    plan = _plan(todos, busy)  # 16 h of work, 12 h free (Monday, Friday morning)
    assert plan.overload is not None and [t.id for t in plan.overload.move] == [1]
    assert (plan.overload.task_min, plan.overload.free_min) == (16 * 60, 12 * 60)
    assert [s.todo.id for s in plan.late] == [1]
    text = render(plan, lang="en", tz=TZ, now=MONDAY)
    assert "free before" in text and "'task 1'" in text and "h" in text
    zh = render(plan, lang="zh", tz=TZ, now=MONDAY)
    assert "之前只有" in zh and "“task 1”" in zh


def test_edf_then_priority_and_one_line_of_why() -> None:
    due = MONDAY.replace(hour=18)
    plan = _plan([todo(1, 60, due, "low"), todo(2, 60, due, "high"), todo(3, 60, None)], [])
    assert [b.todo.id for b in plan.blocks] == [2, 1, 3]
    assert plan.blocks[0].start == MONDAY
    assert why(plan.blocks[0], lang="en", tz=TZ, now=MONDAY).startswith("Due Today, 18:00")
    assert "high priority" in why(plan.blocks[0], lang="en", tz=TZ, now=MONDAY)
    assert why(plan.blocks[2], lang="zh", tz=TZ).startswith("无截止时间")


def test_all_day_events_and_meeting_buffers_are_respected() -> None:
    rules = WorkRules(time(9), time(18), buffer_min=15, min_block_min=30)
    holiday = event(1, MONDAY.replace(hour=0), 24 * 60, all_day=True)
    meeting = event(2, MONDAY.replace(day=24, hour=10), 60)
    plan = make_plan(
        [todo(1, 120, None)], [holiday, meeting], start=MONDAY, end=END, rules=rules, tz=TZ
    )
    starts = [(b.start.astimezone(ZONE).day, b.start.astimezone(ZONE).time()) for b in plan.blocks]
    # Monday is blocked; Tuesday 09:00-09:45 is only 45 min before the buffered meeting
    assert starts[0] == (24, time(9)) and plan.blocks[0].end.astimezone(ZONE).time() == time(9, 45)
    assert plan.blocks[1].start.astimezone(ZONE).time() == time(11, 15)
