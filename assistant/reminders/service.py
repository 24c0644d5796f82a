"""The reminder loop: poll the scheduler when something is due (at least every minute, so a
sleep or a clock change is caught), show each reminder once through a notifier, hand missed
ones to the "while you were away" list, and act on Snooze / Open."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import timedelta

from assistant.calendar.human_dates import format_when
from assistant.calendar.reminder import Reminder
from assistant.reminders.scheduler import Poll, ReminderScheduler

log = logging.getLogger(__name__)
MAX_WAIT_S = 60.0

_TEXT = {
    "en": {"task": "Task due {due}", "event": "{when}", "at": " · {where}"},
    "zh": {"task": "任务截止：{due}", "event": "{when}", "at": " · {where}"},
}


def reminder_text(reminder: Reminder, *, lang: str, tz: str) -> tuple[str, str]:
    """(summary, body) of a notification, the time for people in ``tz``."""
    words = _TEXT["zh" if lang.startswith("zh") else "en"]
    if reminder.start is None:
        return reminder.title, ""
    when = format_when(
        reminder.start, lang=lang, tz=tz, now=reminder.fire_at, all_day=reminder.all_day
    )
    if reminder.kind == "task":
        return reminder.title, words["task"].format(due=when)
    body = words["event"].format(when=when)
    if reminder.location:
        body += words["at"].format(where=reminder.location)
    return reminder.title, body


class ReminderService:
    def __init__(
        self,
        scheduler: ReminderScheduler,
        *,
        notify: Callable[[Reminder], None],
        on_missed: Callable[[list[Reminder]], None],
        on_open: Callable[[Reminder], None],
    ) -> None:
        self.scheduler = scheduler
        self.notify = notify
        self.on_missed = on_missed
        self.on_open = on_open
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    def tick(self) -> Poll:
        """One poll: notify what is due, list what was missed."""
        poll = self.scheduler.poll()
        for reminder in poll.show:
            try:
                self.notify(reminder)
            except Exception:  # one failing notification must not stop the others
                log.exception("cannot show the reminder %s", reminder.key)
        if poll.missed:
            self.on_missed(list(poll.missed))
        return poll

    def handle_action(self, reminder: Reminder, action: str) -> None:
        """ "snooze5" / "snooze10" / "snooze30" or "open" (from a notification's buttons)."""
        if action.startswith("snooze") and action[6:].isdigit():
            self.scheduler.snooze(reminder, int(action[6:]))
            self.wake()
        elif action == "open":
            self.on_open(reminder)

    def seconds_to_next(self) -> float:
        due = self.scheduler.next_wake(timedelta(seconds=MAX_WAIT_S))
        if due is None:
            return MAX_WAIT_S
        left = (due - self.scheduler.clock()).total_seconds()
        return min(max(left, 0.5), MAX_WAIT_S)

    def wake(self) -> None:
        """Poll again now (events or settings changed, a snooze was set)."""
        self._wake.set()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="reminders", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.tick()
                wait = self.seconds_to_next()
            except Exception:  # the store closing, a bad event: keep reminding the rest
                log.exception("reminder poll failed")
                wait = MAX_WAIT_S
            self._wake.wait(wait)
            self._wake.clear()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
