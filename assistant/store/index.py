"""What the background indexer needs, and fast vector search over chunks and runs.

Chunks and finished runs get embeddings after they are written (the indexer asks for the ones
still missing, so indexing resumes after a restart). Vector search keeps one float32 matrix per
table in memory, rebuilt only when the table changed, so a query over 100,000 vectors is one
matrix product, not a scan of the database.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import sqlite_utils

from assistant.store.base import StoreBase
from assistant.store.vectors import _as_matrix

_EVENT_COLUMNS = "e.uid, e.title, e.start, e.end_utc, e.location"
RUN_TEXT_CHARS = 2000  # a run is embedded from the start of its output (and input)


@dataclass
class _Matrix:
    stamp: tuple[int, int]
    ids: np.ndarray
    vectors: np.ndarray


class IndexMixin(StoreBase):
    _cache_lock = threading.Lock()

    def _cache(self) -> dict[str, _Matrix]:
        cache: dict[str, _Matrix] | None = getattr(self, "_matrix_cache", None)
        if cache is None:
            cache = {}
            self._matrix_cache = cache
        return cache

    # --- what still needs an embedding -------------------------------------------------------
    def chunks_missing_vectors(self, limit: int = 64) -> list[tuple[int, str]]:
        rows = self._read(
            "SELECT c.id, c.text FROM chunks c LEFT JOIN chunk_vectors v ON v.chunk_id = c.id"
            " WHERE v.chunk_id IS NULL ORDER BY c.id LIMIT ?",
            [int(limit)],
        )
        return [(int(r["id"]), str(r["text"])) for r in rows]

    def runs_missing_vectors(self, limit: int = 64) -> list[tuple[int, str]]:
        rows = self._read(
            "SELECT r.id, r.output, coalesce(r.input_text, '') AS input FROM runs r"
            " LEFT JOIN run_vectors v ON v.run_id = r.id"
            " WHERE v.run_id IS NULL AND r.status = 'done' AND r.output != ''"
            " AND r.deleted_at IS NULL ORDER BY r.id LIMIT ?",
            [int(limit)],
        )
        return [(int(r["id"]), f"{r['output']}\n\n{r['input']}"[:RUN_TEXT_CHARS]) for r in rows]

    def add_run_vectors(self, run_ids: Sequence[int], vectors: np.ndarray) -> None:
        matrix = _as_matrix(vectors)
        dim = int(matrix.shape[1])
        rows = [(int(rid), dim, matrix[i].tobytes()) for i, rid in enumerate(run_ids)]

        def insert(db: sqlite_utils.Database) -> None:
            db.conn.executemany(
                "INSERT OR REPLACE INTO run_vectors (run_id, dim, embedding) VALUES (?, ?, ?)",
                rows,
            )

        self._write(insert, "cannot save embeddings")

    def has_vectors(self) -> bool:
        rows = self._read(
            "SELECT EXISTS(SELECT 1 FROM chunk_vectors) OR EXISTS(SELECT 1 FROM run_vectors) AS x"
        )
        return bool(rows[0]["x"])

    # --- search ------------------------------------------------------------------------------
    def _matrix(self, table: str, key: str, dim: int) -> _Matrix | None:
        stamp_row = self._read(
            f"SELECT count(*) AS n, coalesce(max(rowid), 0) AS m FROM {table} WHERE dim = ?",
            [dim],
        )[0]
        stamp = (int(stamp_row["n"]), int(stamp_row["m"]))
        if stamp[0] == 0:
            return None
        cache_key = f"{table}:{dim}"
        with self._cache_lock:
            cached = self._cache().get(cache_key)
            if cached is not None and cached.stamp == stamp:
                return cached
        rows = self._read(f"SELECT {key} AS id, embedding FROM {table} WHERE dim = ?", [dim])
        ids = np.fromiter((r["id"] for r in rows), dtype=np.int64, count=len(rows))
        vectors = np.frombuffer(b"".join(r["embedding"] for r in rows), dtype=np.float32)
        built = _Matrix(stamp, ids, vectors.reshape(len(rows), dim))
        with self._cache_lock:
            self._cache()[cache_key] = built
        return built

    def _nearest(
        self, table: str, key: str, vec: np.ndarray, limit: int
    ) -> list[tuple[int, float]]:
        query = _as_matrix(vec)[0]
        found = self._matrix(table, key, int(query.shape[0]))
        if found is None or limit <= 0:
            return []
        # Normalized vectors: L2 distance = sqrt(2 - 2 cos); one matrix-vector product.
        cos = found.vectors @ query
        k = min(int(limit), len(cos))
        top = np.argpartition(-cos, k - 1)[:k]
        top = top[np.argsort(-cos[top], kind="stable")]
        dist = np.sqrt(np.maximum(0.0, 2.0 - 2.0 * cos[top]))
        return [(int(found.ids[i]), float(d)) for i, d in zip(top, dist, strict=True)]

    def nearest_chunks(self, vec: np.ndarray, limit: int = 20) -> list[tuple[int, float]]:
        return self._nearest("chunk_vectors", "chunk_id", vec, limit)

    def nearest_runs(self, vec: np.ndarray, limit: int = 20) -> list[tuple[int, float]]:
        hits = self._nearest("run_vectors", "run_id", vec, limit * 2)
        if not hits:
            return []
        marks = ",".join("?" * len(hits))
        live = {
            int(r["id"])
            for r in self._read(
                f"SELECT id FROM runs WHERE id IN ({marks}) AND deleted_at IS NULL",
                [h[0] for h in hits],
            )
        }
        return [h for h in hits if h[0] in live][:limit]

    def search_events(self, query: str, limit: int = 20) -> list[dict[str, object]]:
        """Events whose title, place or notes contain the query (trigram FTS or LIKE)."""
        terms = query.split()
        if not terms:
            return []
        if all(len(t) >= 3 for t in terms):
            match = " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)
            return self._read(
                f"SELECT {_EVENT_COLUMNS} FROM events_fts f"
                " JOIN events e ON e.uid = f.uid WHERE events_fts MATCH ?"
                " ORDER BY bm25(events_fts) LIMIT ?",
                [match, int(limit)],
            )
        where = " AND ".join("(e.title || ' ' || e.location) LIKE ?" for _ in terms)
        return self._read(
            f"SELECT {_EVENT_COLUMNS} FROM events e WHERE {where} ORDER BY e.start_utc LIMIT ?",
            [*(f"%{t}%" for t in terms), int(limit)],
        )
