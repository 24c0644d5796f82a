"""Where Deskmate keeps its data: one folder, private to the user (0700, files 0600).

Resolution order: an explicit path (``--data-dir``), then ``$DESKMATE_DATA_DIR``, then the
platform's user data dir (platformdirs).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "DESKMATE_DATA_DIR"
APP_NAME = "deskmate"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Return the data dir, created with mode 0700."""
    if explicit:
        path = Path(explicit)
    elif os.environ.get(ENV_DATA_DIR):
        path = Path(os.environ[ENV_DATA_DIR])
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path = path.expanduser().resolve()
    ensure_private_dir(path)
    return path


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) and make it 0700."""
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


def models_dir(data_dir: Path) -> Path:
    return ensure_private_dir(data_dir / "models")


def logs_dir(data_dir: Path) -> Path:
    return ensure_private_dir(data_dir / "logs")


def db_path(data_dir: Path) -> Path:
    return data_dir / "deskmate.sqlite3"
