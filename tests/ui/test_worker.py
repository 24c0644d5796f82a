"""TaskRunner: streams, coalesces, cancels, reports typed errors and bugs, keeps the loop alive."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from assistant.errors import ModelNotFound
from assistant.llm._generate import COMPLETION_KEY
from assistant.task_events import Done, TaskEvent, Token
from ui.worker import CallRunner, TaskRunner, live_workers


def _tokens(n: int) -> Iterator[TaskEvent]:
    for i in range(n):
        yield Token(f"t{i} ")
    yield Done("final", run_id=7)


def test_streams_tokens_coalesced_and_done(qtbot: Any) -> None:
    runner = TaskRunner()
    pieces: list[str] = []
    emissions: list[int] = []
    runner.token.connect(pieces.append)
    runner.token.connect(lambda _: emissions.append(1))
    with qtbot.waitSignal(runner.done, timeout=30_000) as done:
        runner.start(lambda: _tokens(2000))
    assert "".join(pieces) == "".join(f"t{i} " for i in range(2000))
    assert len(emissions) < 50  # 2000 tokens coalesced into a handful of repaints
    assert isinstance(done.args[0], Done) and done.args[0].run_id == 7
    qtbot.waitUntil(lambda: not runner.is_running())


def test_typed_error_goes_to_error_signal(qtbot: Any) -> None:
    def failing() -> Iterator[TaskEvent]:
        yield Token("a")
        raise ModelNotFound("no model", hint="run deskmate models add")

    runner = TaskRunner()
    with qtbot.waitSignal(runner.error, timeout=30_000) as err:
        runner.start(failing)
    assert err.args[0].user_text() == "no model (run deskmate models add)"


def test_unexpected_exception_goes_to_crashed(qtbot: Any) -> None:
    def buggy() -> Iterator[TaskEvent]:
        yield Token("a")
        raise ZeroDivisionError("boom")

    runner = TaskRunner()
    with qtbot.waitSignal(runner.crashed, timeout=30_000) as crashed:
        runner.start(buggy)
    assert "ZeroDivisionError: boom" in crashed.args[0]


def test_call_runner_returns_result(qtbot: Any) -> None:
    runner = CallRunner()
    with qtbot.waitSignal(runner.result, timeout=30_000) as result:
        runner.start(lambda: 6 * 7)
    assert result.args == [42]


@pytest.mark.model
def test_real_model_streams_and_cancel_stops_it(qtbot: Any, real_core: Any) -> None:
    runner = TaskRunner()
    pieces: list[str] = []
    runner.token.connect(pieces.append)
    prompt = "Count from 1 to 200, one number per line."
    with qtbot.waitSignal(runner.token, timeout=120_000):
        runner.start(lambda: real_core.ask(prompt, max_tokens=400))
    with qtbot.waitSignal(runner.cancelled, timeout=30_000):
        runner.cancel()
    assert "".join(pieces)
    assert not runner.is_running()
    # the generator itself is closed by the worker, which then ends (run recorded as cancelled)
    qtbot.waitUntil(lambda: not live_workers(), timeout=30_000)
    # The model stopped far short of its 400-token budget (the latency is a bench figure).
    sampled = real_core.engine()._host.call(lambda m: m.stats[COMPLETION_KEY])
    assert sampled < 200, f"{sampled} tokens sampled after the cancel"
    runs = real_core.store.list_runs(task="ask")
    assert runs and runs[0]["status"] == "cancelled"


@pytest.mark.model
def test_event_loop_runs_between_tokens_during_generation(qtbot: Any, real_core: Any) -> None:
    """The model works off the GUI thread: a 5 ms heartbeat keeps firing between the streamed
    pieces of the answer. How long the loop may wait (the stall) is a `deskmate bench` figure."""
    from ui.main_window import MainWindow

    real_core.settings.set("n_threads", 1)  # the app keeps one core free for the interface
    window = MainWindow(real_core)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.model_status_changed, timeout=120_000):
        window.show()  # loads the model in the background: the app keeps it warm
    assert "on CPU" in window.model_status
    page = window.task_pages["summarize"]
    page.set_text("The quarterly report shows revenue grew 12 percent while costs fell.")
    timeline: list[str] = []  # both appended on the GUI thread, in the order they ran
    page.runner.token.connect(lambda _text: timeline.append("token"))
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: timeline.append("beat"))
    heartbeat.start()
    with qtbot.waitSignal(page.run_finished, timeout=120_000):
        page.run()
    heartbeat.stop()
    assert page.result_text
    tokens = [i for i, what in enumerate(timeline) if what == "token"]
    assert len(tokens) >= 2, timeline
    assert "beat" in timeline[tokens[0] : tokens[-1]], "no heartbeat while the model streamed"
