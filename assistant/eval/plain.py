"""The baseline every task compares with: one plain prompt to the same model, greedy."""

from __future__ import annotations

from assistant.eval.spec import EvalContext
from assistant.llm.params import GenParams
from assistant.task_events import Done


def ask_plain(ctx: EvalContext, prompt: str, max_tokens: int) -> str:
    """The model's answer to ``prompt`` as the only user message (no system prompt)."""
    params = GenParams(max_tokens=max_tokens, temperature=0.0, seed=ctx.seed)
    text = ""
    for event in ctx.core.engine().chat([{"role": "user", "content": prompt}], params):
        if isinstance(event, Done):
            text = event.text
    return text.strip()
