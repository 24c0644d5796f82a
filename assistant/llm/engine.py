"""The ``LLMEngine`` protocol and the factory that picks a backend from the settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from assistant.llm.params import ChatMessage, DeviceInfo, GenParams
from assistant.task_events import TaskEvent

if TYPE_CHECKING:
    from assistant.settings import Settings


class LLMEngine(Protocol):
    """A chat model. Every method may be called from any thread."""

    def chat(self, messages: list[ChatMessage], params: GenParams) -> Iterator[TaskEvent]:
        """Stream ``Progress(stage="prompt")``, ``Token``s, then one ``Done``.

        ``Done.data`` holds ``prompt_tokens``, ``completion_tokens``, ``finish_reason``
        ("stop" | "length"), ``seconds`` and backend extras. Closing the generator stops the
        generation within 200 ms.
        """
        ...

    def count_tokens(self, text: str) -> int: ...

    def context_size(self) -> int: ...

    def model_name(self) -> str: ...

    def device_info(self) -> DeviceInfo: ...

    def close(self) -> None: ...


def create_engine(
    settings: Settings, data_dir: Path, *, model_path: Path | None = None
) -> LLMEngine:
    """The remote backend if ``remote_url`` is set, else llama.cpp on the ``model`` setting.

    ``model_path`` overrides the model file (tests pass the bundled fast model).
    Nothing is loaded here: engines load lazily on first use.
    """
    remote_url = settings.get_str("remote_url").strip()
    if remote_url:
        from assistant.llm.openai_backend import OpenAIEngine

        return OpenAIEngine(
            remote_url,
            model=settings.get_str("remote_model"),
            api_key=settings.get_str("remote_api_key"),
            n_ctx=settings.get_int("n_ctx"),
        )
    name = model_path.stem if model_path is not None else settings.get_str("model")
    if model_path is None:
        from assistant.models.registry import resolve_model_path

        model_path = resolve_model_path(data_dir, name)
    from assistant.llm.llama_backend import LlamaEngine

    return LlamaEngine(
        model_path,
        name=name,
        n_ctx=settings.get_int("n_ctx"),
        n_threads=settings.get("n_threads"),
        n_gpu_layers=settings.get("n_gpu_layers"),
        n_batch=settings.get_int("n_batch"),
        n_ubatch=settings.get_int("n_ubatch"),
        prompt_lookup=settings.get_bool("prompt_lookup"),
    )
