"""Helpers to quit a real ``deskmate`` process at a chosen phase and time how it ends."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# How long a process may take to end after the signal before it counts as hung and is killed.
# A hang guard, not a speed target: exit times are reported (and are a `deskmate bench` matter),
# never compared with a budget here, since they vary with the machine and its load.
HANG_S = 30.0
PHASE_TIMEOUT_S = 120.0


@dataclass
class Quit:
    """How one quit ended."""

    phase_reached: bool
    exit_seconds: float
    killed: bool  # it did not end within HANG_S of the signal
    returncode: int
    stdout: bytes
    stderr: str


def cli(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "assistant.cli.main", "--data-dir", str(data_dir), *args]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}


def maps_contain(pid: int, needle: str) -> bool:
    """True once the process has mapped a file whose path contains ``needle``."""
    try:
        return needle in Path(f"/proc/{pid}/maps").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return False


def wait_for(condition: Callable[[], bool], proc: subprocess.Popen[bytes]) -> bool:
    """Poll ``condition`` until it holds; False if the process ended or the bound passed."""
    tick = threading.Event()
    deadline = time.monotonic() + PHASE_TIMEOUT_S
    while time.monotonic() < deadline and proc.poll() is None:
        if condition():
            return True
        tick.wait(0.005)
    return False


def read_some(proc: subprocess.Popen[bytes], n_reads: int) -> bytes:
    """Read stdout until ``n_reads`` chunks arrived (tokens streamed), or the process ended."""
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    got = b""
    deadline = time.monotonic() + PHASE_TIMEOUT_S
    reads = 0
    while reads < n_reads and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1.0)
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            got += chunk
            reads += 1
    return got


def _as_from_a_terminal() -> None:
    """Ctrl+C as a terminal delivers it: pytest-xdist workers ignore SIGINT, and an ignored
    signal stays ignored across exec (so Python would install no KeyboardInterrupt handler)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def quit_at(
    command: list[str],
    sig: signal.Signals,
    reached: Callable[[subprocess.Popen[bytes]], bool],
) -> Quit:
    """Start ``command``, wait until ``reached(proc)``, send ``sig``, time the exit."""
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env(), cwd=ROOT,
        preexec_fn=_as_from_a_terminal,
    )  # fmt: skip
    try:
        phase = reached(proc)
        sent = time.monotonic()
        if proc.poll() is None:
            proc.send_signal(sig)
        killed = False
        try:
            out, err = proc.communicate(timeout=HANG_S)
        except subprocess.TimeoutExpired:
            killed = True
            proc.kill()
            out, err = proc.communicate()
        elapsed = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return Quit(phase, elapsed, killed, proc.returncode, out, err.decode("utf-8", "replace"))
