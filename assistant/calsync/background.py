"""Calendar sync while the app runs: one owner thread per account with chosen calendars,
following a SyncScheduler (autosync.py). A thread runs one sync at a time, so one account is
never synced twice at once; "Sync now" wakes it. Every report (results, or a typed error to
show once) goes to ``on_report``, called on the account's thread."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.calsync.autosync import SyncReport, SyncScheduler
from assistant.errors import DeskmateError

if TYPE_CHECKING:
    from assistant.calendar.sync_model import SyncResult
    from assistant.store.store import Store

log = logging.getLogger(__name__)
JOIN_TIMEOUT_S = 2.0
MAX_WAIT_S = 3600.0  # a thread looks at its plan at least this often
SyncFn = Callable[[str], "list[SyncResult]"]  # account name -> what its sync changed


class BackgroundSync:
    def __init__(
        self,
        store: Store,
        tz: Callable[[], str],
        interval_s: Callable[[], float],
        on_report: Callable[[SyncReport], None],
        *,
        sync: SyncFn | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``sync``: one account's sync (default: its outbox, then its calendars)."""
        self.store = store
        self._tz = tz
        self._on_report = on_report
        self._sync = sync or self._sync_account
        self.scheduler = SyncScheduler(interval_s, clock=clock)
        self._threads: dict[str, tuple[threading.Thread, threading.Event]] = {}
        self._stop = threading.Event()

    def refresh(self) -> None:
        """One thread per account with chosen calendars (after a connect or a new choice)."""
        wanted = {c.account for c in self.store.caldav_calendars() if c.selected}
        for name in wanted - set(self._threads):
            self.scheduler.add(name)
            wake = threading.Event()
            thread = threading.Thread(
                target=self._run, args=(name, wake), name=f"caldav-sync-{name}", daemon=True
            )
            self._threads[name] = (thread, wake)
            thread.start()
        for name in set(self._threads) - wanted:
            self.scheduler.remove(name)
            self._threads.pop(name)[1].set()  # its loop sees it is gone and ends

    def sync_now(self, account: str = "") -> None:
        """The user asked: sync ``account`` (or every one) at once."""
        self.refresh()
        for name, (_, wake) in list(self._threads.items()):
            if not account or name == account:
                self.scheduler.ask(name)
                wake.set()

    def interval_changed(self) -> None:
        self.scheduler.interval_changed()
        for _, wake in self._threads.values():
            wake.set()

    def stop(self) -> None:
        """End every thread; a sync under way finishes on its own (daemon threads)."""
        self._stop.set()
        threads = [t for t, _ in self._threads.values()]
        for _, wake in self._threads.values():
            wake.set()
        for thread in threads:
            thread.join(JOIN_TIMEOUT_S)
        self._threads.clear()

    def _run(self, name: str, wake: threading.Event) -> None:
        while not self._stop.is_set() and self._threads.get(name, (None, None))[1] is wake:
            wake.clear()
            wait = self.scheduler.wait_s(name)
            if wait > 0:
                wake.wait(min(wait, MAX_WAIT_S))
                continue
            asked = self.scheduler.begin(name)
            try:
                report = self.scheduler.finished(name, asked, tuple(self._sync(name)))
            except DeskmateError as exc:
                log.info("calendar sync of %s failed: %s", name, exc.user_text())
                report = self.scheduler.finished(name, asked, error=exc)
            if not self._stop.is_set():
                self._on_report(report)

    def _sync_account(self, name: str) -> list[SyncResult]:
        from assistant.calsync.service import sync_account_now

        return sync_account_now(self.store, self.store.caldav_account(name), self._tz())
