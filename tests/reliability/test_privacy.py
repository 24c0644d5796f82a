"""Privacy: no network connection in default mode, API keys only in the keyring, private files."""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.task_events import Done
from tests.assistant.llm.helpers import MemoryKeyring

SECRET = "sk-deskmate-test-9f3c2a7e41d0b6"


def _walk(root: Path) -> Iterator[Path]:
    yield root
    yield from root.rglob("*")


def _file_bytes(root: Path) -> Iterator[tuple[Path, bytes]]:
    for path in root.rglob("*"):
        if path.is_file():
            yield path, path.read_bytes()


def _modes(root: Path) -> dict[str, str]:
    """Every entry whose mode is not private: dirs 0700, files 0600."""
    wrong = {}
    for path in _walk(root):
        mode = stat.S_IMODE(path.stat().st_mode)
        want = 0o700 if path.is_dir() else 0o600
        if mode != want:
            wrong[str(path.relative_to(root))] = oct(mode)
    return wrong


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every socket connect attempted (loopback or not, any address family)."""
    seen: list[Any] = []
    guarded_connect = socket.socket.connect
    guarded_connect_ex = socket.socket.connect_ex

    def connect(self: socket.socket, address: Any) -> None:
        seen.append(address)
        guarded_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        seen.append(address)
        return guarded_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    return seen


@pytest.mark.model
@pytest.mark.slow
def test_default_mode_makes_no_connection_at_all(
    core: Any, connections: list[Any], tmp_path: Path
) -> None:
    core.settings.set("n_threads", 1)
    assert core.settings.get_str("remote_url") == ""  # the default: local model only
    text = tmp_path / "memo.txt"
    text.write_text(
        "The library will close for renovation from June to August. Books can be returned at "
        "the town hall. The reading room reopens in September with longer hours.",
        encoding="utf-8",
    )
    summary = [e for e in core.summarize(text, max_tokens=32) if isinstance(e, Done)]
    translation = [
        e
        for e in core.translate("Good morning, the train is late.", "zh", max_tokens=32)
        if isinstance(e, Done)
    ]
    hits = core.search("renovation")
    assert summary[0].text and translation[0].text and hits
    assert connections == []


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    import keyring

    monkeypatch.delenv("DESKMATE_REMOTE_API_KEY", raising=False)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_api_key_lives_only_in_the_keyring(
    data_dir: Path, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    import logging

    from assistant.cli.main import main
    from assistant.core import Core
    from assistant.export import export_all

    log_file = data_dir / "test.log"
    handler = logging.FileHandler(log_file)
    logging.getLogger().addHandler(handler)
    previous_level = logging.getLogger().level
    logging.getLogger().setLevel(logging.DEBUG)
    try:
        core = Core(data_dir)
        core.settings.set("remote_url", "http://127.0.0.1:9/v1")
        core.settings.set("remote_api_key", SECRET)
        assert core.settings.get_str("remote_api_key") == SECRET
        core.engine()  # the remote engine gets the key from the keyring
        core.close()
        assert main(["--data-dir", str(data_dir), "settings", "list"]) == 0
        export_all(data_dir, data_dir / "export")
    finally:
        logging.getLogger().removeHandler(handler)
        logging.getLogger().setLevel(previous_level)
        handler.close()
    assert memory_keyring.store == {("deskmate", "remote_api_key"): SECRET}
    assert SECRET not in capsys.readouterr().out
    leaks = [str(p) for p, data in _file_bytes(data_dir) if SECRET.encode() in data]
    assert leaks == []
    assert any(p.suffix == ".sqlite3" for p in data_dir.iterdir())  # the store was written


@pytest.mark.model
def test_data_folder_is_0700_and_its_files_0600(core: Any, fast_model_path: Path) -> None:
    import logging
    import sqlite3

    from assistant.export import export_all
    from assistant.paths import PrivateRotatingFileHandler, logs_dir
    from assistant.store.migrations import backup

    old_umask = os.umask(0o022)  # a permissive umask on purpose; restored below
    try:
        core.settings.set("n_threads", 1)
        done = [e for e in core.ask("Say hello.", max_tokens=8) if isinstance(e, Done)]
        assert done and done[0].run_id
        data_dir: Path = core.data_dir
        assert (data_dir / "deskmate.sqlite3-wal").exists()
        export_all(data_dir, data_dir / "exports" / "first")
        conn = sqlite3.connect(str(data_dir / "deskmate.sqlite3"))
        try:
            backup(conn, data_dir, 3)
        finally:
            conn.close()
        log = logging.getLogger("deskmate.test.private")
        handler = PrivateRotatingFileHandler(
            logs_dir(data_dir) / "deskmate.log", maxBytes=200, backupCount=2
        )
        log.addHandler(handler)
        try:
            for i in range(20):  # several rotations
                log.warning("line %d of the log, long enough to rotate the file soon", i)
        finally:
            log.removeHandler(handler)
            handler.close()
        assert len(list((data_dir / "logs").iterdir())) == 3
        assert _modes(data_dir) == {}
    finally:
        os.umask(old_umask)
    # Assembled models (the session's copy of the bundled one) are private too.
    for path in (fast_model_path, fast_model_path.with_name(fast_model_path.name + ".verified")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
