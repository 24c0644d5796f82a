"""Search latency over 100,000 stored chunks (half English, half Chinese with some English):
hybrid (full-text + vectors, merged), and the full-text half alone for English, Chinese
two-character and mixed queries."""

from __future__ import annotations

import time
from collections.abc import Callable, Sized
from typing import TYPE_CHECKING

import numpy as np

from assistant.bench.corpus import chunk_texts, zh_chunk_texts
from assistant.bench.stats import Figure, median, percentile

if TYPE_CHECKING:
    from assistant.bench.env import BenchEnv
    from assistant.core import Core

QUERIES = (
    "bridge repair budget",
    "river levels study",
    "night buses timetable",
    "recycling rules",
    "heating costs in winter",
    "bike lanes proposal",
    "safety checks station",
    "volunteer training",
    "archive audit",
    "hiring engineers",
    "public meetings schedule",
    "survey results",
)
ZH_QUERIES = ("隐私", "预算", "供暖", "回复", "邮件自动回复", "数据隐私", "公交", "安全检查")
MIXED_QUERIES = ("budget 预算", "review 委员会", "隐私 budget", "budget review 安全")
KINDS = {"en": QUERIES, "zh": ZH_QUERIES, "mixed": MIXED_QUERIES}


def fill(core: Core, total: int, per_doc: int = 5000) -> float:
    """Store ``total`` synthetic chunks with (random, unit-length) vectors; return seconds."""
    from assistant.documents import Chunk, document_from_text

    start = time.perf_counter()
    rng = np.random.default_rng(0)
    embedder = core.embedder()
    dim = embedder.dim
    core.store.set_embedding_model(embedder.model)  # the vectors below count as this model's
    for first in range(0, total, per_doc):
        count = min(per_doc, total - first)
        texts = (
            zh_chunk_texts(count, seed=first)
            if (first // per_doc) % 2
            else chunk_texts(count, words=40, seed=first)
        )
        doc = document_from_text(f"synthetic document {first}", title=f"synthetic {first}")
        chunks = [Chunk(i, t, i // 8 + 1, i // 8 + 1, None) for i, t in enumerate(texts)]
        doc_id = core.store.add_document(doc, chunks)
        ids = [int(c["id"]) for c in core.store.get_chunks(doc_id)]
        vectors = rng.standard_normal((len(ids), dim)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        core.store.add_vectors(ids, vectors, embedder.model)
    return time.perf_counter() - start


def _timed(run: Callable[[int], Sized], queries: int) -> tuple[list[float], list[int]]:
    """Milliseconds and hit counts of ``run(i)`` for ``i`` in ``range(queries)``."""
    times: list[float] = []
    hits: list[int] = []
    for i in range(queries):
        start = time.perf_counter()
        found = run(i)
        times.append((time.perf_counter() - start) * 1000)
        hits.append(len(found))
    return times, hits


def _p95(key: str, name: str, times: list[float], hits: list[int], **more: float) -> Figure:
    detail = {"p50_ms": median(times), "max_ms": max(times), "min_hits": min(hits), **more}
    return Figure(
        key, name, "ms", percentile(times, 95), target_op="<=", target_value=50.0,
        target_on="ours", detail=detail,
    )  # fmt: skip


def search_latency(env: BenchEnv, core: Core, total: int, queries: int) -> Figure:
    fill_s = fill(core, total)
    env.say(f"stored {total:,} chunks with vectors in {fill_s:.0f} s")
    for q in QUERIES[:3]:  # warm: embedder, page cache
        core.search(q)
    times, hits = _timed(lambda i: core.search(QUERIES[i % len(QUERIES)], limit=20), queries)
    name = f"hybrid search over {total:,} chunks (p95)"
    return _p95("search_p95", name, times, hits, queries=queries, fill_seconds=fill_s)


def text_latency(env: BenchEnv, core: Core, queries: int) -> list[Figure]:
    """p95 of the full-text half (``Store.rank_text``) per query language, on the chunks that
    ``search_latency`` stored (run it first on the same core)."""
    total = core.store.vector_count()
    figures = []
    for kind, pool in KINDS.items():
        for q in pool[:2]:  # warm: jieba's dictionary, page cache
            core.store.rank_text(q)

        def rank(i: int, pool: tuple[str, ...] = pool) -> Sized:
            return core.store.rank_text(pool[i % len(pool)], 50)

        times, hits = _timed(rank, queries)
        env.say(f"full-text {kind}: p95 {percentile(times, 95):.1f} ms")
        name = f"full-text search, {kind} queries, over {total:,} chunks (p95)"
        figures.append(_p95(f"fts_p95_{kind}", name, times, hits))
    return figures
