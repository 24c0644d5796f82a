"""The terminal driver of task generators: tokens to stdout, a progress bar with ETA on stderr.

These are unit tests of the rendering, fed with hand-made event sequences; the real tasks are
driven end to end in test_cli.py and tests/assistant/tasks/test_summarize.py.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console

from assistant.cli.context import CliContext
from assistant.cli.streaming import format_eta, run_events
from assistant.errors import DeskmateError
from assistant.task_events import Done, Progress, Status, TaskEvent, Token


def _ctx(tmp_path: Path, *, json: bool = False) -> CliContext:
    err = Console(file=io.StringIO(), force_terminal=True, width=120, color_system=None)
    return CliContext(data_dir=tmp_path, json=json, err=err)


def _err(ctx: CliContext) -> str:
    file = ctx.err.file
    assert isinstance(file, io.StringIO)
    return file.getvalue()


def _long_document_events() -> Iterator[TaskEvent]:
    yield Status("reading the document")
    yield Progress(0, 1, "reading")
    yield Progress(0, 4, "summarizing sections", None)
    yield Progress(1, 4, "summarizing sections", 65.0)
    yield Progress(2, 4, "summarizing sections", 30.0)
    yield Progress(3, 4, "writing the summary", None)
    yield Token("- first point\n")
    yield Token("- second point")
    yield Progress(4, 4, "done", 0.0)
    yield Done("- first point\n- second point", run_id=7, data={"mode": "map-reduce"})


def test_long_document_streams_to_stdout_and_draws_a_bar_with_eta_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = _ctx(tmp_path)
    done = run_events(_long_document_events(), ctx)
    assert done.run_id == 7
    out = capsys.readouterr()
    assert out.out == "- first point\n- second point\n"  # only the answer on stdout
    err = _err(ctx)
    assert "summarizing sections" in err
    assert "1/4" in err and "~1:05 left" in err  # the task's own estimate, not a guess
    assert "reading the document" in err  # status lines on a terminal
    assert "first point" not in err


def test_single_pass_draws_no_bar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def events() -> Iterator[TaskEvent]:
        yield Progress(0, 1, "prompt")
        yield Token("short answer")
        yield Done("short answer")

    ctx = _ctx(tmp_path, json=True)
    run_events(events(), ctx, stream=False)
    assert capsys.readouterr().out == ""  # --json prints the payload itself, later
    assert "━" not in _err(ctx) and "prompt" not in _err(ctx)


def test_ctrl_c_closes_the_task_generator(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    closed: list[bool] = []

    def events() -> Iterator[TaskEvent]:
        try:
            yield Token("a")
            yield Token("b")
            yield Done("ab")
        except GeneratorExit:
            closed.append(True)
            raise

    class InterruptingStdout(io.StringIO):
        def write(self, text: str) -> int:
            raise KeyboardInterrupt

    monkeypatch.setattr(sys, "stdout", InterruptingStdout())
    with pytest.raises(KeyboardInterrupt):
        run_events(events(), _ctx(tmp_path))
    assert closed == [True]  # the run is recorded as cancelled by the task's own handler


def test_a_task_without_a_result_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DeskmateError, match="without a result"):
        run_events(iter([Status("x")]), _ctx(tmp_path), stream=False)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (None, ""),
        (0.0, "~0:00 left"),
        (65.4, "~1:05 left"),
        (3725, "~1:02:05 left"),
        (-3, "~0:00 left"),
    ],
)
def test_format_eta(seconds: float | None, text: str) -> None:
    assert format_eta(seconds) == text
