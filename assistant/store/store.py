"""``Store``: Deskmate's SQLite database: runs, partial results, documents, search, settings,
glossaries and translation memory, calendar events, mail accounts.

Open it with ``Store(data_dir)``: the file is ``paths.db_path(data_dir)`` (0600, WAL), migrated
forward on open with a backup first. One writer thread owns all writes; every public write
method blocks until its transaction is committed, so it is safe from any thread. Reads use one
connection per thread and run concurrently with writes. Failures raise ``DiskFull`` /
``StoreError``.
"""

from __future__ import annotations

from assistant.store.actions import ActionsMixin
from assistant.store.caldav_outbox import CalendarOutboxMixin
from assistant.store.calendar_events import CalendarEventsMixin
from assistant.store.calendar_sync import CalendarSyncMixin
from assistant.store.documents import DocumentsMixin
from assistant.store.index import IndexMixin
from assistant.store.library import LibraryMixin
from assistant.store.mail import MailMixin
from assistant.store.reminders import RemindersMixin
from assistant.store.runs import RunsMixin
from assistant.store.settings_backend import SettingsMixin
from assistant.store.todos import TodosMixin
from assistant.store.translation import TranslationMixin
from assistant.store.vectors import VectorsMixin


class Store(
    RunsMixin,
    DocumentsMixin,
    VectorsMixin,
    SettingsMixin,
    TranslationMixin,
    CalendarEventsMixin,
    TodosMixin,
    RemindersMixin,
    IndexMixin,
    MailMixin,
    ActionsMixin,
    LibraryMixin,
    CalendarSyncMixin,
    CalendarOutboxMixin,
):
    """See the module docstring and docs/ARCHITECTURE.md ("Contracts")."""
