"""The paired bootstrap on synthetic scores: properties that hold for any draw."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from assistant.eval.bootstrap import paired_bootstrap, percentile


def mean_score(items: Sequence[int], outputs: Sequence[float]) -> dict[str, float]:
    return {"mean": sum(outputs) / len(outputs)}


def pooled_score(items: Sequence[int], outputs: Sequence[tuple[int, int]]) -> dict[str, float]:
    """A corpus-level metric (hits over attempts pooled), not an average of item figures."""
    return {"pooled": 100 * sum(h for h, _ in outputs) / sum(n for _, n in outputs)}


ITEMS = list(range(30))


def test_identical_systems_give_an_interval_around_zero() -> None:
    scores = [float((7 * i) % 11) for i in ITEMS]
    diff = paired_bootstrap(ITEMS, scores, list(scores), mean_score, "mean")
    assert diff.difference == 0.0
    assert diff.low <= 0.0 <= diff.high
    assert not diff.better and not diff.worse
    assert diff.resamples == 1000


def test_a_system_better_on_every_item_is_better() -> None:
    base = [float((7 * i) % 11) for i in ITEMS]
    ours = [b + 0.5 + (i % 3) for i, b in enumerate(base)]
    diff = paired_bootstrap(ITEMS, base, ours, mean_score, "mean", names=("ours", "base"))
    assert diff.better and diff.low > 0
    assert diff.low <= diff.difference <= diff.high
    assert (diff.system, diff.reference, diff.metric) == ("ours", "base", "mean")
    worse = paired_bootstrap(ITEMS, ours, base, mean_score, "mean")
    assert worse.worse and worse.high < 0 and not worse.better


def test_mixed_results_straddle_zero_and_the_seed_fixes_the_draws() -> None:
    base = [0.0] * 30
    ours = [1.0 if i % 2 else -1.0 for i in ITEMS]  # as often better as worse
    first = paired_bootstrap(ITEMS, base, ours, mean_score, "mean", seed=3)
    assert first.low < 0 < first.high
    assert paired_bootstrap(ITEMS, base, ours, mean_score, "mean", seed=3) == first


def test_corpus_metrics_are_recomputed_on_each_draw() -> None:
    base = [(1, 2)] * 20
    ours = [(2, 2)] * 20
    diff = paired_bootstrap(list(range(20)), base, ours, pooled_score, "pooled", resamples=50)
    assert diff.difference == 50.0
    assert diff.low == diff.high == 50.0  # every draw pools to the same rates


def test_bad_input() -> None:
    with pytest.raises(ValueError):
        paired_bootstrap([1, 2], [1.0], [1.0, 2.0], mean_score, "mean")
    with pytest.raises(ValueError):
        paired_bootstrap([], [], [], mean_score, "mean")
    assert percentile([1.0, 2.0, 3.0], 0.5) == 2.0
    assert percentile([5.0], 0.975) == 5.0
