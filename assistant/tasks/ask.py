"""A free prompt: the quick popup's "Ask"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from assistant.llm.params import GenParams
from assistant.task_events import TaskEvent
from assistant.tasks.recording import recorded

if TYPE_CHECKING:
    from assistant.host import TaskHost

SYSTEM = (
    "You are Deskmate, a helpful assistant on the user's own computer. Answer directly and "
    "concisely in the language of the question. Use Markdown when it helps."
)


def ask(core: TaskHost, prompt: str, *, max_tokens: int | None = None) -> Iterator[TaskEvent]:
    from assistant.errors import UserError

    if not prompt.strip():
        raise UserError("the prompt is empty")
    engine = core.engine()
    params = GenParams(
        max_tokens=max_tokens or core.settings.get_int("max_output_tokens"),
        temperature=core.settings.get_float("temperature"),
    )
    messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": prompt}]

    def body() -> Iterator[TaskEvent]:
        yield from engine.chat(messages, params)

    yield from recorded(
        core.store,
        "ask",
        body,
        input_text=prompt,
        model=engine.model_name(),
        params={"max_tokens": params.max_tokens, "temperature": params.temperature},
    )
