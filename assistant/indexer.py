"""Background indexing: embeddings for every chunk and finished run still missing one.

One daemon thread per Core. It wakes when something is written (``poke``) or every few seconds,
embeds what is missing in batches and stores the vectors. Because it asks the database what is
missing, indexing resumes after a restart: an item gets its vector exactly once, and a batch
being embedded while the Core closes is simply not written (it is redone on the next start).
``drain`` indexes everything now (CLI, tests). Chunks of trashed documents are not indexed
(the store keeps them off the missing list; a batch embedded while its document was being
trashed goes to the trash with it).

When the embedding model changes, the store queues every chunk whose vector another model made
(``Store.set_embedding_model``) and this thread re-embeds them; each batch is written tagged
with the model that made it, and a batch of a model that stopped being current is dropped.
``progress()`` says how far it is, with an ETA from the measured rate.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.errors import DeskmateError
from assistant.task_events import Progress

if TYPE_CHECKING:
    from assistant.embed import Embedder
    from assistant.store import Store

log = logging.getLogger(__name__)
BATCH = 32  # items per embedding call: a close waits for at most one such batch
WINDOW = 8 * BATCH  # items fetched at once and sorted by length: batches of similar lengths pad
# less (measured: 260 index chunks embedded in one window 16% faster than in 32-item calls)
CLOSE_TIMEOUT_S = 60.0  # close waits for the batch being embedded (seconds on a busy CPU)


class Indexer:
    def __init__(self, store: Store, embedder: Callable[[], Embedder], *, idle_s: float = 2.0):
        self._store = store
        self._embedder = embedder
        self._idle_s = idle_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()  # one batch at a time (thread and drain)
        self._thread: threading.Thread | None = None
        self.last_error: str = ""
        self._rate: float | None = None  # items per second, smoothed over recent batches
        self._clock = time.monotonic

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self._thread is None and not self._stop.is_set():
            self._thread = threading.Thread(target=self._loop, name="deskmate-indexer", daemon=True)
            self._thread.start()

    def poke(self) -> None:
        """Something was written: index it soon."""
        self._wake.set()

    def pending(self) -> int:
        """How many items (up to two batches) still wait for an embedding."""
        return len(self._store.chunks_missing_vectors(BATCH)) + len(
            self._store.runs_missing_vectors(BATCH)
        )

    def progress(self) -> Progress:
        """Chunks embedded with the current model out of all searchable ones, with an ETA."""
        done, total = self._store.reembed_progress()
        left = max(0, total - done)
        eta = left / self._rate if self._rate and left else (0.0 if not left else None)
        return Progress(done, total, stage="indexing", eta_s=eta)

    def step(self) -> int:
        """Index one batch of chunks and one of runs; return how many items got vectors."""
        with self._lock:
            done = 0
            store = self._store
            jobs: Sequence[
                tuple[
                    Callable[[int], list[tuple[int, str]]],
                    Callable[[Sequence[int], np.ndarray, str], None],
                ]
            ] = (
                (store.chunks_missing_vectors, store.add_chunk_vectors),
                (store.runs_missing_vectors, store.add_run_vectors),
            )
            for missing, add in jobs:
                if self._stop.is_set():
                    break
                items = sorted(missing(WINDOW), key=lambda item: len(item[1]))
                for first in range(0, len(items), BATCH):
                    batch = items[first : first + BATCH]
                    embedder = self._embedder()
                    started = self._clock()
                    vectors = embedder.encode([text for _, text in batch])
                    if self._stop.is_set():
                        return done  # closing: the store may be gone; redone after a restart
                    ids = np.asarray([item_id for item_id, _ in batch])
                    order = np.argsort(ids)  # ascending ids: the cached matrix is appended to
                    add(ids[order].tolist(), vectors[order], embedder.model)
                    self._measured(len(batch), self._clock() - started)
                    done += len(batch)
            return done

    def _measured(self, items: int, seconds: float) -> None:
        rate = items / max(seconds, 1e-3)
        self._rate = rate if self._rate is None else 0.7 * self._rate + 0.3 * rate

    def drain(self, limit: int | None = None) -> int:
        """Index what is missing now (at least ``limit`` items when given, then stop)."""
        total = 0
        while (limit is None or total < limit) and (n := self.step()):
            total += n
        return total

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                while not self._stop.is_set() and self.step():
                    pass
                self.last_error = ""
            except DeskmateError as exc:  # e.g. embedding model missing: say so, keep going
                if self._stop.is_set():
                    break
                self.last_error = exc.user_text()
                log.warning("indexing paused: %s", self.last_error)
            except Exception as exc:  # a bug must not kill indexing for the whole session
                if self._stop.is_set():
                    break  # the store closed under a read: expected while shutting down
                self.last_error = f"{type(exc).__name__}: {exc}"
                log.exception("indexing failed")
            self._wake.wait(self._idle_s)
            self._wake.clear()

    def close(self, timeout: float = CLOSE_TIMEOUT_S) -> None:
        """Stop the thread; waits for the batch being embedded, which is then not written."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
