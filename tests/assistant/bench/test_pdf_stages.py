"""The long-PDF summary's per-stage breakdown: its structure on a tiny PDF (no timing values)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.bench.env import BenchEnv
from assistant.bench.levers import Levers
from assistant.bench.pdf_summary import pdf_summary


@pytest.mark.model
def test_breakdown_of_a_tiny_pdf(fast_model_path: Path) -> None:
    env = BenchEnv(fast_model_path, threads=1)
    try:
        rows = pdf_summary(
            env, "0.5B", pages=4, levers=Levers(n_ctx=1024), max_tokens=8, raw_prompts=1
        )
    finally:
        env.close()
    by_key = {row.key.removeprefix("pdf_0.5B_"): row for row in rows}
    stages = ("first_section", "loading", "tokens_read", "prompt", "generated", "generation")
    assert {"seconds", "pages_per_min", *stages, "reduce", "limit"} <= set(by_key)
    assert all(row.error == "" and row.ours is not None for row in rows)
    detail = by_key["seconds"].detail
    assert detail["sections"] >= 2  # the map step really ran, over several sections
    assert detail["requests"] > detail["sections"]  # and the reduce after it
    total = by_key["seconds"].ours
    assert total is not None
    # Stages are parts of the whole: each is positive and none exceeds the total.
    for key in ("first_section", "loading", "prompt", "generation", "reduce"):
        value = by_key[key].ours
        assert value is not None and 0 < value <= total
    assert by_key["tokens_read"].ours is not None and by_key["tokens_read"].ours > 4 * 100
    assert by_key["generated"].ours is not None and by_key["generated"].ours > 0
    assert by_key["generated"].ours <= 8 * (detail["requests"])
    limit = by_key["limit"]
    assert limit.baseline is not None and limit.baseline > 0 and limit.target == "<= 1.25 ratio"
    assert limit.ratio == pytest.approx(total / limit.baseline)
