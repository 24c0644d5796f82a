"""The global hotkey: a real X11 grab pressed with xdotool on a private Xvfb, the Windows key
mapping and WM_HOTKEY dispatch, and the reasons given where no key can be grabbed."""

from __future__ import annotations

import ctypes
import subprocess
from ctypes import wintypes
from typing import Any

import pytest

from ui.hotkey import GlobalHotkey, parse_hotkey
from ui.hotkey_windows import (
    HOTKEY_ID,
    WM_HOTKEY,
    WindowsHotkey,
    modifier_flags,
    virtual_key,
)


def test_parse_hotkey() -> None:
    assert parse_hotkey("Ctrl+Alt+Space") == (["ControlMask", "Mod1Mask"], "space")
    assert parse_hotkey("super + shift + K") == (["Mod4Mask", "ShiftMask"], "K")
    with pytest.raises(ValueError, match="unknown modifier"):
        parse_hotkey("Hyper+K")
    with pytest.raises(ValueError, match="empty"):
        parse_hotkey(" + ")


def test_windows_key_codes() -> None:
    assert virtual_key("space") == 0x20 and virtual_key("k") == ord("K") == virtual_key("K")
    assert virtual_key("7") == ord("7") and virtual_key("F1") == 0x70 and virtual_key("f24") == 0x87
    assert virtual_key("Return") == 0x0D and virtual_key("PageDown") == 0x22
    assert virtual_key("F25") is None and virtual_key("é") is None and virtual_key("nope") is None
    # MOD_CONTROL | MOD_ALT | MOD_SHIFT | MOD_WIN
    assert modifier_flags(["ControlMask", "Mod1Mask", "ShiftMask", "Mod4Mask"]) == 0x0F


def _message(kind: int, param: int) -> Any:
    msg = wintypes.MSG()
    msg.message, msg.wParam = kind, param
    return msg


def test_windows_hotkey_message_reaches_the_app(qapp: Any) -> None:
    pressed: list[bool] = []
    hotkey = WindowsHotkey(lambda: pressed.append(True))
    ours = _message(WM_HOTKEY, HOTKEY_ID)
    other_id = _message(WM_HOTKEY, HOTKEY_ID + 1)
    other_kind = _message(0x0100, HOTKEY_ID)  # WM_KEYDOWN
    assert hotkey.nativeEventFilter(b"xcb_generic_event_t", ctypes.addressof(ours)) == (False, 0)
    assert hotkey.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(other_id))[0] is False
    assert (
        hotkey.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(other_kind))[0] is False
    )
    assert pressed == []
    assert hotkey.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(ours)) == (True, 0)
    assert pressed == [True]
    assert hotkey.register(["ControlMask"], "nope") == "unknown key 'nope'"


def test_no_grab_on_wayland_or_without_a_display(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    hotkey = GlobalHotkey()
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    assert "Wayland" in hotkey.start("Ctrl+Alt+Space") == hotkey.reason
    monkeypatch.setenv("XDG_SESSION_TYPE", "x11")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert hotkey.start("Ctrl+Alt+Space") == "no X11 display"


def test_x11_hotkey_is_grabbed_and_pressed(qtbot: Any, xvfb: str) -> None:
    hotkey = GlobalHotkey()
    try:
        assert hotkey.start("Ctrl+Alt+Space") == ""
        other = GlobalHotkey()  # a second grab of the same key is refused with a reason
        assert "already taken" in other.start("Ctrl+Alt+Space")
        with qtbot.waitSignal(hotkey.activated, timeout=10_000):
            subprocess.run(["xdotool", "key", "ctrl+alt+space"], check=True, timeout=10)
        with qtbot.assertNotEmitted(hotkey.activated, wait=300):
            subprocess.run(["xdotool", "key", "ctrl+space"], check=True, timeout=10)
    finally:
        hotkey.stop()
