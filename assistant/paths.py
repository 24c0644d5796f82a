"""Where Deskmate keeps its data: one folder, private to the user (0700, files 0600).

Resolution order: an explicit path (``--data-dir``), then ``$DESKMATE_DATA_DIR``, then the folder
chosen in Settings (a pointer file in the user config dir, see ``assistant.data_location``; a
pending move to it is applied first), then the platform's user data dir (platformdirs).
"""

from __future__ import annotations

import io
import logging.handlers
import os
from pathlib import Path
from typing import Any

ENV_DATA_DIR = "DESKMATE_DATA_DIR"
APP_NAME = "deskmate"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Return the data dir, created with mode 0700."""
    if explicit:
        path = Path(explicit)
    elif os.environ.get(ENV_DATA_DIR):
        path = Path(os.environ[ENV_DATA_DIR])
    else:
        from assistant.data_location import data_dir_from_pointer

        path = data_dir_from_pointer()
    path = path.expanduser().resolve()
    ensure_private_dir(path)
    return path


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and make it 0700; parents created on the way are 0700 too."""
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)  # mkdir's mode is masked by the umask
    os.chmod(path, 0o700)
    return path


def models_dir(data_dir: Path) -> Path:
    return ensure_private_dir(data_dir / "models")


def logs_dir(data_dir: Path) -> Path:
    return ensure_private_dir(data_dir / "logs")


def db_path(data_dir: Path) -> Path:
    return data_dir / "deskmate.sqlite3"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are private (0600), also the ones made at each rotation."""

    def _open(self) -> io.TextIOWrapper[Any]:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)  # a log file made earlier with a looser mode
        return open(fd, "a", encoding=self.encoding, errors=self.errors)
