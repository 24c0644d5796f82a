"""Prompt processing in the summarizer (input tokens/s) vs llama-cpp-python on the same chunks.

Ours: the summarizer's map step as it runs it (its chunking, its section prompts, Deskmate's
engine with batched, cancellable prompt evaluation), one output token per chunk. Baseline: a plain
``Llama.create_chat_completion`` of the same messages (same model, context, threads), which, like
the engine, keeps the KV cache of the prefix shared with the previous request.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from assistant.bench.corpus import prose
from assistant.bench.generation import raw_llama
from assistant.bench.stats import Figure, median, median_ratio, round_ratios
from assistant.llm.params import ChatMessage, GenParams
from assistant.task_events import Done

if TYPE_CHECKING:
    from assistant.bench.env import BenchEnv
    from assistant.core import Core


def summarizer_chunks(core: Core, words: int) -> list[list[ChatMessage]]:
    """The section prompts the summarizer's map step builds for a long document."""
    from assistant.documents import chunk_document, document_from_text
    from assistant.tasks import prompts
    from assistant.tasks.summarize import MAX_CHUNK_TOKENS, prompt_overhead

    engine = core.engine()
    frame = prompts.section_messages("", language="en", where="pages 100-200")
    budget = engine.context_size() - prompt_overhead(engine, frame) - prompts.SECTION_BUDGET
    doc = document_from_text(prose(words, seed=7), title="report")
    chunks = chunk_document(
        doc, max_tokens=min(MAX_CHUNK_TOKENS, budget), count_tokens=engine.count_tokens
    )
    return [
        prompts.section_messages(c.text, language="en", where=f"part {c.index + 1}") for c in chunks
    ]


def _ours(core: Core, messages: list[ChatMessage]) -> tuple[int, float]:
    start = time.perf_counter()
    tokens = 0
    for event in core.engine().chat(messages, GenParams(max_tokens=1, temperature=0.0)):
        if isinstance(event, Done):
            tokens = int(event.data["prompt_tokens"])
    return tokens, time.perf_counter() - start


def _raw(llm: Any, messages: list[ChatMessage]) -> tuple[int, float]:
    start = time.perf_counter()
    out = llm.create_chat_completion(messages=messages, max_tokens=1, temperature=0.0)
    return int(out["usage"]["prompt_tokens"]), time.perf_counter() - start


def prompt_ratio(env: BenchEnv, core: Core, rounds: int) -> Figure:
    """One chunk a round (a different one each round), ours and raw alternating first."""
    layers = core.engine().device_info().n_gpu_layers
    chunks = summarizer_chunks(core, words=int(env.n_ctx * 0.7 * (rounds + 1)))
    llm = raw_llama(env, layers)
    ours: list[float] = []
    base: list[float] = []
    sizes: list[int] = []
    try:
        for r in range(rounds):
            messages = chunks[r % len(chunks)]
            for who in ("ours", "raw") if r % 2 == 0 else ("raw", "ours"):
                if who == "ours":
                    n, s = _ours(core, messages)
                    ours.append(n / s)
                    sizes.append(n)
                else:
                    n, s = _raw(llm, messages)
                    base.append(n / s)
            env.say(f"prompt round {r + 1}: ours {ours[-1]:.0f} tok/s, raw {base[-1]:.0f}")
    finally:
        llm.close()
    return Figure(
        "prompt_ratio",
        "summarizer prompt processing",
        "tok/s",
        median(ours),
        median(base),
        median_ratio(ours, base),
        ">=",
        0.85,
        "ratio",
        ratio_low=min(round_ratios(ours, base)),
        ratio_high=max(round_ratios(ours, base)),
        detail={"rounds": rounds, "prompt_tokens": sizes, "ours": ours, "baseline": base},
    )
