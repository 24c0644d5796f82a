"""One local search over everything stored: full-text (FTS5 trigram, so Chinese works) and
embeddings, merged into one ranked list by reciprocal rank fusion."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from assistant.core import Core

log = logging.getLogger(__name__)
RRF_K = 60


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "chunk" | "run" | "event"
    ref: str  # chunk id, run id or event uid
    title: str
    snippet: str
    score: float
    where: str = ""  # pages of a chunk, task of a run, time of an event


def _snippet(text: str, query: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    pos = flat.lower().find(query.split()[0].lower()) if query.split() else -1
    start = max(0, pos - width // 3) if pos >= 0 else 0
    cut = flat[start : start + width]
    return ("…" if start else "") + cut + ("…" if start + width < len(flat) else "")


def _chunk_hit(row: dict[str, Any], query: str, score: float) -> Hit:
    pages = ""
    if row.get("first_page"):
        first, last = row["first_page"], row.get("last_page") or row["first_page"]
        pages = f"p. {first}" if first == last else f"pp. {first}-{last}"
    title = str(row.get("title") or row.get("path") or "document")
    return Hit(
        "chunk", str(row["chunk_id"]), title, _snippet(str(row["text"]), query), score, pages
    )


def _run_hit(row: dict[str, Any], query: str, score: float) -> Hit:
    source = row.get("input_path") or (row.get("input_text") or "")[:60]
    text = str(row.get("output") or "")
    return Hit(
        "run",
        str(row["run_id"]),
        str(source).replace("\n", " "),
        _snippet(text, query),
        score,
        str(row.get("task", "")),
    )


def _query_vector(core: Core, query: str) -> np.ndarray | None:
    """Index what is still missing, then embed the query; None when no embedding model works
    (full-text search still answers)."""
    from assistant.errors import DeskmateError

    try:
        core.indexer.drain()
        if not core.store.has_vectors():
            return None
        vector: np.ndarray = core.embedder().encode([query])[0]
    except DeskmateError as exc:
        log.warning("semantic search unavailable: %s", exc.user_text())
        return None
    return vector


def search(core: Core, query: str, limit: int = 20, *, semantic: bool = True) -> list[Hit]:
    """Best matches first. ``semantic=False`` skips the embedding model (full-text only)."""
    store = core.store
    query = query.strip()
    if not query:
        return []
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    scores: dict[tuple[str, str], float] = {}

    def vote(key: tuple[str, str], rank: int) -> None:
        scores[key] = scores.get(key, 0.0) + 1.0 / (RRF_K + rank)

    for rank, found in enumerate(store.search_text(query, limit=50)):
        key = (
            ("chunk", str(found["chunk_id"]))
            if found["kind"] == "chunk"
            else ("run", str(found["run_id"]))
        )
        rows[key] = found
        vote(key, rank)
    for rank, event in enumerate(store.search_events(query, limit=20)):
        key = ("event", str(event["uid"]))
        rows[key] = dict(event)
        vote(key, rank)
    vec = _query_vector(core, query) if semantic else None
    if vec is not None:
        for rank, (chunk_id, _d) in enumerate(store.nearest_chunks(vec, 50)):
            vote(("chunk", str(chunk_id)), rank)
        for rank, (run_id, _d) in enumerate(store.nearest_runs(vec, 50)):
            vote(("run", str(run_id)), rank)
    best = sorted(scores.items(), key=lambda kv: -kv[1])[:limit]
    missing_chunks = [int(k[1]) for k, _ in best if k[0] == "chunk" and k not in rows]
    for chunk in store.get_chunks_by_id(missing_chunks):
        rows[("chunk", str(chunk["chunk_id"]))] = chunk
    hits: list[Hit] = []
    for key, score in best:
        row: dict[str, Any] | None = rows.get(key)
        if row is None and key[0] == "run":
            run = store.get_run(int(key[1]))
            if run is None or run.get("deleted_at"):
                continue
            row = {**run, "run_id": run["id"]}
        if row is None:
            continue
        if key[0] == "chunk":
            hits.append(_chunk_hit(row, query, score))
        elif key[0] == "run":
            hits.append(_run_hit(row, query, score))
        else:
            hits.append(
                Hit(
                    "event",
                    key[1],
                    str(row["title"]),
                    str(row.get("location", "")),
                    score,
                    str(row.get("start", "")),
                )
            )
    return hits
