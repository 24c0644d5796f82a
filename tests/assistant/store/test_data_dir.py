"""Where the store lives: ``--data-dir`` > ``$DESKMATE_DATA_DIR`` > the platform's data dir."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from assistant.data_location import resolve_data_dir
from assistant.paths import ENV_DATA_DIR, db_path
from assistant.store import Store


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_explicit_path_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "from-env"))
    chosen = resolve_data_dir(tmp_path / "explicit" / "nested")
    assert chosen == (tmp_path / "explicit" / "nested").resolve()
    assert _mode(chosen) == 0o700
    assert not (tmp_path / "from-env").exists()


def test_environment_variable_then_platform_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "from-env"))
    assert resolve_data_dir() == (tmp_path / "from-env").resolve()
    assert _mode(tmp_path / "from-env") == 0o700

    monkeypatch.delenv(ENV_DATA_DIR)
    home = tmp_path / "home"
    monkeypatch.setenv("DESKMATE_CONFIG_DIR", str(home / "config"))  # no pointer: the default
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    expected = Path(platformdirs.user_data_dir("deskmate", appauthor=False)).resolve()
    assert expected.is_relative_to(home)
    assert resolve_data_dir() == expected
    assert _mode(expected) == 0o700


def test_an_existing_open_folder_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    resolve_data_dir(folder)
    assert _mode(folder) == 0o700


def test_cli_data_dir_flag_overrides_the_environment(tmp_path: Path) -> None:
    env_dir, flag_dir = tmp_path / "env", tmp_path / "flag"
    result = subprocess.run(
        [sys.executable, "-m", "assistant.cli.main", "--data-dir", str(flag_dir), "history"],
        capture_output=True,
        text=True,
        env={**_clean_env(), ENV_DATA_DIR: str(env_dir)},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert db_path(flag_dir).is_file() and not env_dir.exists()
    with Store(flag_dir) as store:  # the store there is a normal, current one
        assert store.list_runs() == []


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != ENV_DATA_DIR}
