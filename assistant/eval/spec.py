"""The shape of one eval task: what `deskmate eval --task NAME` runs and scores.

A task module (``assistant/eval/<name>_eval.py``) builds one ``EvalTask``. The runner loads the
items, runs every system on every item (in the same run, on the same model), then scores each
system on the whole set and on paired bootstrap resamples of the item indices: ``score`` must
therefore work on any subset (corpus-level metrics such as chrF, BLEU or GLEU are recomputed on
the subset, never averaged from per-item figures).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.core import Core


@dataclass(frozen=True)
class EvalContext:
    """What a system needs to answer one item."""

    core: Core  # settings, store and the model under evaluation (core.engine())
    data_dir: Path  # the --data root (../shared/corpus, or the shipped resources/eval)
    seed: int = 0


@dataclass(frozen=True)
class EvalTask:
    name: str  # the --task value
    description: str
    # Systems compared, in table order; the first is the reference the others are paired with
    # when the table shows differences (e.g. ("plain", "pipeline") or ("unchanged", "plain",
    # "pipeline")).
    systems: tuple[str, ...]
    # (data root, limit or None) -> items; a missing or malformed set raises a typed UserError.
    load: Callable[[Path, int | None], Sequence[Any]]
    # (context, system, item) -> that system's output for the item (any value ``score`` reads).
    run: Callable[[EvalContext, str, Any], Any]
    # (items, outputs of one system, in the same order) -> metrics by name, higher is better
    # unless the name ends in "_rate_bad" or "copy_ratio".
    score: Callable[[Sequence[Any], Sequence[Any]], dict[str, float]]
    # The metric the paired difference and the "better" verdict use.
    headline: str
    # False when its data sets are not among the shipped samples (only in the dev corpus,
    # ``--data ../shared/corpus``): loading the shipped folder is then a typed error.
    shipped: bool = True
