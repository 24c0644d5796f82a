"""Model faults: bad files and too-large models fail typed before llama.cpp loads anything; a
GPU load failure falls back to fewer layers; a hostile chat template runs in Jinja's sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import BadModelFile, DeskmateError, ModelTooLarge
from assistant.llm import GenParams, llama_backend
from assistant.llm.llama_backend import LlamaEngine
from assistant.models import memory
from assistant.task_events import Done, TaskEvent
from tests.reliability.gguf_rewrite import rewrite_string

QUESTION = [{"role": "user", "content": "What is 2+3? Answer with a number only."}]
MB = 1024 * 1024


def _collect(events: Iterator[TaskEvent]) -> list[TaskEvent]:
    return list(events)


@pytest.fixture
def no_llama_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if llama.cpp is asked to load anything."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("llama.cpp was asked to load a model that should have been refused")

    monkeypatch.setattr(llama_backend, "_Vocab", refuse)
    monkeypatch.setattr(LlamaEngine, "_new_llama", refuse)


@pytest.mark.usefixtures("no_llama_load")
def test_bad_files_are_refused_before_llama_loads(tmp_path: Path, fast_model_path: Path) -> None:
    not_gguf = tmp_path / "photo.gguf"
    not_gguf.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 4096)
    truncated = tmp_path / "truncated.gguf"
    with fast_model_path.open("rb") as src:
        truncated.write_bytes(src.read(8 * MB))  # header intact, tensor data cut
    empty = tmp_path / "empty.gguf"
    empty.write_bytes(b"")
    for path in (not_gguf, truncated, empty):
        engine = LlamaEngine(path, n_ctx=512)
        try:
            with pytest.raises(BadModelFile) as info:
                _collect(engine.chat(QUESTION, GenParams(max_tokens=4)))
        finally:
            engine.close()
        assert path.name in info.value.message and info.value.hint


@pytest.mark.usefixtures("no_llama_load")
def test_model_larger_than_free_memory_is_refused_before_loading(
    fast_model_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(memory, "available_memory", lambda: 200 * MB)
    engine = LlamaEngine(fast_model_path, n_ctx=2048)
    try:
        with pytest.raises(ModelTooLarge) as info:
            _collect(engine.chat(QUESTION, GenParams(max_tokens=4)))
    finally:
        engine.close()
    assert "0.20 GB is available" in info.value.message
    assert "n_ctx" in info.value.hint


@pytest.mark.model
def test_gpu_out_of_memory_falls_back_to_fewer_layers_and_says_so(
    fast_model_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import llama_cpp

    real_new = LlamaEngine._new_llama
    tried: list[int] = []

    def new_llama(self: LlamaEngine, n_gpu_layers: int) -> Any:
        tried.append(n_gpu_layers)
        if n_gpu_layers > 0:
            raise ValueError("Failed to load model from file (cudaMalloc failed: out of memory)")
        return real_new(self, 0)

    monkeypatch.setattr(llama_cpp, "llama_supports_gpu_offload", lambda: True)
    monkeypatch.setattr(llama_backend, "_maybe_vram", lambda: 8 * 1024 * MB)
    monkeypatch.setattr(LlamaEngine, "_new_llama", new_llama)
    engine = LlamaEngine(fast_model_path, n_ctx=512, n_threads=1)
    try:
        info = engine.device_info()
        done = _collect(engine.chat(QUESTION, GenParams(max_tokens=4)))[-1]
    finally:
        engine.close()
    assert tried[0] > 0 and tried[-1] == 0 and tried == sorted(tried, reverse=True)
    assert not info.on_gpu and "failed" in info.reason and "out of GPU memory" in info.reason
    assert isinstance(done, Done) and done.text.strip()


# --- hostile chat templates ------------------------------------------------------------------
RUN_CODE = (
    "{% for m in messages %}{{ m['content'] }}{% endfor %}"
    "{{ cycler.__init__.__globals__.os.system('touch MARKER') }}"
)
SUBCLASSES = "{{ ''.__class__.__mro__[1].__subclasses__() }}{{ messages }}"


@pytest.mark.parametrize("template", [RUN_CODE, SUBCLASSES], ids=["os.system", "subclasses"])
def test_the_formatter_deskmate_uses_is_sandboxed(template: str, tmp_path: Path) -> None:
    from jinja2.exceptions import SecurityError
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    marker = tmp_path / "pwned"
    formatter = Jinja2ChatFormatter(
        template=template.replace("MARKER", str(marker)), eos_token="</s>", bos_token="<s>"
    )
    with pytest.raises(SecurityError, match="unsafe"):
        formatter(messages=QUESTION)  # type: ignore[arg-type]
    assert not marker.exists()


@pytest.mark.model
def test_gguf_with_a_code_running_template_fails_typed(
    fast_model_path: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "pwned"
    evil = rewrite_string(
        fast_model_path,
        tmp_path / "evil.gguf",
        "tokenizer.chat_template",
        RUN_CODE.replace("MARKER", str(marker)),
    )
    engine = LlamaEngine(evil, n_ctx=512, n_threads=1)
    try:
        assert engine.count_tokens("hello world") > 0  # the file itself is a valid model
        with pytest.raises(DeskmateError, match="unsafe") as info:
            _collect(engine.chat(QUESTION, GenParams(max_tokens=4)))
    finally:
        engine.close()
        evil.unlink()
    assert "Traceback" not in info.value.user_text()
    assert not marker.exists()
