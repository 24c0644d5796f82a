"""``deskmate doctor``: versions, CPU/GPU, llama.cpp GPU support, models and states, data dir."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from rich.console import Console

from assistant.cli import doctor_cmd
from assistant.cli.context import CliContext
from assistant.cli.main import build_parser
from assistant.llm._device import NO_GPU_BUILD
from assistant.models.assemble import mark_verified
from assistant.models.catalog import DEFAULT_EMBEDDING, DEFAULT_LLM, FAST_LLM, get_entry


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[CliContext]:
    context = CliContext(
        data_dir=data_dir,
        out=Console(file=io.StringIO(), width=300, highlight=False, soft_wrap=True),
        err=Console(file=io.StringIO(), width=300),
    )
    yield context
    context.close()


def _place_fast_model(data_dir: Path, fast_model_path: Path) -> None:
    """The bundled fast model, as if assembled into this data dir (a link, not a copy)."""
    entry = get_entry(FAST_LLM)
    assert entry is not None and entry.sha256
    target = data_dir / "models" / entry.file_name
    target.parent.mkdir(mode=0o700, exist_ok=True)
    target.symlink_to(fast_model_path)
    mark_verified(target, entry.sha256)


def test_doctor_text_names_every_check(ctx: CliContext, fast_model_path: Path) -> None:
    _place_fast_model(ctx.data_dir, fast_model_path)
    ctx.settings.set("model", FAST_LLM)
    assert doctor_cmd.run(build_parser().parse_args(["doctor"]), ctx) == 0
    file = ctx.out.file
    assert isinstance(file, io.StringIO)
    text = file.getvalue()
    for needle in (
        "deskmate",
        "python",
        "llama-cpp-python",
        "sqlite-utils",
        f"{psutil.cpu_count(logical=False)} physical / {os.cpu_count()} logical cores",
        "GB free of",
        "llama.cpp GPU",
        "torch device",
        str(ctx.data_dir),
        DEFAULT_EMBEDDING,
        DEFAULT_LLM,
    ):
        assert needle in text, needle
    lines = {line.split("│")[1].strip(): line for line in text.splitlines() if "│" in line}
    assert "verified" in lines[f"model {FAST_LLM}"]  # present and checked
    assert "installed" in lines[f"model {DEFAULT_LLM}"]  # packages there, not assembled yet
    # Where the configured model runs, and the plain reason why.
    assert "CPU: " + NO_GPU_BUILD in lines["model runs on"]


def test_doctor_json_reports_the_offload_plan(
    ctx: CliContext, fast_model_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx.settings.set("model", str(fast_model_path))  # a plain .gguf path works as a model
    ctx.json = True
    assert doctor_cmd.run(build_parser().parse_args(["doctor"]), ctx) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["python"] and info["packages"]["llama-cpp-python"] != "not installed"
    assert info["cpu"]["physical_cores"] == psutil.cpu_count(logical=False)
    assert info["gpu"]["offload"] == {"on_gpu": False, "n_gpu_layers": 0, "reason": NO_GPU_BUILD}
    states = {m["id"]: m["state"] for m in info["models"]}
    assert states[FAST_LLM] in ("installed", "verified", "assembled")


def test_doctor_when_the_model_is_not_assembled_or_remote(
    ctx: CliContext, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx.json = True
    doctor_cmd.run(build_parser().parse_args(["doctor"]), ctx)
    offload = json.loads(capsys.readouterr().out)["gpu"]["offload"]
    assert offload["on_gpu"] is None and "not on disk yet" in offload["reason"]
    ctx.settings.set("remote_url", "http://127.0.0.1:9/v1")
    doctor_cmd.run(build_parser().parse_args(["doctor"]), ctx)
    info = json.loads(capsys.readouterr().out)
    assert info["remote_url"] == "http://127.0.0.1:9/v1"
    assert "remote server" in info["gpu"]["offload"]["reason"]
