from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlite_utils

from assistant.errors import StoreError
from assistant.paths import db_path
from assistant.store import MIGRATIONS, SCHEMA_VERSION, Store

ROOT = Path(__file__).resolve().parents[3]


def _add_column(db: sqlite_utils.Database) -> None:
    db.execute("ALTER TABLE runs ADD COLUMN rating INTEGER")
    db.execute("UPDATE runs SET rating = 5")


def _columns(data_dir: Path) -> set[str]:
    conn = sqlite3.connect(db_path(data_dir))
    try:
        return {row[1] for row in conn.execute("PRAGMA table_info(runs)")}
    finally:
        conn.close()


def test_migration_backs_up_first_and_runs_once(data_dir: Path) -> None:
    with Store(data_dir) as s:
        run_id = s.start_run("summarize", input_text="before")
        assert s.backups == []  # a brand-new database has nothing worth a backup
    with Store(data_dir, migrations=[*MIGRATIONS, _add_column]) as s:
        assert s.schema_version() == SCHEMA_VERSION + 1
        assert len(s.backups) == 1
        backup = s.backups[0]
        assert s.get_run(run_id)["rating"] == 5  # type: ignore[index]
    assert backup.parent == data_dir / "backups"
    assert backup.name.startswith(f"deskmate-v{SCHEMA_VERSION}-")
    assert backup.stat().st_mode & 0o777 == 0o600
    old = sqlite3.connect(backup)
    try:
        assert old.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert old.execute("SELECT input_text FROM runs").fetchall() == [("before",)]
        assert old.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        old.close()
    with Store(data_dir, migrations=[*MIGRATIONS, _add_column]) as s:
        assert s.backups == []  # already current


def test_failing_migration_rolls_back(data_dir: Path) -> None:
    with Store(data_dir) as s:
        s.start_run("x", input_text="keep")

    def broken(db: sqlite_utils.Database) -> None:
        db.execute("ALTER TABLE runs ADD COLUMN half INTEGER")
        db.execute("SELECT * FROM no_such_table")

    with pytest.raises(StoreError):
        Store(data_dir, migrations=[*MIGRATIONS, broken])
    assert "half" not in _columns(data_dir)
    with Store(data_dir) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert [r["input_text"] for r in s.list_runs()] == ["keep"]


def test_database_from_newer_version_is_refused(data_dir: Path) -> None:
    with Store(data_dir, migrations=[*MIGRATIONS, _add_column]):
        pass
    with pytest.raises(StoreError, match="newer"):
        Store(data_dir)


_SLOW_MIGRATION = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from assistant.store import MIGRATIONS, Store

    def slow(db):
        db.execute("ALTER TABLE runs ADD COLUMN rating INTEGER")
        db.execute("UPDATE runs SET task = 'changed', rating = 1")
        for i in range(2000):
            db.execute("INSERT INTO partials VALUES ('m', ?, 'x', 'now')", [i])
        print("MIGRATING", flush=True)
        sys.stdin.readline()  # hold the transaction open until the test kills us

    Store(Path(sys.argv[1]), migrations=[*MIGRATIONS, slow])
    """
)


def test_migration_killed_midway_leaves_old_db_usable(data_dir: Path) -> None:
    with Store(data_dir) as s:
        ids = [s.start_run("summarize", input_text=f"doc {i}") for i in range(50)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_MIGRATION, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "MIGRATING"
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()

    backups = list((data_dir / "backups").glob(f"deskmate-v{SCHEMA_VERSION}-*.sqlite3"))
    assert len(backups) == 1
    assert not list((data_dir / "backups").glob("*.partial"))
    with Store(data_dir) as s:  # the old version opens as if nothing happened
        assert s.integrity_check() == "ok"
        assert s.schema_version() == SCHEMA_VERSION
        assert [r["id"] for r in s.list_runs(limit=100)][::-1] == ids
        assert {r["task"] for r in s.list_runs(limit=100)} == {"summarize"}
        assert s.load_partials("m") == {}
    assert "rating" not in _columns(data_dir)

    with Store(data_dir, migrations=[*MIGRATIONS, _add_column]) as s:  # and migrates again
        assert s.schema_version() == SCHEMA_VERSION + 1
        assert s.integrity_check() == "ok"
        assert {r["rating"] for r in s.list_runs(limit=100)} == {5}
