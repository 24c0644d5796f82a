"""The chunks an answer may use: hybrid search, then a relevance floor on the embeddings.

Search always returns something; an answer must not be built from the least bad of unrelated
chunks. With multilingual-e5 the query and each candidate are compared by cosine (e5 scores
unrelated texts ~0.70-0.78, a passage on the question's subject above ~0.80, in either
language); below the floor the documents are taken not to talk about the question at all.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import numpy as np

from assistant.docqa.citations import Source
from assistant.errors import DeskmateError
from assistant.models.catalog import E5_EMBEDDING

if TYPE_CHECKING:
    from assistant.host import TaskHost

log = logging.getLogger(__name__)
TOP_CHUNKS = 4  # sources shown to the model (~200 tokens each)
MIN_COSINE = {E5_EMBEDDING: 0.80}  # per embedding model; other models have no floor


def _where(row: dict[str, object]) -> str:
    first, last = row.get("first_page"), row.get("last_page")
    if first:
        return f"p. {first}" if last in (None, first) else f"pp. {first}-{last}"
    return str(row.get("heading") or "")


def _relevant(core: TaskHost, query: str, texts: list[str]) -> list[bool]:
    """Which texts pass the relevance floor (all of them when it cannot be measured)."""
    try:
        embedder = core.embedder()
        floor = MIN_COSINE.get(embedder.model)
        if floor is None:
            return [True] * len(texts)
        q = embedder.encode_queries([query])[0]
        cos = embedder.encode(texts) @ q
    except DeskmateError as exc:  # no embedding model: the model's own "not found" decides
        log.warning("relevance floor unavailable: %s", exc.user_text())
        return [True] * len(texts)
    return [bool(c >= floor) for c in np.asarray(cos)]


def retrieve(core: TaskHost, query: str, limit: int = TOP_CHUNKS) -> list[Source]:
    """Up to ``limit`` relevant chunks for ``query``, best first, numbered from 1."""
    from assistant.search import search

    ids = [int(h.ref) for h in search(core, query, limit=limit * 3) if h.kind == "chunk"][:limit]
    rows = core.store.get_chunks_by_id(ids)
    keep = _relevant(core, query, [str(r["text"]) for r in rows]) if rows else []
    sources: list[Source] = []
    for row, ok in zip(rows, keep, strict=True):
        if ok:
            title = str(row.get("title") or row.get("path") or "document")
            sources.append(
                Source(len(sources) + 1, int(row["chunk_id"]), title, _where(row), str(row["text"]))
            )
    return sources
