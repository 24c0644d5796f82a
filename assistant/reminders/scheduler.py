"""The reminder scheduler: what to show now, what was missed, when to wake up next. Time comes
from an injectable clock (tests advance it; nothing sleeps here); state lives in the store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from assistant.calendar.reminder import Reminder, ReminderRules, event_reminders, task_reminders

if TYPE_CHECKING:
    from assistant.store import Store

Clock = Callable[[], datetime]
LOOKBACK = timedelta(days=2)  # reminders missed longer ago than this are not listed
SNOOZE_CHOICES = (5, 10, 30)


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Poll:
    show: tuple[Reminder, ...]  # notify now (new ones and snoozes that came back)
    missed: tuple[Reminder, ...]  # fired while Deskmate was not running: for the away list


class ReminderScheduler:
    def __init__(
        self, store: Store, rules: Callable[[], ReminderRules], clock: Clock = system_clock
    ) -> None:
        self.store = store
        self.rules = rules  # read on each poll: settings may change
        self.clock = clock

    def _candidates(self, start: datetime, end: datetime, rules: ReminderRules) -> list[Reminder]:
        events = self.store.events_between(start - timedelta(days=1), end + timedelta(days=2))
        todos = self.store.list_todos()
        found = event_reminders(events, start, end, rules) + task_reminders(
            todos, start, end, rules
        )
        return sorted(found, key=lambda r: (r.fire_at, r.key))

    def poll(self) -> Poll:
        """Claim every reminder due by now: recent ones (or whose event has not started) are
        shown, older ones are missed. Each is claimed once, across restarts too."""
        now, rules = self.clock(), self.rules()
        due = self._candidates(now - LOOKBACK, now + timedelta(seconds=1), rules)
        grace = timedelta(minutes=rules.grace_min)
        recent = [r for r in due if r.fire_at >= now - grace or (r.start and now < r.start)]
        old = [r for r in due if r not in recent]
        shown = self.store.claim_reminders(recent, "shown")
        self.store.claim_reminders(old, "missed")
        back = self.store.claim_snoozed(now)
        return Poll(tuple(shown + back), tuple(self.store.take_missed()))

    def snooze(self, reminder: Reminder, minutes: int) -> datetime:
        """Show ``reminder`` again ``minutes`` from now; returns that moment."""
        until = self.clock() + timedelta(minutes=minutes)
        self.store.snooze_reminder(reminder.key, until)
        return until

    def next_wake(self, horizon: timedelta = timedelta(days=1)) -> datetime | None:
        """When the next reminder or snooze is due (within ``horizon``), for the timer."""
        now, rules = self.clock(), self.rules()
        ahead = self._candidates(now, now + horizon, rules)
        times = [r.fire_at for r in ahead] + [t for t in [self.store.next_snooze()] if t]
        return min(times) if times else None
