"""End to end with the real notification service (dunst on a private D-Bus, under Xvfb): the
reminder's Notify call is seen by dbus-monitor, Snooze 5 min is chosen in dunst's own menu, and
after the snooze (the injectable clock advanced, no sleeping) the reminder comes back."""

from __future__ import annotations

import subprocess
import threading
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from assistant.calendar import CalEvent
from assistant.reminders import Reminder, ReminderRules, ReminderScheduler
from assistant.reminders.dbus_notifier import DBusNotifier
from assistant.reminders.service import ReminderService, reminder_text
from assistant.store import Store
from tests.assistant.reminders.conftest import NotifyBus

SH = ZoneInfo("Asia/Shanghai")
MEETING = datetime(2026, 11, 24, 10, 0, tzinfo=SH)
LABELS = {"snooze5": "Snooze 5 min", "snooze10": "Snooze 10 min", "snooze30": "Snooze 30 min",
          "default": "Open"}  # fmt: skip


class Monitor:
    """dbus-monitor on the bus, counting Notify calls with our summary."""

    def __init__(self, address: str, summary: str) -> None:
        self.proc = subprocess.Popen(
            ["dbus-monitor", "--address", address,
             "type='method_call',interface='org.freedesktop.Notifications',member='Notify'"],
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        self.summary = summary
        self.calls = 0
        self.ready = threading.Event()
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        in_notify = False
        for line in self.proc.stdout:
            if "member=NameAcquired" in line or "member=Notify" in line:
                self.ready.set()  # dbus-monitor is attached
            if "member=Notify" in line:
                in_notify = True
            elif in_notify and f'"{self.summary}"' in line:
                in_notify = False
                with self.changed:
                    self.calls += 1
                    self.changed.notify_all()

    def wait_calls(self, count: int) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: self.calls >= count, timeout=30)

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)
        self.reader.join(10)  # it ends at the pipe's end of file
        assert self.proc.stdout is not None
        self.proc.stdout.close()


def test_notify_snooze_in_dunst_and_the_reminder_comes_back(
    notify_bus: NotifyBus, data_dir: Path
) -> None:
    store = Store(data_dir)
    store.add_event(CalEvent("m@t", "Design review", MEETING, MEETING + timedelta(hours=1),
                             location="Room 2"))  # fmt: skip
    now = [MEETING - timedelta(minutes=10)]
    scheduler = ReminderScheduler(
        store, lambda: ReminderRules(10, time(9), "Asia/Shanghai"), lambda: now[0]
    )
    actions: list[str] = []
    acted = threading.Event()
    service: ReminderService

    def on_action(reminder: Reminder, action: str) -> None:
        actions.append(action)
        service.handle_action(reminder, action)
        acted.set()

    notifier = DBusNotifier(on_action, LABELS, bus=notify_bus.address)

    def notify(reminder: Reminder) -> None:
        notifier.show(reminder, *reminder_text(reminder, lang="en", tz="Asia/Shanghai"))

    service = ReminderService(scheduler, notify=notify, on_missed=lambda _: None,
                              on_open=lambda _: None)  # fmt: skip
    monitor = Monitor(notify_bus.address, "Design review")
    try:
        assert monitor.ready.wait(30), "dbus-monitor did not attach"
        assert notifier.actions  # dunst announces the "actions" capability
        assert [r.title for r in service.tick().show] == ["Design review"]
        assert monitor.wait_calls(1), "no Notify call seen on the bus"

        notify_bus.pick("Snooze 5 min")  # dunst's context menu -> ActionInvoked(id, snooze5)
        assert acted.wait(30) and actions == ["snooze5"]
        now[0] += timedelta(minutes=4)
        assert service.tick().show == ()
        now[0] += timedelta(minutes=1)
        assert [r.title for r in service.tick().show] == ["Design review"]
        assert monitor.wait_calls(2), "the snoozed reminder did not come back"
        assert service.tick().show == ()
    finally:
        monitor.close()
        notifier.close()
        store.close()
