"""Cancel takes effect at once in every task, on the real model.

The consumer closes the task's generator mid-run (after the model produced its first output):
when ``close()`` returns the model has stopped (a few tokens into a long request), the run is
stored as cancelled, and the engine is free for the next request. How many milliseconds the
cancel takes depends on the machine: `deskmate bench` reports it, tests do not bound it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from assistant.llm._generate import COMPLETION_KEY
from assistant.task_events import Progress, TaskEvent, Token

LONG = 256  # long enough that every task is still generating when it is closed

MAIL = (
    b"From: Ana <ana@example.com>\r\nTo: me@example.com\r\nSubject: Budget review\r\n"
    b"Date: Tue, 02 Apr 2024 10:00:00 +0000\r\n\r\n"
    b"Hi, could we meet on Thursday at 3pm to go over the Q3 budget and the hiring plan? "
    b"Please send me the latest figures before then.\r\nThanks, Ana\r\n"
)
TEXT = (
    "The city council met on Monday to discuss the new tram line. Engineers presented two "
    "routes, one along the river and one through the old town. Residents asked about noise, "
    "costs and the building schedule, which would start next spring and last two years."
)

TASKS: dict[str, Callable[[Any], Iterator[TaskEvent]]] = {
    "summarize": lambda core: core.summarize(TEXT, max_tokens=LONG, length="detailed"),
    "translate": lambda core: core.translate(TEXT, "zh", max_tokens=LONG),
    "reply": lambda core: core.reply(MAIL, "accept and propose Friday instead", max_tokens=LONG),
    "schedule": lambda core: core.schedule(
        "Team lunch with Ana next Thursday at noon at Chez Paul, then the budget review "
        "on Friday at 3pm in room 4.",
        max_tokens=LONG,
    ),
    "ask": lambda core: core.ask("Write a long story about a lighthouse keeper.", max_tokens=LONG),
}


def _model_started(event: TaskEvent) -> bool:
    """The model is working: it evaluates the prompt or generates (tokens, or progress)."""
    return isinstance(event, Token | Progress)


@pytest.mark.model
@pytest.mark.parametrize("task", sorted(TASKS))
def test_cancel_mid_run_stops_the_model(core: Any, task: str) -> None:
    core.settings.set("n_threads", 1)
    core.engine().count_tokens("warm up")
    events = TASKS[task](core)
    seen = 0
    for event in events:
        if _model_started(event):
            seen += 1
            if isinstance(event, Token) or seen >= 4:
                break
    else:
        pytest.fail(f"{task} finished before it could be cancelled")
    events.close()  # type: ignore[attr-defined]
    # The request in flight stopped far short of its budget (0 if it was still reading the
    # prompt): the model thread checks the cancel between tokens and aborts prompt batches.
    sampled = core.engine()._host.call(lambda m: m.stats[COMPLETION_KEY])
    assert sampled < LONG // 2, f"{task}: {sampled} tokens sampled after the cancel"
    runs = core.store.list_runs(limit=5)
    assert runs and runs[0]["status"] == "cancelled", runs[:1]
    # The engine is free at once: a new short request runs to the end.
    again = list(core.ask("Say OK.", max_tokens=4))
    assert again and again[-1].text.strip()
