"""Replace in place on Windows: the foreground window, and Ctrl+V sent with ``SendInput``.

Written against the Win32 documentation; it cannot run on the Linux CI machine, where only its
structure sizes are checked.
"""

from __future__ import annotations

import ctypes
import sys
from ctypes import wintypes
from typing import Any

INPUT_KEYBOARD = 1
KEYEVENTF_KEYUP = 0x0002
VK_CONTROL = 0x11
VK_V = 0x56


class KEYBDINPUT(ctypes.Structure):
    _fields_ = (
        ("wVk", wintypes.WORD),
        ("wScan", wintypes.WORD),
        ("dwFlags", wintypes.DWORD),
        ("time", wintypes.DWORD),
        ("dwExtraInfo", ctypes.c_size_t),  # ULONG_PTR
    )


class MOUSEINPUT(ctypes.Structure):  # the largest member: it sets the union's size
    _fields_ = (
        ("dx", wintypes.LONG),
        ("dy", wintypes.LONG),
        ("mouseData", wintypes.DWORD),
        ("dwFlags", wintypes.DWORD),
        ("time", wintypes.DWORD),
        ("dwExtraInfo", ctypes.c_size_t),
    )


class _INPUTUNION(ctypes.Union):
    _fields_ = (("mi", MOUSEINPUT), ("ki", KEYBDINPUT))


class INPUT(ctypes.Structure):
    _fields_ = (("type", wintypes.DWORD), ("u", _INPUTUNION))


def ctrl_v() -> ctypes.Array[INPUT]:
    """Ctrl down, V down, V up, Ctrl up."""
    keys = ((VK_CONTROL, 0), (VK_V, 0), (VK_V, KEYEVENTF_KEYUP), (VK_CONTROL, KEYEVENTF_KEYUP))
    inputs = (INPUT * len(keys))()
    for item, (key, flags) in zip(inputs, keys, strict=True):
        item.type = INPUT_KEYBOARD
        item.u.ki = KEYBDINPUT(key, 0, flags, 0, 0)
    return inputs


def _user32() -> Any:
    if sys.platform != "win32":
        raise OSError("SendInput exists on Windows only")
    return ctypes.WinDLL("user32", use_last_error=True)


def foreground_window() -> int | None:
    handle = _user32().GetForegroundWindow()
    return int(handle) if handle else None


def paste_into(window: int) -> None:
    """Bring ``window`` to the front and press Ctrl+V in it."""
    user32 = _user32()
    user32.SetForegroundWindow(wintypes.HWND(window))
    inputs = ctrl_v()
    sent = user32.SendInput(len(inputs), inputs, ctypes.sizeof(INPUT))
    if sent != len(inputs):
        raise OSError(f"SendInput sent {sent} of {len(inputs)} key events")
