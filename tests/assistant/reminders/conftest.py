"""A real notification service for the reminder tests: a private D-Bus session bus, a private X
server (Xvfb) and dunst on them; dunst's context menu ("dunstctl context") runs a dmenu stand-in
that picks the action named in ``NotifyBus.pick``."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from queue import Queue
from typing import Any

import pytest

TOOLS = ("dbus-daemon", "dbus-monitor", "Xvfb", "dunst", "dunstctl")


@dataclass
class NotifyBus:
    address: str
    env: dict[str, str]
    pick_file: Path

    def pick(self, label: str) -> None:
        """Choose the action labelled ``label`` in dunst's context menu of the notification."""
        self.pick_file.write_text(label, encoding="utf-8")
        subprocess.run(["dunstctl", "context"], env=self.env, check=True, timeout=30)


def _wait_for_name(address: str, name: str, start: subprocess.Popen[Any]) -> None:
    """Block until ``name`` is owned on the bus (NameOwnerChanged), i.e. the server is up."""
    from jeepney import MatchRule, message_bus
    from jeepney.io.threading import DBusRouter, Proxy, open_dbus_connection

    conn = open_dbus_connection(bus=address)
    router = DBusRouter(conn)
    try:
        rule = MatchRule(type="signal", interface="org.freedesktop.DBus", member="NameOwnerChanged")
        rule.add_arg_condition(0, name)
        queue: Queue[object] = Queue()
        with router.filter(rule, queue=queue):
            bus = Proxy(message_bus, router, timeout=10)
            bus.AddMatch(rule)
            if not bus.NameHasOwner(name)[0]:
                queue.get(timeout=30)
        assert start.poll() is None, "dunst exited"
    finally:
        router.close()
        conn.close()


@pytest.fixture
def notify_bus(tmp_path: Path) -> Iterator[NotifyBus]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    assert not missing, f"{missing}: run packaging/linux/install-sysdeps.sh (as root)"
    procs: list[subprocess.Popen[Any]] = []
    try:
        read, write = os.pipe()
        xvfb = ["Xvfb", "-displayfd", str(write), "-screen", "0", "640x480x24", "-nolisten", "tcp"]
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        procs.append(subprocess.Popen(xvfb, pass_fds=(write,), **quiet))  # type: ignore[call-overload]
        os.close(write)
        with open(read, encoding="ascii") as numbers:
            display = ":" + numbers.readline().strip()
        daemon = ["dbus-daemon", "--session", "--nofork", "--print-address=1"]
        bus = subprocess.Popen(daemon, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        procs.append(bus)
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        pick_file = tmp_path / "pick.txt"
        menu = tmp_path / "dmenu.sh"
        menu.write_text(f'#!/bin/sh\ngrep -F -m1 "$(cat {pick_file})"\n', encoding="utf-8")
        menu.chmod(0o755)
        config = tmp_path / "dunstrc"
        config.write_text(f"[global]\n    dmenu = {menu}\n", encoding="utf-8")
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DISPLAY": display,
               "DBUS_SESSION_BUS_ADDRESS": address, "HOME": str(tmp_path)}  # fmt: skip
        dunst = subprocess.Popen(["dunst", "-config", str(config)], env=env, **quiet)  # type: ignore[call-overload]
        procs.append(dunst)
        _wait_for_name(address, "org.freedesktop.Notifications", dunst)
        yield NotifyBus(address, env, pick_file)
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait(10)
            if proc.stdout is not None:
                proc.stdout.close()
