"""The Qt figures, measured by ``python -m ui.bench_probe`` in a subprocess (the core never
imports Qt). The probe prints one JSON object on its last stdout line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.bench.stats import Figure, median
from assistant.errors import EnvironmentProblem

if TYPE_CHECKING:
    from assistant.bench.env import BenchEnv

PROBE = "ui.bench_probe"
STALL_NAMES = {
    "load": "while the model loads (window shown)",
    "generate": "while generating",
    "embed": "while embedding 2,000 chunks",
    "pdf": "while loading a 100-page PDF",
}


def probe_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("HF_HUB_OFFLINE", "1")
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def parse_probe_output(stdout: str, what: str = "the Qt probe") -> dict[str, Any]:
    """The last line of ``stdout`` that is a JSON object."""
    for line in reversed(stdout.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(data, dict):
                return data
    raise EnvironmentProblem(f"{what} printed no result: {stdout[-300:]!r}")


def run_probe(args: list[str], timeout_s: float) -> dict[str, Any]:
    cmd = [sys.executable, "-m", PROBE, *args]
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout_s, env=probe_env(), check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise EnvironmentProblem(f"the Qt probe did not finish within {timeout_s:.0f} s") from exc
    if done.returncode != 0:
        tail = (done.stderr or done.stdout)[-400:]
        raise EnvironmentProblem(f"the Qt probe failed ({done.returncode}): {tail}")
    return parse_probe_output(done.stdout)


def stall(
    env: BenchEnv, what: str, *, pdf: Path | None = None, max_tokens: int = 64
) -> list[Figure]:
    args = [
        "stall",
        "--what",
        what,
        "--data-dir",
        str(env.scratch(f"qt-{what}")),
        "--model-path",
        str(env.model_path),
        "--n-ctx",
        str(env.n_ctx),
        "--threads",
        str(env.threads),
        "--max-tokens",
        str(max_tokens),
    ]
    if pdf is not None:
        args += ["--pdf", str(pdf)]
    args += ["--timeout", "540"]  # each wait inside the probe; the probe itself gets 600 s
    data = run_probe(args, timeout_s=600)
    if not data.get("finished"):
        raise EnvironmentProblem(f"the probe's {what} run did not finish in time: {data}")
    name = f"event-loop stall {STALL_NAMES[what]}"
    detail = {k: v for k, v in data.items() if k not in ("max_ms", "p99_ms")}
    return [
        Figure(f"stall_{what}_max", f"{name} (max)", "ms", float(data["max_ms"]),
               target_op="<=", target_value=50.0, target_on="ours", detail=detail),
        Figure(f"stall_{what}_p99", f"{name} (p99)", "ms", float(data["p99_ms"]),
               target_op="<=", target_value=20.0, target_on="ours", detail=detail),
    ]  # fmt: skip


def _gui_data_dir(env: BenchEnv, name: str) -> Path:
    """A data dir that looks like an installed app's (settings saved, model in place)."""
    core = env.new_core(name)
    path = core.data_dir
    env.close_core(core)
    return path


def startup(env: BenchEnv, runs: int) -> Figure:
    """Process start (before spawning) to the main window shown, median of ``runs``."""
    data_dir = _gui_data_dir(env, "qt-startup")
    times: list[float] = []
    for _ in range(runs):
        t0 = time.time()
        data = run_probe(["startup", "--data-dir", str(data_dir), "--t0", repr(t0)], 120)
        times.append(float(data["startup_s"]))
    return Figure(
        "startup",
        "process start to main window shown",
        "s",
        median(times),
        target_op="<=",
        target_value=1.5,
        target_on="ours",
        detail={"runs_s": times},
    )


def quick_popup(env: BenchEnv, runs: int) -> list[Figure]:
    data_dir = _gui_data_dir(env, "qt-quick")
    data = run_probe(["quick", "--data-dir", str(data_dir), "--runs", str(runs)], 300)
    rows = []
    for key, name in (
        ("command_ms", "`deskmate quick` to popup shown"),
        ("hotkey_ms", "hotkey (in-app) to popup shown"),
    ):
        values = [float(v) for v in data.get(key, [])]
        if not values:
            rows.append(Figure(f"quick_{key}", name, "ms", error="no popup was seen"))
            continue
        rows.append(
            Figure(f"quick_{key}", name, "ms", median(values), target_op="<=",
                   target_value=150.0, target_on="ours", detail={"runs_ms": values})
        )  # fmt: skip
    return rows
