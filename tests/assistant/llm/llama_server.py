"""A real ``python -m llama_cpp.server`` on 127.0.0.1 running the bundled 0.5B model.

One per test session (fixture ``server`` in conftest.py): it requires an API key, so every test
also proves the key reaches the server. It serves requests one after another; started with
``--interrupt_requests False`` it queues a concurrent request instead of cutting the running
answer short, as a server that Deskmate sends several sections at once must.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

API_KEY = "deskmate-test-key-5f2c"
ALIAS = "qwen-fast"
N_CTX = 2048
STARTUP_DEADLINE_S = 90.0


@dataclass
class Server:
    url: str
    log: Path
    proc: subprocess.Popen[bytes]

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for_log(self, needle: str, count: int, deadline_s: float) -> bool:
        """Wait until ``needle`` occurs ``count`` times in the server log."""
        end = time.monotonic() + deadline_s
        pause = threading.Event()
        while time.monotonic() < end:
            if self.log_text().count(needle) >= count:
                return True
            pause.wait(0.02)
        return False


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_server(fast_model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Start the server, wait until it answers, stop it at the end."""
    port = free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    cmd = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(fast_model_path),
        "--model_alias",
        ALIAS,
        "--n_ctx",
        str(N_CTX),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--api_key",
        API_KEY,
        "--verbose",
        "False",
        "--interrupt_requests",
        "False",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        headers = {"Authorization": f"Bearer {API_KEY}"}
        deadline = time.monotonic() + STARTUP_DEADLINE_S
        with httpx.Client(trust_env=False, timeout=2.0) as client:
            while True:
                try:
                    if client.get(f"{url}/models", headers=headers).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"llama_cpp.server did not answer in time:\n{log.read_text()}")
                try:  # wait a little, but notice at once if the server died
                    code = proc.wait(timeout=0.2)
                except subprocess.TimeoutExpired:
                    continue
                pytest.fail(f"llama_cpp.server exited with {code}:\n{log.read_text()}")
        yield Server(url, log, proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)
