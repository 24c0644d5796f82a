"""``deskmate quick`` / ``deskmate gui`` take a fast path before the full parser (start-up time):
a plain socket, no Qt, no core, no command modules; everything else goes the usual way."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.cli import gui_cmd
from assistant.cli.main import main
from assistant.cli.quick import FastCommand, fast_command, quick_over_socket
from assistant.data_location import resolve_data_dir
from assistant.errors import UserError
from assistant.single_instance import server_name, socket_path

# What `deskmate quick` must not import on its way to the running app.
HEAVY = (
    "PySide6", "ui", "assistant.core", "assistant.store", "assistant.cli.context",
    "assistant.cli.summarize_cmd", "sqlite_utils", "numpy", "rich", "llama_cpp", "torch",
)  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["quick"], FastCommand("quick", None, False)),
        (["--data-dir", "/d", "quick"], FastCommand("quick", "/d", False)),
        (["--data-dir=/d", "--json", "gui"], FastCommand("gui", "/d", True)),
        (["quick", "--json"], FastCommand("quick", None, True)),
        (["--data-dir", "gui", "quick"], FastCommand("quick", "gui", False)),
        (["quick", "--help"], None),
        (["--version"], None),
        (["-h"], None),
        (["summarize", "x.pdf"], None),
        ([], None),
        (["--data-dir"], None),
        (["--data-dir", "quick"], None),  # the full parser reports the missing command
        (["--data", "/d", "quick"], None),  # abbreviations are the full parser's business
    ],
)
def test_fast_command(argv: list[str], expected: FastCommand | None) -> None:
    assert fast_command(argv) == expected


@pytest.fixture
def listener(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[list[bytes], threading.Event]]:
    """A plain Unix socket where the app's QLocalServer would listen; collects what it reads."""
    short = tmp_path / "t"  # $TMPDIR: where QLocalServer puts its socket
    short.mkdir()
    monkeypatch.setenv("TMPDIR", str(short))
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(socket_path(server_name(resolve_data_dir(data_dir))))
    server.listen(4)
    server.settimeout(30)  # the thread ends even if nobody connects
    received: list[bytes] = []
    got = threading.Event()

    def serve() -> None:
        try:
            conn, _ = server.accept()
        except OSError:
            return
        with conn:
            received.append(conn.makefile("rb").readline())
        got.set()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield received, got
    server.close()


def test_quick_reaches_a_running_app_without_heavy_imports(
    data_dir: Path, listener: tuple[list[bytes], threading.Event]
) -> None:
    received, got = listener
    script = (
        "import json, sys\n"
        "from assistant.cli.main import main\n"
        f"code = main(['--data-dir', {str(data_dir)!r}, 'quick'])\n"
        f"heavy = sorted(m for m in {HEAVY!r} if m in sys.modules)\n"
        "print(json.dumps({'code': code, 'heavy': heavy}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"code": 0, "heavy": []}
    assert got.wait(10)
    assert received == [b"quick\n"]


def test_no_app_running_takes_the_usual_path(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nobody listens: the fast path gives up and `run_quick` (which starts the app) runs."""
    assert not quick_over_socket(str(data_dir))
    calls: list[Path] = []

    def run_quick(args: object, ctx: Any) -> int:
        calls.append(ctx.data_dir)
        return 5

    monkeypatch.setattr(gui_cmd, "run_quick", run_quick)
    assert main(["--data-dir", str(data_dir), "quick"]) == 5
    assert calls == [data_dir.resolve()]


def test_unusable_data_dir_is_reported_by_the_usual_path(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def unavailable(explicit: object = None) -> Path:
        raise UserError("the data folder is not available")

    monkeypatch.setattr("assistant.data_location.resolve_data_dir", unavailable)
    assert main(["--data-dir", str(data_dir), "quick"]) == UserError.exit_code
    assert capsys.readouterr().err == "deskmate: error: the data folder is not available\n"


def test_gui_fast_path_opens_the_app_and_reports_errors(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opened: list[Path] = []

    def open_gui(path: Path) -> int:
        opened.append(path)
        return 0

    monkeypatch.setattr(gui_cmd, "open_gui", open_gui)
    assert main(["--data-dir", str(data_dir), "gui"]) == 0
    assert opened == [data_dir.resolve()]

    def refuse(path: Path) -> int:
        raise UserError("no display")

    monkeypatch.setattr(gui_cmd, "open_gui", refuse)
    assert main(["--json", "--data-dir", str(data_dir), "gui"]) == UserError.exit_code
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["message"] == "no display"
