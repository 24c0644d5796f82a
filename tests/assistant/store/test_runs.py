from __future__ import annotations

import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from assistant.errors import UserError
from assistant.paths import db_path
from assistant.store import SCHEMA_VERSION, Store


def test_fresh_store_is_private_wal_and_current(data_dir: Path, store: Store) -> None:
    store.start_run("summarize", input_text="x")
    path = db_path(data_dir)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.integrity_check() == "ok"
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        assert candidate.exists()
        assert stat.S_IMODE(candidate.stat().st_mode) == 0o600, candidate
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_run_lifecycle(store: Store) -> None:
    run_id = store.start_run(
        "summarize",
        input_path="/tmp/a.pdf",
        input_sha256="ab" * 32,
        model="qwen",
        params={"length": "brief", "n": 3},
    )
    run = store.get_run(run_id)
    assert run is not None
    assert run["status"] == "running"
    assert run["params"] == {"length": "brief", "n": 3}
    assert run["started_at"] and run["finished_at"] is None

    store.update_run_output(run_id, "so far")
    assert store.get_run(run_id)["output"] == "so far"  # type: ignore[index]

    store.finish_run(run_id, status="done", output="总结", data={"chunks": 2})
    run = store.get_run(run_id)
    assert run is not None
    assert (run["status"], run["output"], run["data"]) == ("done", "总结", {"chunks": 2})
    assert run["seconds"] is not None and run["seconds"] >= 0
    assert run["finished_at"] >= run["started_at"]


def test_failed_and_cancelled_runs_keep_error(store: Store) -> None:
    a = store.start_run("translate", input_text="hi")
    b = store.start_run("translate", input_text="hi")
    store.finish_run(a, status="failed", error="model missing")
    store.finish_run(b, status="cancelled", output="half")
    assert store.get_run(a)["error"] == "model missing"  # type: ignore[index]
    assert store.get_run(b)["status"] == "cancelled"  # type: ignore[index]
    with pytest.raises(ValueError):
        store.finish_run(a, status="running")
    with pytest.raises(UserError):
        store.finish_run(999, status="done")


def test_list_runs_filters_and_orders(store: Store) -> None:
    ids = [store.start_run("summarize" if i % 2 else "reply") for i in range(6)]
    assert [r["id"] for r in store.list_runs()] == ids[::-1]
    assert [r["id"] for r in store.list_runs(task="reply")] == ids[0::2][::-1]
    assert len(store.list_runs(limit=2)) == 2
    assert store.get_run(12345) is None


def test_trash_restore_and_purge(store: Store) -> None:
    keep, trash = store.start_run("a"), store.start_run("b")
    store.delete_run(trash)
    assert [r["id"] for r in store.list_runs()] == [keep]
    assert [r["id"] for r in store.list_trash()] == [trash]
    assert store.get_run(trash)["deleted_at"]  # type: ignore[index]

    store.restore_run(trash)
    assert {r["id"] for r in store.list_runs()} == {keep, trash}
    assert store.list_trash() == []

    store.delete_run(trash)
    assert store.purge(older_than_days=1) == 0  # trashed just now: kept
    assert store.purge() == 1
    assert store.get_run(trash) is None
    with pytest.raises(UserError):
        store.restore_run(trash)


def test_partials_round_trip(store: Store) -> None:
    store.save_partial("job1", 0, "first")
    store.save_partial("job1", 2, "third")
    store.save_partial("job1", 0, "first again")
    store.save_partial("job2", 0, "other")
    assert store.load_partials("job1") == {0: "first again", 2: "third"}
    store.clear_partials("job1")
    assert store.load_partials("job1") == {}
    assert store.load_partials("job2") == {0: "other"}


def test_data_survives_reopen(data_dir: Path) -> None:
    with Store(data_dir) as s:
        run_id = s.start_run("reply", input_text="邮件")
        s.finish_run(run_id, status="done", output="回复")
        s.save_partial("k", 1, "p")
    with Store(data_dir) as s:
        assert s.get_run(run_id)["output"] == "回复"  # type: ignore[index]
        assert s.load_partials("k") == {1: "p"}
        assert s.backups == []  # nothing to migrate: no backup


def test_writes_from_four_threads(store: Store) -> None:
    per_thread = 40
    results: dict[int, list[int]] = {}
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def work(n: int) -> None:
        try:
            barrier.wait(timeout=10)
            ids = []
            for i in range(per_thread):
                run_id = store.start_run(f"t{n}", input_text=f"{n}-{i}")
                store.update_run_output(run_id, "x")
                store.save_partial(f"job{n}", i, str(run_id))
                store.finish_run(run_id, status="done", output=f"{n}-{i}")
                assert store.get_run(run_id)["output"] == f"{n}-{i}"  # type: ignore[index]
                ids.append(run_id)
            results[n] = ids
        except BaseException as exc:  # reported below, on the test thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    all_ids = [i for ids in results.values() for i in ids]
    assert len(all_ids) == len(set(all_ids)) == 4 * per_thread
    assert len(store.list_runs(limit=1000)) == 4 * per_thread
    for n in range(4):
        assert len(store.load_partials(f"job{n}")) == per_thread
    assert store.integrity_check() == "ok"


def test_closed_store_refuses_work(data_dir: Path) -> None:
    s = Store(data_dir)
    s.close()
    s.close()  # idempotent
    from assistant.errors import StoreError

    with pytest.raises(StoreError):
        s.start_run("x")
    with pytest.raises(StoreError):
        s.list_runs()
    assert os.path.exists(db_path(data_dir))


def test_reader_connections_of_ended_threads_are_closed(store: Store) -> None:
    run_id = store.start_run("x")
    seen: list[bool] = []

    def read() -> None:
        seen.append(store.get_run(run_id) is not None)

    for _ in range(10):
        t = threading.Thread(target=read)
        t.start()
        t.join(timeout=30)
    store.list_runs()  # this thread's reader prunes the ended ones
    assert seen == [True] * 10
    assert len(store._readers) <= 2


def test_failed_open_leaves_no_writer_thread(data_dir: Path) -> None:
    from assistant.errors import StoreError

    db_path(data_dir).write_bytes(b"garbage" * 1000)
    before = {t.name for t in threading.enumerate()}
    with pytest.raises(StoreError):
        Store(data_dir)
    leaked = {t.name for t in threading.enumerate()} - before
    assert not [name for name in leaked if name.startswith("deskmate-store")]
