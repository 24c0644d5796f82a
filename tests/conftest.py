"""Shared fixtures: temp data dir, the real bundled 0.5B model, and no network but loopback."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_loopback(address: Any) -> bool:
    if not isinstance(address, tuple):
        return True  # AF_UNIX paths and abstract sockets stay on this machine
    host = str(address[0])
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _guarded_connect(self: socket.socket, address: Any) -> None:
    if not _is_loopback(address):
        raise ConnectionRefusedError(f"tests may only connect to loopback, not {address!r}")
    _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> int:
    if not _is_loopback(address):
        raise ConnectionRefusedError(f"tests may only connect to loopback, not {address!r}")
    return _real_connect_ex(self, address)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--model-seed",
        type=int,
        default=None,
        help="sample every real-model generation at temperature >= 0.3 with this seed shift "
        "instead of greedily: llama.cpp's output differs between CPUs, so a model test that "
        "holds on any machine must hold for every seed (see docs/TESTING.md)",
    )
    parser.addoption(
        "--all-injection-mails",
        action="store_true",
        help="run the reply injection test on all 16 attack mails, not one per kind",
    )


@pytest.fixture(scope="session", autouse=True)
def _model_seed(request: pytest.FixtureRequest) -> Iterator[None]:
    shift = request.config.getoption("--model-seed")
    if shift is None:
        yield
        return
    import dataclasses

    from assistant.llm import llama_backend

    real_run_chat = llama_backend.run_chat

    def perturbed(m: Any, job: Any, messages: Any, params: Any) -> None:
        params = dataclasses.replace(
            params, seed=(params.seed or 0) + shift, temperature=max(params.temperature, 0.3)
        )
        real_run_chat(m, job, messages, params)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(llama_backend, "run_chat", perturbed)
        yield


def pytest_configure(config: pytest.Config) -> None:
    # Default mode makes no network connection at all: enforce it for the whole suite.
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
    _pin_xdist_worker()


def _pin_xdist_worker() -> None:
    """Under ``pytest -n N`` (``make test``), worker K runs on its own share of the CPUs, and so
    do the processes it starts. The model's threads then never outnumber the cores: llama.cpp's
    threads wait for each other at every step, and two workers' threads on the same cores would
    slow both several times over (``resolve_threads`` reads the affinity)."""
    worker, count = (
        os.environ.get("PYTEST_XDIST_WORKER"),
        os.environ.get("PYTEST_XDIST_WORKER_COUNT"),
    )
    if not worker or not count or not hasattr(os, "sched_setaffinity"):
        return
    cpus = sorted(os.sched_getaffinity(0))
    index, workers = int(worker.removeprefix("gw")), int(count)
    share = [cpu for i, cpu in enumerate(cpus) if i % workers == index % workers]
    os.sched_setaffinity(0, share or cpus)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, private data dir; also exported as $DESKMATE_DATA_DIR."""
    path = tmp_path / "deskmate-data"
    path.mkdir(mode=0o700)
    monkeypatch.setenv("DESKMATE_DATA_DIR", str(path))
    return path


@pytest.fixture(scope="session")
def models_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("models")


@pytest.fixture(scope="session")
def fast_model_path(models_cache: Path) -> Path:
    """The real bundled Qwen2.5-Coder-0.5B GGUF, assembled once per session and verified."""
    from assistant.models.assemble import assemble
    from assistant.models.catalog import FAST_LLM, get_entry

    entry = get_entry(FAST_LLM)
    assert entry is not None
    return assemble(entry, models_cache)


@pytest.fixture
def corpus() -> Iterator[Path]:
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is missing at {CORPUS} (it must sit beside the project)")
    yield CORPUS


@pytest.fixture
def core(data_dir: Path, fast_model_path: Path) -> Iterator[Any]:
    """A real Core on a temp data dir, running the bundled 0.5B model with a small context."""
    from assistant.core import Core

    instance = Core(data_dir, model_path=fast_model_path)
    instance.settings.set("n_ctx", 2048)
    instance.settings.set("temperature", 0.0)
    yield instance
    instance.close()


@pytest.fixture(scope="session")
def scitldr() -> list[dict[str, Any]]:
    """20 real scientific abstracts with human one-line summaries."""
    import json

    path = CORPUS / "summarization" / "scitldr" / "scitldr_A_test_20.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
