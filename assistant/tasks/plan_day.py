"""Plan my day / week from the store: open to-dos and stored events, working hours and the meeting
buffer from the settings; accepted blocks become events. No model involved: the placing is
``assistant.calendar.planner``."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

from assistant.errors import UserError

if TYPE_CHECKING:
    from assistant.calendar import CalEvent
    from assistant.calendar.planner import Block, Plan, WorkRules
    from assistant.calendar.todo import Todo
    from assistant.host import TaskHost

Scope = Literal["day", "week"]
PLAN_UID_PREFIX = "plan-"  # + task id + "-" + hash: an accepted block of work on that task


def _minus_planned(todos: list[Todo], events: list[CalEvent], since: datetime) -> list[Todo]:
    """Tasks less the work already accepted as events from ``since`` on (planning again does
    not place it twice); a task fully covered drops out."""
    planned: dict[int, int] = {}
    for event in events:
        head, _, rest = event.uid.partition(PLAN_UID_PREFIX)
        todo_id = rest.split("-", 1)[0]
        if head == "" and todo_id.isdigit() and event.end > since:
            minutes = int((event.end - max(event.start, since)).total_seconds() // 60)
            planned[int(todo_id)] = planned.get(int(todo_id), 0) + minutes
    left = []
    for todo in todos:
        remaining = todo.estimate_min - planned.get(todo.id, 0)
        if remaining > 0:
            left.append(replace(todo, estimate_min=remaining))
    return left


@dataclass(frozen=True, slots=True)
class DayPlan:
    """A plan with the zone it was made in (for showing and accepting it)."""

    plan: Plan
    tz: str
    now: datetime


def work_rules(core: TaskHost) -> WorkRules:
    from assistant.calendar.planner import WorkRules
    from assistant.calendar.slots import clock

    settings = core.settings
    start, end = clock(settings.get_str("work_start")), clock(settings.get_str("work_end"))
    if end <= start:
        raise UserError(f"working hours end ({end:%H:%M}) before they start ({start:%H:%M})")
    return WorkRules(start, end, buffer_min=settings.get_int("meeting_buffer_min"))


def window(now: datetime, scope: Scope, rules: WorkRules) -> tuple[datetime, datetime]:
    """The rest of today (or the next working day when today's hours are over); for a week,
    until the end of this week's last working day (or next week's, late on that day)."""
    zone = now.tzinfo
    day = now.date()
    while day.weekday() not in rules.workdays or (
        day == now.date() and now.time() >= rules.work_end
    ):
        day += timedelta(days=1)
    start = max(now, datetime.combine(day, time(0), zone))
    if scope == "day":
        return start, datetime.combine(day + timedelta(days=1), time(0), zone)
    last = max(rules.workdays)
    return start, datetime.combine(day + timedelta(days=last - day.weekday() + 1), time(0), zone)


def make_day_plan(core: TaskHost, scope: Scope = "day", *, now: datetime | None = None) -> DayPlan:
    from assistant.calendar.planner import make_plan
    from assistant.tasks.schedule import resolve_zone

    tz = resolve_zone(core, "")
    moment = (now or datetime.now(ZoneInfo(tz))).astimezone(ZoneInfo(tz))
    rules = work_rules(core)
    start, end = window(moment, scope, rules)
    events = core.store.events_between(start - timedelta(days=1), end + timedelta(days=1))
    todos = _minus_planned(core.store.list_todos(), events, start)
    plan = make_plan(todos, events, start=start, end=end, rules=rules, tz=tz)
    return DayPlan(plan, tz, moment)


def block_event(block: Block) -> CalEvent:
    """The event a block becomes; accepting it twice stores one event."""
    from assistant.calendar import CalEvent

    key = f"todo:{block.todo.id}\n{block.start.isoformat()}\n{block.end.isoformat()}"
    uid = f"{PLAN_UID_PREFIX}{block.todo.id}-{hashlib.sha256(key.encode()).hexdigest()[:16]}"
    return CalEvent(
        uid=uid,
        title=block.todo.title,
        start=block.start,
        end=block.end,
        description=f"Planned work on task {block.todo.id}",
    )


def accept_blocks(
    core: TaskHost, plan: Plan, numbers: Sequence[int] | None = None
) -> list[CalEvent]:
    """Store blocks ``numbers`` (1-based; None = the whole plan) as events."""
    picked = list(range(1, len(plan.blocks) + 1)) if numbers is None else list(numbers)
    bad = [n for n in picked if not 1 <= n <= len(plan.blocks)]
    if bad:
        raise UserError(f"there is no block {bad[0]} (1 to {len(plan.blocks)})")
    events = [block_event(plan.blocks[n - 1]) for n in picked]
    for event in events:
        core.store.add_event(event)
    return events
