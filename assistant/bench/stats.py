"""Figures and the statistics behind them: medians, percentiles, ratios, pass/fail."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Op = Literal[">=", "<="]
On = Literal["ratio", "ours", ""]


def median(values: Sequence[float]) -> float:
    if not values:
        raise ValueError("median of no values")
    return float(statistics.median(values))


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100), linear interpolation between closest ranks."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be within 0-100, not {q}")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low, high = math.floor(pos), math.ceil(pos)
    return float(ordered[low] + (ordered[high] - ordered[low]) * (pos - low))


def linear_fit(xs: Sequence[float], ys: Sequence[float]) -> tuple[float, float, float]:
    """Least-squares line through the points: (slope, intercept, R^2)."""
    if len(xs) != len(ys) or len(xs) < 2:
        raise ValueError("a linear fit needs at least two paired points")
    slope, intercept = statistics.linear_regression(xs, ys)
    if len(set(ys)) == 1:
        return slope, intercept, 1.0  # a flat line fits exactly
    return slope, intercept, statistics.correlation(xs, ys) ** 2


def round_ratios(ours: Sequence[float], baseline: Sequence[float]) -> list[float]:
    """The per-round ratios ``ours[i] / baseline[i]`` (rounds are paired)."""
    if len(ours) != len(baseline) or not ours:
        raise ValueError("ratios need paired, non-empty rounds")
    return [o / b for o, b in zip(ours, baseline, strict=True) if b > 0]


def median_ratio(ours: Sequence[float], baseline: Sequence[float]) -> float:
    """Median of the per-round ratios ``ours[i] / baseline[i]`` (rounds are paired)."""
    return median(round_ratios(ours, baseline))


@dataclass
class Figure:
    """One row of the table. ``target_on`` says what the target applies to."""

    key: str
    name: str
    unit: str = ""
    ours: float | None = None
    baseline: float | None = None
    ratio: float | None = None
    target_op: Op | None = None
    target_value: float | None = None
    target_on: On = ""
    error: str = ""
    ratio_low: float | None = None  # the spread of the per-round ratios (min-max)
    ratio_high: float | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def target(self) -> str:
        if self.target_op is None or self.target_value is None:
            return ""
        what = "ratio" if self.target_on == "ratio" else self.unit
        return f"{self.target_op} {self.target_value:g} {what}".strip()

    @property
    def passed(self) -> bool | None:
        """``None`` when there is no target (or the figure failed to run)."""
        if self.target_op is None or self.target_value is None or self.error:
            return None
        value = self.ratio if self.target_on == "ratio" else self.ours
        if value is None:
            return None
        if self.target_op == ">=":
            return value >= self.target_value
        return value <= self.target_value

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["target"] = self.target
        data["passed"] = self.passed
        return data


def failed(key: str, name: str, exc: BaseException) -> Figure:
    """A figure whose measurement raised: reported as an error row, the suite goes on."""
    return Figure(key, name, error=f"{type(exc).__name__}: {exc}")
