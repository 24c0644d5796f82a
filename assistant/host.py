"""``TaskHost``: what a task, the search and the library need from their host.

Tasks sit below ``Core`` in the layers (docs/ARCHITECTURE.md): they are handed a ``Core`` but
only see this protocol, so ``assistant.tasks`` never imports ``assistant.core``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from assistant.documents import Document
    from assistant.embed import Embedder
    from assistant.indexer import Indexer
    from assistant.llm.engine import LLMEngine
    from assistant.settings import Settings
    from assistant.store import Store


class TaskHost(Protocol):
    """The settings, the store and the lazily built engines of one data folder."""

    @property
    def settings(self) -> Settings: ...

    @property
    def store(self) -> Store: ...

    @property
    def indexer(self) -> Indexer: ...

    def engine(self) -> LLMEngine: ...

    def embedder(self) -> Embedder: ...

    def remember_document(self, doc: Document) -> int: ...
