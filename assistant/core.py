"""``Core``: the one facade the CLI and the desktop app share.

It owns the settings, the store and (lazily) the LLM engine and the embedder. Task entry points
return plain generators of events (``Iterator[Event]``) that front ends iterate on a worker
thread and may close between two events to cancel.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.events import Event
from assistant.paths import resolve_data_dir
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.embed import Embedder
    from assistant.llm.engine import LLMEngine
    from assistant.store import Store


class Core:
    def __init__(self, data_dir: Path | str | None = None, *, model_path: Path | None = None):
        from assistant.store import Store

        self.data_dir = resolve_data_dir(data_dir)
        self.store: Store = Store(self.data_dir)
        self.settings = Settings(self.store)
        self._model_path = model_path
        self._engine: LLMEngine | None = None
        self._embedder: Embedder | None = None
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

    def model_status(self) -> str:
        """One line about the model: name, and where it runs and why (CPU/GPU reason)."""
        engine = self.engine()
        info = engine.device_info()
        where = f"GPU ({info.n_gpu_layers} layers)" if info.on_gpu else "CPU"
        reason = f": {info.reason}" if info.reason else ""
        return f"{engine.model_name()} on {where}{reason}"

    # --- tasks -------------------------------------------------------------------------------
    def summarize(
        self,
        source: Path | str,
        *,
        language: str | None = None,
        length: str | None = None,
        max_tokens: int | None = None,
    ) -> Iterator[Event]:
        """Summarize a file (``Path``) or a text (``str``)."""
        from assistant.tasks.summarize import SummaryOptions, summarize

        options = SummaryOptions(
            language=language or self.settings.get_str("summary_language"),
            length=length or self.settings.get_str("summary_length"),
            max_tokens=max_tokens,
        )
        return summarize(self, source, options)

    def ask(self, prompt: str, *, max_tokens: int | None = None) -> Iterator[Event]:
        """A free prompt (the quick popup's "Ask")."""
        from assistant.tasks.ask import ask

        return ask(self, prompt, max_tokens=max_tokens)

    def close(self) -> None:
        self.reset_engine()
        self.store.close()
