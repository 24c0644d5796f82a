"""The runner, the table and the JSON on a synthetic task (no model: the systems are functions
of the item), and the registry's task names."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from assistant.errors import UserError
from assistant.eval import registry
from assistant.eval.runner import run_task
from assistant.eval.spec import EvalContext, EvalTask
from assistant.eval.table import json_data, table
from assistant.task_events import Progress


class _Engine:
    def model_name(self) -> str:
        return "toy-model"


class _Core:
    """Only what the runner asks of a core (the model's name for the report)."""

    def engine(self) -> _Engine:
        return _Engine()


def _score(items: Sequence[int], outputs: Sequence[int]) -> dict[str, float]:
    return {
        "hits": 100 * sum(o == i for i, o in zip(items, outputs, strict=True)) / len(items),
        "copy_ratio": 0.0,
    }


TOY = EvalTask(
    name="toy-en",
    description="numbers echoed back",
    systems=("plain", "pipeline", "broken"),
    load=lambda root, limit: list(range(1, 4))[:limit],
    # plain is right on odd items, the pipeline always, the broken system never
    run=lambda ctx, system, item: {"plain": item if item % 2 else 0, "pipeline": item}.get(
        system, -1
    ),
    score=_score,
    headline="hits",
)


def _run(limit: int | None = None) -> tuple[list[Progress], Any]:
    ctx = EvalContext(core=_Core(), data_dir=Path("."), seed=0)  # type: ignore[arg-type]
    steps = run_task(TOY, ctx, limit=limit, resamples=200)
    events: list[Progress] = []
    while True:
        try:
            events.append(next(steps))
        except StopIteration as stop:
            return events, stop.value


def test_every_system_runs_on_every_item_with_progress_and_eta() -> None:
    events, report = _run()
    answers = [e for e in events if e.eta_s is not None]
    assert [e.done for e in answers] == list(range(1, 10))
    assert all(e.total == 9 for e in events)
    assert answers[-1].eta_s == 0.0
    assert report.items == 3 and report.model == "toy-model"
    assert report.scores["pipeline"]["hits"] == 100.0
    assert report.scores["plain"]["hits"] == pytest.approx(200 / 3)
    assert report.scores["broken"]["hits"] == 0.0
    assert [(d.system, d.reference) for d in report.differences] == [
        ("pipeline", "plain"),
        ("broken", "plain"),
        ("broken", "pipeline"),  # the last system against the ones between
    ]
    pipeline, broken, broken_vs_pipeline = report.differences
    # never worse / never better on any item: the intervals cannot cross zero the other way
    assert pipeline.low >= 0 and not pipeline.worse
    assert broken.high <= 0 and broken.difference < 0 and not broken.better
    assert broken_vs_pipeline.worse and broken_vs_pipeline.difference == pytest.approx(-100)


def test_limit_and_json_and_table() -> None:
    _, report = _run(limit=2)
    assert report.items == 2
    data = json.loads(json.dumps(json_data([report], {"model": "toy"})))
    task = data["tasks"][0]
    assert task["task"] == "toy-en" and task["headline"] == "hits" and task["items"] == 2
    assert set(task["systems"]) == {"plain", "pipeline", "broken"}
    assert set(task["systems"]["plain"]) == {"hits", "copy_ratio"}
    diff = task["differences"][0]
    assert set(diff) >= {"system", "reference", "difference", "interval95", "better", "worse"}
    low, high = diff["interval95"]
    assert low <= diff["difference"] <= high
    console = Console(record=True, width=200)
    console.print(table(report))
    text = console.export_text()
    for needle in ("toy-en", "plain", "broken vs pipeline", "(reference)", "copy_ratio ↓"):
        assert needle in text
    assert "no clear difference" in text and "95% CI" in text


def test_registry_names_groups_and_unknown_tasks() -> None:
    names = registry.names()
    for name in ("translate", "summarize", "dates", "reply", "schedule", "all", "translate-en-zh"):
        assert name in names
    # The Schedule task's quality is its date resolver.
    schedule = [t.name for t in registry.select("schedule")]
    assert schedule == ["dates-en", "dates-zh", "date-specs"]
    assert [t.name for t in registry.select("translate")] == ["translate-en-zh", "translate-zh-en"]
    assert [t.name for t in registry.select("summarize-zh")] == ["summarize-zh"]
    assert len(registry.select("all")) == len(registry.all_tasks()) >= 9
    for task in registry.all_tasks():  # against plain prompting (or vectors, or unchanged text)
        assert task.systems[0] in ("plain", "vector", "unchanged") or len(task.systems) == 1
        assert task.headline
    with pytest.raises(UserError, match="unknown eval task"):
        registry.select("poetry")


def test_cli_bad_task_or_data_fails_before_any_model_loads(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.cli.main import main

    assert main(["--json", "eval", "--task", "poetry"]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["code"] == "user_error" and "summarize" in error["hint"]
    missing = tmp_path / "no-such-folder"
    assert main(["--json", "eval", "--task", "dates", "--data", str(missing)]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["code"] == "eval_data_error" and str(missing) in error["message"]
    assert main(["eval", "--task", "reply", "--data", str(tmp_path), "--limit", "2"]) == 2
    assert "no mails (.eml) under" in capsys.readouterr().err
