"""The benchmark harness: statistics, results file and table, the Qt probe's protocol, the CLI.

No timing assertions here: these tests check that the harness measures and reports correctly.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from assistant.bench import qt_figures, report, runner
from assistant.bench.stats import Figure, failed, median, median_ratio, percentile
from assistant.errors import EnvironmentProblem, UserError


def test_statistics() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 2.0, 3.0]) == 2.5
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0) == 1.0
    assert percentile(values, 100) == 100.0
    assert percentile(values, 95) == pytest.approx(95.05)
    assert percentile([7.0], 99) == 7.0
    # paired rounds: the median of per-round ratios, not the ratio of medians
    assert median_ratio([10.0, 20.0, 30.0], [10.0, 10.0, 60.0]) == 1.0
    with pytest.raises(ValueError):
        median([])
    with pytest.raises(ValueError):
        percentile([1.0], 101)
    with pytest.raises(ValueError):
        median_ratio([1.0], [1.0, 2.0])


def test_figure_verdicts() -> None:
    ratio = Figure("g", "generation", "tok/s", 9.0, 10.0, 0.9, ">=", 0.97, "ratio")
    assert ratio.passed is False
    assert ratio.target == ">= 0.97 ratio"
    latency = Figure("s", "search", "ms", 12.0, target_op="<=", target_value=50.0, target_on="ours")
    assert latency.passed is True
    assert latency.target == "<= 50 ms"
    assert Figure("p", "pdf", "s", 80.0).passed is None  # reported without a target
    broken = failed("x", "broken", RuntimeError("boom"))
    assert broken.passed is None
    assert broken.error == "RuntimeError: boom"


def test_results_file_and_table(tmp_path: Path) -> None:
    from rich.console import Console

    figures = [
        Figure("g", "generation speed", "tok/s", 30.0, 31.0, 0.968, ">=", 0.97, "ratio"),
        Figure("m", "memory growth", "MB", 3.5, target_op="<=", target_value=50, target_on="ours"),
        failed("s", "hybrid search", EnvironmentProblem("no disk")),
    ]
    data = report.results(figures, {"suite": "test"})
    assert data["passed"] is False  # one target missed
    assert data["machine"]["logical_cores"] >= 1
    path = report.write_json(data, tmp_path / "out" / "bench.json")
    loaded = json.loads(path.read_text(encoding="utf-8"))
    assert [f["passed"] for f in loaded["figures"]] == [False, True, None]
    assert report.load_figures(loaded) == figures
    assert loaded["figures"][2]["error"] == "EnvironmentProblem: no disk"
    console = Console(record=True, width=160)
    console.print(report.table(figures))
    text = console.export_text()
    assert "FAIL" in text and "pass" in text and "error" in text
    assert "0.968" in text
    md = report.markdown(figures)
    assert md.count("\n") == 4 and "| memory growth | MB | 3.50 |" in md
    assert report.default_path().parent == Path("bench-results")


def test_plans_and_step_keys() -> None:
    quick = runner.Plan.quick_plan()
    assert runner.step_keys(quick) == ["generation_ratio", "stall_generate"]
    full = runner.step_keys(runner.Plan(), with_default_model=True)
    assert full[-1] == "pdf_default" and "search_p95" in full
    runner.check_only(runner.Plan(), {"search_p95", "startup"})
    with pytest.raises(UserError, match="bogus"):
        runner.check_only(quick, {"search_p95", "bogus"})


def test_probe_output_parsing() -> None:
    out = 'Qt noise\n{"max_ms": 3.5, "p99_ms": 1.0}\nnot json {\n'
    assert qt_figures.parse_probe_output(out) == {"max_ms": 3.5, "p99_ms": 1.0}
    with pytest.raises(EnvironmentProblem):
        qt_figures.parse_probe_output("no result at all\n[1, 2]\n")


@pytest.mark.model
def test_generation_ratio_on_the_real_model(core: Any, fast_model_path: Path) -> None:
    from assistant.bench.env import BenchEnv
    from assistant.bench.generation import generation_ratio

    env = BenchEnv(fast_model_path, threads=1)
    try:
        figure = generation_ratio(env, core, rounds=1, max_tokens=6)
    finally:
        env.close()
    assert figure.ours is not None and figure.ours > 0
    assert figure.baseline is not None and figure.baseline > 0
    assert figure.ratio == pytest.approx(figure.ours / figure.baseline)
    # both loops generated the same number of tokens from the same prompt
    assert [next(iter(t.values())) for t in figure.detail["tokens"]] == [6, 6]


def _installed_model(data_dir: Path, fast_model_path: Path) -> None:
    """Put the assembled model in the data dir (a hard link: no 500 MB copy)."""
    from assistant.paths import models_dir

    target = models_dir(data_dir) / fast_model_path.name
    try:
        os.link(fast_model_path, target)
    except OSError:  # another file system: copy instead  # pragma: no cover
        shutil.copyfile(fast_model_path, target)
    marker = fast_model_path.with_name(fast_model_path.name + ".verified")
    target.with_name(marker.name).write_text(marker.read_text())


def _smoke_rows(
    step: str,
    data_dir: Path,
    fast_model_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> list[dict[str, Any]]:
    """The figures ``deskmate bench --smoke --only STEP`` saved."""
    from assistant.cli.main import main

    _installed_model(data_dir, fast_model_path)
    out = tmp_path / "results.json"
    assert main(["--json", "bench", "--smoke", "--only", step, "-o", str(out)]) == 0
    capsys.readouterr()
    rows: list[dict[str, Any]] = json.loads(out.read_text(encoding="utf-8"))["figures"]
    return rows


def test_cli_runs_the_qt_probe_and_writes_json(
    data_dir: Path, fast_model_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """CLI -> runner -> the probe subprocess (real app objects load a PDF) -> JSON file."""
    from assistant.cli.main import main

    _installed_model(data_dir, fast_model_path)
    out = tmp_path / "results.json"
    code = main(["--json", "bench", "--smoke", "--only", "stall_pdf", "-o", str(out)])
    assert code == 0
    printed = json.loads(capsys.readouterr().out)
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert printed["path"] == str(out)
    assert saved["suite"] == "smoke" and saved["complete"] is True
    rows = saved["figures"]
    assert [r["key"] for r in rows] == ["stall_pdf_max", "stall_pdf_p99"]
    assert all(r["error"] == "" for r in rows)
    assert rows[0]["detail"]["documents"] == 1  # the PDF really was loaded and stored
    assert rows[0]["detail"]["ticks"] > 0
    assert rows[0]["ours"] >= rows[1]["ours"] >= 0
    assert rows[0]["target"] == "<= 50 ms" and rows[1]["target"] == "<= 20 ms"


def test_cli_rejects_unknown_step(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli.main import main

    assert main(["bench", "--quick", "--only", "search_p95"]) == 2  # not in the quick suite
    assert "unknown benchmark step" in capsys.readouterr().err


def test_the_model_load_stall_probe_loads_the_model(
    data_dir: Path, fast_model_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The window is shown, then the model and the language detector load behind it."""
    rows = _smoke_rows("stall_load", data_dir, fast_model_path, tmp_path, capsys)
    assert [r["key"] for r in rows] == ["stall_load_max", "stall_load_p99"]
    assert all(r["error"] == "" for r in rows)
    assert "CPU" in rows[0]["detail"]["status"]  # the model really loaded (and says where)
    assert rows[0]["detail"]["ticks"] > 0


@pytest.mark.model
def test_cli_smoke_measures_growth_in_a_child_per_size(
    data_dir: Path, fast_model_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """CLI -> runner -> one child process per size -> the growth rows (Plan.tiny()'s pages)."""
    smoke = _smoke_rows("pdf_growth", data_dir, fast_model_path, tmp_path, capsys)
    rows = {r["key"]: r for r in smoke}
    pages = runner.Plan.tiny().growth_pages
    sizes = [f"growth_{n}_{what}" for n in pages for what in ("seconds", "peak_rss")]
    fit = ["growth_seconds_per_page", "growth_time_r2", "growth_memory_beyond_text"]
    assert list(rows) == [*sizes, *fit]
    assert all(r["error"] == "" and r["ours"] is not None for r in rows.values())
    for n in pages:
        assert rows[f"growth_{n}_seconds"]["ours"] > 0
        assert rows[f"growth_{n}_peak_rss"]["ours"] > 100  # the child really loaded the model
    text = rows["growth_memory_beyond_text"]["detail"]["text_mb"]
    assert text == sorted(text) and text[0] < text[-1]  # more pages, more text
    assert rows["growth_seconds_per_page"]["detail"]["pages"] == list(pages)


@pytest.mark.model
def test_cli_smoke_measures_running_heads_both_ways(
    data_dir: Path, fast_model_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same PDF with running heads, summarized with them dropped and kept, fresh cores."""
    rows = {
        r["key"]: r
        for r in _smoke_rows("page_furniture", data_dir, fast_model_path, tmp_path, capsys)
    }
    assert list(rows) == ["furniture_tokens_read", "furniture_seconds", "furniture_first_section"]
    assert all(r["error"] == "" and r["ours"] > 0 and r["baseline"] > 0 for r in rows.values())
    tokens = rows["furniture_tokens_read"]
    assert tokens["target"] == "<= 1 ratio" and rows["furniture_seconds"]["target"] == "<= 1 ratio"
    detail = tokens["detail"]
    assert detail["pages"] == runner.Plan.tiny().furniture_pages
    assert detail["dropped"]["tokens_read"] == tokens["ours"]
    assert detail["kept"]["tokens_read"] == tokens["baseline"]
