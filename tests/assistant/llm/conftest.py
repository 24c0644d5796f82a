"""Fixtures of the LLM backend tests: the real llama.cpp server, started once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.assistant.llm.llama_server import Server, run_server


@pytest.fixture(scope="session")
def server(fast_model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from run_server(fast_model_path, tmp_path_factory)
