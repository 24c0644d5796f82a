"""The results file (JSON) and the table (rich)."""

from __future__ import annotations

import json
import os
import platform
import sys
from collections.abc import Sequence
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.table import Table

from assistant.bench.stats import Figure

DEFAULT_DIR = Path("bench-results")


def machine_info() -> dict[str, Any]:
    import psutil

    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "cpu": platform.processor() or platform.machine(),
        "logical_cores": psutil.cpu_count(logical=True),
        "physical_cores": psutil.cpu_count(logical=False),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "load_average": [round(x, 2) for x in load],
    }


def results(figures: Sequence[Figure], meta: dict[str, Any]) -> dict[str, Any]:
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine_info(),
        **meta,
        "figures": [f.as_dict() for f in figures],
        "passed": all(f.passed is not False for f in figures),
    }


def default_path(now: datetime | None = None) -> Path:
    stamp = (now or datetime.now()).strftime("%Y-%m-%d-%H%M%S")
    return DEFAULT_DIR / f"bench-{stamp}.json"


def write_json(data: dict[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def _num(value: float | None) -> str:
    if value is None:
        return "-"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}" if abs(value) < 1 else f"{value:.2f}"


def _ratio(figure: Figure) -> str:
    """The median ratio and, when measured over rounds, its min-max spread."""
    if figure.ratio is None or figure.ratio_low is None or figure.ratio_high is None:
        return _num(figure.ratio)
    return f"{figure.ratio:.3f} ({figure.ratio_low:.3f}-{figure.ratio_high:.3f})"


def _verdict(figure: Figure) -> str:
    if figure.error:
        return "[red]error[/red]"
    if figure.passed is None:
        return "-"
    return "[green]pass[/green]" if figure.passed else "[red]FAIL[/red]"


def table(figures: Sequence[Figure]) -> Table:
    out = Table("figure", "unit", "ours", "baseline", "ratio (min-max)", "target", "result")
    for f in figures:
        ours = f.error[:60] if f.error else _num(f.ours)
        out.add_row(f.name, f.unit, ours, _num(f.baseline), _ratio(f), f.target, _verdict(f))
    return out


def markdown(figures: Sequence[Figure]) -> str:
    """The same table in Markdown (for the README)."""
    lines = [
        "| figure | unit | ours | baseline | ratio (min-max) | target | result |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        verdict = "error" if f.error else {None: "-", True: "pass", False: "FAIL"}[f.passed]
        ours = f.error[:60] if f.error else _num(f.ours)
        lines.append(
            f"| {f.name} | {f.unit} | {ours} | {_num(f.baseline)} | {_ratio(f)} "
            f"| {f.target} | {verdict} |"
        )
    return "\n".join(lines)


def load_figures(data: dict[str, Any]) -> list[Figure]:
    """Figures back from a results file (e.g. to print an earlier run's table)."""
    names = {f.name for f in fields(Figure)}
    return [Figure(**{k: v for k, v in row.items() if k in names}) for row in data["figures"]]
