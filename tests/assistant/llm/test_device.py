"""GPU-offload planning and thread count (pure functions: no GPU needed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from assistant.errors import BadModelFile
from assistant.llm._device import (
    NO_GPU_BUILD,
    NO_GPU_DEVICE,
    plan_for_file,
    plan_gpu_layers,
    resolve_threads,
    usable_cpus,
)

GIB = 2**30


def test_no_gpu_build_means_cpu_with_the_rebuild_hint() -> None:
    info = plan_gpu_layers("auto", gpu_build=False, n_layers=24, model_bytes=GIB, free_vram=None)
    assert (info.on_gpu, info.n_gpu_layers, info.gpu_build) == (False, 0, False)
    assert info.reason == NO_GPU_BUILD
    assert "CMAKE_ARGS=-DGGML_CUDA=on" in info.reason


def test_explicit_layers_without_gpu_build_are_ignored_and_said_so() -> None:
    info = plan_gpu_layers(20, gpu_build=False, n_layers=24, model_bytes=GIB, free_vram=None)
    assert info.n_gpu_layers == 0
    assert "ignored" in info.reason


def test_model_that_fits_goes_entirely_on_the_gpu() -> None:
    info = plan_gpu_layers("auto", gpu_build=True, n_layers=24, model_bytes=GIB, free_vram=8 * GIB)
    assert info.on_gpu and info.n_gpu_layers == 25
    assert "all layers fit" in info.reason


def test_model_too_large_gets_a_proportional_share() -> None:
    info = plan_gpu_layers(
        "auto", gpu_build=True, n_layers=28, model_bytes=4 * GIB, free_vram=2 * GIB + 300 * 2**20
    )
    assert info.on_gpu
    assert 10 <= info.n_gpu_layers <= 14
    assert "of 28 layers" in info.reason


def test_tiny_vram_falls_back_to_cpu() -> None:
    info = plan_gpu_layers(
        "auto", gpu_build=True, n_layers=28, model_bytes=4 * GIB, free_vram=100 * 2**20
    )
    assert (info.on_gpu, info.n_gpu_layers) == (False, 0)


def test_explicit_zero_is_cpu_only() -> None:
    info = plan_gpu_layers(0, gpu_build=True, n_layers=24, model_bytes=GIB, free_vram=8 * GIB)
    assert (info.on_gpu, info.n_gpu_layers) == (False, 0)


def test_threads_auto_is_physical_cores() -> None:
    assert resolve_threads("auto") == min(psutil.cpu_count(logical=False) or 1, usable_cpus())
    assert resolve_threads(3) == 3


def test_threads_auto_never_exceeds_the_cpus_the_process_may_use() -> None:
    # taskset / a container's cpuset: one usable CPU means one llama.cpp thread
    code = (
        "import os; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); "
        "from assistant.llm._device import resolve_threads; print(resolve_threads('auto'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"


def test_gpu_build_without_a_gpu_device_says_so() -> None:
    info = plan_gpu_layers("auto", gpu_build=True, n_layers=24, model_bytes=GIB, free_vram=0)
    assert (info.on_gpu, info.n_gpu_layers, info.gpu_build) == (False, 0, True)
    assert info.reason == NO_GPU_DEVICE


def test_unknown_free_vram_tries_all_layers() -> None:
    info = plan_gpu_layers("auto", gpu_build=True, n_layers=24, model_bytes=GIB, free_vram=None)
    assert info.on_gpu and info.n_gpu_layers == 25 and "unknown" in info.reason


def test_plan_for_a_real_model_file_without_loading_it(fast_model_path: Path) -> None:
    import llama_cpp

    info = plan_for_file("auto", fast_model_path)
    if not llama_cpp.llama_supports_gpu_offload():
        assert (info.on_gpu, info.reason) == (False, NO_GPU_BUILD)
    else:
        assert info.gpu_build and info.reason


def test_plan_for_a_bad_file_is_a_typed_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"not a model at all")
    with pytest.raises(BadModelFile):
        plan_for_file("auto", bad)
