"""Background indexing: embeddings for every chunk and finished run still missing one.

One daemon thread per Core. It wakes when something is written (``poke``) or every few seconds,
embeds what is missing in batches and stores the vectors. Because it asks the database what is
missing, indexing resumes after a restart. ``drain`` indexes everything now (CLI, tests).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.errors import DeskmateError

if TYPE_CHECKING:
    from assistant.embed import Embedder
    from assistant.store import Store

log = logging.getLogger(__name__)
BATCH = 32


class Indexer:
    def __init__(self, store: Store, embedder: Callable[[], Embedder], *, idle_s: float = 5.0):
        self._store = store
        self._embedder = embedder
        self._idle_s = idle_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()  # one batch at a time (thread and drain)
        self._thread: threading.Thread | None = None
        self.last_error: str = ""

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="deskmate-indexer", daemon=True)
            self._thread.start()

    def poke(self) -> None:
        """Something was written: index it soon."""
        self._wake.set()

    def step(self) -> int:
        """Index one batch of chunks and one of runs; return how many items got vectors."""
        with self._lock:
            done = 0
            chunks = self._store.chunks_missing_vectors(BATCH)
            if chunks:
                vectors = self._embedder().encode([t for _, t in chunks])
                self._store.add_vectors([i for i, _ in chunks], vectors)
                done += len(chunks)
            runs = self._store.runs_missing_vectors(BATCH)
            if runs:
                vectors = self._embedder().encode([t for _, t in runs])
                self._store.add_run_vectors([i for i, _ in runs], vectors)
                done += len(runs)
            return done

    def drain(self) -> int:
        total = 0
        while n := self.step():
            total += n
        return total

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                while not self._stop.is_set() and self.step():
                    pass
                self.last_error = ""
            except DeskmateError as exc:  # e.g. embedding model missing: say so, keep going
                self.last_error = exc.user_text()
                log.warning("indexing paused: %s", self.last_error)
            self._wake.wait(self._idle_s)
            self._wake.clear()

    def close(self, timeout: float = 2.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
