"""``deskmate settings``: the API key goes to the keyring and is never printed back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.errors import EnvironmentProblem
from tests.assistant.llm.helpers import MemoryKeyring, memory_keyring_installed
from tests.helpers import run_cli

KEY = "sk-test-0123456789"


@pytest.fixture
def ring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    monkeypatch.delenv("DESKMATE_REMOTE_API_KEY", raising=False)
    with memory_keyring_installed() as installed:
        yield installed


def _run(data_dir: Path, *argv: str) -> tuple[int, str]:
    return run_cli(data_dir, *argv)


def test_api_key_is_stored_in_the_keyring_and_never_shown(
    data_dir: Path, ring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    code, shown = _run(data_dir, "settings", "set", "remote_api_key", KEY)
    assert code == 0 and KEY not in shown and "keyring" in shown
    assert ring.store == {("deskmate", "remote_api_key"): KEY}

    assert _run(data_dir, "settings", "get", "remote_api_key")[0] == 0
    assert json.loads(capsys.readouterr().out) == "(set)"
    _, listing = _run(data_dir, "settings", "list")
    assert KEY not in listing and "(keyring)" in listing
    assert _run(data_dir, "--json", "settings", "list")[0] == 0
    assert KEY not in capsys.readouterr().out
    for path in data_dir.glob("deskmate.sqlite3*"):
        assert KEY.encode() not in path.read_bytes()

    assert _run(data_dir, "settings", "set", "remote_api_key", "")[0] == 0
    assert ring.store == {}
    _run(data_dir, "settings", "get", "remote_api_key")
    assert json.loads(capsys.readouterr().out) == "(not set)"


def test_no_keyring_is_a_clear_error_naming_the_environment_variable(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backends.fail import Keyring as FailKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        with pytest.raises(EnvironmentProblem) as info:
            _run(data_dir, "settings", "set", "remote_api_key", KEY)
        assert "DESKMATE_REMOTE_API_KEY" in info.value.hint
        monkeypatch.setenv("DESKMATE_REMOTE_API_KEY", KEY)  # the documented way out
        code, _ = _run(data_dir, "settings", "get", "remote_api_key")
        assert code == 0
    finally:
        keyring.set_keyring(previous)
