"""``deskmate doctor``: versions, CPU/GPU, llama.cpp GPU support, models, data dir."""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
import sys
from typing import Any

from rich.table import Table

from assistant import __version__
from assistant.cli.context import CliContext

PACKAGES = (
    "llama-cpp-python",
    "torch",
    "sentence-transformers",
    "PySide6-Essentials",
    "sqlite-utils",
    "sqlite-vec",
)


def add_parser(sub: Any) -> None:
    p = sub.add_parser("doctor", help="check the installation: versions, CPU/GPU, models")
    p.set_defaults(func=run)


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def gpu_report() -> dict[str, Any]:
    """What llama.cpp and torch can use here, with a plain reason when it is the CPU."""
    report: dict[str, Any] = {}
    try:
        import llama_cpp

        gpu_build = bool(llama_cpp.llama_supports_gpu_offload())
        report["llama_gpu_build"] = gpu_build
        report["llama_reason"] = (
            "llama.cpp was built with GPU offload"
            if gpu_build
            else "this llama.cpp build has no GPU support "
            '(reinstall with CMAKE_ARGS="-DGGML_CUDA=on", see README)'
        )
    except Exception as exc:  # a broken native build must still let doctor report
        report["llama_gpu_build"] = False
        report["llama_reason"] = f"llama_cpp failed to import: {exc}"
    try:
        import torch

        report["torch_cuda"] = bool(torch.cuda.is_available())
        report["torch_device"] = torch.cuda.get_device_name(0) if report["torch_cuda"] else "cpu"
    except Exception as exc:
        report["torch_cuda"] = False
        report["torch_device"] = f"torch failed to import: {exc}"
    return report


def collect(ctx: CliContext) -> dict[str, Any]:
    import psutil

    from assistant.models.registry import list_models

    info: dict[str, Any] = {
        "deskmate": __version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "packages": {name: _version(name) for name in PACKAGES},
        "cpu": {
            "physical_cores": psutil.cpu_count(logical=False),
            "logical_cores": os.cpu_count(),
            "memory_gb": round(psutil.virtual_memory().total / 1e9, 1),
            "available_gb": round(psutil.virtual_memory().available / 1e9, 1),
        },
        "gpu": gpu_report(),
        "data_dir": str(ctx.data_dir),
        "model_setting": ctx.settings.get_str("model"),
        "remote_url": ctx.settings.get_str("remote_url") or None,
        "models": [m.as_dict() for m in list_models(ctx.data_dir)],
    }
    return info


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    info = collect(ctx)
    if ctx.json:
        print(json.dumps(info, ensure_ascii=False, default=str))
        return 0
    table = Table("check", "value", show_header=False)
    table.add_row("deskmate", info["deskmate"])
    table.add_row("python", f"{info['python']} on {info['platform']}")
    for name, version in info["packages"].items():
        table.add_row(name, version)
    cpu = info["cpu"]
    table.add_row("CPU", f"{cpu['physical_cores']} physical / {cpu['logical_cores']} logical cores")
    table.add_row("memory", f"{cpu['available_gb']} GB free of {cpu['memory_gb']} GB")
    gpu = info["gpu"]
    table.add_row("llama.cpp GPU", gpu["llama_reason"])
    table.add_row("torch device", str(gpu["torch_device"]))
    table.add_row("data dir", info["data_dir"])
    table.add_row("model (setting)", info["model_setting"])
    table.add_row("remote server", info["remote_url"] or "none (models run in this app)")
    for model in info["models"]:
        table.add_row(f"model {model['id']}", str(model.get("state", "")))
    ctx.out.print(table)
    return 0
