"""Apply a pending change of data folder at start-up: copy, verify, switch, keep the old folder.

Safety rules:

* Nothing may use the old folder meanwhile: the old database is opened with SQLite's
  EXCLUSIVE locking mode. If another Deskmate still has it open, the move waits for a later
  start (the old folder stays in use, nothing is touched).
* The database is copied with SQLite's backup API (a consistent snapshot, WAL included), other
  files with their metadata. The copy is verified (``PRAGMA integrity_check``, schema version,
  row counts of every table, file sizes) before the pointer is switched.
* Models: the ``models`` folder is *moved* (renamed) when both folders are on the same
  filesystem. On another filesystem only its small files (the list of added models) are copied;
  the assembled bundled models (GBs, derived data) are rebuilt from the installed model packages
  at the first use in the new folder. Models you added are used from where they are.
* On any failure the partial copy is removed, the old folder stays in use and the error is
  recorded in the pointer (shown in Settings). On success the old folder is left in place with
  a note saying where the data went, for the user to delete.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from assistant.data_location import (
    MOVED_NOTE,
    _now,
    _stored,
    read_pointer,
    resolve_data_dir,
    write_pointer,
)
from assistant.errors import DataFolderError, FolderInUse
from assistant.paths import ENV_DATA_DIR, db_path, ensure_private_dir

log = logging.getLogger(__name__)
SKIPPED = ("-wal", "-shm", "-journal")  # the backup API copies what they hold
REBUILT_MODELS = ("*.gguf", "*.gguf.verified", "*.part", "*.partial", "*.tmp")


@dataclass
class MoveReport:
    source: Path
    target: Path
    files: int = 0
    bytes: int = 0
    models: str = "none"  # "moved" | "copied, to be rebuilt" | "none"
    created: list[Path] = field(default_factory=list)


def data_dir_at_start(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The start-up step of the app and the CLI: when the pointer decides the data folder,
    apply a pending move to it first (postponed while a Deskmate uses the old folder), then
    resolve the data folder."""
    if not explicit and not os.environ.get(ENV_DATA_DIR):
        apply_pending()
    return resolve_data_dir(explicit)


def apply_pending() -> MoveReport | None:
    """Run the pending move recorded in the pointer, if any; never raises for a failed move."""
    pointer = read_pointer()
    pending = pointer.get("pending")
    if not isinstance(pending, dict):
        return None
    source, target = Path(str(pending.get("from"))), Path(str(pending.get("to")))
    try:
        report = move_data(source, target)
    except FolderInUse as exc:
        log.info("data folder move postponed: %s", exc.message)
        return None
    except (DataFolderError, OSError, sqlite3.Error) as exc:
        text = exc.user_text() if isinstance(exc, DataFolderError) else str(exc)
        log.warning("data folder move failed: %s", text)
        pointer.update(pending=None, last_error=f"moving the data to {target} failed: {text}")
        write_pointer(pointer)
        return None
    pointer.update(
        data_dir=_stored(target),
        pending=None,
        moved_from=str(source),
        moved_at=_now(),
        last_error=None,
    )
    try:
        write_pointer(pointer)
    except DataFolderError as exc:  # the switch cannot be recorded: stay on the old folder
        log.warning("data folder move undone: %s", exc.user_text())
        _undo(target, report, remove_target=False)
        return None
    note = (
        f"Deskmate now keeps its data in\n  {target}\n(moved {pointer['moved_at']}).\n"
        "This folder is no longer used: delete it once you have checked the new one.\n"
    )
    with contextlib.suppress(OSError):
        fd = os.open(source / MOVED_NOTE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(note)
    log.info("data moved from %s to %s (%d files)", source, target, report.files)
    return report


def _lock(db: Path) -> sqlite3.Connection:
    """Open ``db`` holding an exclusive lock until closed; ``FolderInUse`` if another process
    has it open."""
    conn = sqlite3.connect(str(db), timeout=0.1, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")  # in EXCLUSIVE locking mode the lock is kept after the commit
    except sqlite3.OperationalError as exc:
        conn.close()
        raise FolderInUse(f"{db.parent} is in use by a running Deskmate") from exc
    return conn


def move_data(source: Path, target: Path) -> MoveReport:
    """Copy ``source`` into the empty or new ``target`` and verify it (see the module doc)."""
    report = MoveReport(source, target)
    if target.exists() and any(target.iterdir()):
        raise DataFolderError(f"{target} is no longer empty: nothing was moved")
    if not source.is_dir():  # nothing to move (e.g. a folder never used): just switch
        ensure_private_dir(target)
        return report
    db = db_path(source)
    conn = _lock(db) if db.is_file() else None
    made_target = not target.exists()
    try:
        ensure_private_dir(target)
        try:
            _copy_all(source, target, conn, report)
            _verify(source, target, conn)
            _move_models(source, target, report)
        except BaseException:
            _undo(target, report, remove_target=made_target)
            raise
    finally:
        if conn is not None:
            conn.close()
    return report


def _copy_all(
    source: Path, target: Path, conn: sqlite3.Connection | None, report: MoveReport
) -> None:
    db_name = db_path(source).name
    for entry in sorted(source.iterdir()):
        name = entry.name
        if name == "models" or name == MOVED_NOTE or name.endswith(SKIPPED) or _special(entry):
            continue
        dest = target / name
        report.created.append(dest)
        if name == db_name and conn is not None:
            from assistant.store.migrations import snapshot  # (the store imports paths)

            snapshot(conn, dest)
        elif entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, dest, symlinks=True, ignore=_ignore_special)
            os.chmod(dest, 0o700)
        else:
            shutil.copy2(entry, dest, follow_symlinks=False)
        for path in [dest, *(dest.rglob("*") if dest.is_dir() else [])]:
            if path.is_file():
                report.files += 1
                report.bytes += path.stat().st_size


def _special(path: Path) -> bool:
    """Sockets, pipes, devices: nothing to copy."""
    return not (path.is_symlink() or path.is_file() or path.is_dir())


def _ignore_special(folder: str, names: list[str]) -> set[str]:
    return {n for n in names if _special(Path(folder) / n)}


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            " AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {n: int(conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}


def _verify(source: Path, target: Path, conn: sqlite3.Connection | None) -> None:
    if conn is not None:
        copy = sqlite3.connect(str(db_path(target)))
        try:
            check = copy.execute("PRAGMA integrity_check").fetchone()[0]
            same = copy.execute("PRAGMA user_version").fetchone() == conn.execute(
                "PRAGMA user_version"
            ).fetchone() and _counts(copy) == _counts(conn)
        finally:
            copy.close()
        if check != "ok" or not same:
            raise DataFolderError(f"the copied database in {target} differs from the original")
    db_name = db_path(source).name
    for path in source.rglob("*"):
        rel = path.relative_to(source)
        if rel.parts[0] in ("models", db_name, MOVED_NOTE) or rel.parts[0].endswith(SKIPPED):
            continue
        if path.is_file() and not path.is_symlink():
            copied = target / rel
            if not copied.is_file() or copied.stat().st_size != path.stat().st_size:
                raise DataFolderError(f"the copy of {rel} in {target} is incomplete")


def _move_models(source: Path, target: Path, report: MoveReport) -> None:
    models = source / "models"
    if not models.is_dir():
        return
    dest = target / "models"
    if _same_filesystem(models, target):
        os.rename(models, dest)  # same filesystem: instant, nothing duplicated
        report.models = "moved"
        return
    report.created.append(dest)
    shutil.copytree(models, dest, ignore=shutil.ignore_patterns(*REBUILT_MODELS))
    os.chmod(dest, 0o700)
    report.models = "copied, to be rebuilt"


def _same_filesystem(a: Path, b: Path) -> bool:
    return a.stat().st_dev == b.stat().st_dev


def _undo(target: Path, report: MoveReport, *, remove_target: bool) -> None:
    """Remove what this move created in ``target`` (never anything that was there before)."""
    if report.models == "moved":
        with contextlib.suppress(OSError):
            os.rename(target / "models", report.source / "models")
    for path in reversed(report.created):
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
    if remove_target:
        with contextlib.suppress(OSError):
            target.rmdir()
