"""Global hotkey on X11 (python-xlib ``XGrabKey`` in a thread) and on Windows
(``RegisterHotKey``, see ``ui.hotkey_windows``); degrades gracefully elsewhere.

On Wayland (or with no X display) and on macOS a global key is not grabbed: ``start()`` returns
a reason and the documented fallback is binding ``deskmate quick`` in the system's shortcut
settings.
"""

from __future__ import annotations

import logging
import os
import select
import sys
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from ui.hotkey_windows import WindowsHotkey

log = logging.getLogger(__name__)

_MODIFIERS = {
    "ctrl": "ControlMask",
    "control": "ControlMask",
    "alt": "Mod1Mask",
    "shift": "ShiftMask",
    "super": "Mod4Mask",
    "meta": "Mod4Mask",
    "win": "Mod4Mask",
}


def parse_hotkey(text: str) -> tuple[list[str], str]:
    """``"Ctrl+Alt+Space"`` -> (["ControlMask", "Mod1Mask"], "space")."""
    parts = [p.strip() for p in text.split("+") if p.strip()]
    if not parts:
        raise ValueError("empty hotkey")
    mods = []
    for part in parts[:-1]:
        mask = _MODIFIERS.get(part.lower())
        if mask is None:
            raise ValueError(f"unknown modifier {part!r}")
        mods.append(mask)
    key = parts[-1]
    return mods, key.lower() if len(key) > 1 else key


class GlobalHotkey(QObject):
    """Emits ``activated`` (on the GUI thread) when the hotkey is pressed anywhere."""

    activated = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._windows: WindowsHotkey | None = None
        self.reason = ""

    def start(self, hotkey: str) -> str:
        """Grab ``hotkey``; returns "" on success or why it is not available."""
        self.stop()
        if sys.platform == "win32":
            return self._start_windows(hotkey)
        if sys.platform == "darwin":
            return self._fail("macOS global hotkeys are not supported yet")
        if os.environ.get("XDG_SESSION_TYPE") == "wayland" or (
            os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY")
        ):
            return self._fail("Wayland does not allow global hotkeys")
        if not os.environ.get("DISPLAY"):
            return self._fail("no X11 display")
        try:
            from Xlib import XK, X, display, error  # type: ignore[import-untyped]
        except ImportError:
            return self._fail("python-xlib is not installed")
        try:
            mods, key = parse_hotkey(hotkey)
        except ValueError as exc:
            return self._fail(f"bad hotkey {hotkey!r}: {exc}")
        try:
            disp = display.Display()
        except Exception as exc:
            return self._fail(f"cannot open the X display: {exc}")
        keysym = XK.string_to_keysym(key) or XK.string_to_keysym(key.capitalize())
        keycode = disp.keysym_to_keycode(keysym) if keysym else 0
        if not keycode:
            disp.close()
            return self._fail(f"unknown key {key!r}")
        mask = 0
        for name in mods:
            mask |= getattr(X, name)
        root = disp.screen().root
        catcher = error.CatchError(error.BadAccess)
        for extra in (0, X.LockMask, X.Mod2Mask, X.LockMask | X.Mod2Mask):  # CapsLock, NumLock
            root.grab_key(
                keycode, mask | extra, True, X.GrabModeAsync, X.GrabModeAsync, onerror=catcher
            )
        disp.sync()
        if catcher.get_error():
            disp.close()
            return self._fail(f"{hotkey} is already taken by another program")
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._loop,
            args=(disp, keycode, mask, self._stop),
            name="deskmate-hotkey",
            daemon=True,
        )
        self._thread.start()
        self.reason = ""
        return ""

    def _start_windows(self, hotkey: str) -> str:
        from ui.hotkey_windows import WindowsHotkey

        try:
            mods, key = parse_hotkey(hotkey)
        except ValueError as exc:
            return self._fail(f"bad hotkey {hotkey!r}: {exc}")
        windows = WindowsHotkey(self.activated.emit)
        reason = windows.register(mods, key)
        if reason:
            return self._fail(f"{hotkey}: {reason}")
        self._windows = windows
        self.reason = ""
        return ""

    def _fail(self, reason: str) -> str:
        self.reason = reason
        log.info("global hotkey unavailable: %s", reason)
        return reason

    def _loop(self, disp: Any, keycode: int, mask: int, stop: threading.Event) -> None:
        from Xlib import X

        relevant = mask
        try:
            while not stop.is_set():
                ready, _, _ = select.select([disp.fileno()], [], [], 0.2)
                if not ready and not disp.pending_events():
                    continue
                while disp.pending_events():
                    event = disp.next_event()
                    if (
                        event.type == X.KeyPress
                        and event.detail == keycode
                        and (event.state & relevant) == relevant
                    ):
                        self.activated.emit()
        finally:
            disp.close()

    def stop(self) -> None:
        if self._windows is not None:
            self._windows.unregister()
            self._windows = None
        self._stop.set()
        if self._thread is not None:
            self._thread.join(1.0)
            self._thread = None
