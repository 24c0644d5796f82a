"""Versioned schema: ``PRAGMA user_version`` and the forward migrations of
:mod:`assistant.store.schema_steps`.

``MIGRATIONS[i]`` brings the schema from version ``i`` to ``i + 1``. Before migrating an
existing database, a copy is made with SQLite's backup API into ``<data_dir>/backups``. Each
step runs in one transaction together with the ``user_version`` bump, so a step interrupted by a
crash or a kill leaves the previous version intact and simply runs again on the next start.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from assistant.paths import ensure_private_dir
from assistant.store.schema_steps import MIGRATIONS, Migration

KEEP_BACKUPS = 5


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def snapshot(conn: sqlite3.Connection, dest: Path, mode: int = os.O_EXCL) -> None:
    """Copy the database behind ``conn`` into a new private (0600) file ``dest`` (SQLite's
    backup API: a consistent snapshot, WAL included). ``mode``: O_EXCL or O_TRUNC."""
    fd = os.open(dest, os.O_CREAT | os.O_WRONLY | mode, 0o600)
    os.close(fd)
    out = sqlite3.connect(str(dest))
    try:
        conn.backup(out)
    finally:
        out.close()


def backup(conn: sqlite3.Connection, data_dir: Path, version: int) -> Path:
    """Copy the database (consistent snapshot, WAL included) into ``data_dir/backups``."""
    folder = ensure_private_dir(data_dir / "backups")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"deskmate-v{version}-{stamp}.sqlite3"
    partial = target.with_suffix(".partial")
    snapshot(conn, partial, os.O_TRUNC)
    os.replace(partial, target)  # a kill mid-copy never leaves a half backup under the real name
    _prune(folder)
    return target


def _prune(folder: Path) -> None:
    backups = sorted(folder.glob("deskmate-v*.sqlite3"), key=lambda p: p.stat().st_mtime)
    for old in backups[:-KEEP_BACKUPS]:
        with contextlib.suppress(OSError):
            old.unlink()


def migrate(
    db: sqlite_utils.Database, data_dir: Path, migrations: Sequence[Migration] = MIGRATIONS
) -> list[Path]:
    """Run pending migrations on the writer connection; return the backups made."""
    conn = db.conn
    version = user_version(conn)
    if version > len(migrations):
        from assistant.errors import StoreError

        raise StoreError(
            f"the database is from a newer Deskmate (schema v{version}, this one knows "
            f"v{len(migrations)})",
            hint="update Deskmate or use another data folder",
        )
    made: list[Path] = []
    # One backup of the database as it was (a database created just now has nothing worth
    # one): a backup per step would push the original out of the kept few.
    if 0 < version < len(migrations):
        made.append(backup(conn, data_dir, version))
    while version < len(migrations):
        with db.atomic():
            migrations[version](db)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        version += 1
    return made
