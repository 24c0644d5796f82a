"""Glossaries (term pairs per language pair) and the translation memory."""

from __future__ import annotations

import hashlib

import sqlite_utils

from assistant.errors import UserError
from assistant.store.base import StoreBase, now_iso


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class TranslationMixin(StoreBase):
    # --- glossary ----------------------------------------------------------------------------
    def glossary_add(self, source_lang: str, target_lang: str, term: str, translation: str) -> None:
        """Add or replace the translation of ``term`` for this language pair."""
        term, translation = term.strip(), translation.strip()
        if not term or not translation:
            raise UserError("a glossary entry needs a term and its translation")

        def upsert(db: sqlite_utils.Database) -> None:
            db.execute(
                "INSERT INTO glossary (source_lang, target_lang, term, translation, created_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (source_lang, target_lang, term)"
                " DO UPDATE SET translation = excluded.translation",
                [source_lang, target_lang, term, translation, now_iso()],
            )

        self._write(upsert, "cannot save the glossary")

    def glossary_remove(self, source_lang: str, target_lang: str, term: str) -> None:
        def delete(db: sqlite_utils.Database) -> None:
            cur = db.execute(
                "DELETE FROM glossary WHERE source_lang = ? AND target_lang = ? AND term = ?",
                [source_lang, target_lang, term.strip()],
            )
            if cur.rowcount == 0:
                raise UserError(f"{term!r} is not in the {source_lang}-{target_lang} glossary")

        self._write(delete, "cannot save the glossary")

    def glossary_list(self, source_lang: str, target_lang: str) -> list[tuple[str, str]]:
        """(term, translation) pairs of a language pair, sorted by term."""
        rows = self._read(
            "SELECT term, translation FROM glossary WHERE source_lang = ? AND target_lang = ?"
            " ORDER BY term COLLATE NOCASE",
            [source_lang, target_lang],
        )
        return [(str(r["term"]), str(r["translation"])) for r in rows]

    # --- translation memory ------------------------------------------------------------------
    def tm_lookup(self, source_lang: str, target_lang: str, text: str) -> str | None:
        """The stored translation of exactly ``text`` for this pair, if any."""
        rows = self._read(
            "SELECT source_text, translation FROM translation_memory"
            " WHERE source_lang = ? AND target_lang = ? AND source_sha256 = ?",
            [source_lang, target_lang, _sha(text)],
        )
        if rows and rows[0]["source_text"] == text:
            return str(rows[0]["translation"])
        return None

    def tm_save(self, source_lang: str, target_lang: str, text: str, translation: str) -> None:
        def upsert(db: sqlite_utils.Database) -> None:
            db.execute(
                "INSERT INTO translation_memory (source_lang, target_lang, source_sha256,"
                " source_text, translation, created_at) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (source_lang, target_lang, source_sha256)"
                " DO UPDATE SET translation = excluded.translation,"
                " source_text = excluded.source_text, created_at = excluded.created_at",
                [source_lang, target_lang, _sha(text), text, translation, now_iso()],
            )

        self._write(upsert, "cannot save the translation memory")
