"""SQLite store: runs, partial results, documents, full-text and vector search, settings."""

from assistant.store.schema_steps import MIGRATIONS, SCHEMA_VERSION, Migration
from assistant.store.store import Store

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration", "Store"]
