"""Plan my day / week: open to-dos placed into free working time, in code and deterministic.

Free time is working hours on working days, minus events (recurring ones expanded) with the
meeting buffer around them; an all-day event blocks its day. To-dos are taken earliest deadline
first, then by priority; each goes into the earliest free time before its deadline, split into
blocks of at least ``min_block_min`` minutes. What cannot be done by its deadline is placed after
it (a late block) or, without any room left, reported as unplaced; an overload names the first
deadline whose work exceeds the free time before it and what to move. Nothing is dropped
silently. Texts for people are written by ``plan_text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

from assistant.calendar.occurrences import expand
from assistant.calendar.slots import round_up

if TYPE_CHECKING:
    from assistant.calendar.model import CalEvent
    from assistant.calendar.todo import Todo

Interval = tuple[datetime, datetime]
Reason = Literal["due", "no_due", "late"]


@dataclass(frozen=True, slots=True)
class WorkRules:
    work_start: time = time(9)
    work_end: time = time(18)
    buffer_min: int = 10
    min_block_min: int = 30
    workdays: frozenset[int] = field(default_factory=lambda: frozenset(range(5)))  # Mon-Fri


@dataclass(frozen=True, slots=True)
class Block:
    """A stretch of work on one to-do; ``reason`` says why it sits there."""

    todo: Todo
    start: datetime
    end: datetime
    reason: Reason
    part: int = 1
    parts: int = 1

    @property
    def minutes(self) -> int:
        return _minutes(self.end - self.start)


@dataclass(frozen=True, slots=True)
class Shortfall:
    """Work of a to-do not done by its deadline (``late``) or not placed at all."""

    todo: Todo
    missing_min: int


@dataclass(frozen=True, slots=True)
class Overload:
    """The first deadline whose work does not fit the free time before it."""

    deadline: datetime
    task_min: int  # work due by the deadline
    free_min: int  # free time before it in the plan's window
    move: tuple[Todo, ...]  # what to move (or shorten) so that the rest fits


@dataclass(frozen=True, slots=True)
class Plan:
    start: datetime
    end: datetime
    blocks: tuple[Block, ...]
    late: tuple[Shortfall, ...]
    unplaced: tuple[Shortfall, ...]
    overload: Overload | None
    free_min: int
    task_min: int


def _minutes(span: timedelta) -> int:
    return int(span.total_seconds() // 60)


def _round_down(moment: datetime) -> datetime:
    floor = moment.replace(second=0, microsecond=0)
    return floor - timedelta(minutes=floor.minute % 15)


def free_intervals(
    events: list[CalEvent], start: datetime, end: datetime, rules: WorkRules, tz: str
) -> list[Interval]:
    """Free working time in [start, end), earliest first, on a 15-minute grid."""
    zone = ZoneInfo(tz)
    found = expand(events, start - timedelta(days=1), end + timedelta(days=1))
    buffer = timedelta(minutes=max(rules.buffer_min, 0))
    busy = sorted((o.start - buffer, o.end + buffer) for o in found if not o.event.all_day)
    blocked = {
        day
        for o in found
        if o.event.all_day
        for day in _dates(o.start.astimezone(zone), o.end.astimezone(zone))
    }
    free: list[Interval] = []
    day, last = start.astimezone(zone).date(), end.astimezone(zone).date()
    while day <= last:
        if day.weekday() in rules.workdays and day not in blocked:
            lo = max(datetime.combine(day, rules.work_start, zone), start)
            hi = min(datetime.combine(day, rules.work_end, zone), end)
            cursor = round_up(lo.astimezone(zone))
            for b_start, b_end in [*busy, (hi, hi)]:
                if b_end <= cursor:
                    continue
                top = _round_down(min(b_start, hi).astimezone(zone))
                if top > cursor:
                    free.append((cursor, top))
                if b_start >= hi:
                    break
                cursor = max(cursor, round_up(b_end.astimezone(zone)))
        day += timedelta(days=1)
    return free


def _dates(a: datetime, b: datetime) -> list[date]:
    """The days an all-day event covers (``b`` exclusive; at least its first day)."""
    days, day = [], a.date()
    while day < b.date() or day == a.date():
        days.append(day)
        day += timedelta(days=1)
    return days


def _take(free: list[Interval], todo: Todo, remaining: int, until: datetime | None,
          min_block: int) -> tuple[list[Interval], int]:  # fmt: skip
    """Blocks for ``remaining`` minutes in the earliest free time (ending by ``until``); the
    free list shrinks in place. No block (nor what is left) is shorter than ``min_block``."""
    taken: list[Interval] = []
    for i, (lo, hi) in enumerate(free):
        if remaining <= 0:
            break
        top = min(hi, until) if until is not None else hi
        length = _minutes(top - lo)
        smallest = min(min_block, remaining)
        take = min(length, remaining)
        if 0 < remaining - take < min_block:
            take = remaining - min_block  # leave a remainder that can still be a block
        if take < smallest:
            continue
        end = lo + timedelta(minutes=take)
        taken.append((lo, end))
        free[i] = (end, hi)
        remaining -= take
    return taken, remaining


def _order(todos: list[Todo]) -> list[Todo]:
    far = datetime.max.replace(tzinfo=ZoneInfo("UTC"))
    return sorted(todos, key=lambda t: (t.due is None, t.due or far, t.rank, t.id))


def _overload(todos: list[Todo], free: list[Interval], start: datetime) -> Overload | None:
    dated = [t for t in _order(todos) if t.due is not None]
    for deadline in sorted({t.due for t in dated if t.due is not None}):
        due_by = [t for t in dated if t.due is not None and t.due <= deadline]
        demand = sum(t.estimate_min for t in due_by)
        supply = sum(_minutes(min(hi, deadline) - lo) for lo, hi in free if lo < deadline)
        if demand > supply:
            shortage, move = demand - supply, []
            for t in sorted(due_by, key=lambda t: (-t.rank, -t.estimate_min, t.id)):
                move.append(t)
                shortage -= t.estimate_min
                if shortage <= 0:
                    break
            return Overload(max(deadline, start), demand, supply, tuple(move))
    return None


def make_plan(
    todos: list[Todo],
    events: list[CalEvent],
    *,
    start: datetime,
    end: datetime,
    rules: WorkRules,
    tz: str,
) -> Plan:
    """Place the open ``todos`` into free time in [start, end)."""
    open_todos = [t for t in todos if t.status == "open"]
    free = free_intervals(events, start, end, rules, tz)
    total_free = sum(_minutes(hi - lo) for lo, hi in free)
    overload = _overload(open_todos, free, start)
    blocks: list[Block] = []
    late: list[Shortfall] = []
    unplaced: list[Shortfall] = []
    for todo in _order(open_todos):
        on_time, remaining = _take(free, todo, todo.estimate_min, todo.due, rules.min_block_min)
        after: list[Interval] = []
        if remaining > 0 and todo.due is not None:
            late.append(Shortfall(todo, remaining))
            after, remaining = _take(free, todo, remaining, None, rules.min_block_min)
        if remaining > 0:
            unplaced.append(Shortfall(todo, remaining))
        first: Reason = "due" if todo.due else "no_due"
        pieces = [(a, b, first) for a, b in on_time] + [(a, b, "late") for a, b in after]
        for n, (a, b, reason) in enumerate(pieces, start=1):
            blocks.append(Block(todo, a, b, reason, n, len(pieces)))
    return Plan(
        start=start,
        end=end,
        blocks=tuple(sorted(blocks, key=lambda b: b.start)),
        late=tuple(late),
        unplaced=tuple(unplaced),
        overload=overload,
        free_min=total_free,
        task_min=sum(t.estimate_min for t in open_todos),
    )
