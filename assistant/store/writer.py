"""The one thread that writes to the database.

Like Anki's task manager: a single-worker executor owns the write connection. Public write
methods submit a function and block until it has committed, so any thread may call them and
writes never contend with each other. Each job runs in one transaction (``db.atomic()``).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import sqlite_utils

from assistant import words
from assistant.errors import StoreError
from assistant.store.db import connect, load_vec, private_file, translate_errors

T = TypeVar("T")


class Writer:
    """Owns the write connection on its own thread."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="deskmate-store")
        self._lock = threading.Lock()
        self._closed = False
        self._db: sqlite_utils.Database | None = None
        self.vec_loaded = False
        try:
            self.call(self._open, transaction=False)
        except BaseException:
            self._closed = True
            self._executor.shutdown(wait=True)
            raise

    def _open(self, _db: sqlite_utils.Database | None) -> None:
        private_file(self._path)
        conn = connect(self._path, writer=True)
        words.register(conn)  # the full-text triggers segment text with it
        self.vec_loaded = load_vec(conn)
        self._db = sqlite_utils.Database(conn, execute_plugins=False)
        private_file(self._path)

    def call(
        self,
        fn: Callable[[sqlite_utils.Database], T],
        *,
        transaction: bool = True,
        context: str = "",
    ) -> T:
        """Run ``fn(db)`` on the writer thread (in one transaction) and return its result."""
        with self._lock:
            if self._closed:
                raise StoreError("the store is closed")
            future: Future[T] = self._executor.submit(self._run, fn, transaction, context)
        return future.result()

    def _run(self, fn: Callable[[sqlite_utils.Database], T], transaction: bool, context: str) -> T:
        db = self._db
        with translate_errors(context):
            if db is None:
                return fn(db)  # type: ignore[arg-type]  # only _open runs before the db exists
            if not transaction:
                return fn(db)
            with db.atomic():
                return fn(db)

    @property
    def conn(self) -> sqlite3.Connection:
        """The write connection: use only inside a function passed to ``call``."""
        assert self._db is not None
        return self._db.conn

    def close(self) -> None:
        """Finish queued writes, checkpoint the WAL and stop the thread."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            future = self._executor.submit(self._close_db)
        try:
            future.result()
        finally:
            self._executor.shutdown(wait=True)

    def _close_db(self) -> None:
        if self._db is not None:
            try:
                self._db.conn.execute("PRAGMA optimize")
                self._db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            except sqlite3.Error:
                pass  # closing must not fail because a final tidy-up could not run
            self._db.conn.close()
            self._db = None
