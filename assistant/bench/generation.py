"""Generation figures: tokens/s vs a plain llama-cpp-python loop, time to first token with a
warm vs a cold prompt cache, and memory growth over many generations."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from assistant.bench.stats import Figure, median, median_ratio, round_ratios
from assistant.llm.params import ChatMessage, GenParams
from assistant.task_events import Done, Token

if TYPE_CHECKING:
    from pathlib import Path

    from assistant.bench.env import BenchEnv
    from assistant.core import Core

STORY: list[ChatMessage] = [
    {"role": "system", "content": "You are a helpful writer."},
    {
        "role": "user",
        "content": "Write a long, detailed story about a lighthouse keeper who finds an old map "
        "in a bottle, and describe every step of the journey it leads to.",
    },
]


def raw_llama(
    env: BenchEnv,
    n_gpu_layers: int,
    model_path: Path | None = None,
    n_ctx: int | None = None,
    n_batch: int | None = None,
    n_ubatch: int | None = None,
) -> Any:
    """The baseline: a plain ``llama_cpp.Llama`` with the engine's model, context and threads."""
    from llama_cpp import Llama

    return Llama(
        str(model_path or env.model_path),
        n_ctx=n_ctx or env.n_ctx,
        n_threads=env.threads,
        n_threads_batch=env.threads,
        n_gpu_layers=n_gpu_layers,
        n_batch=n_batch or 512,  # llama-cpp-python's defaults, as the engine's settings
        n_ubatch=n_ubatch or 512,
        verbose=False,
    )


def ours_stream(core: Core, messages: list[ChatMessage], max_tokens: int) -> tuple[int, float]:
    """Decode tokens/s through Deskmate's engine: (tokens, seconds from first token to Done)."""
    first = last = 0.0
    n = 0
    for event in core.engine().chat(messages, GenParams(max_tokens=max_tokens, temperature=0.0)):
        if isinstance(event, Token) and not first:
            first = time.perf_counter()
        elif isinstance(event, Done):
            last = time.perf_counter()
            n = int(event.data.get("completion_tokens", 0))
    return n, last - first


def raw_stream(llm: Any, messages: list[ChatMessage], max_tokens: int) -> tuple[int, float]:
    """The same with a plain llama-cpp-python streaming loop (one chunk per token)."""
    first = 0.0
    n = 0
    stream = llm.create_chat_completion(
        messages=messages, max_tokens=max_tokens, temperature=0.0, stream=True
    )
    for chunk in stream:
        if chunk["choices"][0]["delta"].get("content"):
            n += 1
            if not first:
                first = time.perf_counter()
    return n, time.perf_counter() - first


def generation_ratio(env: BenchEnv, core: Core, rounds: int, max_tokens: int) -> Figure:
    engine = core.engine()
    layers = engine.device_info().n_gpu_layers
    llm = raw_llama(env, layers)
    try:
        ours_stream(core, STORY, 4)  # warm both (load, first allocations)
        raw_stream(llm, STORY, 4)
        ours: list[float] = []
        base: list[float] = []
        counts: list[dict[str, int]] = []
        for r in range(rounds):
            order = ("ours", "raw") if r % 2 == 0 else ("raw", "ours")
            for who in order:
                if who == "ours":
                    n, s = ours_stream(core, STORY, max_tokens)
                    ours.append((n - 1) / s)
                else:
                    n, s = raw_stream(llm, STORY, max_tokens)
                    base.append((n - 1) / s)
                counts.append({who: n})
            env.say(f"generation round {r + 1}: ours {ours[-1]:.1f} tok/s, raw {base[-1]:.1f}")
    finally:
        llm.close()
    return Figure(
        "generation_ratio",
        "generation speed",
        "tok/s",
        median(ours),
        median(base),
        median_ratio(ours, base),
        ">=",
        0.97,
        "ratio",
        ratio_low=min(round_ratios(ours, base)),
        ratio_high=max(round_ratios(ours, base)),
        detail={
            "rounds": rounds,
            "max_tokens": max_tokens,
            "ours": ours,
            "baseline": base,
            "tokens": counts,
        },
    )


QUICK_PROMPTS = ("What is the capital of France?", "Name three primary colors.")


def _first_token_s(core: Core, prompt: str) -> float:
    start = time.perf_counter()
    events = core.ask(prompt, max_tokens=8)
    took = 0.0
    for event in events:
        if isinstance(event, Token) and not took:
            took = time.perf_counter() - start
    return took


def time_to_first_token(env: BenchEnv, core: Core, rounds: int) -> Figure:
    """``core.ask`` (the quick popup's Ask) right after another ask (system prompt cached) vs
    right after an unrelated chat (cold prompt cache)."""
    engine = core.engine()
    evict: list[ChatMessage] = [
        {"role": "system", "content": "Translate the user's text into German."},
        {"role": "user", "content": "The weather is nice today."},
    ]
    _first_token_s(core, QUICK_PROMPTS[0])  # load and warm
    warm: list[float] = []
    cold: list[float] = []
    for r in range(rounds):
        for who in ("warm", "cold") if r % 2 == 0 else ("cold", "warm"):
            if who == "warm":
                _first_token_s(core, QUICK_PROMPTS[0])
                warm.append(_first_token_s(core, QUICK_PROMPTS[1]))
            else:
                for _ in engine.chat(evict, GenParams(max_tokens=1)):
                    pass
                cold.append(_first_token_s(core, QUICK_PROMPTS[1]))
    return Figure(
        "ttft_cached",
        "time to first token, cached vs cold",
        "ms",
        median(warm) * 1000,
        median(cold) * 1000,
        median_ratio(warm, cold),
        "<=",
        0.5,
        "ratio",
        ratio_low=min(round_ratios(warm, cold)),
        ratio_high=max(round_ratios(warm, cold)),
        detail={"rounds": rounds, "warm_s": warm, "cold_s": cold},
    )


def memory_growth(env: BenchEnv, core: Core, generations: int) -> Figure:
    """RSS after the last of ``generations`` asks minus RSS after the first (MB)."""
    import psutil

    proc = psutil.Process()
    rss: list[float] = []
    for i in range(generations):
        for _ in core.ask(f"Give one short tip about topic number {i}.", max_tokens=16):
            pass
        rss.append(proc.memory_info().rss / 2**20)
    growth = rss[-1] - rss[0]
    return Figure(
        "memory_growth",
        f"memory growth over {generations} generations",
        "MB",
        growth,
        target_op="<=",
        target_value=50.0,
        target_on="ours",
        detail={"rss_first_mb": rss[0], "rss_last_mb": rss[-1], "rss_max_mb": max(rss)},
    )
