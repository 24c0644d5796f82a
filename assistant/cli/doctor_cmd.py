"""``deskmate doctor``: versions, CPU/GPU, llama.cpp GPU support, models, data dir."""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
import sys
from pathlib import Path
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


def offload_report(ctx: CliContext, models: list[dict[str, Any]]) -> dict[str, Any]:
    """Where the configured model would run (GPU layers or CPU) and why, without loading it."""
    if ctx.settings.get_str("remote_url"):
        return {
            "on_gpu": None,
            "n_gpu_layers": None,
            "reason": "the model runs on the remote server",
        }
    model_id = ctx.settings.get_str("model")
    row = next((m for m in models if m["id"] == model_id and m["kind"] == "llm"), None)
    path = Path(row["path"]) if row and row["path"] else Path(model_id).expanduser()
    if not path.is_file():
        return {
            "on_gpu": None,
            "n_gpu_layers": None,
            "reason": f"model {model_id} is not on disk yet (it is assembled on first use)",
        }
    from assistant.errors import DeskmateError
    from assistant.llm._device import plan_for_file

    try:
        plan = plan_for_file(ctx.settings.get("n_gpu_layers"), path)
    except DeskmateError as exc:
        return {"on_gpu": False, "n_gpu_layers": 0, "reason": exc.user_text()}
    return {"on_gpu": plan.on_gpu, "n_gpu_layers": plan.n_gpu_layers, "reason": plan.reason}


def collect(ctx: CliContext) -> dict[str, Any]:
    import psutil

    from assistant.buildinfo import build_info
    from assistant.models.registry import list_models

    info: dict[str, Any] = {
        "deskmate": __version__,
        "build": build_info(ctx.data_dir).as_dict(),
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
    info["gpu"]["offload"] = offload_report(ctx, info["models"])
    return info


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    info = collect(ctx)
    if ctx.json:
        print(json.dumps(info, ensure_ascii=False, default=str))
        return 0
    table = Table("check", "value", show_header=False)
    table.add_row("deskmate", info["deskmate"])
    build = info["build"]
    table.add_row("build", f"{build['label']} in {build['install_dir']}")
    table.add_row("python", f"{info['python']} on {info['platform']}")
    for name, version in info["packages"].items():
        table.add_row(name, version)
    cpu = info["cpu"]
    table.add_row("CPU", f"{cpu['physical_cores']} physical / {cpu['logical_cores']} logical cores")
    table.add_row("memory", f"{cpu['available_gb']} GB free of {cpu['memory_gb']} GB")
    gpu = info["gpu"]
    table.add_row("llama.cpp GPU", gpu["llama_reason"])
    offload = gpu["offload"]
    where = {None: "", True: f"GPU ({offload['n_gpu_layers']} layers): ", False: "CPU: "}
    table.add_row("model runs on", where[offload["on_gpu"]] + offload["reason"])
    table.add_row("torch device", str(gpu["torch_device"]))
    table.add_row("data dir", info["data_dir"])
    table.add_row("start on login", "on" if build["start_on_login"] else "off")
    table.add_row("model (setting)", info["model_setting"])
    table.add_row("remote server", info["remote_url"] or "none (models run in this app)")
    for model in info["models"]:
        table.add_row(f"model {model['id']}", str(model.get("state", "")))
    ctx.out.print(table)
    return 0
