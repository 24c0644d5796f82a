"""Paired bootstrap of a metric's difference between two systems run on the same items.

Each resample draws item indices with replacement and scores both systems on the same draw, so
the interval reflects how much the difference depends on which items were picked. Corpus-level
metrics (chrF, BLEU) are recomputed on every draw, never averaged from per-item figures.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

RESAMPLES = 1000
CONFIDENCE = 0.95

Score = Callable[[Sequence[Any], Sequence[Any]], dict[str, float]]


@dataclass(frozen=True, slots=True)
class PairedDifference:
    """``system`` minus ``reference`` on ``metric``: the observed difference and its interval."""

    system: str
    reference: str
    metric: str
    difference: float
    low: float
    high: float
    resamples: int

    @property
    def better(self) -> bool:
        """The whole interval lies above zero."""
        return self.low > 0

    @property
    def worse(self) -> bool:
        return self.high < 0


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0-1) of sorted values, interpolated between closest ranks."""
    pos = (len(sorted_values) - 1) * q
    low = int(pos)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (pos - low)


def _pick(values: Sequence[Any], draw: Sequence[int]) -> list[Any]:
    return [values[i] for i in draw]


def paired_bootstrap(
    items: Sequence[Any],
    reference: Sequence[Any],
    system: Sequence[Any],
    score: Score,
    metric: str,
    *,
    names: tuple[str, str] = ("system", "reference"),
    resamples: int = RESAMPLES,
    seed: int = 0,
) -> PairedDifference:
    """The difference ``score(system) - score(reference)`` on ``metric`` with a percentile
    interval (``CONFIDENCE``) over ``resamples`` paired draws of the item indices."""
    if not items or len(items) != len(reference) or len(items) != len(system):
        raise ValueError("a paired bootstrap needs one output per item from each system")
    observed = score(items, system)[metric] - score(items, reference)[metric]
    rng = random.Random(seed)
    n = len(items)
    diffs = []
    for _ in range(resamples):
        draw = [rng.randrange(n) for _ in range(n)]
        sub = _pick(items, draw)
        ours = score(sub, _pick(system, draw))[metric]
        base = score(sub, _pick(reference, draw))[metric]
        diffs.append(ours - base)
    diffs.sort()
    tail = (1 - CONFIDENCE) / 2
    return PairedDifference(
        system=names[0],
        reference=names[1],
        metric=metric,
        difference=observed,
        low=percentile(diffs, tail),
        high=percentile(diffs, 1 - tail),
        resamples=resamples,
    )
