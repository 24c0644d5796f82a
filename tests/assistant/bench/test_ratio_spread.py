"""Ratios come with their spread over the paired rounds (min-max), in the table and the JSON."""

from __future__ import annotations

import pytest
from rich.console import Console

from assistant.bench import report
from assistant.bench.stats import Figure, median_ratio, round_ratios


def test_round_ratios_and_their_spread_in_table_json_and_markdown() -> None:
    ours, base = [9.0, 10.0, 12.0], [10.0, 10.0, 10.0]
    ratios = round_ratios(ours, base)
    assert ratios == [0.9, 1.0, 1.2]
    assert median_ratio(ours, base) == 1.0
    with pytest.raises(ValueError):
        round_ratios([], [])
    figure = Figure(
        "g", "generation speed", "tok/s", 10.0, 10.0, 1.0, ">=", 0.97, "ratio",
        ratio_low=min(ratios), ratio_high=max(ratios),
    )  # fmt: skip
    data = report.results([figure], {"suite": "test"})
    row = data["figures"][0]
    assert (row["ratio_low"], row["ratio"], row["ratio_high"]) == (0.9, 1.0, 1.2)
    assert report.load_figures(data) == [figure]
    console = Console(record=True, width=200)
    console.print(report.table([figure]))
    assert "1.000 (0.900-1.200)" in console.export_text()
    assert "| 1.000 (0.900-1.200) |" in report.markdown([figure])
    plain = Figure("m", "memory", "MB", 3.0, target_op="<=", target_value=50, target_on="ours")
    assert "| - |" in report.markdown([plain])  # no ratio, no spread
