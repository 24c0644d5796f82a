"""The eval report as a rich table (one per task) and as JSON-ready data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.table import Table

from assistant.eval.bootstrap import PairedDifference
from assistant.eval.runner import TaskReport


def lower_is_better(metric: str) -> bool:
    return metric.endswith(("_rate_bad", "copy_ratio"))


def _number(metric: str, value: float, sign: str = "") -> str:
    """Ratios on a 0-1 scale (copy ratio, recall@k as retrieval reports it) get three digits;
    scores and shares on the 0-100 scale one."""
    ratio = metric.endswith("copy_ratio") or metric.startswith("recall_at")
    return f"{value:{sign}.3f}" if ratio else f"{value:{sign}.1f}"


def verdict(diff: PairedDifference) -> str:
    if diff.better:
        return "better"
    if diff.worse:
        return "worse"
    return "no clear difference"


def _difference(diff: PairedDifference | None, metric: str) -> tuple[str, str]:
    if diff is None:
        return "(reference)", ""
    low, high = (_number(metric, v, "+") for v in (diff.low, diff.high))
    text = f"{_number(metric, diff.difference, '+')} [{low}, {high}]"
    return text, verdict(diff)


def table(report: TaskReport) -> Table:
    """Systems as rows, metrics as columns, then the headline's difference with the reference
    system and its 95 % interval."""
    metrics = list(report.scores[report.systems[0]])
    title = f"{report.task}: {report.description} ({report.items} items, {report.model})"
    headers = [m + (" ↓" if lower_is_better(m) else "") for m in metrics]
    diff_header = f"Δ {report.headline} vs {report.systems[0]} [95% CI]"
    out = Table("system", *headers, diff_header, "verdict", title=title, title_justify="left")
    reference = report.systems[0]
    by_system = {d.system: d for d in report.differences if d.reference == reference}
    for system in report.systems:
        scores = report.scores[system]
        cells = [_number(m, scores[m]) for m in metrics]
        out.add_row(system, *cells, *_difference(by_system.get(system), report.headline))
    for diff in report.differences:  # the last system against the ones between
        if diff.reference != reference:
            blank = [""] * len(metrics)
            row = f"{diff.system} vs {diff.reference}"
            out.add_row(row, *blank, *_difference(diff, report.headline))
    return out


def json_data(reports: Sequence[TaskReport], meta: dict[str, Any]) -> dict[str, Any]:
    return {**meta, "tasks": [report.as_dict() for report in reports]}
