"""Tokens/s through LlamaEngine vs a raw llama-cpp-python streaming loop (not a test).

Usage: .venv/bin/python tests/assistant/llm/bench_raw_ratio.py [model.gguf] [rounds]
Same prompt, greedy sampling, same n_ctx/threads; alternating rounds, median of each.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from assistant.events import Done
from assistant.llm.llama_backend import LlamaEngine
from assistant.llm.params import GenParams

MODEL = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/dm-models/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf")
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
N_TOKENS = 128
MESSAGES = [{"role": "user", "content": "Write a long story about a robot learning to paint."}]


def raw_tps(llm: object) -> float:
    llm.reset()  # type: ignore[attr-defined]
    start, first, n = time.perf_counter(), None, 0
    for chunk in llm.create_chat_completion(  # type: ignore[attr-defined]
        MESSAGES, max_tokens=N_TOKENS, temperature=0.0, stream=True
    ):
        if chunk["choices"][0]["delta"].get("content"):
            n += 1
            first = first or time.perf_counter()
    assert first is not None
    return (n - 1) / (time.perf_counter() - first) if n > 1 else 0.0


def engine_tps(engine: LlamaEngine) -> float:
    first, n, done = None, 0, None
    for event in engine.chat(MESSAGES, GenParams(max_tokens=N_TOKENS, temperature=0.0)):
        if isinstance(event, Done):
            done = event
        elif type(event).__name__ == "Token":
            n += 1
            first = first or time.perf_counter()
    assert done is not None and first is not None
    return (n - 1) / (time.perf_counter() - first) if n > 1 else 0.0


def main() -> None:
    from llama_cpp import Llama

    from assistant.llm._device import resolve_threads

    threads = resolve_threads("auto")
    raw = Llama(str(MODEL), n_ctx=2048, n_threads=threads, n_threads_batch=threads, verbose=False)
    engine = LlamaEngine(MODEL, n_ctx=2048, n_threads=threads, n_gpu_layers=0)
    engine_tps(engine)  # warm-up: load
    raws, ours = [], []
    for _ in range(ROUNDS):
        raws.append(raw_tps(raw))
        engine._host.call(lambda m: m.llm.reset())  # same cold prompt as the raw run
        ours.append(engine_tps(engine))
    r, o = statistics.median(raws), statistics.median(ours)
    print(f"raw    tok/s: {[round(x, 1) for x in raws]} median {r:.1f}")
    print(f"engine tok/s: {[round(x, 1) for x in ours]} median {o:.1f}")
    print(f"engine/raw = {o / r:.3f}")
    engine.close()
    raw.close()


if __name__ == "__main__":
    main()
