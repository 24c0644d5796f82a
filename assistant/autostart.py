"""Start Deskmate when the user logs in (the ``start_on_login`` setting), on each OS.

* Linux: an XDG autostart entry ``$XDG_CONFIG_HOME/autostart/<APP_ID>.desktop`` (default
  ``~/.config``). In a Flatpak the entry goes to the host's ``~/.config/autostart`` (the manifest
  grants ``xdg-config/autostart:create``) and runs ``flatpak run <id>``; in an AppImage it runs
  ``$APPIMAGE``.
* macOS: a LaunchAgent ``~/Library/LaunchAgents/<APP_ID>.plist`` with ``RunAtLoad``.
* Windows: the value ``Deskmate`` under ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``
  (the Inno Setup installer's "start on login" task writes the same value).

The file contents are built by pure functions (``desktop_entry``, ``launch_agent_plist``,
``windows_run_value``) so every branch is testable on any OS. No Qt here.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from assistant.errors import EnvironmentProblem
from assistant.paths import APP_NAME as APP_DIR_NAME

APP_ID = "io.github.deskmate.Deskmate"
APP_NAME = "Deskmate"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def launch_command(
    data_dir: Path | None = None,
    *,
    env: Mapping[str, str] | None = None,
    frozen: bool | None = None,
    executable: str | None = None,
) -> list[str]:
    """The command that opens the app: the bundle, the AppImage, Flatpak or the pip install."""
    env = os.environ if env is None else env
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    executable = executable or sys.executable
    if env.get("FLATPAK_ID"):
        command = ["flatpak", "run", env["FLATPAK_ID"]]
    elif env.get("APPIMAGE"):
        command = [env["APPIMAGE"]]
    elif frozen:
        command = [executable]
    else:
        script = Path(executable).with_name("deskmate.exe" if os.name == "nt" else "deskmate")
        command = [str(script)] if script.is_file() else [executable, "-m", "assistant.cli.main"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return [*command, "gui"]


# --- file contents (pure) --------------------------------------------------------------------
def _exec_arg(arg: str) -> str:
    """Quote one argument for a desktop entry's ``Exec`` key (Desktop Entry spec)."""
    arg = arg.replace("%", "%%")
    if not arg or any(ch in _EXEC_RESERVED for ch in arg):
        escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
        return f'"{escaped}"'
    return arg


def desktop_entry(command: list[str]) -> str:
    """The XDG autostart ``.desktop`` file that runs ``command``."""
    exec_line = " ".join(_exec_arg(arg) for arg in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Local-first desktop AI assistant\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "Categories=Utility;TextTools;\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def launch_agent_plist(command: list[str]) -> bytes:
    """The macOS LaunchAgent that runs ``command`` at login."""
    return plistlib.dumps(
        {
            "Label": APP_ID,
            "ProgramArguments": command,
            "RunAtLoad": True,
            "ProcessType": "Interactive",
            "LimitLoadToSessionType": "Aqua",
        }
    )


def windows_run_value(command: list[str]) -> str:
    """The command line stored in the Windows ``Run`` key."""
    return subprocess.list2cmdline(command)


# --- where -----------------------------------------------------------------------------------
def autostart_path(
    platform: str | None = None, env: Mapping[str, str] | None = None, home: Path | None = None
) -> Path:
    """The file that makes Deskmate start at login (Linux and macOS)."""
    platform = platform or sys.platform
    env = os.environ if env is None else env
    home = home or Path.home()
    if platform == "darwin":
        return home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    if platform == "win32":
        raise ValueError("Windows uses the registry Run key, not a file")
    config = env.get("XDG_CONFIG_HOME", "")
    if env.get("FLATPAK_ID") or not os.path.isabs(config):  # the spec ignores relative paths
        config = str(home / ".config")
    return Path(config) / "autostart" / f"{APP_ID}.desktop"


def default_data_dir() -> Path:
    """The data dir used without ``--data-dir`` / ``$DESKMATE_DATA_DIR`` (not created here)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)).expanduser().resolve()


# --- applying --------------------------------------------------------------------------------
def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _set_windows(enabled: bool, command: list[str]) -> str:  # pragma: no cover - Windows only
    if sys.platform == "win32":
        import winreg

        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
            if enabled:
                winreg.SetValueEx(key, APP_NAME, 0, winreg.REG_SZ, windows_run_value(command))
            else:
                with contextlib.suppress(FileNotFoundError):
                    winreg.DeleteValue(key, APP_NAME)
    return f"HKCU\\{RUN_KEY}\\{APP_NAME}"


def set_autostart(enabled: bool, data_dir: Path | None = None) -> str:
    """Turn start-on-login on or off; returns where it is recorded (a path or a registry value).

    ``data_dir`` is passed on to the app (``--data-dir``) unless it is the default one.
    """
    command = launch_command(None if data_dir == default_data_dir() else data_dir)
    try:
        if sys.platform == "win32":  # pragma: no cover - Windows only
            return _set_windows(enabled, command)
        path = autostart_path()
        if not enabled:
            path.unlink(missing_ok=True)
        elif sys.platform == "darwin":  # pragma: no cover - macOS only
            _write_atomic(path, launch_agent_plist(command))
        else:
            _write_atomic(path, desktop_entry(command).encode("utf-8"))
        return str(path)
    except OSError as exc:
        raise EnvironmentProblem(
            f"could not {'enable' if enabled else 'disable'} start on login: {exc}",
            hint="check that your configuration folder is writable",
        ) from exc


def is_enabled() -> bool:
    """Whether the login item exists (file, or the registry value on Windows)."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                winreg.QueryValueEx(key, APP_NAME)
        except OSError:
            return False
        return True
    return autostart_path().is_file()
