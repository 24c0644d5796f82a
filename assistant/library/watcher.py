"""Keeping the library up to date in the background: a polling scan on one daemon thread.

Why polling rather than OS file events (``watchdog``): a scan must run at every start anyway
(changes made while Deskmate was closed, and resuming a stopped run), it reads only directory
entries (cheap), and it works the same on network shares and removable drives, where inotify /
FSEvents / ReadDirectoryChangesW miss changes or run out of watches. A change is noticed within
``interval_s``; ``poke()`` (a folder added, indexing resumed) starts a scan at once.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from assistant.errors import DeskmateError
from assistant.library.indexing import STAGE, index_library
from assistant.task_events import Progress
from assistant.tasks.recording import close_events

if TYPE_CHECKING:
    from assistant.host import TaskHost

log = logging.getLogger(__name__)
INTERVAL_S = 60.0


class LibraryWatcher:
    def __init__(self, core: TaskHost, *, interval_s: float = INTERVAL_S) -> None:
        self._core = core
        self._interval_s = interval_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._idle = threading.Event()  # set between scans (tests wait on it)
        self._thread: threading.Thread | None = None
        self.last_error = ""
        self.progress = Progress(0, 0, STAGE)

    def start(self) -> None:
        if self._thread is None and not self._stop.is_set():
            self._thread = threading.Thread(target=self._loop, name="deskmate-library", daemon=True)
            self._thread.start()

    def poke(self) -> None:
        self._idle.clear()
        self._wake.set()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until the scan in progress (or asked for by ``poke``) has finished."""
        return self._idle.wait(timeout)

    def _scan_once(self) -> None:
        events = index_library(self._core)
        try:
            for event in events:
                if self._stop.is_set():
                    return
                if isinstance(event, Progress):
                    self.progress = event
        finally:
            close_events(events)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self._scan_once()
                self.last_error = ""
            except DeskmateError as exc:  # e.g. the store is full: say so, try again later
                self.last_error = exc.user_text()
                log.warning("library indexing stopped: %s", self.last_error)
            except Exception as exc:  # a bug must not end watching for the session
                if self._stop.is_set():
                    break
                self.last_error = f"{type(exc).__name__}: {exc}"
                log.exception("library indexing failed")
            if not self._wake.is_set():
                self._idle.set()
            self._wake.wait(self._interval_s)

    def close(self, timeout: float = 60.0) -> None:
        """Stop after the file being loaded (it is loaded again at the next start if unrecorded)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
