"""Prompt evaluation on the host thread: full ``n_batch`` batches, cancellable inside a batch.

The prompt goes to llama.cpp in batches of ``llm.n_batch`` tokens, as ``Llama.eval`` does, so
each ``llama_decode`` call pays llama.cpp's thread synchronisation once for hundreds of tokens.
A cancel does not wait for the batch to end: llama.cpp's abort callback (checked by the CPU
backend between graph nodes, i.e. every few milliseconds) returns True once the job is cancelled
and ``llama_decode`` gives up. The KV cells written by the aborted batch are then removed, so the
cache holds exactly ``llm.input_ids[:llm.n_tokens]`` and the next request's prefix reuse stays
correct.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from assistant.llm._host import Job
from assistant.llm._lookup import last_logits_only
from assistant.task_events import Progress

RATE_KEY = "prompt_tokens_per_s"  # in LoadedModel.stats: the last measured speed, for the ETA


@contextmanager
def abort_on_cancel(llm: Any, job: Job) -> Iterator[None]:
    """While inside, a running ``llama_decode`` on ``llm`` stops soon after ``job`` is cancelled.

    Installed only around prompt evaluation: during generation a token takes tens of ms and the
    job checks its flag between tokens, so the per-node callback would only cost time there.
    """
    import llama_cpp

    def should_abort(_data: Any) -> bool:
        return job.cancelled

    # ctypes calls back into Python with the GIL; the object must stay referenced while installed.
    callback = llama_cpp.ggml_abort_callback(should_abort)
    ctx = llm._ctx.ctx
    llama_cpp.llama_set_abort_callback(ctx, callback, None)
    try:
        yield
    finally:
        llama_cpp.llama_set_abort_callback(ctx, llama_cpp.ggml_abort_callback(), None)
        del callback


def evaluate_prompt(llm: Any, job: Job, pending: list[int], stats: dict[str, float]) -> bool:
    """Evaluate ``pending`` after the cached prefix; False if the job was cancelled meanwhile.

    Emits ``Progress(stage="prompt")`` before the first batch (with an ETA from the previous
    request's speed) and after every batch.
    """
    total, done = len(pending), 0
    rate = stats.get(RATE_KEY, 0.0)
    job.emit(Progress(0, total, stage="prompt", eta_s=total / rate if rate > 0 else None))
    with abort_on_cancel(llm, job), last_logits_only(llm):
        while done < total:
            if job.cancelled:
                return False
            batch = pending[done : done + llm.n_batch]
            start = time.perf_counter()
            try:
                llm.eval(batch)
            except RuntimeError:
                if not job.cancelled:
                    raise
                forget_uncommitted(llm)  # aborted by the callback: drop its partial KV cells
                return False
            rate = len(batch) / max(time.perf_counter() - start, 1e-6)
            stats[RATE_KEY] = rate
            done += len(batch)
            job.emit(Progress(done, total, stage="prompt", eta_s=(total - done) / rate))
    return True


def forget_uncommitted(llm: Any) -> None:
    """Make the KV cache hold exactly the tokens ``llm`` knows about (``input_ids[:n_tokens]``)."""
    if not llm._ctx.kv_cache_seq_rm(-1, llm.n_tokens, -1):
        llm.reset()
        llm._ctx.kv_cache_clear()
