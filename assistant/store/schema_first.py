"""Schema versions 1-7: runs, documents and their search index, calendar events, todos and
reminders. Released steps never change (databases in the field have run them); the list of
every step is :data:`assistant.store.schema_steps.MIGRATIONS`.
"""

from __future__ import annotations

import sqlite_utils

__all__ = [
    "v1_initial", "v2_translation_and_calendar", "v3_search_index", "v4_events_trash",
    "v5_search_bookkeeping", "v6_documents_trash", "v7_todos_and_reminders",
]  # fmt: skip


def v1_initial(db: sqlite_utils.Database) -> None:
    statements = [
        """CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            task TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'running'
                CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
            input_text TEXT, input_path TEXT, input_sha256 TEXT,
            model TEXT NOT NULL DEFAULT '',
            params TEXT NOT NULL DEFAULT '{}',
            output TEXT NOT NULL DEFAULT '',
            error TEXT NOT NULL DEFAULT '',
            data TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT,
            seconds REAL, deleted_at TEXT)""",
        "CREATE INDEX runs_task_created ON runs (task, created_at)",
        "CREATE INDEX runs_deleted ON runs (deleted_at)",
        """CREATE TABLE partials (
            job_key TEXT NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL,
            created_at TEXT NOT NULL, PRIMARY KEY (job_key, idx))""",
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY, path TEXT, sha256 TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '', format TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL)""",
        """CREATE TABLE chunks (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL, text TEXT NOT NULL,
            first_page INTEGER, last_page INTEGER, heading TEXT,
            UNIQUE (document_id, idx))""",
        """CREATE TABLE chunk_vectors (
            chunk_id INTEGER PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,
            dim INTEGER NOT NULL, embedding BLOB NOT NULL)""",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # Full-text search: trigram tokenizer, so substrings of Chinese text match too.
        """CREATE VIRTUAL TABLE chunks_fts USING fts5(
            text, content='chunks', content_rowid='id', tokenize='trigram')""",
        """CREATE TRIGGER chunks_ai AFTER INSERT ON chunks BEGIN
            INSERT INTO chunks_fts(rowid, text) VALUES (new.id, new.text); END""",
        """CREATE TRIGGER chunks_ad AFTER DELETE ON chunks BEGIN
            INSERT INTO chunks_fts(chunks_fts, rowid, text)
            VALUES ('delete', old.id, old.text); END""",
        """CREATE TRIGGER chunks_au AFTER UPDATE OF text ON chunks BEGIN
            INSERT INTO chunks_fts(chunks_fts, rowid, text)
            VALUES ('delete', old.id, old.text);
            INSERT INTO chunks_fts(rowid, text) VALUES (new.id, new.text); END""",
        """CREATE VIRTUAL TABLE runs_fts USING fts5(
            input_text, output, content='runs', content_rowid='id', tokenize='trigram')""",
        """CREATE TRIGGER runs_ai AFTER INSERT ON runs BEGIN
            INSERT INTO runs_fts(rowid, input_text, output)
            VALUES (new.id, new.input_text, new.output); END""",
        """CREATE TRIGGER runs_ad AFTER DELETE ON runs BEGIN
            INSERT INTO runs_fts(runs_fts, rowid, input_text, output)
            VALUES ('delete', old.id, old.input_text, old.output); END""",
        """CREATE TRIGGER runs_au AFTER UPDATE OF input_text, output ON runs BEGIN
            INSERT INTO runs_fts(runs_fts, rowid, input_text, output)
            VALUES ('delete', old.id, old.input_text, old.output);
            INSERT INTO runs_fts(rowid, input_text, output)
            VALUES (new.id, new.input_text, new.output); END""",
    ]
    for sql in statements:
        db.execute(sql)


def v2_translation_and_calendar(db: sqlite_utils.Database) -> None:
    statements = [
        """CREATE TABLE glossary (
            source_lang TEXT NOT NULL, target_lang TEXT NOT NULL, term TEXT NOT NULL,
            translation TEXT NOT NULL, created_at TEXT NOT NULL,
            PRIMARY KEY (source_lang, target_lang, term))""",
        """CREATE TABLE translation_memory (
            source_lang TEXT NOT NULL, target_lang TEXT NOT NULL, source_sha256 TEXT NOT NULL,
            source_text TEXT NOT NULL, translation TEXT NOT NULL, created_at TEXT NOT NULL,
            PRIMARY KEY (source_lang, target_lang, source_sha256))""",
        """CREATE TABLE events (
            uid TEXT PRIMARY KEY, title TEXT NOT NULL,
            start TEXT NOT NULL, "end" TEXT NOT NULL,
            start_utc TEXT NOT NULL, end_utc TEXT NOT NULL,
            all_day INTEGER NOT NULL DEFAULT 0, location TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '', participants TEXT NOT NULL DEFAULT '[]',
            rrule TEXT, created_at TEXT NOT NULL)""",
        "CREATE INDEX events_span ON events (start_utc, end_utc)",
    ]
    for sql in statements:
        db.execute(sql)


def v3_search_index(db: sqlite_utils.Database) -> None:
    statements = [
        # Embeddings of finished runs (summaries, translations, drafts...) for hybrid search.
        """CREATE TABLE run_vectors (
            run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
            dim INTEGER NOT NULL, embedding BLOB NOT NULL)""",
        # Calendar events join the full-text index too.
        """CREATE VIRTUAL TABLE events_fts USING fts5(
            uid UNINDEXED, title, location, description, tokenize='trigram')""",
        """INSERT INTO events_fts(uid, title, location, description)
            SELECT uid, title, location, description FROM events""",
        """CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN
            INSERT INTO events_fts(uid, title, location, description)
            VALUES (new.uid, new.title, new.location, new.description); END""",
        """CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN
            DELETE FROM events_fts WHERE uid = old.uid; END""",
        """CREATE TRIGGER events_au AFTER UPDATE ON events BEGIN
            DELETE FROM events_fts WHERE uid = old.uid;
            INSERT INTO events_fts(uid, title, location, description)
            VALUES (new.uid, new.title, new.location, new.description); END""",
    ]
    for sql in statements:
        db.execute(sql)


def v4_events_trash(db: sqlite_utils.Database) -> None:
    """Deleted calendar events go to a trash (``deleted_at``) and leave the full-text index."""
    statements = [
        "ALTER TABLE events ADD COLUMN deleted_at TEXT",
        "CREATE INDEX events_deleted ON events (deleted_at)",
        "DROP TRIGGER events_au",
        """CREATE TRIGGER events_au AFTER UPDATE ON events BEGIN
            DELETE FROM events_fts WHERE uid = old.uid;
            INSERT INTO events_fts(uid, title, location, description)
            SELECT new.uid, new.title, new.location, new.description
            WHERE new.deleted_at IS NULL; END""",
    ]
    for sql in statements:
        db.execute(sql)


def v5_search_bookkeeping(db: sqlite_utils.Database) -> None:
    """What a search asks on every query, answered without scanning 100,000 chunks: the chunks
    still waiting for an embedding (a small table kept by triggers) and a generation number per
    vector table (bumped by every write, so a cached matrix knows in O(1) that it is current)."""
    bump = "UPDATE vector_gen SET gen = gen + 1 WHERE tbl = '{0}'"
    statements = [
        "CREATE TABLE chunks_unindexed (chunk_id INTEGER PRIMARY KEY)",
        """INSERT INTO chunks_unindexed SELECT c.id FROM chunks c
            LEFT JOIN chunk_vectors v ON v.chunk_id = c.id WHERE v.chunk_id IS NULL""",
        """CREATE TRIGGER chunks_unindexed_ai AFTER INSERT ON chunks BEGIN
            INSERT OR IGNORE INTO chunks_unindexed (chunk_id) VALUES (new.id); END""",
        """CREATE TRIGGER chunks_unindexed_ad AFTER DELETE ON chunks BEGIN
            DELETE FROM chunks_unindexed WHERE chunk_id = old.id; END""",
        "CREATE TABLE vector_gen (tbl TEXT PRIMARY KEY, gen INTEGER NOT NULL)",
        "INSERT INTO vector_gen (tbl, gen) VALUES ('chunk_vectors', 0), ('run_vectors', 0)",
        f"""CREATE TRIGGER chunk_vectors_ai AFTER INSERT ON chunk_vectors BEGIN
            DELETE FROM chunks_unindexed WHERE chunk_id = new.chunk_id;
            {bump.format("chunk_vectors")}; END""",
        f"""CREATE TRIGGER chunk_vectors_au AFTER UPDATE ON chunk_vectors BEGIN
            DELETE FROM chunks_unindexed WHERE chunk_id = new.chunk_id;
            {bump.format("chunk_vectors")}; END""",
        # A vector removed from a chunk that stays (not a cascade from the chunk's deletion).
        f"""CREATE TRIGGER chunk_vectors_ad AFTER DELETE ON chunk_vectors BEGIN
            INSERT OR IGNORE INTO chunks_unindexed (chunk_id)
            SELECT old.chunk_id WHERE EXISTS (SELECT 1 FROM chunks WHERE id = old.chunk_id);
            {bump.format("chunk_vectors")}; END""",
        *(
            f"""CREATE TRIGGER run_vectors_a{op[0].lower()} AFTER {op} ON run_vectors BEGIN
            {bump.format("run_vectors")}; END"""
            for op in ("INSERT", "UPDATE", "DELETE")
        ),
        # The finished, untrashed runs the indexer looks at, without reading their texts.
        """CREATE INDEX runs_indexable ON runs (id)
            WHERE status = 'done' AND output != '' AND deleted_at IS NULL""",
    ]
    for sql in statements:
        db.execute(sql)


def v6_documents_trash(db: sqlite_utils.Database) -> None:
    """Deleted documents go to a trash (``deleted_at``). Their chunks leave the full-text index
    and their vectors move to ``chunk_vectors_trash`` (so searches need no filter and the
    indexer does not embed them again); restoring moves both back."""
    statements = [
        "ALTER TABLE documents ADD COLUMN deleted_at TEXT",
        "CREATE INDEX documents_deleted ON documents (deleted_at)",
        """CREATE TABLE chunk_vectors_trash (
            chunk_id INTEGER PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,
            dim INTEGER NOT NULL, embedding BLOB NOT NULL)""",
    ]
    for sql in statements:
        db.execute(sql)


def v7_todos_and_reminders(db: sqlite_utils.Database) -> None:
    """To-dos (title, due, estimate, priority, status) linked to the run, mail or document they
    came from (``due_utc`` orders them across time zones); a per-event reminder lead time; and
    the reminders already shown, missed or snoozed (one row per event instance or task day, so
    that no reminder fires twice, across restarts too)."""
    statements = [
        """CREATE TABLE todos (
            id INTEGER PRIMARY KEY, title TEXT NOT NULL,
            due TEXT, due_utc TEXT,
            estimate_min INTEGER NOT NULL DEFAULT 60 CHECK (estimate_min > 0),
            priority TEXT NOT NULL DEFAULT 'normal'
                CHECK (priority IN ('high', 'normal', 'low')),
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
            source_kind TEXT NOT NULL DEFAULT '', source_ref TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, done_at TEXT)""",
        "CREATE INDEX todos_open_due ON todos (status, due_utc)",
        "CREATE INDEX todos_source ON todos (source_kind, source_ref)",
        "ALTER TABLE events ADD COLUMN reminder_min INTEGER",
        """CREATE TABLE reminders (
            key TEXT PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL, title TEXT NOT NULL,
            start_utc TEXT, fire_utc TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('shown', 'missed', 'snoozed', 'away_seen')),
            snooze_utc TEXT, updated_at TEXT NOT NULL)""",
        "CREATE INDEX reminders_snoozed ON reminders (state, snooze_utc)",
    ]
    for sql in statements:
        db.execute(sql)
