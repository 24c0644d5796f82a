"""The CLI prints a long summary's sections as they come (JSON lines with --json)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.cli.context import CliContext
from assistant.cli.streaming import run_events
from assistant.task_events import Done, SectionDone, TaskEvent, Token


def _events() -> Iterator[TaskEvent]:
    yield SectionDone(0, 2, "1-3", "Results", "- Sales rose.")
    yield SectionDone(1, 2, "4", "", "- Costs fell.")
    yield Token("The year ")
    yield Token("went well.")
    yield Done("The year went well.\n\n## Sections\n\n…", data={"sections": 2})


def test_sections_print_before_the_overview(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    done = run_events(_events(), CliContext(tmp_path))
    out = capsys.readouterr().out
    assert out.index("### Pages 1-3 · Results\n\n- Sales rose.") < out.index("### Page 4\n\n")
    assert out.index("- Costs fell.") < out.index("## Overview\n\nThe year went well.")
    assert out.startswith("## Sections\n\n") and done.data["sections"] == 2


def test_json_gets_one_line_per_section(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_events(_events(), CliContext(tmp_path, json=True), stream=False)
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["event"] for line in lines] == ["section", "section"]
    assert lines[0] == {
        "event": "section",
        "index": 0,
        "total": 2,
        "pages": "1-3",
        "heading": "Results",
        "text": "- Sales rose.",
        "language": "en",
    }


def test_a_chinese_summary_prints_chinese_headings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def events() -> Iterator[TaskEvent]:
        yield SectionDone(0, 2, "1-12", "", "- 销售增长。", "zh")
        yield SectionDone(1, 2, "13", "", "- 成本下降。", "zh")
        yield Token("全年顺利。")
        yield Done("全年顺利。\n\n## 各部分\n\n…", data={"sections": 2})

    run_events(events(), CliContext(tmp_path))
    out = capsys.readouterr().out
    assert out.startswith("## 各部分\n\n### 第 1-12 页\n\n- 销售增长。")
    assert out.index("### 第 13 页\n\n- 成本下降。") < out.index("## 概要\n\n全年顺利。")
    assert "Sections" not in out and "Overview" not in out
