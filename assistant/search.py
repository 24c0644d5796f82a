"""One local search over everything stored: full-text (FTS5 over jieba-segmented words) and
embeddings, merged into one ranked list.

The merge is a convex combination of scores, not of ranks. A hit scores its embedding cosine
plus ``LEXICAL_WEIGHT`` times its full-text strength in [0, 1] (its BM25 relative to the best
hit's, times the square of its share of the query's words). The full-text half can therefore
only reorder hits whose meanings are within ``LEXICAL_WEIGHT`` of each other in cosine: exact
words break near-ties, they never overturn a clear answer of the vector half. Reciprocal rank
fusion did (a hit second by meaning and first by a partial word match beat the first by
meaning): across languages, where shared words are mostly names and numbers, it lost recall@1
against the vector half alone (docs/SEARCH.md). Hits without a vector (outside the vector
candidates) start from the weakest candidate's cosine; calendar events, which have no
embedding, interleave with the meaning hits rank for rank. Without vectors (no embedding
model, ``semantic=False``) the order is the full-text order.

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
LEXICAL_WEIGHT = 0.03  # in cosine units: e5 gaps between a right and a wrong hit are larger
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


def _semantic(
    core: TaskHost, query: str
) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
    """Index what is still missing, embed the query, and return the nearest chunks and runs
    with their L2 distances; empty when no embedding model works (full text still answers)."""
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
    chunks = store.nearest_chunks(vec, CANDIDATES, embedder.model)
    runs = store.nearest_runs(vec, CANDIDATES, embedder.model)
    return chunks, runs


def _text_key(found: dict[str, Any]) -> tuple[str, str]:
    if found["kind"] == "chunk":
        return ("chunk", str(found["chunk_id"]))
    return ("run", str(found["run_id"]))


def _lexical(found: list[dict[str, Any]]) -> dict[tuple[str, str], float]:
    """Full-text strength in [0, 1]: BM25 relative to the best hit (FTS5's rank is negative,
    lower is better), scaled by the square of the share of the query's words the hit holds,
    so one shared name ("Tom") does not make a sentence about something else strong."""
    if not found:
        return {}
    best = min(float(f["rank"]) for f in found)
    strength: dict[tuple[str, str], float] = {}
    for f in found:
        relative = float(f["rank"]) / best if best < 0 else 1.0
        strength[_text_key(f)] = relative * float(f.get("coverage", 1.0)) ** 2
    return strength


def fuse(
    nearest: list[tuple[tuple[str, str], float]],
    lexical: dict[tuple[str, str], float],
    events: list[tuple[str, str]],
) -> dict[tuple[str, str], float]:
    """Scores of every hit: cosine (from the L2 ``nearest`` distances of normalized vectors)
    plus ``LEXICAL_WEIGHT`` x full-text strength; see the module's docstring."""
    cosine = {key: 1.0 - dist * dist / 2.0 for key, dist in nearest}
    ordered = sorted(cosine.values(), reverse=True)
    floor = ordered[-1] if ordered else 0.0
    scores = {key: cosine.get(key, floor) + LEXICAL_WEIGHT * lexical.get(key, 0.0)
              for key in cosine.keys() | lexical.keys()}  # fmt: skip
    for rank, key in enumerate(events):
        # No embedding: the r-th event sits just below the r-th meaning hit (or, without
        # vectors, among the full-text hits by its own rank).
        if ordered:
            scores[key] = ordered[min(rank, len(ordered) - 1)] - 1e-6
        else:
            scores[key] = LEXICAL_WEIGHT / (1 + rank)
    return scores


def search(core: TaskHost, query: str, limit: int = 20, *, semantic: bool = True) -> list[Hit]:
    """Best matches first. ``semantic=False`` skips the embedding model (full-text only)."""
    store = core.store
    query = query.strip()
    if not query:
        return []
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    nearest = _search_thread().submit(_semantic, core, query) if semantic else None
    try:
        found = store.rank_text(query, limit=CANDIDATES)
        for hit in found:
            rows[_text_key(hit)] = hit
        events: list[tuple[str, str]] = []
        for event in store.search_events(query, limit=20):
            events.append(("event", str(event["uid"])))
            rows[events[-1]] = dict(event)
    except BaseException:
        if nearest is not None:
            wait([nearest])  # never leave the semantic half running against a closing store
        raise
    chunk_dists, run_dists = nearest.result() if nearest is not None else ([], [])
    near = [(("chunk", str(c)), d) for c, d in chunk_dists]
    near += [(("run", str(r)), d) for r, d in run_dists]
    scores = fuse(near, _lexical(found), events)
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
