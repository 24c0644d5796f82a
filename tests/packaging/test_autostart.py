"""Start on login: the XDG autostart file for real (temp XDG_CONFIG_HOME), the macOS LaunchAgent
and the Windows Run value by their generated content."""

from __future__ import annotations

import configparser
import plistlib
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import autostart
from assistant.errors import EnvironmentProblem


def _read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


@pytest.fixture
def xdg_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.delenv("FLATPAK_ID", raising=False)
    monkeypatch.delenv("APPIMAGE", raising=False)
    return config


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG branch runs on Linux")
def test_linux_enable_writes_a_valid_autostart_entry_and_disable_removes_it(
    xdg_config: Path, data_dir: Path
) -> None:
    where = autostart.set_autostart(True, data_dir)
    path = xdg_config / "autostart" / "io.github.deskmate.Deskmate.desktop"
    assert where == str(path)
    assert autostart.is_enabled()
    entry = _read_entry(path)
    assert entry["Type"] == "Application" and entry["Name"] == "Deskmate"
    argv = shlex.split(entry["Exec"])
    assert argv[-1] == "gui"
    assert argv[argv.index("--data-dir") + 1] == str(data_dir)  # not the default dir: passed on
    assert Path(argv[0]).name in {"deskmate", "python", Path(sys.executable).name}
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(
            ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
    autostart.set_autostart(False, data_dir)
    assert not path.exists()
    assert not autostart.is_enabled()
    autostart.set_autostart(False, data_dir)  # disabling twice is fine


def test_relative_xdg_config_home_is_ignored(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": "relative/dir"}
    path = autostart.autostart_path("linux", env, home=tmp_path)
    assert path == tmp_path / ".config" / "autostart" / "io.github.deskmate.Deskmate.desktop"


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG branch runs on Linux")
def test_unwritable_config_is_a_typed_error(xdg_config: Path) -> None:
    xdg_config.mkdir(parents=True)
    (xdg_config / "autostart").write_text("a file where the folder should be")
    with pytest.raises(EnvironmentProblem, match="start on login"):
        autostart.set_autostart(True)


@pytest.mark.skipif(sys.platform != "linux", reason="writes the XDG autostart file")
def test_default_data_dir_is_not_passed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("FLATPAK_ID", raising=False)
    monkeypatch.delenv("APPIMAGE", raising=False)
    autostart.set_autostart(True, autostart.default_data_dir())
    entry = _read_entry(tmp_path / "autostart" / "io.github.deskmate.Deskmate.desktop")
    assert "--data-dir" not in entry["Exec"]


def test_commands_for_each_build() -> None:
    assert autostart.launch_command(env={"FLATPAK_ID": "io.github.deskmate.Deskmate"}) == [
        "flatpak",
        "run",
        "io.github.deskmate.Deskmate",
        "gui",
    ]
    assert autostart.launch_command(env={"APPIMAGE": "/home/u/Deskmate.AppImage"}) == [
        "/home/u/Deskmate.AppImage",
        "gui",
    ]
    frozen = autostart.launch_command(Path("/d"), env={}, frozen=True, executable="/opt/dm/dm")
    assert frozen == ["/opt/dm/dm", "--data-dir", "/d", "gui"]
    pip = autostart.launch_command(env={}, frozen=False)
    assert pip[-1] == "gui" and Path(pip[0]).is_file()


def test_flatpak_writes_to_the_host_autostart_folder(tmp_path: Path) -> None:
    env = {"FLATPAK_ID": "io.github.deskmate.Deskmate", "XDG_CONFIG_HOME": "/var/app/config"}
    path = autostart.autostart_path("linux", env, home=tmp_path)
    assert path.parent == tmp_path / ".config" / "autostart"


def test_exec_quoting_follows_the_desktop_entry_spec() -> None:
    text = autostart.desktop_entry(["/opt/My Apps/deskmate", "--data-dir", '/d/100% "x"$', "gui"])
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line == 'Exec="/opt/My Apps/deskmate" --data-dir "/d/100%% \\"x\\"\\$" gui'


def test_macos_launch_agent_content(tmp_path: Path) -> None:
    path = autostart.autostart_path("darwin", {}, home=tmp_path)
    assert path == tmp_path / "Library/LaunchAgents/io.github.deskmate.Deskmate.plist"
    command = ["/Applications/Deskmate.app/Contents/MacOS/deskmate", "gui"]
    plist = plistlib.loads(autostart.launch_agent_plist(command))
    assert plist["Label"] == "io.github.deskmate.Deskmate"
    assert plist["ProgramArguments"] == command
    assert plist["RunAtLoad"] is True


def test_windows_run_value_quotes_paths_with_spaces() -> None:
    value = autostart.windows_run_value([r"C:\Program Files\Deskmate\deskmate.exe", "gui"])
    assert value == r'"C:\Program Files\Deskmate\deskmate.exe" gui'
    with pytest.raises(ValueError):
        autostart.autostart_path("win32", {})
