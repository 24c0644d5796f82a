"""The days of a relative period: "this week", "next month", "the rest of the year", "the end of
the quarter" (``Parts.period`` with its shift and part)."""

from __future__ import annotations

from datetime import date, timedelta

from assistant.calendar.parts import Parts, add_months


def period_span(p: Parts, today: date) -> tuple[date, date]:
    kind, shift = p.period, p.period_shift
    if kind == "week":
        start = today - timedelta(days=today.weekday()) + timedelta(weeks=shift)
        end = start + timedelta(days=7)
    elif kind == "month":
        start = add_months(date(today.year, today.month, 1), shift)
        end = add_months(start, 1)
    elif kind == "quarter":
        first = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
        start = add_months(first, 3 * shift)
        end = add_months(start, 3)
    else:  # year
        start = date(today.year + shift, 1, 1)
        end = date(start.year + 1, 1, 1)
    part = p.period_part
    if part == "rest":  # "the rest of the month": from today to its end
        return today, end
    if part in ("earlier", "later"):
        if kind == "week" and shift == 0:
            return (start, today) if part == "earlier" else (today, end)
        middle = start + (end - start) / 2
        middle = date(middle.year, middle.month, 1) if kind in ("year", "quarter") else middle
        return (start, middle) if part == "earlier" else (middle, end)
    if part == "end":
        last = end - timedelta(days=1)
        return last, end
    if part == "start":
        return start, start + timedelta(days=1)
    return start, end
