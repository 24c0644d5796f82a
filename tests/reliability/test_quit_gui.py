"""Quitting the desktop app with SIGTERM / SIGINT (logout, ``kill``, Ctrl+C in a terminal).

The signal must end the Qt event loop even while it idles (a wake-up socket, see
``ui.app._quit_on_signals``): ``deskmate gui`` exits cleanly on its own, during model load and
once the model is warm, leaves no helper process behind, and the database stays intact. How long
the exit takes is reported, not bounded here: it depends on the machine and its load.
"""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import psutil
import pytest

from assistant.settings import Settings
from assistant.store import Store
from tests.reliability.quitting import HANG_S, cli, maps_contain, quit_at, wait_for

REPEATS = 3


def _gui(data_dir: Path, model: Path) -> list[str]:
    with Store(data_dir) as store:
        Settings(store).set("model", str(model))
    return cli(data_dir, "gui")


def _children(pid: int) -> list[psutil.Process]:
    try:
        return list(psutil.Process(pid).children(recursive=True))
    except psutil.NoSuchProcess:
        return []


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return list(process.cmdline())
    except psutil.Error:
        return []


def _log_count(data_dir: Path, text: str) -> int:
    return sum(p.read_text(errors="replace").count(text) for p in data_dir.rglob("*.log"))


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("phase", ["model load", "model warm"])
def test_gui_quits_on_a_signal(data_dir: Path, fast_model_path: Path, phase: str) -> None:
    for attempt in range(REPEATS):
        ready_before = _log_count(data_dir, "model-ready")
        quits_before = _log_count(data_dir, "quit on a signal")

        children: list[psutil.Process] = []
        commands: list[str] = []

        def reached(
            proc: subprocess.Popen[bytes],
            before: int = ready_before,
            children: list[psutil.Process] = children,
            commands: list[str] = commands,
        ) -> bool:
            if phase == "model load":
                ok = wait_for(lambda: maps_contain(proc.pid, "libllama"), proc)
            else:
                ok = wait_for(lambda: _log_count(data_dir, "model-ready") > before, proc)
            children.extend(_children(proc.pid))
            commands.extend(" ".join(_cmdline(c)) for c in children)
            return ok

        sig = (signal.SIGTERM, signal.SIGINT)[attempt % 2]
        result = quit_at(_gui(data_dir, fast_model_path), sig, reached)
        assert result.phase_reached, f"{phase}: never reached\n{result.stderr}"
        assert result.returncode == 0, f"{phase}: exit {result.returncode}\n{result.stderr}"
        assert "Traceback" not in result.stderr and "Fatal" not in result.stderr
        assert not result.killed, f"{phase}: still running {HANG_S:.0f} s after the signal"
        assert _log_count(data_dir, "quit on a signal") == quits_before + 1
        if phase == "model warm":  # the language detector's helper process was there
            assert any("multiprocessing" in c for c in commands), commands
        _, alive = psutil.wait_procs(children, timeout=HANG_S)
        assert alive == [], f"{phase}: helper processes left behind: {alive}"
    with Store(data_dir) as store:
        assert store.integrity_check() == "ok"
