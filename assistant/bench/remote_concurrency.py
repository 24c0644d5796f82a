"""Concurrent requests to a server: one request's latency against N at once (a projection).

Summaries of long documents send ``remote_concurrency`` sections to a server at once. How much
that gains depends on the server: llama-cpp-python's server answers one request after another,
so N at once take about N times as long in total; a server that batches (vLLM's continuous
batching, llama.cpp's ``llama-server --parallel``) decodes them together. This step starts the
local ``python -m llama_cpp.server`` on the bench model, sends 1, 2 and 4 requests at once
through Deskmate's own remote engine, and reports the wall time and each request's latency.
The speed-up a batching server would give is a projection (docs/BENCHMARKS.md), not measured:
its basis is the cost of one model step on 1, 2 and 4 tokens at once in raw llama-cpp-python
(``batch_step``), which is what a decode step over N sequences costs a batching server.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from assistant.bench.stats import Figure, median
from assistant.llm.params import GenParams
from assistant.task_events import Done, Token

if TYPE_CHECKING:
    from assistant.bench.env import BenchEnv

LEVELS = (1, 2, 4)
TOPICS = ("a lighthouse", "a bakery", "a train station", "a mountain village")
START_DEADLINE_S = 120.0


@contextlib.contextmanager
def local_server(env: BenchEnv) -> Iterator[str]:
    """``python -m llama_cpp.server`` on 127.0.0.1, serving the bench model; yields its URL."""
    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = env.scratch("llama-server") / "server.log"
    cmd = [sys.executable, "-m", "llama_cpp.server", "--model", str(env.model_path),
           "--model_alias", "bench", "--n_ctx", str(env.n_ctx), "--n_threads", str(env.threads),
           "--n_threads_batch", str(env.threads), "--host", "127.0.0.1",
           "--port", str(port), "--verbose", "False", "--interrupt_requests", "False"]  # fmt: skip
    with log.open("wb") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.STDOUT, env=dict(os.environ))
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + START_DEADLINE_S
        with httpx.Client(trust_env=False, timeout=2.0) as client:
            while True:
                with contextlib.suppress(httpx.TransportError):
                    if client.get(f"{url}/models").status_code == 200:
                        break
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"llama_cpp.server did not start:\n{log.read_text()}")
                time.sleep(0.2)  # a bench, not a test: polling a start-up is fine here
        yield url
    finally:
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=15)
        proc.kill()  # nothing once it has exited
        proc.wait()


def _one(url: str, topic: str, max_tokens: int, out: dict[str, float]) -> None:
    """One request through the remote engine: its latency and time to first token (s)."""
    from assistant.llm.openai_backend import OpenAIEngine

    engine = OpenAIEngine(url, model="bench", n_ctx=2048)
    messages = [{"role": "user", "content": f"Write a long story about {topic}."}]
    start = time.perf_counter()
    try:
        for event in engine.chat(messages, GenParams(max_tokens=max_tokens, temperature=0.0)):
            if isinstance(event, Token) and "first" not in out:
                out["first"] = time.perf_counter() - start
            elif isinstance(event, Done):
                out["tokens"] = float(event.data["completion_tokens"])
        out["latency"] = time.perf_counter() - start
    finally:
        engine.close()


def _at_once(url: str, n: int, max_tokens: int) -> dict[str, float]:
    results: list[dict[str, float]] = [{} for _ in range(n)]
    threads = [
        threading.Thread(target=_one, args=(url, TOPICS[i % len(TOPICS)], max_tokens, results[i]))
        for i in range(n)
    ]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    latencies = [r["latency"] for r in results]
    return {
        "n": n,
        "wall_s": round(wall, 2),
        "latency_median_s": round(median(latencies), 2),
        "latency_max_s": round(max(latencies), 2),
        "first_token_max_s": round(max(r["first"] for r in results), 2),
        "tokens": sum(r["tokens"] for r in results),
        "tokens_per_s": round(sum(r["tokens"] for r in results) / wall, 1),
    }


def concurrency(env: BenchEnv, max_tokens: int = 64, rounds: int = 1) -> list[Figure]:
    """One row per level: the wall time of N requests at once against N x one request."""
    with local_server(env) as url:
        _at_once(url, 1, 8)  # warm up: the model's first request pays its page-ins
        runs = {n: [_at_once(url, n, max_tokens) for _ in range(rounds)] for n in LEVELS}
    single = median([r["wall_s"] for r in runs[1]])
    figures = []
    for n in LEVELS:
        wall = median([r["wall_s"] for r in runs[n]])
        figures.append(
            Figure(
                f"remote_x{n}",
                f"{n} request(s) at once to llama_cpp.server",
                "s",
                ours=wall,
                baseline=round(single * n, 2),
                ratio=round(wall / (single * n), 3),
                detail={"rounds": runs[n], "max_tokens": max_tokens, "threads": env.threads},
            )
        )
    return figures


def batch_step(env: BenchEnv, rounds: int = 8) -> list[Figure]:
    """Milliseconds of one model step on n tokens at once (n = 1, 2, 4), against n steps of
    one: what decoding n sequences together would cost against one after another."""
    from llama_cpp import Llama

    # logits_all: a step over n sequences computes n rows of logits, not one
    llm = Llama(
        str(env.model_path),
        n_ctx=512,
        n_threads=env.threads,
        n_threads_batch=env.threads,  # the same threads for 1 token and for n
        logits_all=True,
        verbose=False,
    )
    try:
        context = llm.tokenize(b"The lighthouse keeper climbed the stairs at dusk. " * 8)
        llm.eval(context)
        base = llm.n_tokens
        step_ms: dict[int, float] = {}
        for n in LEVELS:
            times = []
            for _ in range(rounds):
                llm.n_tokens = base  # drop the last step: each round starts from the context
                start = time.perf_counter()
                llm.eval(context[:n])
                times.append((time.perf_counter() - start) * 1000)
            step_ms[n] = median(times)
    finally:
        llm.close()
    return [
        Figure(
            f"batch_step_x{n}",
            f"one model step on {n} token(s) at once",
            "ms",
            ours=round(step_ms[n], 1),
            baseline=round(step_ms[1] * n, 1),
            ratio=round(step_ms[n] / (step_ms[1] * n), 3),
            detail={"rounds": rounds, "threads": env.threads, "context_tokens": base},
        )
        for n in LEVELS
    ]
