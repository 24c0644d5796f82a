"""CPU threads and GPU offload decisions for the llama.cpp backend, and llama.cpp's log."""

from __future__ import annotations

import collections
import ctypes
import logging
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any, ClassVar

from assistant.llm.params import DeviceInfo

log = logging.getLogger("assistant.llm.llamacpp")

NO_GPU_BUILD = "this llama.cpp build has no GPU support (rebuild with CMAKE_ARGS=-DGGML_CUDA=on)"
NO_GPU_DEVICE = "llama.cpp has GPU support but found no GPU device (check the driver): CPU"
_GPU_TYPES = (1, 2)  # ggml_backend_dev_type: CPU=0, GPU=1, IGPU=2, ACCEL=3


def resolve_threads(setting: object) -> int:
    """'auto' = physical cores, at most the CPUs this process may run on; else the number given.

    The cap matters under ``taskset`` or a container's cpuset: llama.cpp's threads wait for each
    other at every step, so more threads than usable cores makes generation far slower."""
    if isinstance(setting, int) and not isinstance(setting, bool) and setting > 0:
        return setting
    import psutil

    cores = psutil.cpu_count(logical=False) or os.cpu_count() or 1
    return max(1, min(cores, usable_cpus()))


def usable_cpus() -> int:
    """How many CPUs this process may run on (its affinity mask, where the OS has one)."""
    getaffinity = getattr(os, "sched_getaffinity", None)
    return len(getaffinity(0)) if getaffinity else (os.cpu_count() or 1)


def free_vram_bytes() -> int | None:
    """Free memory of the GPUs llama.cpp can use (ggml device API, then nvidia-smi).

    0 when the ggml device list has no GPU at all; None when it cannot be told.
    """
    try:
        from llama_cpp._ggml import libggml

        libggml.ggml_backend_dev_count.restype = ctypes.c_size_t
        libggml.ggml_backend_dev_get.restype = ctypes.c_void_p
        libggml.ggml_backend_dev_get.argtypes = [ctypes.c_size_t]
        libggml.ggml_backend_dev_type.restype = ctypes.c_int
        libggml.ggml_backend_dev_type.argtypes = [ctypes.c_void_p]
        libggml.ggml_backend_dev_memory.restype = None
        libggml.ggml_backend_dev_memory.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_size_t),
            ctypes.POINTER(ctypes.c_size_t),
        ]
        total_free = 0
        found = False
        for i in range(libggml.ggml_backend_dev_count()):
            dev = libggml.ggml_backend_dev_get(i)
            if libggml.ggml_backend_dev_type(dev) in _GPU_TYPES:
                free, total = ctypes.c_size_t(0), ctypes.c_size_t(0)
                libggml.ggml_backend_dev_memory(dev, ctypes.byref(free), ctypes.byref(total))
                total_free += free.value
                found = True
        return total_free if found else 0
    except (ImportError, AttributeError, OSError) as exc:
        log.debug("ggml device query failed: %s", exc)
    smi = shutil.which("nvidia-smi")
    if smi is None:
        return None
    try:
        out = subprocess.run(
            [smi, "--query-gpu=memory.free", "--format=csv,noheader,nounits"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout
        return sum(int(line.strip()) for line in out.splitlines() if line.strip()) * 2**20
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


def plan_gpu_layers(
    setting: object,
    *,
    gpu_build: bool,
    n_layers: int,
    model_bytes: int,
    free_vram: int | None,
) -> DeviceInfo:
    """How many layers to offload, and why (pure: unit-testable without a GPU)."""
    explicit = isinstance(setting, int) and not isinstance(setting, bool)
    if not gpu_build:
        if explicit and setting:
            return DeviceInfo(False, 0, f"n_gpu_layers={setting} ignored: {NO_GPU_BUILD}", False)
        return DeviceInfo(False, 0, NO_GPU_BUILD if not explicit else "CPU only (n_gpu_layers=0)")
    if explicit:
        layers = min(int(setting), n_layers + 1)  # type: ignore[call-overload]
        if layers == 0:
            return DeviceInfo(False, 0, "CPU only (n_gpu_layers=0)", True)
        return DeviceInfo(True, layers, f"{layers} layers on the GPU (setting)", True)
    if free_vram is None:
        return DeviceInfo(True, n_layers + 1, "all layers on the GPU (free VRAM unknown)", True)
    if free_vram == 0:
        return DeviceInfo(False, 0, NO_GPU_DEVICE, True)
    budget = int(free_vram * 0.9) - 300 * 2**20  # leave room for the KV cache and buffers
    gib = free_vram / 2**30
    if budget >= model_bytes:
        return DeviceInfo(True, n_layers + 1, f"all layers fit in {gib:.1f} GiB free VRAM", True)
    layers = max(0, min(n_layers, int(n_layers * budget / max(model_bytes, 1))))
    if layers == 0:
        return DeviceInfo(False, 0, f"model does not fit in {gib:.1f} GiB free VRAM: CPU", True)
    return DeviceInfo(
        True, layers, f"{layers} of {n_layers} layers fit in {gib:.1f} GiB free VRAM", True
    )


def plan_for_file(setting: object, model_path: Path) -> DeviceInfo:
    """The offload decision loading ``model_path`` would make now, without loading it."""
    import llama_cpp

    from assistant.models.gguf import inspect_gguf

    gpu_build = bool(llama_cpp.llama_supports_gpu_offload())
    info = inspect_gguf(model_path)
    return plan_gpu_layers(
        setting,
        gpu_build=gpu_build,
        n_layers=info.block_count or 32,
        model_bytes=info.file_size,
        free_vram=free_vram_bytes() if gpu_build and setting != 0 else None,
    )


class LlamaLog:
    """Routes llama.cpp's log to Python logging (never stderr) and keeps recent errors."""

    _installed: Any = None
    _lock = threading.Lock()
    errors: ClassVar[collections.deque[str]] = collections.deque(maxlen=20)
    _last_level = 0

    @classmethod
    def install(cls) -> None:
        with cls._lock:
            if cls._installed is not None:
                return
            import llama_cpp

            @llama_cpp.llama_log_callback
            def callback(level: int, text: bytes, user_data: ctypes.c_void_p) -> None:
                level = cls._last_level if level == 5 else level
                cls._last_level = level
                msg = text.decode("utf-8", errors="replace").rstrip()
                if not msg:
                    return
                # ggml_log_level: NONE=0 DEBUG=1 INFO=2 WARN=3 ERROR=4 CONT=5. Errors reach the
                # user inside the typed exception (BadModelFile), so nothing is printed here.
                if level == 4:
                    cls.errors.append(msg)
                    log.info("%s", msg)
                else:
                    log.debug("%s", msg)

            llama_cpp.llama_log_set(callback, ctypes.c_void_p(0))
            cls._installed = callback  # keep a reference: llama.cpp calls it later

    @classmethod
    def take_errors(cls) -> str:
        text = "; ".join(cls.errors)
        cls.errors.clear()
        return text
