"""Where Deskmate keeps its data: one folder, private to the user (0700, files 0600).

A leaf: which folder is the data folder is decided by ``assistant.data_location``
(``resolve_data_dir``), and a pending move is applied by the start-up step in
``assistant.data_move`` (``data_dir_at_start``).
"""

from __future__ import annotations

import io
import logging.handlers
import os
from pathlib import Path
from typing import Any

ENV_DATA_DIR = "DESKMATE_DATA_DIR"
APP_NAME = "deskmate"


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
