"""Watch-folder state: new mails found once, keys survive restarts, Maildir new/ works."""

from __future__ import annotations

import hashlib
import os
from email.message import EmailMessage
from pathlib import Path

import pytest

from assistant.errors import DocumentError
from assistant.mail.watch import SeenKeys, key_for_path, mail_key, scan_new


def _mail(msgid: str | None, body: str = "hello") -> bytes:
    msg = EmailMessage()
    msg["From"] = "bob@example.com"
    msg["Subject"] = "hi"
    if msgid:
        msg["Message-ID"] = msgid
    msg.set_content(body)
    return msg.as_bytes()


def _write(path: Path, data: bytes, mtime: int) -> Path:
    path.write_bytes(data)
    os.utime(path, (mtime, mtime))
    return path


def test_mail_key() -> None:
    assert mail_key(_mail("<a1@example.com>")) == "mid:<a1@example.com>"
    assert mail_key(_mail("  <a1@example.com> (comment)")) == "mid:<a1@example.com>"
    data = _mail(None, "no id")
    assert mail_key(data) == "sha256:" + hashlib.sha256(data).hexdigest()
    assert mail_key(b"\x00\x01 garbage").startswith("sha256:")


def test_scan_folder_dedups_and_orders(tmp_path: Path) -> None:
    first = _write(tmp_path / "b.eml", _mail("<m1@x>"), 1000)
    second = _write(tmp_path / "a.eml", _mail(None, "other"), 2000)
    _write(tmp_path / "copy.eml", _mail("<m1@x>"), 3000)  # same Message-ID: same mail
    _write(tmp_path / ".hidden.eml", _mail("<m9@x>"), 1000)
    _write(tmp_path / "notes.txt", b"not a mail", 1000)
    _write(tmp_path / "partial.eml.part", _mail("<m8@x>"), 1000)
    (tmp_path / "empty.eml").write_bytes(b"")
    assert scan_new(tmp_path, set()) == [first, second]
    assert scan_new(tmp_path, {key_for_path(first)}) == [second]
    assert scan_new(tmp_path, {key_for_path(first), key_for_path(second)}) == []


def test_maildir_new_without_extension(tmp_path: Path) -> None:
    for sub in ("new", "cur", "tmp"):
        (tmp_path / sub).mkdir()
    one = _write(tmp_path / "new" / "1700000000.M1P2.host", _mail("<md1@x>"), 1000)
    two = _write(tmp_path / "new" / "1700000001.M3P4.host:2,", _mail("<md2@x>"), 2000)
    _write(tmp_path / "tmp" / "1700000002.M5P6.host", _mail("<md3@x>"), 1000)
    assert scan_new(tmp_path, set()) == [one, two]  # the Maildir root: scans new/
    assert scan_new(tmp_path / "new", set()) == [one, two]


def test_seen_keys_survive_restart(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _write(inbox / "1.eml", _mail("<r1@x>"), 1000)
    state = tmp_path / "state" / "seen.txt"
    seen = SeenKeys(state)
    for path in scan_new(inbox, seen.keys):
        seen.add(key_for_path(path))  # "drafted"
    seen.add(key_for_path(inbox / "1.eml"))  # idempotent
    _write(inbox / "2.eml", _mail("<r2@x>"), 2000)
    restarted = SeenKeys(state)  # a new process
    assert "mid:<r1@x>" in restarted
    assert scan_new(inbox, restarted.keys) == [inbox / "2.eml"]
    assert state.read_text().splitlines() == ["mid:<r1@x>"]
    with pytest.raises(ValueError):
        restarted.add("two\nlines")


def test_scan_errors(tmp_path: Path) -> None:
    with pytest.raises(DocumentError):
        scan_new(tmp_path / "missing", set())
