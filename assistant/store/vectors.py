"""Chunk embedding vectors: sqlite-vec (``vec0``) when it loads, else numpy over float32 blobs.

The blobs in ``chunk_vectors`` are always written (they are the source of truth and work for any
dimension); the ``vec_chunks`` index (float[384], L2) is kept beside them when sqlite-vec is
available. Without it, searches use the in-memory matrix of ``vector_cache`` (no table scan per
query). Distances are Euclidean in both paths (for normalized vectors, sqrt(2 - 2 cos)).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import sqlite_utils

from assistant.errors import UserError
from assistant.store.base import StoreBase
from assistant.store.db import translate_errors
from assistant.store.vector_cache import bump_gen, cache_of, current_gen, dot_rows

VEC_DIM = 384


def _as_matrix(vectors: np.ndarray) -> np.ndarray:
    arr = np.asarray(vectors, dtype=np.float32)
    if arr.ndim == 1:
        arr = arr.reshape(1, -1)
    if arr.ndim != 2:
        raise UserError(f"vectors must be a 2-D array, not {arr.ndim}-D")
    return np.ascontiguousarray(arr)


class VectorsMixin(StoreBase):
    def _after_open(self, db: sqlite_utils.Database) -> None:
        super()._after_open(db)
        if not self.vec_enabled or "vec_chunks" in db.table_names():
            return
        with db.atomic():
            db.execute(f"CREATE VIRTUAL TABLE vec_chunks USING vec0(embedding float[{VEC_DIM}])")
            db.execute(
                "INSERT INTO vec_chunks(rowid, embedding) SELECT chunk_id, embedding"
                " FROM chunk_vectors WHERE dim = ?",
                [VEC_DIM],
            )

    def add_vectors(self, chunk_ids: Sequence[int], vectors: np.ndarray) -> None:
        """Store one embedding per chunk (replacing any earlier one)."""
        matrix = _as_matrix(vectors)
        if matrix.shape[0] != len(chunk_ids):
            raise UserError(f"{len(chunk_ids)} chunk ids but {matrix.shape[0]} vectors")
        dim = int(matrix.shape[1])
        ids = np.asarray(chunk_ids, dtype=np.int64)
        rows = [(int(cid), dim, matrix[i].tobytes()) for i, cid in enumerate(ids)]
        use_vec = self.vec_enabled and dim == VEC_DIM

        def insert(db: sqlite_utils.Database) -> tuple[int, int]:
            before = bump_gen(db.conn, "chunk_vectors")
            db.conn.executemany(
                "INSERT OR REPLACE INTO chunk_vectors (chunk_id, dim, embedding) VALUES (?, ?, ?)",
                rows,
            )
            if use_vec:
                db.conn.executemany(
                    "DELETE FROM vec_chunks WHERE rowid = ?", [(r[0],) for r in rows]
                )
                db.conn.executemany(
                    "INSERT INTO vec_chunks(rowid, embedding) VALUES (?, ?)",
                    [(r[0], r[2]) for r in rows],
                )
            return before, current_gen(db.conn, "chunk_vectors")

        gens = self._write(insert, "cannot save embeddings")
        cache_of(self).written("chunk_vectors", dim, ids, matrix, gens)

    def vector_count(self) -> int:
        return int(self._read("SELECT count(*) AS n FROM chunk_vectors")[0]["n"])

    def search_vectors(self, vec: np.ndarray, limit: int = 10) -> list[tuple[int, float]]:
        """The ``limit`` nearest chunks to ``vec``: ``[(chunk_id, distance)]``, nearest first."""
        query = _as_matrix(vec)[0]
        dim = int(query.shape[0])
        if self.vec_enabled and dim == VEC_DIM:
            rows = self._read(
                "SELECT rowid AS chunk_id, distance FROM vec_chunks"
                " WHERE embedding MATCH ? AND k = ? ORDER BY distance",
                [query.tobytes(), int(limit)],
            )
            return [(int(r["chunk_id"]), float(r["distance"])) for r in rows]
        if limit <= 0:
            return []
        with translate_errors("cannot read the database"):
            found = cache_of(self).get(self._reader(), "chunk_vectors", dim)
        if not len(found.ids):
            return []
        # |m - q|^2 = |m|^2 - 2 m.q + |q|^2: rank by m.q - |m|^2 / 2 (one pass over the cached
        # matrix), then measure the distances of the few kept exactly.
        vectors = found.vectors
        score = dot_rows(vectors, query) - 0.5 * np.einsum("ij,ij->i", vectors, vectors)
        k = min(int(limit), len(score))
        top = np.argpartition(-score, k - 1)[:k]
        distances = np.linalg.norm(vectors[top] - query, axis=1)
        order = np.argsort(distances, kind="stable")
        return [(int(found.ids[top[i]]), float(distances[i])) for i in order]
