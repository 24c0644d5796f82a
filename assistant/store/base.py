"""The store's plumbing: the writer thread, per-thread read connections, migration at open."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self, TypeVar

import sqlite_utils

from assistant.errors import StoreError
from assistant.paths import db_path, ensure_private_dir
from assistant.store.db import connect, dict_row, load_vec, private_file, translate_errors
from assistant.store.migrations import migrate
from assistant.store.schema_steps import MIGRATIONS, Migration
from assistant.store.writer import Writer

T = TypeVar("T")


def _pk(value: object) -> int:
    """The integer primary key sqlite-utils reports for an insert."""
    if not isinstance(value, int):
        raise StoreError(f"unexpected primary key {value!r}")
    return value


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class StoreBase:
    """Opens and migrates the database; gives subclasses ``_write`` and ``_read``."""

    def __init__(self, data_dir: Path, *, migrations: Sequence[Migration] | None = None) -> None:
        self.data_dir = ensure_private_dir(Path(data_dir))
        self.path = db_path(self.data_dir)
        self._local = threading.local()
        self._readers: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._readers_lock = threading.Lock()
        self._writer = Writer(self.path)
        steps = MIGRATIONS if migrations is None else migrations
        try:
            self.backups = self._writer.call(
                lambda db: migrate(db, self.data_dir, steps),
                transaction=False,
                context="cannot update the database schema",
            )
            self._writer.call(self._after_open, transaction=False)
        except BaseException:
            self._writer.close()
            raise
        private_file(self.path)

    def _after_open(self, db: sqlite_utils.Database) -> None:
        """Hook run once on the writer thread after migrations (e.g. optional indexes)."""

    @property
    def vec_enabled(self) -> bool:
        """True when sqlite-vec is loaded (else vectors are searched with numpy)."""
        return self._writer.vec_loaded

    def _write(self, fn: Callable[[sqlite_utils.Database], T], context: str = "") -> T:
        """Run ``fn`` on the writer thread in one transaction; block until committed."""
        return self._writer.call(fn, context=context)

    def _reader(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            if self._writer_closed():
                raise StoreError("the store is closed")
            conn = connect(self.path, writer=False)
            conn.row_factory = dict_row
            if self.vec_enabled:
                load_vec(conn)
            with self._readers_lock:
                # Connections of threads that have ended are closed here (worker pools churn).
                stale = [c for t, c in self._readers if not t.is_alive()]
                self._readers = [(t, c) for t, c in self._readers if t.is_alive()]
                self._readers.append((threading.current_thread(), conn))
            for old in stale:
                old.close()
            self._local.conn = conn
        return conn

    def _writer_closed(self) -> bool:
        return self._writer._closed

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a query on this thread's read connection."""
        with translate_errors("cannot read the database"):
            return list(self._reader().execute(sql, params).fetchall())

    def integrity_check(self) -> str:
        rows = self._read("PRAGMA integrity_check")
        return "; ".join(str(next(iter(r.values()))) for r in rows)

    def schema_version(self) -> int:
        return int(self._read("PRAGMA user_version")[0]["user_version"])

    def close(self) -> None:
        """Finish pending writes and close every connection."""
        self._writer.close()
        with self._readers_lock:
            readers, self._readers = self._readers, []
        for _thread, conn in readers:
            conn.close()
        self._local = threading.local()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
