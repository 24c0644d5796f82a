"""Drive the model from a task: one chat, its answer kept, progress passed on."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING

from assistant.task_events import Done, Progress, TaskEvent, Token

if TYPE_CHECKING:
    from assistant.llm.engine import LLMEngine
    from assistant.llm.params import ChatMessage, GenParams


def chat_answer(
    engine: LLMEngine,
    messages: list[ChatMessage],
    params: GenParams,
    *,
    progress: Progress | None = None,
) -> Generator[TaskEvent, None, str]:
    """Run one chat and return its answer (``Done.text``, as the engine gave it).

    Without ``progress`` the answer streams: its tokens are yielded, and the prompt's progress
    as stage "reading". With ``progress`` nothing of the answer shows (the task checks it
    first): ``progress`` is yielded for every engine event, so the consumer can still cancel
    between two of them.
    """
    answer = ""
    for event in engine.chat(messages, params):
        if isinstance(event, Done):
            answer = event.text
        elif progress is not None:
            yield progress
        elif isinstance(event, Token):
            yield event
        elif isinstance(event, Progress):
            yield Progress(event.done, event.total, "reading", event.eta_s)
    return answer
