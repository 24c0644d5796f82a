"""The single-instance socket: how a second ``deskmate`` reaches the running app.

``ui.app`` listens with ``QLocalServer`` under :func:`server_name` (one instance per user and
data dir), which on Unix is a socket file in ``QDir::tempPath()`` ($TMPDIR or /tmp), so a plain
``AF_UNIX`` connection from the standard library reaches it. A message is one line ("quick",
"show"). The CLI's fast path (``assistant.cli.quick``) and ``ui.app`` both use this module.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

CONNECT_TIMEOUT_S = 0.5


def server_name(data_dir: Path) -> str:
    """The single-instance server's name: one instance per user and data dir."""
    digest = hashlib.sha256(str(data_dir).encode()).hexdigest()[:12]
    return f"deskmate-{os.getuid() if hasattr(os, 'getuid') else 0}-{digest}"


def socket_path(name: str) -> str:
    """Where ``QLocalServer.listen(name)`` puts its socket on Unix."""
    return name if name.startswith("/") else os.path.join(os.environ.get("TMPDIR") or "/tmp", name)


def send_line(name: str, message: str) -> bool:
    """Send ``message`` to the app listening as ``name`` over a plain Unix socket; ``False`` if
    Unix sockets are missing (Windows: the caller falls back to ``QLocalSocket``) or nobody
    listens (no app running, or a stale socket file left by a crash)."""
    import socket

    family = getattr(socket, "AF_UNIX", None)
    if family is None:
        return False
    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.settimeout(CONNECT_TIMEOUT_S)
            sock.connect(socket_path(name))
            sock.sendall(message.encode() + b"\n")
    except OSError:
        return False
    return True
