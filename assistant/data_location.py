"""The data folder the user chose: a small pointer file kept OUTSIDE the data folder.

``location.json`` lives in the user config dir (``platformdirs.user_config_dir("deskmate")``;
``$DESKMATE_CONFIG_DIR`` overrides it, e.g. in tests or for a portable set-up). It is written
atomically and private (0600)::

    {"version": 1,
     "data_dir": "/abs/folder" | null,               # null: the platform's default folder
     "pending": {"from": ..., "to": ..., "requested_at": ...} | null,
     "moved_from": "/old/folder" | null, "moved_at": ..., "last_error": "..." | null}

``resolve_data_dir`` (below) consults it after ``--data-dir`` and
``$DESKMATE_DATA_DIR``. A change of folder is never done under a running Deskmate: it is
recorded as *pending* and applied at the next start (assistant/data_move.py), which copies
everything, verifies the copy, then switches the pointer and leaves the old folder in place.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from assistant.errors import DataFolderError, FolderHoldsData
from assistant.paths import APP_NAME, ENV_DATA_DIR, db_path, ensure_private_dir

ENV_CONFIG_DIR = "DESKMATE_CONFIG_DIR"
POINTER_NAME = "location.json"
MOVED_NOTE = "MOVED-TO-NEW-FOLDER.txt"  # left in an old folder after a move
POINTER_VERSION = 1

TargetKind = Literal["same", "new", "empty", "deskmate"]


@dataclass(frozen=True)
class Target:
    path: Path
    kind: TargetKind
    left_behind: bool = False  # holds a copy left behind by an earlier move


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def config_dir() -> Path:
    if os.environ.get(ENV_CONFIG_DIR):
        return Path(os.environ[ENV_CONFIG_DIR]).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)).expanduser().resolve()


def pointer_path() -> Path:
    return config_dir() / POINTER_NAME


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)).expanduser().resolve()


def read_pointer() -> dict[str, Any]:
    """The pointer's content; ``{}`` when there is none (or it is unreadable: the default wins)."""
    try:
        data = json.loads(pointer_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_pointer(data: dict[str, Any]) -> Path:
    """Write the pointer atomically (temp file + fsync + rename), private (0600)."""
    import tempfile

    path = pointer_path()
    try:
        ensure_private_dir(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=".location.", suffix=".tmp", dir=path.parent)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({**data, "version": POINTER_VERSION}, fh, indent=1)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
    except OSError as exc:
        raise DataFolderError(
            f"cannot record the data folder in {path}: {exc.strerror or exc}",
            hint="check that your configuration folder is writable",
        ) from exc
    return path


def pointed_data_dir(pointer: dict[str, Any] | None = None) -> Path:
    """The folder the pointer names, or the default one."""
    pointer = read_pointer() if pointer is None else pointer
    chosen = pointer.get("data_dir")
    return Path(chosen) if isinstance(chosen, str) and chosen else default_data_dir()


def data_dir_from_pointer() -> Path:
    """The pointed folder (a pending move is applied before, at start-up: data_move)."""
    pointer = read_pointer()
    path = pointed_data_dir(pointer)
    if pointer.get("data_dir") and not path.exists() and not path.parent.exists():
        raise DataFolderError(  # e.g. on a drive that is not connected: never start empty there
            f"the data folder chosen in Settings, {path}, is not available",
            hint="connect its drive, or go back to the default folder with "
            f"`deskmate --data-dir {default_data_dir()} settings data-dir --reset`",
        )
    return path


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data dir, created with mode 0700: ``--data-dir``, then ``$DESKMATE_DATA_DIR``, then
    the folder chosen in Settings, then the platform's user data dir. A pending move is not
    applied here: that is the start-up step ``assistant.data_move.data_dir_at_start``."""
    if explicit:
        path = Path(explicit)
    elif os.environ.get(ENV_DATA_DIR):
        path = Path(os.environ[ENV_DATA_DIR])
    else:
        path = data_dir_from_pointer()
    path = path.expanduser().resolve()
    ensure_private_dir(path)
    return path


def _stored(path: Path) -> str | None:
    return None if path == default_data_dir() else str(path)


def _probe_writable(path: Path) -> None:
    """Raise ``DataFolderError`` unless a file can be created in ``path`` or, when it does not
    exist yet, in its nearest existing parent."""
    import tempfile

    existing = next((p for p in (path, *path.parents) if p.exists()), None)
    problem = ""
    if existing is None or not existing.is_dir():
        problem = "its parent is not a folder"
    else:
        try:
            fd, probe = tempfile.mkstemp(prefix=".deskmate-probe.", dir=existing)
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            problem = exc.strerror or str(exc)
    if problem:
        raise DataFolderError(
            f"cannot write to {path}: {problem}", hint="choose a folder you can write to"
        )


def inspect_target(path: str | os.PathLike[str], current: Path) -> Target:
    """What choosing ``path`` as the data folder would mean; typed errors for unusable ones."""
    if not str(path).strip():
        raise DataFolderError("no folder given")
    target = Path(path).expanduser().resolve()
    current = current.resolve()
    if target == current:
        return Target(target, "same")
    if target.is_relative_to(current):
        raise DataFolderError(f"{target} is inside the current data folder {current}")
    if current.is_relative_to(target):
        raise DataFolderError(
            f"{target} contains the current data folder {current}",
            hint="choose an empty folder or a new one",
        )
    if target.exists() and not target.is_dir():
        raise DataFolderError(f"{target} exists and is not a folder")
    _probe_writable(target)
    if not target.exists():
        return Target(target, "new")
    if db_path(target).is_file():
        return Target(target, "deskmate", left_behind=(target / MOVED_NOTE).exists())
    try:
        empty = next(target.iterdir(), None) is None
    except OSError as exc:
        raise DataFolderError(f"cannot read {target}: {exc.strerror or exc}") from exc
    if not empty:
        raise DataFolderError(
            f"{target} is not empty and holds no Deskmate data",
            hint="choose an empty folder, or make a new folder inside it",
        )
    return Target(target, "empty")


def request_change(
    path: str | os.PathLike[str], current: Path, *, use_existing: bool = False
) -> Target:
    """Choose ``path`` as the data folder, effective at the next start.

    An empty or new folder: the current data is moved there at the next start. A folder that
    already holds Deskmate data: used as is when ``use_existing`` (else ``FolderHoldsData``).
    The current folder: cancels a pending change.
    """
    target = inspect_target(path, current)
    pointer = read_pointer()
    if target.kind == "same":
        pointer.update(data_dir=_stored(target.path), pending=None)  # also cancels a move
    elif target.kind == "deskmate":
        if not use_existing:
            raise FolderHoldsData(target.path, left_behind=target.left_behind)
        pointer.update(data_dir=_stored(target.path), pending=None)
    else:
        pointer["pending"] = {"from": str(current.resolve()), "to": str(target.path)}
        pointer["pending"]["requested_at"] = _now()
    pointer["last_error"] = None
    write_pointer(pointer)
    return target


def request_reset(current: Path, *, use_existing: bool = False) -> Target:
    """Go back to the platform's default folder (moving the data there at the next start)."""
    return request_change(default_data_dir(), current, use_existing=use_existing)


def describe(current: Path) -> dict[str, Any]:
    """Facts for the settings page and ``deskmate settings data-dir``."""
    pointer = read_pointer()
    if os.environ.get(ENV_DATA_DIR):
        source = "environment"
    elif current.resolve() == pointed_data_dir(pointer):
        source = "setting" if pointer.get("data_dir") else "default"
    else:
        source = "command line"
    return {
        "data_dir": str(current),
        "source": source,
        "default": str(default_data_dir()),
        "pointer": str(pointer_path()),
        "pointed": str(pointed_data_dir(pointer)),  # used at the next start without a flag
        "pending": pointer.get("pending"),
        "moved_from": pointer.get("moved_from"),
        "moved_at": pointer.get("moved_at"),
        "last_error": pointer.get("last_error"),
    }
