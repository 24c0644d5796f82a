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
# SQL for the embedding model whose vectors are current (set by ``set_embedding_model``).
CURRENT_MODEL = "coalesce((SELECT value FROM meta WHERE key = 'embedding_model'), '')"


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

    def embedding_model(self) -> str:
        """The model whose vectors are current ('' before one was set)."""
        return str(self._read(f"SELECT {CURRENT_MODEL} AS m")[0]["m"])

    def set_embedding_model(self, model: str) -> int:
        """Make ``model`` the current embedding model. When it changes, every chunk whose vector
        another model made is queued for the indexer (which replaces the vectors in the
        background; the queue is a table, so this resumes after a restart). Returns how many
        chunks were queued."""

        def switch(db: sqlite_utils.Database) -> int:
            if db.execute(f"SELECT {CURRENT_MODEL}").fetchone()[0] == model:
                return 0
            db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('embedding_model', ?)", [model]
            )
            queued = db.execute(
                "INSERT OR IGNORE INTO chunks_unindexed (chunk_id)"
                " SELECT chunk_id FROM chunk_vectors WHERE model != ?",
                [model],
            ).rowcount
            if self.vec_enabled and "vec_chunks" in db.table_names():
                db.execute("DELETE FROM vec_chunks")  # it only ever holds the current model's
                db.execute(
                    "INSERT INTO vec_chunks(rowid, embedding) SELECT chunk_id, embedding"
                    " FROM chunk_vectors WHERE dim = ? AND model = ?",
                    [VEC_DIM, model],
                )
            return int(queued)

        return self._write(switch, "cannot switch the embedding model")

    def reembed_progress(self) -> tuple[int, int]:
        """(chunks with a vector of the current model, chunks searchable): indexing progress."""
        row = self._read(
            f"SELECT (SELECT count(*) FROM chunk_vectors WHERE model = {CURRENT_MODEL}) AS done,"
            " (SELECT count(*) FROM chunk_vectors) + (SELECT count(*) FROM chunks_unindexed)"
            " - (SELECT count(*) FROM chunk_vectors v JOIN chunks_unindexed u"
            " ON u.chunk_id = v.chunk_id) AS total"
        )[0]
        return int(row["done"]), int(row["total"])

    def add_vectors(
        self, chunk_ids: Sequence[int], vectors: np.ndarray, model: str | None = None
    ) -> None:
        """Store one embedding per chunk (replacing any earlier one), made by ``model`` (default:
        the current model). A batch made by a model that is no longer current is dropped: its
        chunks stay queued for the current one."""
        matrix = _as_matrix(vectors)
        if matrix.shape[0] != len(chunk_ids):
            raise UserError(f"{len(chunk_ids)} chunk ids but {matrix.shape[0]} vectors")
        dim = int(matrix.shape[1])
        ids = np.asarray(chunk_ids, dtype=np.int64)
        use_vec = self.vec_enabled and dim == VEC_DIM

        def insert(db: sqlite_utils.Database) -> tuple[str, tuple[int, int]] | None:
            current = str(db.execute(f"SELECT {CURRENT_MODEL}").fetchone()[0])
            if model is not None and model != current:
                return None
            rows = [(int(cid), dim, matrix[i].tobytes(), current) for i, cid in enumerate(ids)]
            before = bump_gen(db.conn, "chunk_vectors")
            db.conn.executemany(
                "INSERT OR REPLACE INTO chunk_vectors (chunk_id, dim, embedding, model)"
                " VALUES (?, ?, ?, ?)",
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
            return current, (before, current_gen(db.conn, "chunk_vectors"))

        done = self._write(insert, "cannot save embeddings")
        if done is not None:
            cache_of(self).written("chunk_vectors", (dim, done[0]), ids, matrix, done[1])

    def vector_count(self) -> int:
        return int(self._read("SELECT count(*) AS n FROM chunk_vectors")[0]["n"])

    def search_vectors(
        self, vec: np.ndarray, limit: int = 10, model: str | None = None
    ) -> list[tuple[int, float]]:
        """The ``limit`` nearest chunks to ``vec`` among the vectors of ``model`` (default: the
        current one): ``[(chunk_id, distance)]``, nearest first."""
        query = _as_matrix(vec)[0]
        dim = int(query.shape[0])
        current = self.embedding_model()
        model = current if model is None else model
        if self.vec_enabled and dim == VEC_DIM and model == current:
            rows = self._read(
                "SELECT rowid AS chunk_id, distance FROM vec_chunks"
                " WHERE embedding MATCH ? AND k = ? ORDER BY distance",
                [query.tobytes(), int(limit)],
            )
            return [(int(r["chunk_id"]), float(r["distance"])) for r in rows]
        if limit <= 0:
            return []
        with translate_errors("cannot read the database"):
            found = cache_of(self).get(self._reader(), "chunk_vectors", dim, model)
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
