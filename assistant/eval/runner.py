"""Run one eval task: every system on every item (interleaved, same model, same run), then the
scores of each system and the paired difference of each system with the first (reference)."""

from __future__ import annotations

import time
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from assistant.eval.bootstrap import RESAMPLES, PairedDifference, paired_bootstrap
from assistant.eval.spec import EvalContext, EvalTask
from assistant.task_events import Progress


@dataclass(frozen=True, slots=True)
class TaskReport:
    """What one task measured: scores per system and differences with the reference system."""

    task: str
    description: str
    headline: str
    model: str
    items: int
    systems: tuple[str, ...]
    scores: dict[str, dict[str, float]]
    differences: tuple[PairedDifference, ...]
    seconds: float
    date: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    def as_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "description": self.description,
            "headline": self.headline,
            "model": self.model,
            "items": self.items,
            "date": self.date,
            "seconds": round(self.seconds, 1),
            "systems": {name: self.scores[name] for name in self.systems},
            "differences": [
                {
                    "system": d.system,
                    "reference": d.reference,
                    "metric": d.metric,
                    "difference": d.difference,
                    "interval95": [d.low, d.high],
                    "resamples": d.resamples,
                    "better": d.better,
                    "worse": d.worse,
                }
                for d in self.differences
            ],
        }


def run_task(
    task: EvalTask,
    ctx: EvalContext,
    *,
    limit: int | None = None,
    resamples: int = RESAMPLES,
) -> Generator[Progress, None, TaskReport]:
    """Load the items, run the systems, score them; yields ``Progress`` (with an ETA) after
    every answer and returns the report. Closing the generator stops between two answers."""
    items = list(task.load(ctx.data_dir, limit))
    total = len(items) * len(task.systems)
    outputs: dict[str, list[Any]] = {name: [] for name in task.systems}
    started = time.monotonic()
    done = 0
    yield Progress(0, total, f"{task.name}: loading the model", None)
    for item in items:
        for system in task.systems:  # interleaved: a slower machine later hurts both alike
            outputs[system].append(task.run(ctx, system, item))
            done += 1
            elapsed = time.monotonic() - started
            yield Progress(done, total, f"{task.name}: {system}", elapsed / done * (total - done))
    yield Progress(total, total, f"{task.name}: scoring", None)
    return TaskReport(
        task=task.name,
        description=task.description,
        headline=task.headline,
        model=ctx.core.engine().model_name(),
        items=len(items),
        systems=task.systems,
        scores={name: task.score(items, outputs[name]) for name in task.systems},
        differences=differences(task, items, outputs, resamples=resamples, seed=ctx.seed),
        seconds=time.monotonic() - started,
    )


def differences(
    task: EvalTask,
    items: Sequence[Any],
    outputs: dict[str, list[Any]],
    *,
    resamples: int = RESAMPLES,
    seed: int = 0,
) -> tuple[PairedDifference, ...]:
    """The headline's paired difference of each system with the first one, then of the last
    system with each one between (e.g. pipeline vs plain when unchanged is the reference)."""
    reference, *others = task.systems
    pairs = [(name, reference) for name in others]
    pairs += [(task.systems[-1], middle) for middle in others[:-1]]
    return tuple(
        paired_bootstrap(
            items,
            outputs[base],
            outputs[name],
            task.score,
            task.headline,
            names=(name, base),
            resamples=resamples,
            seed=seed,
        )
        for name, base in pairs
    )
