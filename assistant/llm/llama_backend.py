"""In-process llama-cpp-python backend.

One dedicated "model host" thread owns the ``Llama`` object: it loads the model lazily on the
first request and runs every request in order. ``count_tokens``/``context_size`` use a separate,
light vocabulary-only copy of the model (tokenizer + metadata), so they never wait behind a
generation.

Nothing of llama.cpp reaches the terminal, and the process's stdout/stderr stay intact: llama.cpp's
log goes to Python logging (``LlamaLog``) and models are loaded with ``verbose=True``, because with
``verbose=False`` llama-cpp-python points the whole process's fds 1 and 2 at /dev/null while
loading (every thread's output, logs included, would be lost meanwhile). The few Python prints of a
verbose ``Llama()`` are dropped for the loading thread only (``mute_this_thread``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.errors import BadModelFile, ModelNotFound, SettingError
from assistant.llm._device import LlamaLog, free_vram_bytes, plan_gpu_layers, resolve_threads
from assistant.llm._generate import LoadedModel, run_chat
from assistant.llm._host import Job, ModelHost
from assistant.llm._lookup import discard_scores, prompt_lookup_options
from assistant.llm._prompt import ChatPrompt
from assistant.llm._quiet import mute_this_thread, quiet_llama_cpp
from assistant.llm.params import ChatMessage, DeviceInfo, GenParams
from assistant.task_events import TaskEvent


class _Vocab:
    """Vocabulary-only model: tokenizer and GGUF metadata, without the weights."""

    def __init__(self, path: Path) -> None:
        import llama_cpp
        from llama_cpp import _internals

        quiet_llama_cpp()
        params = llama_cpp.llama_model_default_params()
        params.vocab_only = True
        try:
            # verbose=False would redirect the process's fds 1 and 2 to /dev/null while loading
            self.model = _internals.LlamaModel(path_model=str(path), params=params, verbose=True)
        except (ValueError, RuntimeError, OSError) as exc:
            raise _bad_file(path, exc) from exc
        self.metadata: dict[str, str] = self.model.metadata()
        self.lock = threading.Lock()

    def meta_int(self, suffix: str, default: int) -> int:
        arch = self.metadata.get("general.architecture", "")
        try:
            return int(self.metadata[f"{arch}.{suffix}"])
        except (KeyError, ValueError):
            return default

    def count(self, text: str) -> int:
        with self.lock:
            return len(self.model.tokenize(text.encode("utf-8"), False, False))


def _bad_file(path: Path, exc: BaseException) -> BadModelFile:
    detail = LlamaLog.take_errors() or str(exc)
    return BadModelFile(
        f"cannot load the model file {path.name}: {detail}",
        hint="the file is not a valid GGUF model or is truncated; re-add or re-download it",
    )


class LlamaEngine:
    """``LLMEngine`` on a local GGUF file through llama-cpp-python."""

    def __init__(
        self,
        model_path: Path,
        *,
        name: str = "",
        n_ctx: int = 8192,
        n_threads: object = "auto",
        n_gpu_layers: object = "auto",
        n_batch: int = 512,
        n_ubatch: int = 512,
        prompt_lookup: bool = False,
    ) -> None:
        if not model_path.is_file():
            raise ModelNotFound(f"model file not found: {model_path}")
        for key, size in (("n_batch", n_batch), ("n_ubatch", n_ubatch)):
            if size < 1:
                raise SettingError(f"{key} must be at least 1, not {size}")
        self._n_batch = n_batch
        self._n_ubatch = min(n_ubatch, n_batch)  # llama.cpp computes at most a batch at once
        self._prompt_lookup = prompt_lookup
        self._path = model_path
        self._name = name or model_path.stem
        self._n_ctx_setting = n_ctx
        self._n_threads = resolve_threads(n_threads)
        self._gpu_setting = n_gpu_layers
        self._vocab: _Vocab | None = None
        self._vocab_lock = threading.Lock()
        self._host: ModelHost[LoadedModel] = ModelHost(
            self._load, _unload, name=f"llm-host-{self._name}"
        )

    # --- LLMEngine ---------------------------------------------------------------------------
    def chat(self, messages: list[ChatMessage], params: GenParams) -> Iterator[TaskEvent]:
        msgs = [dict(m) for m in messages]

        def job(model: LoadedModel, j: Job) -> None:
            run_chat(model, j, msgs, params)

        return self._host.stream(job)

    def count_tokens(self, text: str) -> int:
        return self._vocab_model().count(text)

    def context_size(self) -> int:
        return min(self._vocab_model().meta_int("context_length", 4096), self._n_ctx_setting)

    def model_name(self) -> str:
        return self._name

    def device_info(self) -> DeviceInfo:
        """Loads the model if needed (the decision is made when loading)."""
        return self._host.call(lambda m: m.device)

    def close(self) -> None:
        self._host.close()

    # --- loading (on the host thread) --------------------------------------------------------
    def _vocab_model(self) -> _Vocab:
        with self._vocab_lock:
            if self._vocab is None:
                self._vocab = _Vocab(self._path)
            return self._vocab

    def _load(self) -> LoadedModel:
        import llama_cpp

        from assistant.models.memory import check_fits_in_memory

        # Header check (truncated / not a GGUF) and size against free memory, before llama.cpp.
        check_fits_in_memory(self._path, self._n_ctx_setting)
        vocab = self._vocab_model()
        plan = plan_gpu_layers(
            self._gpu_setting,
            gpu_build=bool(llama_cpp.llama_supports_gpu_offload()),
            n_layers=vocab.meta_int("block_count", 32),
            model_bytes=self._path.stat().st_size,
            free_vram=None if self._gpu_setting == 0 else _maybe_vram(),
        )
        reason = plan.reason
        layers = plan.n_gpu_layers
        while True:
            try:
                llm = self._new_llama(layers)
                break
            except (ValueError, RuntimeError, OSError) as exc:
                if layers <= 0:
                    raise _bad_file(self._path, exc) from exc
                failed, layers = layers, layers // 2
                LlamaLog.take_errors()
                reason = f"loading {failed} GPU layers failed (out of GPU memory?): using {layers}"
        device = DeviceInfo(layers > 0, layers, reason, plan.gpu_build)
        return LoadedModel(llm=llm, prompt=ChatPrompt(llm._model, llm.metadata), device=device)

    def _new_llama(self, n_gpu_layers: int) -> Any:
        from llama_cpp import Llama

        quiet_llama_cpp()
        with mute_this_thread():
            llm = Llama(
                str(self._path),
                n_ctx=self.context_size(),
                n_threads=self._n_threads,
                n_threads_batch=self._n_threads,
                n_gpu_layers=n_gpu_layers,
                n_batch=self._n_batch,
                n_ubatch=self._n_ubatch,
                **prompt_lookup_options(self._prompt_lookup, n_gpu_layers),
                verbose=True,  # verbose=False: fds 1 and 2 point at /dev/null while loading
            )
        llm.verbose = False  # no per-request prints ("prefix-match hit", timings)
        if self._prompt_lookup:
            discard_scores(llm)
        return llm


def _maybe_vram() -> int | None:
    import llama_cpp

    return free_vram_bytes() if llama_cpp.llama_supports_gpu_offload() else None


def _unload(model: LoadedModel) -> None:
    model.llm.close()
