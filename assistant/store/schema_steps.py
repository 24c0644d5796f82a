"""The schema's versions (8 on here; 1-7 in :mod:`assistant.store.schema_first`):
``MIGRATIONS[i]`` brings it from version ``i`` to ``i + 1``.

Steps are only ever appended: a released step never changes, since databases in the field have
run it. :mod:`assistant.store.migrations` runs them (backup first, one transaction per step).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlite_utils

from assistant.store.schema_first import (
    v1_initial,
    v2_translation_and_calendar,
    v3_search_index,
    v4_events_trash,
    v5_search_bookkeeping,
    v6_documents_trash,
    v7_todos_and_reminders,
)

Migration = Callable[[sqlite_utils.Database], None]


def _v8_mail_accounts(db: sqlite_utils.Database) -> None:
    """IMAP accounts (no secrets: passwords live in the OS keyring) and the mails the watcher
    has handled, so none is drafted twice, across restarts too."""
    statements = [
        """CREATE TABLE mail_accounts (
            name TEXT PRIMARY KEY, host TEXT NOT NULL, port INTEGER NOT NULL,
            tls TEXT NOT NULL, username TEXT NOT NULL, auth TEXT NOT NULL,
            token_command TEXT NOT NULL DEFAULT '', ca_file TEXT NOT NULL DEFAULT '',
            display_name TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',
            drafts_folder TEXT NOT NULL DEFAULT '', auto_draft INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL)""",
        # One row per INBOX mail seen by the watcher (uid 0: the baseline, UIDNEXT - 1 then).
        """CREATE TABLE mail_seen (
            account TEXT NOT NULL, uidvalidity INTEGER NOT NULL, uid INTEGER NOT NULL,
            message_id TEXT NOT NULL DEFAULT '', outcome TEXT NOT NULL, seen_at TEXT NOT NULL,
            PRIMARY KEY (account, uidvalidity, uid))""",
        "CREATE INDEX mail_seen_msgid ON mail_seen (account, message_id) WHERE message_id != ''",
    ]
    for sql in statements:
        db.execute(sql)


def _v9_custom_actions(db: sqlite_utils.Database) -> None:
    """Custom actions of the quick popup and the Polish page, with a few defaults."""
    from assistant.writing.actions import DEFAULT_ACTIONS

    db.execute(
        """CREATE TABLE custom_actions (
            name TEXT PRIMARY KEY COLLATE NOCASE, instruction TEXT NOT NULL,
            target_language TEXT NOT NULL DEFAULT '', mode TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL, created_at TEXT NOT NULL)"""
    )
    created = datetime.now(UTC).isoformat(timespec="microseconds")
    for position, action in enumerate(DEFAULT_ACTIONS, 1):
        db.execute(
            "INSERT INTO custom_actions VALUES (?, ?, ?, ?, ?, ?)",
            [action.name, action.instruction, action.target_language, action.mode, position,
             created],
        )  # fmt: skip


def _v10_vector_models(db: sqlite_utils.Database) -> None:
    """Every stored vector names the embedding model that made it, so a search only compares
    vectors of the model in use (two models' vectors of the same size are not comparable).
    Vectors stored before carry '' and are embedded again with the current model."""
    statements = [
        "ALTER TABLE chunk_vectors ADD COLUMN model TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE run_vectors ADD COLUMN model TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE chunk_vectors_trash ADD COLUMN model TEXT NOT NULL DEFAULT ''",
    ]
    for sql in statements:
        db.execute(sql)


def _v11_word_index(db: sqlite_utils.Database) -> None:
    """Full-text search by words: chunks and finished runs segmented with jieba (Chinese words,
    mostly two characters, become terms; English words are stemmed), ranked by BM25. It replaces
    the trigram index of chunks and runs, which could not match a two-character word.

    The segmented text lives in ``chunk_words`` / ``run_words`` (the content of the FTS5 tables),
    filled by triggers that call ``deskmate_words()``, a function every writer connection has
    (``assistant.words``). Runs are segmented when created (their input) and once they stop
    running, not at every streamed update."""
    fts = "tokenize='porter unicode61 remove_diacritics 2'"
    chunk_text = "deskmate_words(coalesce(new.heading, '') || ' ' || new.text)"
    run_text = "deskmate_words(coalesce(new.input_text, '') || ' ' || new.output)"
    statements = [
        "DROP TABLE chunks_fts",
        "DROP TABLE runs_fts",
        *(f"DROP TRIGGER {t}_{op}" for t in ("chunks", "runs") for op in ("ai", "ad", "au")),
        """CREATE TABLE chunk_words (
            chunk_id INTEGER PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,
            words TEXT NOT NULL)""",
        f"""CREATE VIRTUAL TABLE chunk_words_fts USING fts5(
            words, content='chunk_words', content_rowid='chunk_id', {fts})""",
        """CREATE TABLE run_words (
            run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
            words TEXT NOT NULL)""",
        f"""CREATE VIRTUAL TABLE run_words_fts USING fts5(
            words, content='run_words', content_rowid='run_id', {fts})""",
    ]
    for table, key in (("chunk_words", "chunk_id"), ("run_words", "run_id")):
        statements += [
            f"""CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
                INSERT INTO {table}_fts(rowid, words) VALUES (new.{key}, new.words); END""",
            f"""CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN
                INSERT INTO {table}_fts({table}_fts, rowid, words)
                VALUES ('delete', old.{key}, old.words); END""",
        ]
    statements += [
        f"""CREATE TRIGGER chunks_words_ai AFTER INSERT ON chunks BEGIN
            INSERT INTO chunk_words (chunk_id, words) VALUES (new.id, {chunk_text}); END""",
        f"""CREATE TRIGGER chunks_words_au AFTER UPDATE OF text, heading ON chunks BEGIN
            DELETE FROM chunk_words WHERE chunk_id = old.id;
            INSERT INTO chunk_words (chunk_id, words) VALUES (new.id, {chunk_text}); END""",
        f"""CREATE TRIGGER runs_words_ai AFTER INSERT ON runs BEGIN
            INSERT INTO run_words (run_id, words) VALUES (new.id, {run_text}); END""",
        f"""CREATE TRIGGER runs_words_au AFTER UPDATE OF status, input_text, output ON runs
            WHEN new.status != 'running' BEGIN
            DELETE FROM run_words WHERE run_id = old.id;
            INSERT INTO run_words (run_id, words) VALUES (new.id, {run_text}); END""",
        # Existing rows; chunks of trashed documents stay out of the index (document_trash).
        """INSERT INTO chunk_words (chunk_id, words)
            SELECT id, deskmate_words(coalesce(heading, '') || ' ' || text) FROM chunks""",
        """INSERT INTO chunk_words_fts(chunk_words_fts, rowid, words)
            SELECT 'delete', w.chunk_id, w.words FROM chunk_words w
            JOIN chunks c ON c.id = w.chunk_id JOIN documents d ON d.id = c.document_id
            WHERE d.deleted_at IS NOT NULL""",
        """INSERT INTO run_words (run_id, words)
            SELECT id, deskmate_words(coalesce(input_text, '') || ' ' || output) FROM runs""",
    ]
    for sql in statements:
        db.execute(sql)


def _v12_library(db: sqlite_utils.Database) -> None:
    """Library folders the user added, and what was found in them: each file's size and mtime
    (to notice changes without reading it), the document it became or the typed error that
    stopped it. Deskmate only reads these folders."""
    statements = [
        """CREATE TABLE library_folders (
            id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, added_at TEXT NOT NULL)""",
        """CREATE TABLE library_files (
            path TEXT PRIMARY KEY,
            folder_id INTEGER NOT NULL REFERENCES library_folders(id) ON DELETE CASCADE,
            size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
            document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
            status TEXT NOT NULL CHECK (status IN ('indexed', 'failed')),
            error_code TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL)""",
        "CREATE INDEX library_files_folder ON library_files (folder_id, status)",
        "CREATE INDEX library_files_document ON library_files (document_id)",
    ]
    for sql in statements:
        db.execute(sql)


def _v13_caldav(db: sqlite_utils.Database) -> None:
    """CalDAV calendars the user connected (no secrets: passwords live in the OS keyring), the
    calendars chosen for sync with their RFC 6578 sync token, and one row per server object
    (href, ETag, whether Deskmate created it). Events say whether they block time (``busy``:
    TRANSP:TRANSPARENT events do not) and which server object they mirror (``caldav_href``,
    '' for local events)."""
    statements = [
        """CREATE TABLE caldav_accounts (
            name TEXT PRIMARY KEY, url TEXT NOT NULL, username TEXT NOT NULL,
            ca_file TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL)""",
        """CREATE TABLE caldav_calendars (
            url TEXT PRIMARY KEY,
            account TEXT NOT NULL REFERENCES caldav_accounts(name) ON DELETE CASCADE,
            name TEXT NOT NULL, selected INTEGER NOT NULL DEFAULT 0,
            sync_token TEXT NOT NULL DEFAULT '', synced_at TEXT)""",
        """CREATE TABLE caldav_objects (
            href TEXT PRIMARY KEY,
            calendar_url TEXT NOT NULL REFERENCES caldav_calendars(url) ON DELETE CASCADE,
            uid TEXT NOT NULL, etag TEXT NOT NULL, created_by_deskmate INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL)""",
        "CREATE INDEX caldav_objects_uid ON caldav_objects (uid)",
        "ALTER TABLE events ADD COLUMN busy INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE events ADD COLUMN caldav_href TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX events_caldav_href ON events (caldav_href) WHERE caldav_href != ''",
    ]
    for sql in statements:
        db.execute(sql)


def _v14_caldav_outbox(db: sqlite_utils.Database) -> None:
    """Changes made in Deskmate that a CalDAV server has not taken yet (it was down, refused
    them, or changed the event too): one row per event, sent at the next sync."""
    db.execute(
        """CREATE TABLE caldav_outbox (
            uid TEXT PRIMARY KEY,
            action TEXT NOT NULL CHECK (action IN ('put', 'delete')),
            calendar_url TEXT NOT NULL REFERENCES caldav_calendars(url) ON DELETE CASCADE,
            href TEXT NOT NULL, base_etag TEXT NOT NULL, payload TEXT NOT NULL,
            title TEXT NOT NULL, start TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'refused', 'conflict')),
            error TEXT NOT NULL DEFAULT '', attempts INTEGER NOT NULL DEFAULT 0,
            queued_at TEXT NOT NULL)"""
    )


MIGRATIONS: list[Migration] = [
    v1_initial,
    v2_translation_and_calendar,
    v3_search_index,
    v4_events_trash,
    v5_search_bookkeeping,
    v6_documents_trash,
    v7_todos_and_reminders,
    _v8_mail_accounts,
    _v9_custom_actions,
    _v10_vector_models,
    _v11_word_index,
    _v12_library,
    _v13_caldav,
    _v14_caldav_outbox,
]
SCHEMA_VERSION = len(MIGRATIONS)
