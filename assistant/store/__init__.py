"""SQLite store: runs, partial results, documents, full-text and vector search, settings."""

from assistant.store.migrations import MIGRATIONS, SCHEMA_VERSION, Migration
from assistant.store.store import Store

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration", "Store"]
