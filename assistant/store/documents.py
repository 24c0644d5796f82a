"""Documents, their chunks, and full-text search over chunks and runs (FTS5, trigram)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import sqlite_utils

from assistant.store.base import StoreBase, _pk, now_iso

if TYPE_CHECKING:
    from assistant.documents import Chunk, Document

TRIGRAM = 3  # the trigram tokenizer cannot match terms shorter than this: use LIKE for those


def _fts_query(terms: Sequence[str]) -> str:
    """Each term as an FTS5 string (so operators and quotes in user text are literal), ANDed."""
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_CHUNK_COLUMNS = (
    "'chunk' AS kind, c.id AS chunk_id, c.document_id, c.idx, c.text, c.first_page,"
    " c.last_page, c.heading, d.title, d.path, d.format"
)
_RUN_COLUMNS = (
    "'run' AS kind, r.id AS run_id, r.task, r.status, r.input_text, r.input_path, r.output,"
    " r.created_at"
)


class DocumentsMixin(StoreBase):
    def add_document(self, doc: Document, chunks: Sequence[Chunk]) -> int:
        """Store a document and its chunks; a document already stored (same sha256) is reused."""
        row = {
            "path": None if doc.path is None else str(doc.path),
            "sha256": doc.sha256,
            "title": doc.title,
            "format": doc.format,
            "added_at": now_iso(),
        }
        chunk_rows = [
            {
                "idx": c.index,
                "text": c.text,
                "first_page": c.first_page,
                "last_page": c.last_page,
                "heading": c.heading,
            }
            for c in chunks
        ]

        def insert(db: sqlite_utils.Database) -> int:
            found = db.execute("SELECT id FROM documents WHERE sha256 = ?", [doc.sha256]).fetchone()
            if found is not None:
                return int(found[0])
            doc_id = _pk(db.table("documents").insert(row).last_pk)
            if chunk_rows:
                db.table("chunks").insert_all({**r, "document_id": doc_id} for r in chunk_rows)
            return doc_id

        return self._write(insert, "cannot save the document")

    def find_document(self, sha256: str) -> dict[str, Any] | None:
        rows = self._read("SELECT * FROM documents WHERE sha256 = ?", [sha256])
        return rows[0] if rows else None

    def get_document(self, document_id: int) -> dict[str, Any] | None:
        rows = self._read("SELECT * FROM documents WHERE id = ?", [document_id])
        return rows[0] if rows else None

    def list_documents(self, limit: int = 100) -> list[dict[str, Any]]:
        return self._read(
            "SELECT d.*, (SELECT count(*) FROM chunks c WHERE c.document_id = d.id) AS chunks"
            " FROM documents d ORDER BY d.added_at DESC, d.id DESC LIMIT ?",
            [int(limit)],
        )

    def get_chunks(self, document_id: int) -> list[dict[str, Any]]:
        return self._read("SELECT * FROM chunks WHERE document_id = ? ORDER BY idx", [document_id])

    def get_chunks_by_id(self, chunk_ids: Sequence[int]) -> list[dict[str, Any]]:
        """Chunks (with their document's title and path) in the order of ``chunk_ids``."""
        if not chunk_ids:
            return []
        marks = ",".join("?" * len(chunk_ids))
        rows = self._read(
            f"SELECT {_CHUNK_COLUMNS} FROM chunks c JOIN documents d ON d.id = c.document_id"
            f" WHERE c.id IN ({marks})",
            [int(i) for i in chunk_ids],
        )
        by_id = {r["chunk_id"]: r for r in rows}
        return [by_id[i] for i in chunk_ids if i in by_id]

    def delete_document(self, document_id: int) -> None:
        """Remove a document with its chunks, their index entries and vectors."""

        def delete(db: sqlite_utils.Database) -> None:
            if self.vec_enabled and "vec_chunks" in db.table_names():
                db.execute(
                    "DELETE FROM vec_chunks WHERE rowid IN"
                    " (SELECT id FROM chunks WHERE document_id = ?)",
                    [document_id],
                )
            db.execute("DELETE FROM documents WHERE id = ?", [document_id])

        self._write(delete, "cannot delete the document")

    def search_text(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Chunks and (untrashed) runs containing every word of ``query``, best first.

        Each hit is a dict with ``kind`` ("chunk" or "run") and the row's fields. Words of 3+
        characters use the FTS5 trigram index (substring match, any script, case-insensitive);
        a query with a shorter word falls back to a LIKE scan.
        """
        terms = query.split()
        if not terms:
            return []
        if all(len(t) >= TRIGRAM for t in terms):
            match = _fts_query(terms)
            chunks = self._read(
                f"SELECT {_CHUNK_COLUMNS}, bm25(chunks_fts) AS rank FROM chunks_fts"
                " JOIN chunks c ON c.id = chunks_fts.rowid"
                " JOIN documents d ON d.id = c.document_id"
                " WHERE chunks_fts MATCH ? ORDER BY rank LIMIT ?",
                [match, int(limit)],
            )
            runs = self._read(
                f"SELECT {_RUN_COLUMNS}, bm25(runs_fts) AS rank FROM runs_fts"
                " JOIN runs r ON r.id = runs_fts.rowid"
                " WHERE runs_fts MATCH ? AND r.deleted_at IS NULL ORDER BY rank LIMIT ?",
                [match, int(limit)],
            )
        else:
            chunk_where = " AND ".join("c.text LIKE ? ESCAPE '\\'" for _ in terms)
            run_where = " AND ".join(
                "(coalesce(r.input_text, '') || ' ' || r.output) LIKE ? ESCAPE '\\'" for _ in terms
            )
            likes = [_like(t) for t in terms]
            chunks = self._read(
                f"SELECT {_CHUNK_COLUMNS}, 0.0 AS rank FROM chunks c"
                f" JOIN documents d ON d.id = c.document_id WHERE {chunk_where}"
                " ORDER BY c.document_id, c.idx LIMIT ?",
                [*likes, int(limit)],
            )
            runs = self._read(
                f"SELECT {_RUN_COLUMNS}, 0.0 AS rank FROM runs r"
                f" WHERE r.deleted_at IS NULL AND {run_where} ORDER BY r.id DESC LIMIT ?",
                [*likes, int(limit)],
            )
        hits = sorted(chunks + runs, key=lambda h: float(h["rank"]))
        return hits[: int(limit)]
