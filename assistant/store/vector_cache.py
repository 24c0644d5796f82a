"""The stored embeddings of one table as one float32 matrix in memory, kept fresh cheaply.

Every write to ``chunk_vectors`` / ``run_vectors`` bumps a generation number in the
``vector_gen`` table (triggers, so writes from any connection or process count). A search reads
that one row: while it is unchanged the cached matrix is used as it is, so checking freshness is
O(1) instead of a scan of every vector. Vectors this process appends are added to the cached
matrix in place (the indexer never forces a reload), and vectors this process removes (a
document going to the trash) are dropped from a copy of it; anything else (a replaced vector,
a write by another process) makes the next search reload the table.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass

import numpy as np

TABLES = {"chunk_vectors": "chunk_id", "run_vectors": "run_id"}


def dot_rows(matrix: np.ndarray, vec: np.ndarray) -> np.ndarray:
    """``matrix @ vec`` on the calling thread. BLAS would split this memory-bound product over
    its threads, which then spin for tens of ms after returning: on a busy 2-core machine that
    steals the CPU the full-text half of a search is using (measured: 35 ms of spinning)."""
    vecdot = getattr(np, "vecdot", None)  # numpy >= 2
    if vecdot is not None:
        return np.asarray(vecdot(matrix, vec))
    return np.einsum("ij,j->i", matrix, vec)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Rows ``0..n`` of a cached matrix: ids ascending, one unit-length vector per id."""

    ids: np.ndarray
    vectors: np.ndarray


@dataclass
class _Entry:
    gen: int
    ids: np.ndarray  # capacity rows; the first ``n`` are used, ascending
    vectors: np.ndarray
    n: int

    def snapshot(self) -> Snapshot:
        return Snapshot(self.ids[: self.n], self.vectors[: self.n])

    def append(self, ids: np.ndarray, vectors: np.ndarray) -> bool:
        """Add rows whose ids are all new and above every cached id; False if they are not."""
        if not len(ids):
            return True
        if np.any(np.diff(ids) <= 0) or (self.n and int(ids[0]) <= int(self.ids[self.n - 1])):
            return False
        need = self.n + len(ids)
        if need > len(self.ids):
            # Grow into fresh arrays: searches holding a snapshot keep reading the old ones.
            capacity = max(need, len(self.ids) * 3 // 2, 64)
            grown_ids = np.empty(capacity, dtype=np.int64)
            grown = np.empty((capacity, self.vectors.shape[1]), dtype=np.float32)
            grown_ids[: self.n] = self.ids[: self.n]
            grown[: self.n] = self.vectors[: self.n]
            self.ids, self.vectors = grown_ids, grown
        # Rows past ``n`` are invisible to snapshots, so filling them races with no reader.
        self.ids[self.n : need] = ids
        self.vectors[self.n : need] = vectors
        self.n = need
        return True


class MatrixCache:
    """Per-store cache of ``(table, dim, model) -> matrix``; thread-safe. Vectors of two
    embedding models are never in one matrix."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[tuple[str, int, str], _Entry] = {}

    def get(self, conn: sqlite3.Connection, table: str, dim: int, model: str) -> Snapshot:
        """The vectors of ``dim`` made by ``model`` in ``table``, loaded through the read
        connection ``conn`` only when the table changed since the last load."""
        gen = current_gen(conn, table)
        key = (table, dim, model)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry.gen == gen:
                return entry.snapshot()
        entry = _load(conn, table, dim, model)
        with self._lock:
            old = self._entries.get(key)
            if old is None or old.gen <= entry.gen:
                self._entries[key] = entry
        return entry.snapshot()

    def written(
        self,
        table: str,
        key: tuple[int, str],
        ids: np.ndarray,
        vectors: np.ndarray,
        gens: tuple[int, int],
    ) -> None:
        """This process committed ``vectors`` (of ``key`` = (dim, model)) for ``ids``, moving
        ``table`` from generation ``gens[0]`` to ``gens[1]``: extend the cached matrix when it
        was current before."""
        before, after = gens
        with self._lock:
            for cached in [k for k in self._entries if k[0] == table]:
                entry = self._entries[cached]
                if entry.gen != before:
                    continue  # stale already: the next search reloads it
                if cached[1:] != key:
                    # A vector of another size or model may have replaced one of these: reload.
                    del self._entries[cached]
                elif entry.append(ids, vectors):
                    entry.gen = after
                else:
                    del self._entries[cached]  # replaced vectors: reload, not edit in place

    def removed(self, table: str, ids: np.ndarray, gens: tuple[int, int]) -> None:
        """This process committed the removal of the vectors of ``ids`` from ``table``, moving
        it from generation ``gens[0]`` to ``gens[1]``: drop those rows from the cached matrices
        that were current before (into new arrays: searches may hold the old ones)."""
        before, after = gens
        with self._lock:
            if not len(ids):  # nothing was removed: the cached rows are still the table's
                for key in [k for k in self._entries if k[0] == table]:
                    if self._entries[key].gen == before:
                        self._entries[key].gen = after
                return
            current = [
                (key, entry, entry.snapshot())
                for key, entry in self._entries.items()
                if key[0] == table and entry.gen == before
            ]
        for key, entry, rows in current:
            keep = ~np.isin(rows.ids, ids)  # copying outside the lock
            kept_ids, kept = rows.ids[keep], rows.vectors[keep]
            with self._lock:
                if self._entries.get(key) is entry and entry.gen == before:
                    self._entries[key] = _Entry(after, kept_ids, kept, len(kept_ids))


def current_gen(conn: sqlite3.Connection, table: str) -> int:
    row = conn.execute("SELECT gen FROM vector_gen WHERE tbl = ?", [table]).fetchone()
    if row is None:
        return -1
    value = row["gen"] if isinstance(row, dict) else row[0]
    return int(value)


def bump_gen(conn: sqlite3.Connection, table: str) -> int:
    """Inside a write transaction, before writing vectors: mark the table changed and return the
    generation it had before this transaction (the update takes the write lock first, so no
    other connection can commit in between)."""
    conn.execute("UPDATE vector_gen SET gen = gen + 1 WHERE tbl = ?", [table])
    return current_gen(conn, table) - 1


def _load(conn: sqlite3.Connection, table: str, dim: int, model: str) -> _Entry:
    key = TABLES[table]
    conn.execute("BEGIN")  # one snapshot: the generation matches the rows read
    try:
        gen = current_gen(conn, table)
        rows = conn.execute(
            f"SELECT {key} AS id, embedding FROM {table} WHERE dim = ? AND model = ?"
            f" ORDER BY {key}",
            [dim, model],
        ).fetchall()
    finally:
        conn.execute("COMMIT")
    if rows and isinstance(rows[0], dict):
        ids = np.fromiter((r["id"] for r in rows), dtype=np.int64, count=len(rows))
        blob = b"".join(r["embedding"] for r in rows)
    else:
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        blob = b"".join(r[1] for r in rows)
    # Read-only view of the blob: rows are only ever appended past ``n``, into new arrays.
    vectors = np.frombuffer(blob, dtype=np.float32).reshape(len(rows), dim)
    return _Entry(gen, ids, vectors, len(rows))


_ATTACH_LOCK = threading.Lock()


def cache_of(owner: object) -> MatrixCache:
    """The cache attached to ``owner`` (a store), created on first use."""
    cache: MatrixCache | None = getattr(owner, "_matrix_cache", None)
    if cache is None:
        with _ATTACH_LOCK:
            cache = getattr(owner, "_matrix_cache", None)
            if cache is None:
                cache = MatrixCache()
                setattr(owner, "_matrix_cache", cache)  # noqa: B010
    return cache
