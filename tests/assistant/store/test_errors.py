from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from assistant.errors import DiskFull, StoreError
from assistant.paths import db_path
from assistant.store import Store
from assistant.store.db import to_store_error


def _on_writer(store: Store, sql: str) -> None:
    def run(db: sqlite_utils.Database) -> None:
        db.conn.execute(sql)

    store._writer.call(run, transaction=False)


def test_full_database_raises_disk_full_and_store_keeps_working(store: Store) -> None:
    keep = store.start_run("summarize", input_text="small")
    pages = store._read("PRAGMA page_count")[0]["page_count"]
    _on_writer(store, f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull) as info:
        store.start_run("summarize", input_text="x" * 2_000_000)
    assert "disk is full" in info.value.user_text()
    assert info.value.hint
    assert [r["id"] for r in store.list_runs()] == [keep]  # the failed write left nothing
    _on_writer(store, "PRAGMA max_page_count = 1073741823")
    assert store.start_run("summarize", input_text="x" * 2_000_000) > keep
    assert store.integrity_check() == "ok"


def test_read_only_database_raises_store_error(store: Store) -> None:
    _on_writer(store, "PRAGMA query_only = ON")
    with pytest.raises(StoreError, match="read-only") as info:
        store.start_run("x")
    assert not isinstance(info.value, DiskFull)


def test_damaged_file_raises_store_error(data_dir: Path) -> None:
    db_path(data_dir).write_bytes(b"this is not a database" * 200)
    with pytest.raises(StoreError, match="damaged") as info:
        Store(data_dir)
    assert "backups" in info.value.hint


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (sqlite3.OperationalError("database or disk is full"), DiskFull),
        (OSError(errno.ENOSPC, "No space left on device"), DiskFull),
        (sqlite3.OperationalError("attempt to write a readonly database"), StoreError),
        (sqlite3.OperationalError("database is locked"), StoreError),
    ],
)
def test_error_mapping(exc: BaseException, kind: type[StoreError]) -> None:
    mapped = to_store_error(exc, "saving")
    assert type(mapped) is kind
    assert mapped.message.startswith("saving: ")
