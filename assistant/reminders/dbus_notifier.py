"""Linux reminders: ``org.freedesktop.Notifications`` on the session bus (jeepney, no Qt), with
Snooze 5/10/30 and Open actions where the server supports actions. Actions come back on a
listener thread and are handed to ``on_action(reminder, action)`` ("snooze5", "open"...)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from queue import Queue
from typing import Any

from assistant.calendar.reminder import Reminder
from assistant.errors import NotificationsUnavailable

log = logging.getLogger(__name__)
SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
ACTIONS = ("snooze5", "snooze10", "snooze30", "default")  # "default": a click on the bubble


class DBusNotifier:
    def __init__(
        self,
        on_action: Callable[[Reminder, str], None],
        labels: dict[str, str],
        bus: str = "SESSION",
    ) -> None:
        """``labels``: action key -> button text (in the UI's language); ``bus``: "SESSION" or
        a D-Bus address."""
        from jeepney import DBusAddress, MatchRule, message_bus
        from jeepney.io.threading import DBusRouter, Proxy, open_dbus_connection

        try:
            self._conn = open_dbus_connection(bus=bus)
        except (OSError, KeyError, ValueError) as exc:
            raise NotificationsUnavailable(f"no D-Bus session bus: {exc}") from exc
        self._router = DBusRouter(self._conn)
        self._address = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
        self._on_action = on_action
        self._labels = labels
        self._shown: dict[int, Reminder] = {}
        self._lock = threading.Lock()
        rule = MatchRule(type="signal", interface=SERVICE, path=PATH)
        self._queue: Queue[Any] = Queue()
        self._filter = self._router.filter(rule, queue=self._queue)
        try:
            Proxy(message_bus, self._router, timeout=5).AddMatch(rule)
            caps = self._call("GetCapabilities", "", ())[0]
        except Exception as exc:  # no server on the bus (DBusErrorResponse, timeout...)
            self.close()
            raise NotificationsUnavailable(f"no notification server: {exc}") from exc
        self.actions = "actions" in caps
        self._listener = threading.Thread(target=self._listen, name="notify-actions", daemon=True)
        self._listener.start()

    def _call(self, method: str, signature: str, body: tuple[Any, ...]) -> tuple[Any, ...]:
        from jeepney import new_method_call
        from jeepney.wrappers import unwrap_msg

        msg = new_method_call(self._address, method, signature or None, body)
        return tuple(unwrap_msg(self._router.send_and_get_reply(msg, timeout=5)))

    def show(self, reminder: Reminder, summary: str, body: str) -> int:
        """Send the notification; returns the server's id for it."""
        actions: list[str] = []
        if self.actions:
            for key in ACTIONS:
                actions += [key, self._labels.get(key, key)]
        hints = {"urgency": ("y", 1), "category": ("s", "x-deskmate.reminder")}
        (notification_id,) = self._call(
            "Notify", "susssasa{sv}i", ("Deskmate", 0, "", summary, body, actions, hints, 0)
        )
        with self._lock:
            self._shown[int(notification_id)] = reminder
        return int(notification_id)

    def _listen(self) -> None:
        from jeepney import HeaderFields

        while True:
            msg = self._queue.get()
            if msg is None:
                return
            member = msg.header.fields.get(HeaderFields.member)
            if member == "ActionInvoked":
                notification_id, key = msg.body
                with self._lock:
                    reminder = self._shown.get(int(notification_id))
                if reminder is not None:
                    self._dispatch(reminder, "open" if key == "default" else str(key))
            elif member == "NotificationClosed":
                with self._lock:
                    self._shown.pop(int(msg.body[0]), None)

    def _dispatch(self, reminder: Reminder, action: str) -> None:
        try:
            self._on_action(reminder, action)
        except Exception:  # a failing handler must not stop the listener
            log.exception("reminder action %s failed", action)

    def close(self) -> None:
        self._queue.put(None)
        self._filter.close()
        self._router.close()
        self._conn.close()
