"""Conflicts between events, and free slots inside working hours with buffers."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from assistant.calendar.model import CalEvent
from assistant.calendar.resolver import zone
from assistant.errors import CalendarError

Slot = tuple[datetime, datetime]
_ROUND_MIN = 15


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Half-open overlap; an instant (start == end) overlaps what it falls inside."""
    if a_start == a_end:
        return b_start <= a_start < b_end
    if b_start == b_end:
        return a_start <= b_start < a_end
    return a_start < b_end and b_start < a_end


def find_conflicts(candidate: CalEvent, existing: Iterable[CalEvent]) -> list[CalEvent]:
    """Stored events that overlap ``candidate`` (not itself), earliest first; events marked
    free (transparent) never conflict."""
    found = [
        e
        for e in existing
        if e.uid != candidate.uid
        and e.busy
        and overlaps(candidate.start, candidate.end, e.start, e.end)
    ]
    return sorted(found, key=lambda e: e.start)


def clock(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError as exc:
        raise CalendarError(f"not a time of day (HH:MM): {text!r}") from exc


def round_up(moment: datetime) -> datetime:
    moment = moment.replace(second=0, microsecond=0) + (
        timedelta(minutes=1) if moment.second or moment.microsecond else timedelta(0)
    )
    extra = (-moment.minute) % _ROUND_MIN
    return moment + timedelta(minutes=extra)


def _busy_for_day(
    day: date, events: list[CalEvent], lo: datetime, hi: datetime, buffer: timedelta
) -> list[Slot] | None:
    """Busy intervals (with buffers) inside [lo, hi); None when an all-day event blocks the day."""
    busy = []
    for e in events:
        if not e.busy:  # marked free / transparent: does not block
            continue
        if e.all_day:
            first, last = e.start.astimezone(lo.tzinfo).date(), e.end.astimezone(lo.tzinfo).date()
            if first <= day < max(last, first + timedelta(days=1)):
                return None
        elif overlaps(lo - buffer, hi + buffer, e.start, e.end):
            busy.append((e.start - buffer, e.end + buffer))
    return sorted(busy)


def propose_slots(
    duration: timedelta,
    existing: Iterable[CalEvent],
    *,
    start_from: datetime,
    work_start: str = "09:00",
    work_end: str = "18:00",
    buffer_min: int = 10,
    tz: str,
    days: int = 5,
    count: int = 3,
) -> list[Slot]:
    """Up to ``count`` free (start, end) slots of ``duration`` in the next ``days`` working
    days (Monday-Friday) from ``start_from``, inside working hours in ``tz``, keeping
    ``buffer_min`` minutes from other events; all-day events block their whole day.
    At most one slot is proposed per free gap, so the proposals spread out."""
    if duration <= timedelta(0):
        raise CalendarError("a slot needs a positive duration")
    zinfo = zone(tz)
    open_at, close_at = clock(work_start), clock(work_end)
    if close_at <= open_at:
        raise CalendarError(f"working hours end ({work_end}) before they start ({work_start})")
    events = list(existing)
    buffer = timedelta(minutes=max(buffer_min, 0))
    begin = start_from if start_from.tzinfo else start_from.replace(tzinfo=zinfo)
    day = begin.astimezone(zinfo).date()
    slots: list[Slot] = []
    working_days = 0
    while working_days < days and len(slots) < count:
        if day.weekday() < 5:
            working_days += 1
            lo = datetime.combine(day, open_at, tzinfo=zinfo)
            hi = datetime.combine(day, close_at, tzinfo=zinfo)
            busy = _busy_for_day(day, events, lo, hi, buffer)
            if busy is not None:
                cursor = round_up(max(lo, begin).astimezone(zinfo))
                for b_start, b_end in [*busy, (hi, hi)]:
                    if cursor + duration <= min(b_start, hi):
                        slots.append((cursor, cursor + duration))
                        if len(slots) == count:
                            break
                    cursor = max(cursor, round_up(b_end.astimezone(zinfo)))
        day += timedelta(days=1)
    return slots
