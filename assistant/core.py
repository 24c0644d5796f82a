"""``Core``: the one facade the CLI and the desktop app share.

It owns the settings, the store and (lazily) the LLM engine and the embedder. Task entry points
return plain generators of events (``Iterator[TaskEvent]``) that front ends iterate on a worker
thread and may close between two events to cancel.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.cjk import count_wide
from assistant.data_location import resolve_data_dir
from assistant.settings import Settings
from assistant.task_events import TaskEvent

INDEX_CHUNK_TOKENS = 200  # the embedding model reads 256 word pieces at most


def _approx_tokens(text: str) -> int:
    """Word-piece estimate for index chunks: ~4 characters a token, 1 per CJK character."""
    cjk = count_wide(text)
    return cjk + (len(text) - cjk) // 4 + 1


if TYPE_CHECKING:
    from assistant.calendar import CalEvent
    from assistant.documents import Document
    from assistant.embed import Embedder
    from assistant.indexer import Indexer
    from assistant.library.watcher import LibraryWatcher
    from assistant.llm.engine import LLMEngine
    from assistant.llm.params import ModelStatus
    from assistant.search import Hit
    from assistant.store import Store
    from assistant.tasks.schedule_plan import PlannedSuggestion


class Core:
    def __init__(self, data_dir: Path | str | None = None, *, model_path: Path | None = None):
        from assistant.store import Store

        self.data_dir = resolve_data_dir(data_dir)
        self.store: Store = Store(self.data_dir)
        self.settings = Settings(self.store)
        self._model_path = model_path
        self._engine: LLMEngine | None = None
        self._embedder: Embedder | None = None
        self._indexer: Indexer | None = None
        self._library: LibraryWatcher | None = None
        self._lock = threading.Lock()

    # --- engines -----------------------------------------------------------------------------
    def engine(self) -> LLMEngine:
        """The LLM engine, created on first use. Loading happens on the engine's own thread."""
        with self._lock:
            if self._engine is None:
                from assistant.llm.engine import create_engine

                self._engine = create_engine(
                    self.settings, self.data_dir, model_path=self._model_path
                )
            return self._engine

    def wrap_engine(self, wrap: Callable[[LLMEngine], LLMEngine]) -> None:
        """Put ``wrap(engine)`` in the engine's place (the bench meters each request so)."""
        engine = self.engine()
        with self._lock:
            self._engine = wrap(engine)

    def reset_engine(self) -> None:
        """Free the current model (after a model or engine setting changed)."""
        with self._lock:
            engine, self._engine = self._engine, None
        if engine is not None:
            engine.close()

    def embedder(self) -> Embedder:
        with self._lock:
            if self._embedder is None:
                from assistant.embed import Embedder

                self._embedder = Embedder(
                    self.settings.get_str("embedding_model"),
                    device=self.settings.get_str("embedding_device"),
                )
            return self._embedder

    def model_status(self) -> ModelStatus:
        """The model (loaded now if it was not yet) and where it runs and why."""
        from assistant.llm.params import ModelStatus

        engine = self.engine()
        return ModelStatus(engine.model_name(), engine.device_info())

    # --- tasks -------------------------------------------------------------------------------
    def summarize(
        self,
        source: Path | str,
        *,
        language: str | None = None,
        length: str | None = None,
        max_tokens: int | None = None,
        keep_page_furniture: bool = False,
    ) -> Iterator[TaskEvent]:
        """Summarize a file (``Path``) or a text (``str``)."""
        from assistant.tasks.summarize import SummaryOptions, summarize

        options = SummaryOptions(
            language=language or self.settings.get_str("summary_language"),
            length=length or self.settings.get_str("summary_length"),
            max_tokens=max_tokens,
            keep_page_furniture=keep_page_furniture,
        )
        return summarize(self, source, options)

    def ask(self, prompt: str, *, max_tokens: int | None = None) -> Iterator[TaskEvent]:
        """A free prompt (the quick popup's "Ask")."""
        from assistant.tasks.ask import ask

        return ask(self, prompt, max_tokens=max_tokens)

    def translate(
        self,
        source: Path | str,
        target: str = "",
        *,
        source_language: str | None = None,
        max_tokens: int | None = None,
    ) -> Iterator[TaskEvent]:
        """Translate a file or a text into ``target`` (default: the setting)."""
        from assistant.tasks.translate import TranslateOptions, translate

        options = TranslateOptions(
            target=target or self.settings.get_str("translate_target"),
            source=source_language,
            max_tokens=max_tokens,
        )
        return translate(self, source, options)

    def polish(
        self, source: Path | str, mode: str = "fix", *, max_tokens: int | None = None
    ) -> Iterator[TaskEvent]:
        """Fix, improve or rewrite a text or a file (modes in ``assistant.tasks.polish``)."""
        from assistant.tasks.polish import PolishOptions, polish

        return polish(self, source, PolishOptions(mode=mode or "fix", max_tokens=max_tokens))

    def run_action(
        self, name: str, text: str, *, max_tokens: int | None = None
    ) -> Iterator[TaskEvent]:
        """Run the custom action called ``name`` on ``text`` (``store.list_actions()``)."""
        from assistant.tasks.custom_action import run_action

        return run_action(self, self.store.get_action(name), text, max_tokens=max_tokens)

    def chat_reply(
        self, text: str, intent: str = "", tone: str = "", *, max_tokens: int | None = None
    ) -> Iterator[TaskEvent]:
        """The user's next message for a chat excerpt ("张伟: 明天的会改到几点？")."""
        from assistant.tasks.chat_reply import chat_reply

        return chat_reply(self, text, intent, tone, max_tokens=max_tokens)

    def reply(
        self,
        source: Path | str | bytes,
        intent: str = "",
        tone: str = "",
        *,
        max_tokens: int | None = None,
    ) -> Iterator[TaskEvent]:
        """Draft a reply to a mail: an .eml file, or its raw text. Never sends anything."""
        from assistant.tasks.reply import ReplyOptions, reply

        raw = source.encode("utf-8") if isinstance(source, str) else source
        return reply(self, raw, ReplyOptions(intent=intent, tone=tone, max_tokens=max_tokens))

    def schedule(
        self,
        source: Path | str,
        *,
        now: datetime | None = None,
        tz: str = "",
        max_tokens: int | None = None,
    ) -> Iterator[TaskEvent]:
        """Suggest events and tasks from text, a mail or a document; an .ics file is imported."""
        from assistant.tasks.schedule import ScheduleOptions, import_calendar, schedule

        if isinstance(source, Path) and source.suffix.lower() == ".ics":
            return import_calendar(self, source)
        return schedule(self, source, ScheduleOptions(now=now, tz=tz, max_tokens=max_tokens))

    def accept_suggestions(
        self, planned: Sequence[PlannedSuggestion], numbers: Sequence[int] | None = None
    ) -> list[CalEvent]:
        """Store schedule suggestions (``planned_suggestions(done.data)`` of :meth:`schedule`)
        as events: ``numbers`` are 1-based, None = all; a task without a time takes its first
        free slot."""
        from assistant.tasks.schedule import accept_suggestions

        return accept_suggestions(self, planned, numbers)

    def warm_up(self) -> ModelStatus:
        """Do the slow one-time work off the GUI thread: load the model, then the language
        detector (lingua builds its models holding the GIL, ~1 s: at start, not mid-run)."""
        from assistant.lang import detect_language

        status = self.model_status()
        detect_language("Deskmate warms up its language detector.")
        return status

    @property
    def model_file(self) -> Path | None:
        """The GGUF file given when this Core was made (tests, bench), overriding the setting."""
        return self._model_path

    # --- search ------------------------------------------------------------------------------
    @property
    def indexer(self) -> Indexer:
        with self._lock:
            if self._indexer is None:
                from assistant.indexer import Indexer

                # Vectors of another model than the configured one get re-embedded.
                self.store.set_embedding_model(self.settings.get_str("embedding_model"))
                self._indexer = Indexer(self.store, self.embedder)
            return self._indexer

    def reset_embedder(self) -> None:
        """The embedding model setting changed: use the new model from now on; stored vectors
        of the old one are re-embedded in the background (they are never searched together)."""
        with self._lock:
            self._embedder = None
        self.store.set_embedding_model(self.settings.get_str("embedding_model"))
        if self._indexer is not None:
            self._indexer.poke()

    def start_background_indexing(self) -> None:
        """Embed new documents and runs on a background thread as they are written, and keep
        the library folders indexed (GUI)."""
        self.indexer.start()
        self.library.start()

    @property
    def library(self) -> LibraryWatcher:
        """The background scan of the library folders (started by the GUI)."""
        with self._lock:
            if self._library is None:
                from assistant.library.watcher import LibraryWatcher

                self._library = LibraryWatcher(self)
            return self._library

    def remember_document(self, doc: Document) -> int:
        """Store a document with small chunks for search; indexing follows in the background."""
        from assistant.documents import chunk_document

        found = self.store.find_document(doc.sha256)
        if found is not None:
            return int(found["id"])
        chunks = chunk_document(doc, max_tokens=INDEX_CHUNK_TOKENS, count_tokens=_approx_tokens)
        doc_id = self.store.add_document(doc, chunks)
        if self._indexer is not None:
            self._indexer.poke()
        return doc_id

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """Everything stored, ranked: full-text and semantic, merged."""
        from assistant.search import search

        return search(self, query, limit)  # embeds what is not indexed yet first

    def close(self, *, wait_for_model: bool = True) -> None:
        """Close the indexer, the model and the store. ``wait_for_model=False`` (the app is
        quitting) does not wait for a model that is still loading: loading writes nothing."""
        if self._library is not None:
            self._library.close()
        if self._indexer is not None:
            self._indexer.close()
        if wait_for_model:
            self.reset_engine()
        else:
            threading.Thread(target=self.reset_engine, name="model-close", daemon=True).start()
        self.store.close()
