"""Cancel latency: how long ``close()`` of a generating request takes to return, i.e. until the
model thread has really stopped (target: 200 ms). Tests only check that a cancel stops the
model; the time it takes depends on the machine and its load, so it is measured here."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from assistant.bench.generation import STORY
from assistant.bench.stats import Figure, median, percentile
from assistant.llm.params import GenParams
from assistant.task_events import Progress, Token

if TYPE_CHECKING:
    from assistant.bench.env import BenchEnv
    from assistant.core import Core

TARGET_MS = 200.0


def _close_after(core: Core, first: type[Token] | type[Progress], max_tokens: int) -> float:
    """Milliseconds ``close()`` took, once the request produced a ``first`` event."""
    stream = core.engine().chat(STORY, GenParams(max_tokens=max_tokens, temperature=0.0))
    for event in stream:
        if isinstance(event, first) and (not isinstance(event, Progress) or event.done > 0):
            break
    start = time.perf_counter()
    stream.close()  # type: ignore[attr-defined]
    return (time.perf_counter() - start) * 1000


def cancel_latency(env: BenchEnv, core: Core, rounds: int) -> Figure:
    """Worst close() latency over ``rounds`` cancels while generating tokens."""
    core.engine().count_tokens("warm up")
    _close_after(core, Token, 64)  # load the model before measuring
    times = [_close_after(core, Token, 512) for _ in range(rounds)]
    return Figure(
        "cancel",
        "cancel while generating",
        "ms",
        ours=max(times),
        target_op="<=",
        target_value=TARGET_MS,
        target_on="ours",
        detail={
            "rounds": rounds,
            "median_ms": round(median(times), 1),
            "p95_ms": round(percentile(times, 95), 1),
            "min_ms": round(min(times), 1),
        },
    )
