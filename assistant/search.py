"""One local search over everything stored: full-text (FTS5 over jieba-segmented words) and
embeddings, merged into one ranked list by reciprocal rank fusion.

The two halves run at the same time: full-text ranking (SQLite) on the caller's thread, query
embedding and the vector product (torch, numpy) on a search thread; all three release the GIL,
so on two cores a query costs the slower half, not the sum (`deskmate bench`: search_p95).
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from assistant.host import TaskHost

log = logging.getLogger(__name__)
RRF_K = 60
CANDIDATES = 50  # from each list (full text, chunk vectors, run vectors) before fusion
# A search first embeds what is still missing, but not a whole backlog (after the embedding model
# changed, the background indexer re-embeds everything; the search uses what is done so far).
DRAIN_LIMIT = 256
_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _search_thread() -> ThreadPoolExecutor:
    """One long-lived thread for the semantic half (it keeps its own read connection)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="deskmate-search")
        return _pool


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


def _semantic(core: TaskHost, query: str) -> tuple[list[int], list[int]]:
    """Index what is still missing, embed the query, and return the nearest chunk ids and run
    ids; empty when no embedding model works (full-text search still answers)."""
    from assistant.errors import DeskmateError

    store = core.store
    try:
        core.indexer.drain(DRAIN_LIMIT)
        if not store.has_vectors():
            return [], []
        embedder = core.embedder()
        vec: np.ndarray = embedder.encode_queries([query])[0]
    except DeskmateError as exc:
        log.warning("semantic search unavailable: %s", exc.user_text())
        return [], []
    # Only vectors of the model that embedded the query are compared with it.
    chunks = [c for c, _d in store.nearest_chunks(vec, CANDIDATES, embedder.model)]
    runs = [r for r, _d in store.nearest_runs(vec, CANDIDATES, embedder.model)]
    return chunks, runs


def search(core: TaskHost, query: str, limit: int = 20, *, semantic: bool = True) -> list[Hit]:
    """Best matches first. ``semantic=False`` skips the embedding model (full-text only)."""
    store = core.store
    query = query.strip()
    if not query:
        return []
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    scores: dict[tuple[str, str], float] = {}

    def vote(key: tuple[str, str], rank: int, weight: float = 1.0) -> None:
        scores[key] = scores.get(key, 0.0) + weight / (RRF_K + rank)

    nearest = _search_thread().submit(_semantic, core, query) if semantic else None
    try:
        for rank, found in enumerate(store.rank_text(query, limit=CANDIDATES)):
            key = (
                ("chunk", str(found["chunk_id"]))
                if found["kind"] == "chunk"
                else ("run", str(found["run_id"]))
            )
            rows[key] = found
            # A hit holding only some of the query's words votes less: one shared name ("Tom")
            # must not lift a sentence about something else above the meaning of the query.
            vote(key, rank, float(found.get("coverage", 1.0)) ** 2)
        for rank, event in enumerate(store.search_events(query, limit=20)):
            key = ("event", str(event["uid"]))
            rows[key] = dict(event)
            vote(key, rank)
    except BaseException:
        if nearest is not None:
            wait([nearest])  # never leave the semantic half running against a closing store
        raise
    chunk_ids, run_ids = nearest.result() if nearest is not None else ([], [])
    for rank, chunk_id in enumerate(chunk_ids):
        vote(("chunk", str(chunk_id)), rank)
    for rank, run_id in enumerate(run_ids):
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
