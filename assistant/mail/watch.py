"""Watch-folder state for ``deskmate reply --watch DIR``: find new mails, never draft one twice.

Each mail has an idempotency key: its Message-ID (``mid:<id>``), else the sha256 of its bytes
(``sha256:<hex>``). :class:`SeenKeys` keeps the keys of handled mails in a small file so a
restart does not draft the same mail again. Works with a plain folder of ``.eml`` files and with
a Maildir (its ``new/`` folder, or the Maildir root), whose files have no extension.
"""

from __future__ import annotations

import hashlib
import os
import re
from email.parser import BytesHeaderParser
from email.policy import compat32
from pathlib import Path

from assistant.errors import DocumentError, StoreError

_SKIP_SUFFIXES = frozenset({".tmp", ".part", ".partial", ".crdownload", ".lock", ".swp"})
_HEADER_BYTES = 256 * 1024


def mail_key(data: bytes) -> str:
    """Idempotency key of a raw mail: ``mid:<Message-ID>``, else ``sha256:<hex of bytes>``."""
    head = data[:_HEADER_BYTES]
    end = re.search(rb"\r?\n\r?\n", head)
    try:
        headers = BytesHeaderParser(policy=compat32).parsebytes(head[: end.end()] if end else head)
        raw = headers.get("message-id")
    except Exception:  # unparseable headers: fall back to the content hash
        raw = None
    if raw is not None:
        found = re.search(r"<([^<>\s]+)>", str(raw)) or re.search(r"(\S+@\S+)", str(raw))
        if found:
            return f"mid:<{found.group(1)}>"
    return "sha256:" + hashlib.sha256(data).hexdigest()


def key_for_path(path: Path) -> str:
    try:
        return mail_key(path.read_bytes())
    except OSError as exc:
        raise DocumentError(f"cannot read {path}: {exc.strerror or exc}") from exc


def mail_dir(directory: Path) -> Path:
    """The folder to scan: ``new/`` for a Maildir root, else ``directory`` itself."""
    if (directory / "new").is_dir() and (directory / "cur").is_dir():
        return directory / "new"
    return directory


def is_mail_file(path: Path) -> bool:
    name = path.name
    if name.startswith(".") or path.suffix.lower() in _SKIP_SUFFIXES:
        return False
    if path.parent.name in ("new", "cur"):
        return True  # Maildir: "1700000000.M1P2.host:2,S" and friends
    return path.suffix.lower() == ".eml" or path.suffix == ""


def scan_new(directory: Path, seen: set[str]) -> list[Path]:
    """Mail files in ``directory`` whose key is not in ``seen``, oldest first, one per key."""
    folder = mail_dir(directory)
    if not folder.is_dir():
        raise DocumentError(f"not a folder: {directory}")
    entries: list[tuple[float, str, Path]] = []
    with os.scandir(folder) as it:
        for entry in it:
            path = Path(entry.path)
            try:
                if not entry.is_file() or not is_mail_file(path):
                    continue
                stat = entry.stat()
            except OSError:
                continue  # vanished between listing and stat (a Maildir move)
            if stat.st_size == 0:
                continue  # still being written
            entries.append((stat.st_mtime, entry.name, path))
    out: list[Path] = []
    keys: set[str] = set()
    for _mtime, _name, path in sorted(entries):
        try:
            key = key_for_path(path)
        except DocumentError:
            continue
        if key in seen or key in keys:
            continue
        keys.add(key)
        out.append(path)
    return out


class SeenKeys:
    """Keys of mails already handled, persisted one per line (append-only, fsynced)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.keys: set[str] = set()
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            text = ""
        except OSError as exc:
            raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from exc
        self.keys = {line.strip() for line in text.splitlines() if line.strip()}

    def __contains__(self, key: object) -> bool:
        return key in self.keys

    def add(self, key: str) -> None:
        if key in self.keys:
            return
        if "\n" in key or "\r" in key:
            raise ValueError("a key is one line")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(key + "\n")
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise StoreError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        self.keys.add(key)
