"""Global hotkey on Windows: ``RegisterHotKey`` on the GUI thread, ``WM_HOTKEY`` through Qt.

Windows posts ``WM_HOTKEY`` to the message queue of the thread that registered the key; Qt's
event dispatcher hands every message it takes from that queue to native event filters as
``windows_generic_MSG``, so the press arrives on the GUI thread with no thread of our own.

The key mapping and the message dispatch are tested on every platform; the Win32 calls only
run on Windows.
"""

from __future__ import annotations

import ctypes
import re
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication

WM_HOTKEY = 0x0312
HOTKEY_ID = 0x0D5C  # ours; application ids are 0x0000-0xBFFF
MOD_NOREPEAT = 0x4000  # one WM_HOTKEY per press, not one per auto-repeat
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
MESSAGE_TYPES = (b"windows_generic_MSG", b"windows_dispatcher_MSG")

# parse_hotkey() names modifiers after X11 masks; these are the Win32 MOD_* values.
MODIFIERS = {"ControlMask": 0x0002, "Mod1Mask": 0x0001, "ShiftMask": 0x0004, "Mod4Mask": 0x0008}
NAMED_KEYS = {
    "space": 0x20, "return": 0x0D, "enter": 0x0D, "tab": 0x09, "escape": 0x1B, "esc": 0x1B,
    "backspace": 0x08, "delete": 0x2E, "insert": 0x2D, "home": 0x24, "end": 0x23,
    "pageup": 0x21, "prior": 0x21, "pagedown": 0x22, "next": 0x22,
    "left": 0x25, "up": 0x26, "right": 0x27, "down": 0x28,
}  # fmt: skip


def virtual_key(key: str) -> int | None:
    """The Win32 virtual-key code of a key named as in settings ("space", "k", "F5")."""
    if len(key) == 1 and key.isascii() and key.isalnum():
        return ord(key.upper())
    function = re.fullmatch(r"[fF]([1-9]|1[0-9]|2[0-4])", key)
    if function:
        return 0x70 + int(function.group(1)) - 1
    return NAMED_KEYS.get(key.lower())


def modifier_flags(masks: list[str]) -> int:
    flags = 0
    for mask in masks:
        flags |= MODIFIERS[mask]
    return flags


class WindowsHotkey(QAbstractNativeEventFilter):
    """One registered hotkey; ``on_press`` runs on the GUI thread for each press."""

    def __init__(self, on_press: Callable[[], None]) -> None:
        super().__init__()
        self._on_press = on_press
        self._registered = False

    def register(self, masks: list[str], key: str) -> str:
        """Register the key (call on the GUI thread); "" on success, else why not."""
        vk = virtual_key(key)
        if vk is None:
            return f"unknown key {key!r}"
        user32 = _user32()
        if not user32.RegisterHotKey(None, HOTKEY_ID, modifier_flags(masks) | MOD_NOREPEAT, vk):
            error = ctypes.get_last_error()  # type: ignore[attr-defined]  # Windows only
            if error == ERROR_HOTKEY_ALREADY_REGISTERED:
                return "it is already taken by another program"
            return f"Windows refused it (error {error})"
        self._registered = True
        app = QCoreApplication.instance()
        if app is not None:
            app.installNativeEventFilter(self)
        return ""

    def unregister(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeNativeEventFilter(self)
        if self._registered:
            _user32().UnregisterHotKey(None, HOTKEY_ID)
            self._registered = False

    def nativeEventFilter(self, eventType: Any, message: Any) -> tuple[bool, int]:
        if bytes(eventType) not in MESSAGE_TYPES or not message:
            return False, 0
        from ctypes import wintypes

        msg = wintypes.MSG.from_address(int(message))
        if msg.message == WM_HOTKEY and msg.wParam == HOTKEY_ID:
            self._on_press()
            return True, 0
        return False, 0


def _user32() -> Any:
    if sys.platform != "win32":
        raise OSError("RegisterHotKey exists on Windows only")
    return ctypes.WinDLL("user32", use_last_error=True)
