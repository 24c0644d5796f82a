"""Documents, their chunks, and full-text search over chunks and runs (FTS5 over words).

Deleting a document moves it to a trash (``deleted_at``): listings skip it, its chunks leave
both halves of search (``document_trash``), ``restore_document`` brings it back, and
``purge_documents`` deletes trashed documents for good. Storing the same document again (same
sha256) takes it out of the trash.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import sqlite_utils

from assistant import words
from assistant.errors import UserError
from assistant.store import document_trash
from assistant.store.base import StoreBase, _pk, now_iso
from assistant.store.vector_cache import cache_of

if TYPE_CHECKING:
    from assistant.documents import Chunk, Document


def _coverage(hit: dict[str, Any], terms: Sequence[str]) -> float:
    """Share of ``terms`` found in the hit's text (case-insensitive substrings)."""
    fields = ("heading", "text") if hit["kind"] == "chunk" else ("input_text", "output")
    text = " ".join(str(hit.get(f) or "") for f in fields).lower()
    return sum(term in text for term in terms) / len(terms)


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
                cur = db.execute(
                    "UPDATE documents SET deleted_at = NULL"
                    " WHERE id = ? AND deleted_at IS NOT NULL",
                    [found[0]],
                )
                if cur.rowcount:  # stored again: out of the trash
                    document_trash.show_chunks(db, int(found[0]), self.vec_enabled)
                return int(found[0])
            doc_id = _pk(db.table("documents").insert(row).last_pk)
            if chunk_rows:
                db.table("chunks").insert_all({**r, "document_id": doc_id} for r in chunk_rows)
            return doc_id

        return self._write(insert, "cannot save the document")

    def find_document(self, sha256: str) -> dict[str, Any] | None:
        """The stored document with this content, None if unknown or in the trash."""
        rows = self._read(
            "SELECT * FROM documents WHERE sha256 = ? AND deleted_at IS NULL", [sha256]
        )
        return rows[0] if rows else None

    def get_document(self, document_id: int) -> dict[str, Any] | None:
        """The document, trashed or not; None if unknown."""
        rows = self._read("SELECT * FROM documents WHERE id = ?", [document_id])
        return rows[0] if rows else None

    def list_documents(self, limit: int = 100) -> list[dict[str, Any]]:
        """Newest first, with their number of chunks; trashed documents left out."""
        return self._read(
            "SELECT d.*, (SELECT count(*) FROM chunks c WHERE c.document_id = d.id) AS chunks"
            " FROM documents d WHERE d.deleted_at IS NULL"
            " ORDER BY d.added_at DESC, d.id DESC LIMIT ?",
            [int(limit)],
        )

    def list_document_trash(self, limit: int = 100) -> list[dict[str, Any]]:
        """Trashed documents (with ``deleted_at`` and their number of chunks), most recently
        deleted first."""
        return self._read(
            "SELECT d.*, (SELECT count(*) FROM chunks c WHERE c.document_id = d.id) AS chunks"
            " FROM documents d WHERE d.deleted_at IS NOT NULL"
            " ORDER BY d.deleted_at DESC, d.id DESC LIMIT ?",
            [int(limit)],
        )

    def get_chunks(self, document_id: int) -> list[dict[str, Any]]:
        return self._read("SELECT * FROM chunks WHERE document_id = ? ORDER BY idx", [document_id])

    def get_chunks_by_id(self, chunk_ids: Sequence[int]) -> list[dict[str, Any]]:
        """Chunks (with their document's title and path) in the order of ``chunk_ids``; chunks
        of trashed documents left out."""
        if not chunk_ids:
            return []
        marks = ",".join("?" * len(chunk_ids))
        rows = self._read(
            f"SELECT {_CHUNK_COLUMNS} FROM chunks c JOIN documents d ON d.id = c.document_id"
            f" WHERE c.id IN ({marks}) AND d.deleted_at IS NULL",
            [int(i) for i in chunk_ids],
        )
        by_id = {r["chunk_id"]: r for r in rows}
        return [by_id[i] for i in chunk_ids if i in by_id]

    def delete_document(self, document_id: int) -> None:
        """Move a document to the trash (undo with ``restore_document``): search no longer finds
        its chunks, the indexer leaves them alone."""

        def trash(db: sqlite_utils.Database) -> document_trash.Hidden:
            cur = db.execute(
                "UPDATE documents SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                [now_iso(), int(document_id)],
            )
            if cur.rowcount == 0:
                raise UserError(f"there is no document {document_id} (or it is in the trash)")
            return document_trash.hide_chunks(db, int(document_id), self.vec_enabled)

        ids, gens = self._write(trash, "cannot delete the document")
        cache_of(self).removed("chunk_vectors", ids, gens)  # the next search needs no reload

    def restore_document(self, document_id: int) -> None:
        """Take a document out of the trash: its chunks are searchable again."""

        def restore(db: sqlite_utils.Database) -> None:
            cur = db.execute(
                "UPDATE documents SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL",
                [int(document_id)],
            )
            if cur.rowcount == 0:
                raise UserError(f"there is no document {document_id} in the trash")
            document_trash.show_chunks(db, int(document_id), self.vec_enabled)

        self._write(restore, "cannot restore the document")

    def purge_documents(self, older_than_days: float | None = None) -> int:
        """Delete trashed documents for good (all, or those trashed longer ago) with their
        chunks and vectors; return the count. Runs made from them are kept."""
        cutoff = "9999"
        if older_than_days is not None:
            moment = datetime.fromisoformat(now_iso()) - timedelta(days=older_than_days)
            cutoff = moment.isoformat(timespec="microseconds")

        def delete(db: sqlite_utils.Database) -> int:
            ids = [
                int(r[0])
                for r in db.execute(
                    "SELECT id FROM documents WHERE deleted_at IS NOT NULL AND deleted_at <= ?",
                    [cutoff],
                )
            ]
            document_trash.purge_documents(db, ids)
            return len(ids)

        return self._write(delete, "cannot empty the documents trash")

    def search_text(
        self, query: str, limit: int = 20, window: int | None = None
    ) -> list[dict[str, Any]]:
        """Chunks (of untrashed documents) and untrashed finished runs matching ``query``, best
        (BM25) first; each hit is a dict with ``kind`` ("chunk" or "run") and the row's fields.

        The query is segmented like the index (``assistant.words``): hits with every word come
        first, then, if there are fewer than ``limit``, hits with some of them; ``coverage``
        is the share of the query's words a hit holds (1.0 for the first kind). ``window``
        bounds BM25 to the newest ``window`` chunks matching (see ``rank_text``).
        """
        terms = words.query_terms(query)
        if not terms:
            return []
        hits = [
            {**h, "coverage": 1.0} for h in self._word_hits(words.fts_match(terms), limit, window)
        ]
        partial = words.content_terms(terms)
        if len(hits) < limit and len(terms) > 1 and partial:
            seen = {(h["kind"], h.get("chunk_id"), h.get("run_id")) for h in hits}
            more = self._word_hits(words.fts_match(partial, any_term=True), limit, window)
            hits += [
                {**h, "coverage": _coverage(h, terms)}
                for h in more
                if (h["kind"], h.get("chunk_id"), h.get("run_id")) not in seen
            ]
        return hits[: int(limit)]

    def _word_hits(self, match: str, limit: int, window: int | None) -> list[dict[str, Any]]:
        lowest = 0
        if window is not None:
            edge = self._read(
                "SELECT rowid FROM chunk_words_fts WHERE chunk_words_fts MATCH ?"
                " ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                [match, int(window) - 1],
            )
            lowest = int(edge[0]["rowid"]) if edge else 0
        chunks = self._read(
            f"SELECT {_CHUNK_COLUMNS}, f.rank FROM (SELECT rowid, rank FROM chunk_words_fts"
            " WHERE chunk_words_fts MATCH ? AND rowid >= ? ORDER BY rank LIMIT ?) f"
            " JOIN chunks c ON c.id = f.rowid JOIN documents d ON d.id = c.document_id"
            " WHERE d.deleted_at IS NULL",
            [match, lowest, int(limit)],
        )
        runs = self._read(
            f"SELECT {_RUN_COLUMNS}, f.rank FROM (SELECT rowid, rank FROM run_words_fts"
            " WHERE run_words_fts MATCH ? ORDER BY rank LIMIT ?) f"
            " JOIN runs r ON r.id = f.rowid WHERE r.deleted_at IS NULL",
            [match, int(limit) * 2],
        )
        return sorted(chunks + runs, key=lambda h: float(h["rank"]))[: int(limit)]
