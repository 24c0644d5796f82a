"""Versioned schema: ``PRAGMA user_version`` and a list of forward migrations.

``MIGRATIONS[i]`` brings the schema from version ``i`` to ``i + 1``. Before migrating an
existing database, a copy is made with SQLite's backup API into ``<data_dir>/backups``. Each
step runs in one transaction together with the ``user_version`` bump, so a step interrupted by a
crash or a kill leaves the previous version intact and simply runs again on the next start.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from assistant.paths import ensure_private_dir

Migration = Callable[[sqlite_utils.Database], None]
KEEP_BACKUPS = 5


def _v1_initial(db: sqlite_utils.Database) -> None:
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


def _v2_translation_and_calendar(db: sqlite_utils.Database) -> None:
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


def _v3_search_index(db: sqlite_utils.Database) -> None:
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


def _v4_events_trash(db: sqlite_utils.Database) -> None:
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


def _v5_search_bookkeeping(db: sqlite_utils.Database) -> None:
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


def _v6_documents_trash(db: sqlite_utils.Database) -> None:
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


def _v7_todos_and_reminders(db: sqlite_utils.Database) -> None:
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
    _v1_initial,
    _v2_translation_and_calendar,
    _v3_search_index,
    _v4_events_trash,
    _v5_search_bookkeeping,
    _v6_documents_trash,
    _v7_todos_and_reminders,
    _v8_mail_accounts,
    _v9_custom_actions,
    _v10_vector_models,
    _v11_word_index,
    _v12_library,
    _v13_caldav,
    _v14_caldav_outbox,
]
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def snapshot(conn: sqlite3.Connection, dest: Path, mode: int = os.O_EXCL) -> None:
    """Copy the database behind ``conn`` into a new private (0600) file ``dest`` (SQLite's
    backup API: a consistent snapshot, WAL included). ``mode``: O_EXCL or O_TRUNC."""
    fd = os.open(dest, os.O_CREAT | os.O_WRONLY | mode, 0o600)
    os.close(fd)
    out = sqlite3.connect(str(dest))
    try:
        conn.backup(out)
    finally:
        out.close()


def backup(conn: sqlite3.Connection, data_dir: Path, version: int) -> Path:
    """Copy the database (consistent snapshot, WAL included) into ``data_dir/backups``."""
    folder = ensure_private_dir(data_dir / "backups")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"deskmate-v{version}-{stamp}.sqlite3"
    partial = target.with_suffix(".partial")
    snapshot(conn, partial, os.O_TRUNC)
    os.replace(partial, target)  # a kill mid-copy never leaves a half backup under the real name
    _prune(folder)
    return target


def _prune(folder: Path) -> None:
    backups = sorted(folder.glob("deskmate-v*.sqlite3"), key=lambda p: p.stat().st_mtime)
    for old in backups[:-KEEP_BACKUPS]:
        with contextlib.suppress(OSError):
            old.unlink()


def migrate(
    db: sqlite_utils.Database, data_dir: Path, migrations: Sequence[Migration] = MIGRATIONS
) -> list[Path]:
    """Run pending migrations on the writer connection; return the backups made."""
    conn = db.conn
    version = user_version(conn)
    if version > len(migrations):
        from assistant.errors import StoreError

        raise StoreError(
            f"the database is from a newer Deskmate (schema v{version}, this one knows "
            f"v{len(migrations)})",
            hint="update Deskmate or use another data folder",
        )
    made: list[Path] = []
    # One backup of the database as it was (a database created just now has nothing worth
    # one): a backup per step would push the original out of the kept few.
    if 0 < version < len(migrations):
        made.append(backup(conn, data_dir, version))
    while version < len(migrations):
        with db.atomic():
            migrations[version](db)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        version += 1
    return made
