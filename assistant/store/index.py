"""What the background indexer needs, and fast vector search over chunks and runs.

Chunks and finished runs get embeddings after they are written (the indexer asks for the ones
still missing, so indexing resumes after a restart); the chunks still missing one are kept in a
small table by triggers, so asking costs nothing when everything is indexed. Vector search
keeps one float32 matrix per table in memory (``vector_cache``), reloaded only when the table
changed, so a query over 100,000 vectors is one matrix product, not a scan of the database.
Chunks of trashed documents are neither indexed nor searched: their vectors and full-text
entries are moved aside while they are in the trash (``document_trash``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import sqlite_utils

from assistant.errors import UserError
from assistant.store import document_trash
from assistant.store.base import StoreBase
from assistant.store.db import translate_errors
from assistant.store.vector_cache import bump_gen, cache_of, current_gen, dot_rows
from assistant.store.vectors import CURRENT_MODEL, _as_matrix

_EVENT_COLUMNS = "e.uid, e.title, e.start, e.end_utc, e.location"
RUN_TEXT_CHARS = 2000  # a run is embedded from the start of its output (and input)
RANK_WINDOW = 2000  # bm25 ranks at most this many (the newest) chunks matching a query


class IndexMixin(StoreBase):
    if TYPE_CHECKING:  # from DocumentsMixin and VectorsMixin, beside this one in Store

        def search_text(
            self, query: str, limit: int = 20, window: int | None = None
        ) -> list[dict[str, Any]]: ...

        def add_vectors(
            self, chunk_ids: Sequence[int], vectors: np.ndarray, model: str | None = None
        ) -> None: ...

    # --- what still needs an embedding -------------------------------------------------------
    def chunks_missing_vectors(self, limit: int = 64) -> list[tuple[int, str]]:
        rows = self._read(
            "SELECT c.id, c.text FROM chunks_unindexed u JOIN chunks c ON c.id = u.chunk_id"
            " ORDER BY u.chunk_id LIMIT ?",
            [int(limit)],
        )
        return [(int(r["id"]), str(r["text"])) for r in rows]

    def runs_missing_vectors(self, limit: int = 64) -> list[tuple[int, str]]:
        rows = self._read(
            # The partial index holds exactly the indexable runs: no run text is read to skip
            # the ones already embedded.
            "SELECT r.id, r.output, coalesce(r.input_text, '') AS input"
            " FROM runs r INDEXED BY runs_indexable LEFT JOIN run_vectors v ON v.run_id = r.id"
            f" WHERE (v.run_id IS NULL OR v.model != {CURRENT_MODEL})"
            " AND r.status = 'done' AND r.output != ''"
            " AND r.deleted_at IS NULL ORDER BY r.id LIMIT ?",
            [int(limit)],
        )
        return [(int(r["id"]), f"{r['output']}\n\n{r['input']}"[:RUN_TEXT_CHARS]) for r in rows]

    def add_chunk_vectors(
        self, chunk_ids: Sequence[int], vectors: np.ndarray, model: str | None = None
    ) -> None:
        """``add_vectors`` for the indexer, which embeds outside any transaction: vectors of
        chunks whose document went to the trash meanwhile are moved to the trash at once.

        Writes are serialized: a trashing committed after this check moves the vectors itself.
        """
        self.add_vectors(chunk_ids, vectors, model)
        marks = ",".join("?" * len(chunk_ids))
        if not chunk_ids or not self._read(
            "SELECT 1 FROM chunks c JOIN documents d ON d.id = c.document_id"
            f" WHERE c.id IN ({marks}) AND d.deleted_at IS NOT NULL LIMIT 1",
            [int(i) for i in chunk_ids],
        ):
            return
        ids = [int(i) for i in chunk_ids]
        hidden = self._write(
            lambda db: document_trash.rehide_vectors(db, ids, self.vec_enabled),
            "cannot save embeddings",
        )
        if hidden is not None:
            cache_of(self).removed("chunk_vectors", *hidden)

    def add_run_vectors(
        self, run_ids: Sequence[int], vectors: np.ndarray, model: str | None = None
    ) -> None:
        """Like ``add_vectors``: a batch of a model no longer current is dropped."""
        matrix = _as_matrix(vectors)
        if matrix.shape[0] != len(run_ids):
            raise UserError(f"{len(run_ids)} run ids but {matrix.shape[0]} vectors")
        dim = int(matrix.shape[1])
        ids = np.asarray(run_ids, dtype=np.int64)

        def insert(db: sqlite_utils.Database) -> tuple[str, tuple[int, int]] | None:
            current = str(db.execute(f"SELECT {CURRENT_MODEL}").fetchone()[0])
            if model is not None and model != current:
                return None
            rows = [(int(rid), dim, matrix[i].tobytes(), current) for i, rid in enumerate(ids)]
            before = bump_gen(db.conn, "run_vectors")
            db.conn.executemany(
                "INSERT OR REPLACE INTO run_vectors (run_id, dim, embedding, model)"
                " VALUES (?, ?, ?, ?)",
                rows,
            )
            return current, (before, current_gen(db.conn, "run_vectors"))

        done = self._write(insert, "cannot save embeddings")
        if done is not None:
            cache_of(self).written("run_vectors", (dim, done[0]), ids, matrix, done[1])

    def has_vectors(self) -> bool:
        rows = self._read(
            "SELECT EXISTS(SELECT 1 FROM chunk_vectors) OR EXISTS(SELECT 1 FROM run_vectors) AS x"
        )
        return bool(rows[0]["x"])

    # --- search ------------------------------------------------------------------------------
    def _nearest(
        self, table: str, vec: np.ndarray, limit: int, model: str | None
    ) -> list[tuple[int, float]]:
        """Nearest rows among the vectors of ``model`` only (default: the current model)."""
        query = _as_matrix(vec)[0]
        if limit <= 0:
            return []
        if model is None:
            model = str(self._read(f"SELECT {CURRENT_MODEL} AS m")[0]["m"])
        with translate_errors("cannot read the database"):
            found = cache_of(self).get(self._reader(), table, int(query.shape[0]), model)
        if not len(found.ids):
            return []
        # Normalized vectors: L2 distance = sqrt(2 - 2 cos); one matrix-vector product.
        cos = dot_rows(found.vectors, query)
        k = min(int(limit), len(cos))
        top = np.argpartition(-cos, k - 1)[:k]
        top = top[np.argsort(-cos[top], kind="stable")]
        dist = np.sqrt(np.maximum(0.0, 2.0 - 2.0 * cos[top]))
        return [(int(found.ids[i]), float(d)) for i, d in zip(top, dist, strict=True)]

    def nearest_chunks(
        self, vec: np.ndarray, limit: int = 20, model: str | None = None
    ) -> list[tuple[int, float]]:
        return self._nearest("chunk_vectors", vec, limit, model)

    def nearest_runs(
        self, vec: np.ndarray, limit: int = 20, model: str | None = None
    ) -> list[tuple[int, float]]:
        hits = self._nearest("run_vectors", vec, limit * 2, model)
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

    def rank_text(self, query: str, limit: int = 50) -> list[dict[str, Any]]:
        """``search_text`` for hybrid search, with bm25 bounded: when more than ``RANK_WINDOW``
        chunks contain the words, only the newest ``RANK_WINDOW`` of them are ranked.

        FTS5's bm25 costs ~2 us per matching row; a common word in 100,000 chunks matches
        15,000 and would take most of a search's 50 ms. Queries matching fewer chunks are
        ranked exactly as by ``search_text``; the vector half of a search still looks at all.
        """
        return self.search_text(query, limit, window=RANK_WINDOW)

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
            f"SELECT {_EVENT_COLUMNS} FROM events e WHERE e.deleted_at IS NULL AND {where}"
            " ORDER BY e.start_utc LIMIT ?",
            [*(f"%{t}%" for t in terms), int(limit)],
        )
