"""Reminders in the desktop app: the core's reminder service runs as long as the app does (the
tray icon alone is enough). On Linux they go to org.freedesktop.Notifications over D-Bus with
Snooze and Open buttons; elsewhere (or without a notification server) to the tray's message,
which opens the event when clicked. Missed reminders arrive once as a "while you were away"
message."""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from assistant.errors import DeskmateError
from assistant.reminders import Reminder, ReminderRules, ReminderScheduler
from assistant.reminders.service import ReminderService, reminder_text
from ui.dates import people_lang, user_zone

if TYPE_CHECKING:
    from assistant.core import Core
    from assistant.reminders.dbus_notifier import DBusNotifier

log = logging.getLogger(__name__)


class Reminders(QObject):
    opened = Signal(object)  # Reminder: show its event (GUI thread)
    missed = Signal(list)  # list[Reminder]: the "while you were away" list (GUI thread)
    _tray_message = Signal(object, str, str)  # Reminder, summary, body

    def __init__(self, core: Core, tray: QSystemTrayIcon | None) -> None:
        super().__init__()
        self.core = core
        self.tray = tray
        self.lang = people_lang()
        self._last: Reminder | None = None
        scheduler = ReminderScheduler(core.store, self.rules)
        self.service = ReminderService(
            scheduler, notify=self._notify, on_missed=self.missed.emit, on_open=self.opened.emit
        )
        self.notifier = self._dbus() if sys.platform.startswith("linux") else None
        self._tray_message.connect(self._show_in_tray)
        if tray is not None:
            tray.messageClicked.connect(self._tray_clicked)

    def _dbus(self) -> DBusNotifier | None:
        from assistant.reminders.dbus_notifier import DBusNotifier

        labels = {
            "snooze5": self.tr("Snooze 5 min"),
            "snooze10": self.tr("Snooze 10 min"),
            "snooze30": self.tr("Snooze 30 min"),
            "default": self.tr("Open"),
        }
        try:
            return DBusNotifier(self.service.handle_action, labels)
        except DeskmateError as exc:
            log.info("reminders use the tray: %s", exc.user_text())
            return None

    def _zone(self) -> str:
        return user_zone(self.core)

    def rules(self) -> ReminderRules:
        """Read on every poll, so a change in Settings applies at once."""
        from assistant.calendar.slots import clock

        settings = self.core.settings
        try:
            start = clock(settings.get_str("work_start"))
        except DeskmateError:
            start = clock("09:00")
        return ReminderRules(settings.get_int("reminder_lead_min"), start, self._zone())

    def _notify(self, reminder: Reminder) -> None:  # on the reminder thread
        summary, body = reminder_text(reminder, lang=self.lang, tz=self._zone())
        if self.notifier is not None:
            self.notifier.show(reminder, summary, body)
        else:
            self._tray_message.emit(reminder, summary, body)

    def _show_in_tray(self, reminder: Reminder, summary: str, body: str) -> None:
        if self.tray is None:
            return
        self._last = reminder
        self.tray.showMessage(summary, body, QSystemTrayIcon.MessageIcon.Information, 15000)

    def _tray_clicked(self) -> None:
        if self._last is not None:
            self.opened.emit(self._last)

    def away_text(self, missed: list[Reminder]) -> str:
        """ "While you were away: Standup (Tue 24 Nov, 10:00), ..." for the message bar."""
        from assistant.calendar.human_dates import format_when

        tz, now = self._zone(), datetime.now(UTC)
        items = [
            f"{r.title} ({format_when(r.start, lang=self.lang, tz=tz, now=now)})"
            if r.start
            else r.title
            for r in missed[:8]
        ]
        more = len(missed) - len(items)
        text = ", ".join(items) + (f" (+{more})" if more > 0 else "")
        return self.tr("While you were away: %1").replace("%1", text)

    def start(self) -> None:
        self.service.start()

    def stop(self) -> None:
        self.service.stop()
        if self.notifier is not None:
            self.notifier.close()
