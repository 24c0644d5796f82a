"""Calendar sync in the app: thin glue over the core's BackgroundSync (one owner thread per
account, assistant/calsync/background.py). Its reports cross to the GUI thread as a signal;
the window shows a failure once, in its message bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from assistant.calsync.background import BackgroundSync
    from assistant.core import Core

MINUTE_S = 60.0


class CalendarSync(QObject):
    report = Signal(object)  # SyncReport, on the GUI thread

    def __init__(self, core: Core, parent: QObject | None = None) -> None:
        """Nothing runs until :meth:`start` (the app calls it; a window in a test does not
        sync on its own)."""
        super().__init__(parent)
        self.core = core
        self._background: BackgroundSync | None = None

    def start(self) -> None:
        """Start the account threads: each syncs at once when automatic sync is on."""
        from assistant.calsync.background import BackgroundSync
        from assistant.tasks.schedule import resolve_zone

        if self._background is None:
            settings = self.core.settings
            self._background = BackgroundSync(
                self.core.store,
                lambda: resolve_zone(self.core, ""),
                lambda: settings.get_int("calendar_sync_min") * MINUTE_S,
                self.report.emit,  # from an account's thread: queued to the GUI thread
            )
        self._background.refresh()

    def sync_now(self) -> None:
        """Sync now (the button, F5): every account with chosen calendars, at once."""
        self.start()
        assert self._background is not None
        self._background.sync_now()

    def calendars_changed(self) -> None:
        """An account was connected or calendars were chosen: threads follow (if running)."""
        if self._background is not None:
            self._background.refresh()

    def interval_changed(self) -> None:
        if self._background is not None:
            self._background.interval_changed()

    def stop(self) -> None:
        if self._background is not None:
            self._background.stop()
            self._background = None
