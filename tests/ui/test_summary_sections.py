"""The result view shows a long summary's sections as they finish; Stop keeps them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

from assistant.task_events import Done, SectionDone, TaskEvent, Token
from tests.ui.conftest import ScriptedCore
from ui.pages.specs import task_specs
from ui.pages.task_page import TaskPage

WAIT_S = 30.0


def _section(index: int) -> SectionDone:
    return SectionDone(index, 3, f"{index * 2 + 1}-{index * 2 + 2}", "", f"Gist number {index}.")


def _gated(gates: list[threading.Event]) -> Iterator[TaskEvent]:
    """Section i comes once gates[i] is set; then the overview and the final text."""
    for index, gate in enumerate(gates):
        assert gate.wait(WAIT_S)
        yield _section(index)
    yield Token("Overview line.")
    yield Done("Overview line.\n\n## Sections\n\n### Pages 1-2\n\nGist number 0.\n")


def _started(qtbot: Any, core: ScriptedCore, gates: list[threading.Event]) -> TaskPage:
    """The Summarize page running the gated task, its first section on screen."""
    spec = next(s for s in task_specs() if s.key == "summarize")
    page = TaskPage(core, spec)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.start(lambda: _gated(gates), "summarize")
    gates[0].set()
    qtbot.waitUntil(lambda: "Gist number 0." in page.result.toPlainText(), timeout=10_000)
    return page


def test_sections_show_as_they_come_then_the_overview_on_top(
    qtbot: Any, scripted_core: ScriptedCore
) -> None:
    gates = [threading.Event() for _ in range(3)]
    page = _started(qtbot, scripted_core, gates)
    shown = page.result.toPlainText()
    assert "Pages 1-2" in shown and "Gist number 1." not in shown
    assert "overview" in shown.lower()  # says the overview is still to come
    assert "1" in page.status_label.text() and "3" in page.status_label.text()
    gates[1].set()
    qtbot.waitUntil(lambda: "Gist number 1." in page.result.toPlainText(), timeout=10_000)
    assert page.result.toPlainText().index("Gist number 0.") < page.result.toPlainText().index(
        "Gist number 1."
    )
    with qtbot.waitSignal(page.run_finished, timeout=10_000):
        gates[2].set()
    final = page.result.toPlainText()
    assert final.startswith("Overview line.")
    assert page.shown_text().startswith("Overview line.")


def test_stop_keeps_the_finished_sections_with_a_resume_note(
    qtbot: Any, scripted_core: ScriptedCore
) -> None:
    gates = [threading.Event() for _ in range(3)]
    page = _started(qtbot, scripted_core, gates)
    with qtbot.waitSignal(page.run_finished, timeout=10_000):
        page.stop()
    for gate in gates:  # let the worker reach its next event and close
        gate.set()
    qtbot.waitUntil(lambda: not page.runner.is_running(), timeout=10_000)
    assert "Gist number 0." in page.result.toPlainText()
    assert "Gist number 0." in page.shown_text()
    assert "resume" in page.status_label.text()
