"""Reminders: which reminders are due (events, all-day events, tasks), their state in SQLite (no
reminder fires twice, across restarts too), snoozes, the "while you were away" list, and the
desktop notifiers (D-Bus on Linux; the UI's tray elsewhere)."""

from assistant.calendar.reminder import Reminder, ReminderRules
from assistant.reminders.scheduler import Poll, ReminderScheduler

__all__ = ["Poll", "Reminder", "ReminderRules", "ReminderScheduler"]
