"""Library folders and the files found in them (what the library indexer needs to resume).

A file is stored with its size and mtime: a later scan that finds both unchanged skips it, so
indexing resumes after a restart where it stopped. Removing a folder, or a file disappearing,
moves its document to the trash unless another library file still holds the same content.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from assistant.errors import UserError
from assistant.store.base import StoreBase, _pk, now_iso


@dataclass(frozen=True, slots=True)
class KnownFile:
    path: str
    size: int
    mtime_ns: int
    document_id: int | None
    status: str  # "indexed" | "failed"


class LibraryMixin(StoreBase):
    if TYPE_CHECKING:  # from DocumentsMixin, beside this one in Store

        def delete_document(self, document_id: int) -> None: ...

        def get_document(self, document_id: int) -> dict[str, Any] | None: ...

    def add_library_folder(self, path: Path) -> int:
        """Register a folder (absolute, resolved); adding it again returns the same id."""
        folder = str(path.expanduser().resolve())

        def insert(db: sqlite_utils.Database) -> int:
            found = db.execute("SELECT id FROM library_folders WHERE path = ?", [folder]).fetchone()
            if found is not None:
                return int(found[0])
            row = {"path": folder, "added_at": now_iso()}
            return _pk(db.table("library_folders").insert(row).last_pk)

        return self._write(insert, "cannot add the library folder")

    def library_folders(self) -> list[dict[str, Any]]:
        """Folders with their counts of indexed and failed files."""
        return self._read(
            "SELECT f.id, f.path, f.added_at,"
            " (SELECT count(*) FROM library_files x WHERE x.folder_id = f.id"
            "  AND x.status = 'indexed') AS indexed,"
            " (SELECT count(*) FROM library_files x WHERE x.folder_id = f.id"
            "  AND x.status = 'failed') AS failed"
            " FROM library_folders f ORDER BY f.path"
        )

    def library_files(self, folder_id: int) -> dict[str, KnownFile]:
        rows = self._read(
            "SELECT path, size, mtime_ns, document_id, status FROM library_files"
            " WHERE folder_id = ?",
            [int(folder_id)],
        )
        return {r["path"]: KnownFile(**r) for r in rows}

    def library_failures(self, limit: int = 100) -> list[dict[str, Any]]:
        return self._read(
            "SELECT path, error_code, error, updated_at FROM library_files"
            " WHERE status = 'failed' ORDER BY path LIMIT ?",
            [int(limit)],
        )

    def record_library_file(
        self,
        folder_id: int,
        path: str,
        size: int,
        mtime_ns: int,
        *,
        document_id: int | None = None,
        error_code: str = "",
        error: str = "",
    ) -> None:
        """The outcome of loading one file: its document, or the typed error that stopped it."""
        status = "failed" if error_code else "indexed"
        row = [path, folder_id, size, mtime_ns, document_id, status, error_code, error, now_iso()]
        self._write(
            lambda db: db.execute(
                "INSERT OR REPLACE INTO library_files (path, folder_id, size, mtime_ns,"
                " document_id, status, error_code, error, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            ),
            "cannot record the library file",
        )

    def forget_library_files(self, paths: list[str]) -> None:
        """Files gone from their folder: forget them, and trash documents no file holds now."""
        docs = self._documents_of(paths)
        marks = ",".join("?" * len(paths))
        if paths:
            self._write(
                lambda db: db.execute(f"DELETE FROM library_files WHERE path IN ({marks})", paths),
                "cannot update the library",
            )
        self.trash_unheld_documents(docs)

    def remove_library_folder(self, path: Path) -> int:
        """Stop watching a folder; its documents go to the trash (restorable). Returns how many
        files it held. The folder itself is never touched."""
        folder = str(path.expanduser().resolve())
        rows = self._read("SELECT id FROM library_folders WHERE path = ?", [folder])
        if not rows:
            raise UserError(f"{folder} is not a library folder", hint="see `deskmate library list`")
        folder_id = int(rows[0]["id"])
        paths = list(self.library_files(folder_id))
        docs = self._documents_of(paths)
        self._write(
            lambda db: db.execute("DELETE FROM library_folders WHERE id = ?", [folder_id]),
            "cannot remove the library folder",
        )
        self.trash_unheld_documents(docs)
        return len(paths)

    def _documents_of(self, paths: list[str]) -> set[int]:
        if not paths:
            return set()
        marks = ",".join("?" * len(paths))
        rows = self._read(
            f"SELECT document_id FROM library_files WHERE path IN ({marks})"
            " AND document_id IS NOT NULL",
            paths,
        )
        return {int(r["document_id"]) for r in rows}

    def trash_unheld_documents(self, document_ids: set[int]) -> None:
        """Trash those of ``document_ids`` that no library file holds any more."""
        for doc_id in sorted(document_ids):
            held = self._read("SELECT 1 FROM library_files WHERE document_id = ? LIMIT 1", [doc_id])
            doc = self.get_document(doc_id) if not held else None
            if doc is not None and not doc.get("deleted_at"):
                self.delete_document(doc_id)
