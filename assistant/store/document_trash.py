"""What moving a document to the trash and back does to its chunks (writer thread, inside the
caller's transaction).

A trashed document keeps its rows, but its chunks leave the full-text index (``chunk_words_fts``)
and their vectors move from ``chunk_vectors`` (and sqlite-vec's ``vec_chunks``) to
``chunk_vectors_trash``. So neither half of a search sees them without any filter at query
time, and the indexer, which only looks at ``chunks_unindexed``, does not embed them again.
Restoring moves everything back; chunks that never got a vector are queued for the indexer.
Purging first puts the chunks back into the full-text index, so the delete trigger of
``chunks`` removes exactly what is indexed (an FTS5 'delete' of a row not in an
external-content index would corrupt it).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import sqlite_utils

from assistant.store.vector_cache import bump_gen, current_gen
from assistant.store.vectors import CURRENT_MODEL, VEC_DIM

# The chunk ids whose vectors left ``chunk_vectors``, and the generations before and after: what
# ``MatrixCache.removed`` needs to patch the cached matrix instead of reloading it.
Hidden = tuple[np.ndarray, tuple[int, int]]

_CHUNKS_OF = "SELECT id FROM chunks WHERE document_id = ?"
_WORDS_OF = f"FROM chunk_words WHERE chunk_id IN ({_CHUNKS_OF})"


def hide_chunks(db: sqlite_utils.Database, document_id: int, vec_enabled: bool) -> Hidden:
    """Take a (just trashed) document's chunks out of the full-text and vector search."""
    db.execute(
        "INSERT INTO chunk_words_fts(chunk_words_fts, rowid, words)"
        f" SELECT 'delete', chunk_id, words {_WORDS_OF}",
        [document_id],
    )
    return _hide_vectors(db, _CHUNKS_OF, [document_id], vec_enabled)


def _hide_vectors(
    db: sqlite_utils.Database, chunks: str, args: Sequence[object], vec_enabled: bool
) -> Hidden:
    """Move the vectors of the chunks selected by the SQL ``chunks`` to the trash table."""
    moved = db.execute(f"SELECT chunk_id FROM chunk_vectors WHERE chunk_id IN ({chunks})", args)
    ids = np.fromiter((int(r[0]) for r in moved), dtype=np.int64)
    before = bump_gen(db.conn, "chunk_vectors")
    db.execute(
        "INSERT OR REPLACE INTO chunk_vectors_trash (chunk_id, dim, embedding, model)"
        f" SELECT chunk_id, dim, embedding, model FROM chunk_vectors WHERE chunk_id IN ({chunks})",
        args,
    )
    if vec_enabled and "vec_chunks" in db.table_names():
        db.execute(f"DELETE FROM vec_chunks WHERE rowid IN ({chunks})", args)
    # The delete triggers bump the table's generation (cached matrices reload) and queue the
    # chunks as unindexed; they are not to be embedded while in the trash.
    db.execute(f"DELETE FROM chunk_vectors WHERE chunk_id IN ({chunks})", args)
    db.execute(f"DELETE FROM chunks_unindexed WHERE chunk_id IN ({chunks})", args)
    return ids, (before, current_gen(db.conn, "chunk_vectors"))


def rehide_vectors(
    db: sqlite_utils.Database, chunk_ids: Sequence[int], vec_enabled: bool
) -> Hidden | None:
    """Vectors just written for chunks whose document went to the trash meanwhile (the indexer
    embeds outside any transaction): move them where the trash keeps vectors."""
    trashed = trashed_among(db, chunk_ids)
    if not trashed:
        return None
    return _hide_vectors(db, ",".join("?" * len(trashed)), trashed, vec_enabled)


def show_chunks(db: sqlite_utils.Database, document_id: int, vec_enabled: bool) -> None:
    """Put a restored document's chunks back into the full-text and vector search."""
    args = [document_id]
    db.execute(
        f"INSERT INTO chunk_words_fts(rowid, words) SELECT chunk_id, words {_WORDS_OF}", args
    )
    trashed = f"FROM chunk_vectors_trash WHERE chunk_id IN ({_CHUNKS_OF})"
    db.execute(
        "INSERT OR REPLACE INTO chunk_vectors (chunk_id, dim, embedding, model)"
        f" SELECT chunk_id, dim, embedding, model {trashed}",
        args,
    )
    if vec_enabled and "vec_chunks" in db.table_names():
        db.execute(
            f"INSERT INTO vec_chunks(rowid, embedding) SELECT chunk_id, embedding {trashed}"
            f" AND dim = ? AND model = {CURRENT_MODEL}",
            [document_id, VEC_DIM],
        )
    db.execute(f"DELETE {trashed}", args)
    # Chunks without a vector, or with one of another model than the current: embed again.
    db.execute(
        "INSERT OR IGNORE INTO chunks_unindexed (chunk_id) SELECT c.id FROM chunks c"
        " LEFT JOIN chunk_vectors v ON v.chunk_id = c.id"
        f" WHERE c.document_id = ? AND (v.chunk_id IS NULL OR v.model != {CURRENT_MODEL})",
        args,
    )


def purge_documents(db: sqlite_utils.Database, document_ids: Sequence[int]) -> None:
    """Delete trashed documents for good: rows, chunks, index entries, trashed vectors."""
    for document_id in document_ids:
        db.execute(
            f"INSERT INTO chunk_words_fts(rowid, words) SELECT chunk_id, words {_WORDS_OF}",
            [document_id],
        )
        # Cascades: chunks (their triggers clean the full-text index and the indexer's queue),
        # chunk_vectors_trash.
        db.execute("DELETE FROM documents WHERE id = ?", [document_id])


def trashed_among(db: sqlite_utils.Database, chunk_ids: Sequence[int]) -> list[int]:
    """The chunks in ``chunk_ids`` whose document is in the trash."""
    if not chunk_ids:
        return []
    marks = ",".join("?" * len(chunk_ids))
    rows = db.execute(
        "SELECT c.id FROM chunks c JOIN documents d ON d.id = c.document_id"
        f" WHERE c.id IN ({marks}) AND d.deleted_at IS NOT NULL",
        [int(i) for i in chunk_ids],
    ).fetchall()
    return [int(r[0]) for r in rows]
