"""The sync scheduler with a fake clock: at start, every interval, Sync now at once, backoff
after a dropped connection (never past the interval), a refused password only at the next
regular sync, each failure shown once, and 0 = only when asked."""

from __future__ import annotations

import math

import pytest

from assistant.calsync.autosync import BACKOFF_S, SyncScheduler
from assistant.errors import (
    CalendarAuthError,
    CalendarServerError,
    CalendarTimeout,
    CalendarTLSError,
)

MINUTE = 60.0


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def scheduler(clock: Clock, minutes: float = 15) -> SyncScheduler:
    return SyncScheduler(lambda: minutes * MINUTE, clock=clock)


def test_syncs_at_start_then_every_interval(clock: Clock) -> None:
    s = scheduler(clock)
    s.add("work")
    assert s.wait_s("work") == 0  # at start
    assert s.begin("work") is False
    assert s.wait_s("work") == math.inf  # running: not due again meanwhile
    report = s.finished("work", False)
    assert report.error is None and not report.show
    assert s.wait_s("work") == 15 * MINUTE
    clock.now += 15 * MINUTE
    assert s.wait_s("work") == 0


def test_sync_now_is_due_at_once_and_its_failure_always_shows(clock: Clock) -> None:
    s = scheduler(clock)
    s.add("work")
    s.finished("work", s.begin("work"))
    s.ask("work")
    assert s.wait_s("work") == 0
    assert s.begin("work") is True
    down = CalendarServerError("the calendar server failed: connection refused")
    assert s.finished("work", True, error=down).show
    s.ask("work")
    assert s.finished("work", s.begin("work"), error=down).show  # asked: shown again


def test_asked_while_running_runs_once_more(clock: Clock) -> None:
    s = scheduler(clock)
    s.add("work")
    asked = s.begin("work")
    s.ask("work")  # pressed during the sync
    s.finished("work", asked)
    assert s.wait_s("work") == 0 and s.begin("work") is True


def test_a_dropped_connection_backs_off_and_is_shown_once(clock: Clock) -> None:
    s = scheduler(clock, minutes=60)
    s.add("work")
    down = CalendarServerError("the calendar server failed: connection refused")
    waits, shown = [], []
    for _ in range(len(BACKOFF_S) + 2):
        report = s.finished("work", s.begin("work"), error=down)
        shown.append(report.show)
        waits.append(s.wait_s("work"))
        clock.now += waits[-1]
    assert shown == [True] + [False] * (len(shown) - 1)
    assert waits == sorted(waits) and waits[0] == BACKOFF_S[0] and waits[-1] == BACKOFF_S[-1]
    timeout = CalendarTimeout("https://cal.example/ did not answer in time")
    assert s.finished("work", s.begin("work"), error=timeout).show  # another failure: shown
    report = s.finished("work", s.begin("work"), results=())
    assert report.recovered and report.error is None
    assert s.wait_s("work") == 60 * MINUTE  # back to the regular interval


def test_backoff_never_waits_past_the_interval(clock: Clock) -> None:
    s = scheduler(clock, minutes=2)
    s.add("work")
    down = CalendarServerError("the calendar server failed")
    for _ in range(len(BACKOFF_S)):
        s.finished("work", s.begin("work"), error=down)
        assert s.wait_s("work") <= 2 * MINUTE
        clock.now += s.wait_s("work")


@pytest.mark.parametrize(
    "refused",
    [
        CalendarAuthError("the calendar server refused the password for alex"),
        CalendarTLSError("the certificate of https://cal.example/ did not verify"),
    ],
)
def test_a_refused_password_or_certificate_waits_for_the_regular_sync(
    clock: Clock, refused: CalendarServerError
) -> None:
    s = scheduler(clock)
    s.add("work")
    assert s.finished("work", s.begin("work"), error=refused).show
    assert s.wait_s("work") == 15 * MINUTE  # retrying sooner cannot fix it
    clock.now += 15 * MINUTE
    assert not s.finished("work", s.begin("work"), error=refused).show  # shown once


def test_zero_means_only_when_asked(clock: Clock) -> None:
    s = scheduler(clock, minutes=0)
    s.add("work")
    assert s.wait_s("work") == math.inf  # not even at start
    s.ask("work")
    assert s.wait_s("work") == 0
    s.finished("work", s.begin("work"), error=CalendarServerError("down"))
    assert s.wait_s("work") == math.inf  # no automatic retry either


def test_a_changed_interval_replans(clock: Clock) -> None:
    minutes = [15.0]
    s = SyncScheduler(lambda: minutes[0] * MINUTE, clock=clock)
    s.add("work")
    s.finished("work", s.begin("work"))
    minutes[0] = 5
    s.interval_changed()
    assert s.wait_s("work") == 5 * MINUTE
    minutes[0] = 0
    s.interval_changed()
    assert s.wait_s("work") == math.inf
    s.remove("work")
    assert s.wait_s("work") == math.inf
