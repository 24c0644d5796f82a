"""The growth figure (time and peak memory against pages) and the PDF levers: structure only."""

from __future__ import annotations

import pytest

from assistant.bench import runner
from assistant.bench.levers import Levers, at_app_context
from assistant.bench.pdf_furniture import furniture_figures
from assistant.bench.pdf_growth import Point, growth_figures
from assistant.bench.pdf_stages import Stages
from assistant.bench.stats import linear_fit
from assistant.errors import SettingError


def test_growth_runs_in_the_full_plan_only_and_tiny_in_a_few_pages() -> None:
    assert "pdf_growth" in runner.step_keys(runner.Plan())
    assert "pdf_growth" not in runner.step_keys(runner.Plan.quick_plan())
    assert runner.Plan().growth_pages == (10, 100, 300)
    tiny = runner.Plan.tiny()
    assert len(tiny.growth_pages) >= 2 and max(tiny.growth_pages) <= 3


def test_linear_fit() -> None:
    slope, intercept, r2 = linear_fit([10.0, 100.0, 300.0], [25.0, 205.0, 605.0])
    assert slope == pytest.approx(2.0) and intercept == pytest.approx(5.0)
    assert r2 == pytest.approx(1.0)
    _slope, _intercept, bent = linear_fit([1.0, 2.0, 3.0], [1.0, 4.0, 9.0])
    assert 0.8 < bent < 1.0
    assert linear_fit([1.0, 2.0], [3.0, 3.0]) == (0.0, 3.0, 1.0)
    with pytest.raises(ValueError):
        linear_fit([1.0], [2.0])


def test_growth_rows_fit_time_and_take_the_text_out_of_the_memory_growth() -> None:
    points = [
        Point(10, 30.0, 800.0, 0.01, 2),
        Point(100, 210.0, 805.0, 0.1, 12),
        Point(300, 615.0, 830.0, 0.3, 35),
    ]
    rows = {row.key: row for row in growth_figures(points, max_tokens=64)}
    for pages in (10, 100, 300):
        assert rows[f"growth_{pages}_seconds"].unit == "s"
        assert rows[f"growth_{pages}_peak_rss"].unit == "MB"
    slope = rows["growth_seconds_per_page"]
    assert slope.ours == pytest.approx(2.025, rel=0.01) and slope.unit == "s/page"
    assert len(slope.detail["residuals_s"]) == 3
    assert rows["growth_time_r2"].passed is True
    beyond = rows["growth_memory_beyond_text"]
    assert beyond.ours == pytest.approx(30.0 - 0.29)
    assert beyond.passed is True and beyond.target == "<= 50 MB"
    grown = growth_figures([points[0], Point(300, 615.0, 900.0, 0.3, 35)], max_tokens=64)
    assert grown[-1].passed is False  # 100 MB more at 300 pages: memory grows with pages


def test_levers_are_checked_against_the_settings_bounds() -> None:
    assert Levers().settings() == {}
    chosen = Levers(n_ctx=4096, n_batch=1024, prompt_lookup=True).settings()
    assert chosen == {"n_ctx": 4096, "n_batch": 1024, "prompt_lookup": True}
    with pytest.raises(SettingError, match="n_batch"):
        Levers(n_batch=8)
    with pytest.raises(SettingError, match="n_ubatch"):
        Levers(n_ubatch=1_000_000)


def test_the_default_model_figure_runs_at_the_apps_context_unless_asked() -> None:
    from assistant.settings.schema import by_key

    assert at_app_context(Levers()).n_ctx == by_key("n_ctx").default  # what a user gets
    assert at_app_context(Levers(n_ctx=2048, n_batch=1024)) == Levers(n_ctx=2048, n_batch=1024)


def _stages(total: float, tokens: int) -> Stages:
    return Stages(total, 2.0, total / 5, 4, tokens, total * 0.8, 200, 20.0, 5.0, (), 4)


def test_running_heads_figures_are_ratios_of_dropped_to_kept() -> None:
    rows = furniture_figures(30, dropped=_stages(90.0, 9000), kept=_stages(100.0, 10000))
    tokens, seconds, first = rows
    assert tokens.ratio == pytest.approx(0.9) and tokens.passed is True
    assert seconds.ratio == pytest.approx(0.9) and seconds.passed is True
    assert first.ratio == pytest.approx(0.9) and first.target == ""
    assert tokens.detail["kept"]["tokens_read"] == 10000
    worse = furniture_figures(30, dropped=_stages(110.0, 9000), kept=_stages(100.0, 10000))
    assert worse[1].passed is False  # a lever that costs time is reported as failing
    assert "page_furniture" in runner.step_keys(runner.Plan())
    assert runner.Plan.tiny().furniture_pages >= 3  # dropping needs a head on 3 pages at least
