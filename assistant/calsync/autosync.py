"""When each account syncs on its own: at start, every ``interval`` (0 = only when asked),
at once when the user asks, and after a failure again with a growing pause (backoff), never
later than the interval. A failure is reported to be shown once: again only when the user
asked, or when it is a different failure. A plain object with an injectable clock (the
threads that follow it are in background.py), so tests never sleep."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.errors import CalendarAuthError, CalendarTLSError

if TYPE_CHECKING:
    from assistant.calendar.sync_model import SyncResult
    from assistant.errors import DeskmateError

BACKOFF_S = (30.0, 60.0, 120.0, 300.0, 600.0, 900.0)
NEVER = math.inf


@dataclass(frozen=True, slots=True)
class SyncReport:
    """One sync of one account, as the window shows it."""

    account: str
    results: tuple[SyncResult, ...]
    error: DeskmateError | None = None
    show: bool = False  # the error is new to the user: show it (once)
    recovered: bool = False  # the first success after a shown failure
    asked: bool = False  # the user pressed Sync now


@dataclass
class _Plan:
    due: float
    failures: int = 0
    shown: str = ""  # the failure last shown, "" once a sync succeeded
    asked: bool = False


class SyncScheduler:
    def __init__(
        self,
        interval_s: Callable[[], float],
        *,
        clock: Callable[[], float] = time.monotonic,
        backoff_s: tuple[float, ...] = BACKOFF_S,
    ) -> None:
        """``interval_s``: read at each plan (a setting the user may change meanwhile);
        0 or less: no automatic sync, only when asked."""
        self._interval_s = interval_s
        self._clock = clock
        self._backoff_s = backoff_s
        self._plans: dict[str, _Plan] = {}
        self._lock = threading.Lock()

    def add(self, account: str) -> None:
        """A new account (or the app starting): it syncs now when automatic sync is on."""
        with self._lock:
            if account not in self._plans:
                start = self._clock() if self._interval() else NEVER
                self._plans[account] = _Plan(due=start)

    def remove(self, account: str) -> None:
        with self._lock:
            self._plans.pop(account, None)

    def ask(self, account: str) -> None:
        """The user pressed Sync now: due at once, and its failure is shown."""
        with self._lock:
            plan = self._plans.setdefault(account, _Plan(due=NEVER))
            plan.due, plan.asked = self._clock(), True

    def interval_changed(self) -> None:
        """The setting changed: plan each account's next sync from the new interval."""
        with self._lock:
            now, interval = self._clock(), self._interval()
            for plan in self._plans.values():
                if not plan.asked and not plan.failures:
                    plan.due = now + interval if interval else NEVER

    def wait_s(self, account: str) -> float:
        """Seconds until ``account`` is due (0: now; ``math.inf``: not planned)."""
        with self._lock:
            plan = self._plans.get(account)
            return NEVER if plan is None else max(0.0, plan.due - self._clock())

    def begin(self, account: str) -> bool:
        """A sync of ``account`` starts; return whether the user asked for it."""
        with self._lock:
            plan = self._plans.setdefault(account, _Plan(due=NEVER))
            asked, plan.asked, plan.due = plan.asked, False, NEVER
            return asked

    def finished(
        self,
        account: str,
        asked: bool,
        results: tuple[SyncResult, ...] = (),
        error: DeskmateError | None = None,
    ) -> SyncReport:
        """Plan the next sync from how this one went; say what the window shows."""
        with self._lock:
            plan = self._plans.setdefault(account, _Plan(due=NEVER))
            now, interval = self._clock(), self._interval()
            if plan.asked:  # asked again while it ran: once more, at once
                plan.due = now
            if error is None:
                recovered = bool(plan.shown)
                plan.failures, plan.shown = 0, ""
                if not plan.asked:
                    plan.due = now + interval if interval else NEVER
                return SyncReport(account, results, recovered=recovered, asked=asked)
            text = error.user_text()
            show = asked or text != plan.shown
            plan.shown = text
            if not plan.asked:
                plan.due = now + self._retry_s(plan.failures, error, interval)
            plan.failures += 1
            return SyncReport(account, (), error, show=show, asked=asked)

    def _retry_s(self, failures: int, error: DeskmateError, interval: float) -> float:
        """A dropped connection is tried again soon, then less and less often; a password or
        certificate the server refused only at the next regular sync (retrying cannot fix
        it); with automatic sync off, only when asked."""
        if not interval:
            return NEVER
        if isinstance(error, CalendarAuthError | CalendarTLSError):
            return interval
        return min(self._backoff_s[min(failures, len(self._backoff_s) - 1)], interval)

    def _interval(self) -> float:
        return max(0.0, float(self._interval_s()))
