"""Replace in place: paste a result into the app the user was typing in, then give the user's
clipboard back.

The popup remembers the window that had the keyboard focus when it opened. "Replace" puts the
result on the clipboard, hides the popup, gives the focus back to that window and presses
Ctrl+V there:
- X11: ``ui.replace_x11`` owns the CLIPBOARD on its own X connection, focuses the window and
  presses Ctrl+V (XTest). The clipboard is restored as soon as that window's app has read the
  text, or after ``X11_READ_WITHIN_MS`` if it never asks.
- Windows: ``SetForegroundWindow`` and ``SendInput`` (``ui.replace_windows``). Windows says
  nothing when a paste reads the clipboard, so it is restored after ``RESTORE_AFTER_MS``.
- macOS and Wayland let no app type into another: the result is copied and ``done`` carries a
  notice to press Ctrl+V (Cmd+V); the clipboard keeps the result.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from ui.replace_x11 import X11Paste

log = logging.getLogger(__name__)
RESTORE_AFTER_MS = 3000  # the clipboard comes back at the latest this long after the paste
# X11 says when the app has read the text, so its fallback can wait longer: a busy app that
# asks late would otherwise paste the user's old clipboard instead of the result
X11_READ_WITHIN_MS = 10_000


def paste_method() -> str:
    """ "x11", "windows", or "" where the result can only be copied."""
    platform = QGuiApplication.platformName()
    if platform == "xcb":
        return "x11"
    if platform == "windows" and sys.platform == "win32":
        return "windows"
    return ""


def focused_window() -> int | None:
    """The window with the keyboard focus now (call it before the popup shows)."""
    method = paste_method()
    try:
        if method == "x11":
            from Xlib import display  # type: ignore[import-untyped]

            disp = display.Display()
            try:
                focus = disp.get_input_focus().focus
                return int(focus.id) if hasattr(focus, "id") and focus.id > 1 else None
            finally:
                disp.close()
        if method == "windows":
            from ui.replace_windows import foreground_window

            return foreground_window()
    except Exception as exc:  # no display, a refused connection: Replace will only copy
        log.info("cannot tell the focused window: %s", exc)
    return None


def copy_mime(source: QMimeData | None) -> QMimeData:
    """A copy of every format of ``source`` (the clipboard's data is not ours to keep)."""
    copy = QMimeData()
    if source is not None:
        for fmt in source.formats():
            copy.setData(fmt, source.data(fmt))
    return copy


def _could_not_paste() -> str:
    return QCoreApplication.translate("Replace", "Could not paste: press Ctrl+V to paste.")


class Replacer(QObject):
    """``replace(text, window)``; ``done`` carries "" or a notice for the user."""

    done = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._saved: QMimeData | None = None
        self._paste: X11Paste | None = None
        self._deadline = QDeadlineTimer()
        self._poll = QTimer(self)
        self._poll.setInterval(20)
        self._poll.timeout.connect(self._check)

    def busy(self) -> bool:
        return self._saved is not None

    def replace(self, text: str, window: int | None) -> None:
        clipboard = QGuiApplication.clipboard()
        method = paste_method() if window else ""
        if not method or window is None:
            clipboard.setText(text)
            self.done.emit(QCoreApplication.translate("Replace", "Copied: press Ctrl+V to paste."))
            return
        self._saved = copy_mime(clipboard.mimeData())
        try:
            if method == "x11":
                from ui.replace_x11 import X11Paste

                self._paste = X11Paste(text, window)
                self._paste.start()
            else:
                clipboard.setText(text)
        except Exception as exc:  # no X connection, the clipboard refused: copy only
            log.warning("cannot serve the paste: %s", exc)
            self._saved = None
            clipboard.setText(text)
            self.done.emit(_could_not_paste())
            return
        self._deadline = QDeadlineTimer(RESTORE_AFTER_MS)
        QTimer.singleShot(0, lambda: self._press(method, window))  # once the popup is hidden

    def _press(self, method: str, window: int) -> None:
        paste = self._paste
        if paste is not None and not self._deadline.hasExpired() and not paste.keyboard_free():
            QTimer.singleShot(20, lambda: self._press(method, window))  # the popup's grab
            return
        try:
            if self._paste is not None:
                self._paste.press_ctrl_v()
            else:
                from ui.replace_windows import paste_into

                paste_into(window)
        except Exception as exc:  # the result stays on the clipboard for a manual paste
            log.warning("paste failed: %s", exc)
            text = self._paste.text if self._paste is not None else ""
            self._finish()
            self._saved = None
            if text:
                QGuiApplication.clipboard().setText(text)
            self.done.emit(_could_not_paste())
            return
        late = X11_READ_WITHIN_MS if self._paste is not None else RESTORE_AFTER_MS
        self._deadline = QDeadlineTimer(late)
        self._poll.start()

    def _check(self) -> None:
        """The paste has read the text (X11), or it is late: the clipboard comes back."""
        served = self._paste is not None and self._paste.served.is_set()
        if served or self._deadline.hasExpired():
            self._restore()

    def _finish(self) -> None:
        self._poll.stop()
        if self._paste is not None:
            self._paste.stop()
            self._paste.join(2.0)
            self._paste = None

    def _restore(self) -> None:
        """Give the user's clipboard back (once)."""
        self._finish()
        saved, self._saved = self._saved, None
        if saved is None:
            return
        clipboard = QGuiApplication.clipboard()
        if saved.formats():
            clipboard.setMimeData(saved)
        else:
            clipboard.clear()
        self.done.emit("")
