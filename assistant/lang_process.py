"""Language detection in a helper process, for processes that must never freeze (the window).

lingua loads its language models on first use holding the GIL for ~0.7 s here (it is Rust code
called through PyO3), so in the window's process every Python thread, the Qt event loop
included, stops meanwhile. The helper process loads them instead; a detection is one short
message each way over a pipe, and the caller's thread waits for it without holding the GIL.

If the helper cannot start or dies, :mod:`assistant.lang` detects in-process again
(:mod:`assistant.lingua_detect`, which this helper runs too): slower to
start, same answers.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import threading
from multiprocessing.connection import Connection
from typing import Any

log = logging.getLogger(__name__)


class DetectorGone(Exception):
    """The helper process is not there any more (it failed to start, crashed or was stopped)."""


def serve(conn: Connection) -> None:
    """The helper's loop: a text in, an ISO 639-1 code (or None) out, until the pipe closes."""
    # Ctrl+C in a terminal reaches the whole process group: the parent decides when we stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from assistant.lingua_detect import lingua_code

    lingua_code("Deskmate warms up its language detector.")  # load the models right away
    while True:
        try:
            sample = conn.recv()
        except (EOFError, OSError):  # the parent closed its end or exited
            return
        try:
            conn.send(lingua_code(str(sample)))
        except (BrokenPipeError, OSError):
            return


class DetectorProcess:
    """One helper process with lingua loaded; :meth:`detect` is thread-safe (one at a time)."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a process with Qt threads
        parent_end, child_end = context.Pipe()
        self._conn: Connection = parent_end
        self._process: Any = context.Process(
            target=serve, args=(child_end,), name="deskmate-language", daemon=True
        )
        self._lock = threading.Lock()
        self._process.start()
        child_end.close()  # so that our recv() sees EOF when the helper dies
        self.requests = 0

    @property
    def pid(self) -> int | None:
        pid = self._process.pid
        return int(pid) if pid is not None else None

    def detect(self, sample: str) -> str | None:
        """ISO code lingua gives ``sample``, or None; :class:`DetectorGone` if the helper is."""
        with self._lock:
            try:
                self._conn.send(sample)
                answer = self._conn.recv()
            except (EOFError, OSError, ValueError) as exc:  # ValueError: the pipe was closed
                raise DetectorGone(str(exc) or type(exc).__name__) from exc
            self.requests += 1
        return None if answer is None else str(answer)

    def alive(self) -> bool:
        return bool(self._process.is_alive())

    def close(self, timeout: float = 1.0) -> None:
        """Stop the helper: close the pipe (it exits on EOF), then make sure it is gone."""
        if self._lock.acquire(timeout=timeout):
            try:
                self._conn.close()
            finally:
                self._lock.release()
        else:  # a detection is still waiting: ending the helper ends the wait (DetectorGone)
            self._process.terminate()
        self._process.join(timeout)
        if self._process.is_alive():
            log.warning("language helper did not exit on EOF; terminating it")
            self._process.terminate()
            self._process.join(timeout)
