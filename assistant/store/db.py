"""Opening SQLite connections the Deskmate way, and turning SQLite failures into typed errors.

Every connection gets WAL, foreign keys and a busy timeout; the database files are private (0600).
sqlite-vec is loaded when this Python's sqlite3 allows extensions; otherwise vectors fall back to
float32 blobs searched with numpy (see ``vectors.py``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.errors import DiskFull, StoreError

BUSY_TIMEOUT_MS = 10_000
_SQLITE_FULL = 13
_SQLITE_READONLY = 8
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26
_SQLITE_CORRUPT = 11


def dict_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> dict[str, Any]:
    return {col[0]: value for col, value in zip(cursor.description, row, strict=True)}


def private_file(path: Path) -> None:
    """Create ``path`` if missing and make it (and its WAL/SHM companions) 0600."""
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            os.chmod(candidate, 0o600)


def load_vec(conn: sqlite3.Connection) -> bool:
    """Load sqlite-vec into ``conn``; False when this Python cannot load extensions."""
    if not hasattr(conn, "enable_load_extension"):
        return False
    try:
        import sqlite_vec

        conn.enable_load_extension(True)
        try:
            sqlite_vec.load(conn)
        finally:
            conn.enable_load_extension(False)
    except (ImportError, AttributeError, sqlite3.Error):
        return False
    return True


def connect(path: Path, *, writer: bool, synchronous: str = "FULL") -> sqlite3.Connection:
    """Open ``path`` with Deskmate's pragmas. Readers are ``query_only``."""
    with translate_errors(f"cannot open the database {path}"):
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=writer)
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys=ON")
        if writer:
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"cannot switch {path} to WAL mode (got {mode})")
            conn.execute(f"PRAGMA synchronous={synchronous}")
        else:
            conn.execute("PRAGMA query_only=ON")
    return conn


def to_store_error(exc: BaseException, context: str = "") -> StoreError:
    """Map an sqlite3/OS failure to ``DiskFull`` or ``StoreError``."""
    prefix = f"{context}: " if context else ""
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc)
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(f"{prefix}the disk is full", hint="free some space and try again")
    if code == _SQLITE_FULL or "database or disk is full" in text:
        return DiskFull(
            f"{prefix}the disk is full (database or disk is full)",
            hint="free some space and try again",
        )
    if code == _SQLITE_READONLY or "readonly database" in text:
        return StoreError(
            f"{prefix}the database is read-only",
            hint="check the permissions of the data folder",
        )
    if code in (_SQLITE_NOTADB, _SQLITE_CORRUPT) or "not a database" in text:
        return StoreError(
            f"{prefix}the database file is damaged ({text})",
            hint="restore a copy from the backups folder of the data dir",
        )
    if code == _SQLITE_CANTOPEN:
        return StoreError(f"{prefix}cannot open the database ({text})")
    return StoreError(f"{prefix}{text}")


@contextlib.contextmanager
def translate_errors(context: str = "") -> Iterator[None]:
    """Re-raise database and OS failures as typed store errors."""
    try:
        yield
    except (sqlite3.OperationalError, sqlite3.DatabaseError, OSError) as exc:
        if isinstance(exc, sqlite3.ProgrammingError | sqlite3.InterfaceError):
            raise
        raise to_store_error(exc, context) from exc
