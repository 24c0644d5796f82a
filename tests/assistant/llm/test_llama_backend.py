"""End-to-end tests of the in-process llama.cpp engine on the real bundled 0.5B model."""

from __future__ import annotations

import json
import os
import re
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import BadModelFile, ModelNotFound, UserError
from assistant.llm import GenParams, create_engine
from assistant.llm._generate import COMPLETION_KEY
from assistant.llm.llama_backend import LlamaEngine
from assistant.settings import Settings
from assistant.task_events import Progress, Token
from tests.assistant.llm.helpers import (
    ANSWER_SCHEMA,
    LONG_PROMPT,
    LONG_SYSTEM,
    collect,
    validate_answer_schema,
)

pytestmark = pytest.mark.model

SUM_QUESTION = [{"role": "user", "content": "What is 2+3? Answer with a number only."}]


def _says_five(text: str) -> bool:
    """A sane answer, however this CPU's kernels word it ("5", "5.", "The answer is 5")."""
    return re.search(r"(?<![0-9])5(?![0-9])", text) is not None


@pytest.fixture(scope="module")
def engine(fast_model_path: Path) -> Iterator[LlamaEngine]:
    settings = Settings()
    settings.set("n_ctx", 2048)
    eng = create_engine(settings, Path("/nonexistent-data-dir"), model_path=fast_model_path)
    assert isinstance(eng, LlamaEngine)
    yield eng
    eng.close()


def test_streams_tokens_and_a_done_with_counts(engine: LlamaEngine) -> None:
    tokens, progress, done = collect(engine.chat(SUM_QUESTION, GenParams(max_tokens=16)))
    assert tokens and "".join(t.text for t in tokens) == done.text
    assert progress[0].stage == "prompt" and progress[-1].done == progress[-1].total
    assert _says_five(done.text), done.text
    assert done.data["prompt_tokens"] > 10
    assert done.data["completion_tokens"] >= 1
    assert done.data["finish_reason"] == "stop"
    assert done.data["seconds"] > 0


def test_same_request_twice_gives_the_same_answer_from_the_cache(
    engine: LlamaEngine, request: pytest.FixtureRequest
) -> None:
    sampled = request.config.getoption("--model-seed") is not None  # draws differ per call
    question = [{"role": "user", "content": "Name the largest planet of the solar system."}]
    first = collect(engine.chat(question, GenParams(max_tokens=24, temperature=0.0)))[2]
    second = collect(engine.chat(question, GenParams(max_tokens=24, temperature=0.0)))[2]
    # The cache is what is tested; a 0.5B model sampled at another seed may name Mercury.
    assert re.search(r"[A-Za-z]{3}", first.text) and first.text != question[0]["content"]
    assert sampled or second.text == first.text  # greedy decoding gives the same answer
    assert second.data["last_prompt_tokens_evaluated"] == 1  # everything but the last token cached


def test_kv_prefix_is_reused_for_a_shared_system_prompt(engine: LlamaEngine) -> None:
    def ask(question: str) -> dict[str, int]:
        messages = [
            {"role": "system", "content": LONG_SYSTEM},
            {"role": "user", "content": question},
        ]
        return collect(engine.chat(messages, GenParams(max_tokens=8)))[2].data

    first = ask("Say hello.")
    second = ask("Say goodbye.")
    assert first["prompt_tokens"] > 500
    assert second["last_prompt_tokens_evaluated"] < 30
    assert second["prompt_tokens_cached"] > 500


def test_cancel_during_generation_stops_the_model_at_once(engine: LlamaEngine) -> None:
    """How long a cancel takes is a `deskmate bench` figure; here, that it really stops: the
    model thread has finished with the request when ``close()`` returns, a few tokens in."""
    story = [{"role": "user", "content": "Write a very long story about a lighthouse keeper."}]
    gen = engine.chat(story, GenParams(max_tokens=1000))
    n = 0
    for event in gen:
        if isinstance(event, Token):
            n += 1
            if n == 3:
                break
    gen.close()  # returns once the model thread has stopped working on it
    sampled = engine._host.call(lambda m: m.stats[COMPLETION_KEY])
    assert 3 <= sampled < 100, f"{sampled} tokens sampled for a request cancelled at 3"
    assert _says_five(collect(engine.chat(SUM_QUESTION, GenParams(max_tokens=8)))[2].text)


def test_cancel_during_a_long_prompt_evaluation_stops_it(engine: LlamaEngine) -> None:
    messages = [{"role": "user", "content": LONG_PROMPT + "\nSummarize."}]
    assert engine.count_tokens(LONG_PROMPT) > 1400
    gen = engine.chat(messages, GenParams(max_tokens=16))
    total = 0
    for event in gen:
        if isinstance(event, Progress) and event.done > 0:
            total = event.total
            assert event.done < event.total  # still evaluating the prompt
            break
    assert total > 1400
    gen.close()  # llama.cpp's abort callback stops the batch being evaluated
    # The KV cache holds exactly the tokens the model object knows about, no aborted leftovers.
    n_tokens, pos_max = engine._host.call(_kv_state)
    assert 0 < n_tokens < total and pos_max == n_tokens - 1
    # ... so the next request reuses the shared (template) prefix and answers correctly.
    done = collect(engine.chat(SUM_QUESTION, GenParams(max_tokens=8)))[2]
    assert _says_five(done.text) and done.data["prompt_tokens_cached"] > 0


def _kv_state(m: Any) -> tuple[int, int]:
    import llama_cpp

    return m.llm.n_tokens, llama_cpp.llama_memory_seq_pos_max(m.llm._ctx.memory, 0)


def test_json_schema_output_parses_and_validates(engine: LlamaEngine) -> None:
    messages = [
        {"role": "system", "content": "Reply in JSON."},
        {"role": "user", "content": "How many legs does a spider have?"},
    ]
    params = GenParams(max_tokens=48, temperature=0.0, json_schema=ANSWER_SCHEMA)
    done = collect(engine.chat(messages, params))[2]
    value = json.loads(done.text)
    validate_answer_schema(value)
    assert done.data["json"] == value


def test_chinese_output_decodes_cleanly(engine: LlamaEngine) -> None:
    messages = [{"role": "user", "content": "请用中文回答：中国的首都是哪个城市？"}]
    tokens, _, done = collect(engine.chat(messages, GenParams(max_tokens=32, temperature=0.0)))
    assert all("\ufffd" not in t.text for t in tokens)
    assert "".join(t.text for t in tokens) == done.text
    # Chinese text came out (sampled at another seed, the 0.5B may name the wrong city).
    assert len(re.findall(r"[\u4e00-\u9fff]", done.text)) >= 2, done.text


def test_stop_strings_cut_the_answer(engine: LlamaEngine) -> None:
    messages = [{"role": "user", "content": "Count from 1 to 10, separated by commas."}]
    params = GenParams(max_tokens=40, temperature=0.0, stop=("5",))
    done = collect(engine.chat(messages, params))[2]
    assert "4" in done.text and "5" not in done.text
    assert done.data["finish_reason"] == "stop"


def test_max_tokens_limits_the_answer(engine: LlamaEngine) -> None:
    story = [{"role": "user", "content": "Write a long poem about the sea."}]
    done = collect(engine.chat(story, GenParams(max_tokens=5)))[2]
    assert done.data["completion_tokens"] == 5
    assert done.data["finish_reason"] == "length"


def test_count_tokens_matches_the_model_tokenizer(engine: LlamaEngine) -> None:
    for text in ["hello world", "Deskmate 总结文档 😀 and café", LONG_SYSTEM]:
        expected = engine._host.call(
            lambda m, t=text: len(m.llm.tokenize(t.encode(), add_bos=False, special=False))
        )
        assert engine.count_tokens(text) == expected


def test_context_size_device_and_name(engine: LlamaEngine, fast_model_path: Path) -> None:
    assert engine.context_size() == 2048  # min(n_ctx_train=32768, setting)
    info = engine.device_info()
    assert not info.on_gpu and info.n_gpu_layers == 0 and info.reason
    assert engine.model_name() == fast_model_path.stem


def test_too_long_prompt_is_a_user_error_and_the_engine_keeps_working(
    engine: LlamaEngine,
) -> None:
    messages = [{"role": "user", "content": LONG_PROMPT * 2}]
    with pytest.raises(UserError, match="context"):
        collect(engine.chat(messages, GenParams(max_tokens=8)))
    assert _says_five(collect(engine.chat(SUM_QUESTION, GenParams(max_tokens=8)))[2].text)


def test_bad_model_files_raise_bad_model_file(tmp_path: Path, fast_model_path: Path) -> None:
    not_gguf = tmp_path / "notes.gguf"
    not_gguf.write_text("this is not a model")
    truncated = tmp_path / "truncated.gguf"
    with fast_model_path.open("rb") as src:
        truncated.write_bytes(src.read(40 * 2**20))  # metadata intact, tensors cut
    for path in (not_gguf, truncated):
        eng = LlamaEngine(path, n_ctx=512)
        with pytest.raises(BadModelFile, match=path.name):
            collect(eng.chat(SUM_QUESTION, GenParams(max_tokens=4)))
        eng.close()


def test_missing_model_file_is_model_not_found(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound):
        LlamaEngine(tmp_path / "nope.gguf")


def test_chat_template_comes_from_the_gguf(engine: LlamaEngine, fast_model_path: Path) -> None:
    from assistant.models.gguf import inspect_gguf

    template = inspect_gguf(fast_model_path).chat_template
    assert template and "<|im_start|>" in template
    prompt = engine._host.call(
        lambda m: m.prompt.formatter(messages=[{"role": "user", "content": "Hi"}]).prompt
    )
    assert engine._host.call(lambda m: m.prompt.formatter.template) == template
    # Qwen's own template adds its default system prompt (the ChatML fallback would not).
    assert "You are Qwen" in prompt and prompt.endswith("<|im_start|>assistant\n")


def test_context_size_is_capped_by_the_model_metadata(fast_model_path: Path) -> None:
    big = LlamaEngine(fast_model_path, n_ctx=131072)  # nothing is loaded: metadata only
    try:
        assert big.context_size() == 32768  # qwen2.context_length
    finally:
        big.close()


def test_switching_models_frees_the_old_one(data_dir: Path, fast_model_path: Path) -> None:
    from assistant.core import Core

    core = Core(data_dir, model_path=fast_model_path)
    try:
        core.settings.set("n_ctx", 512)
        old = core.engine()
        assert isinstance(old, LlamaEngine)
        assert old.device_info().n_gpu_layers == 0  # loads the model on its thread
        host_thread = old._host._thread
        core.reset_engine()  # what the app does when the model setting changes
        assert not host_thread.is_alive() and old._host._resource is None
        new = core.engine()
        assert isinstance(new, LlamaEngine) and new is not old
        assert new._host._resource is None  # the next model loads lazily, on first use
    finally:
        core.close()


def test_loading_leaves_the_process_stdout_and_stderr_alone(
    fast_model_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Other threads' output during a model load is not lost; llama.cpp itself prints nothing."""
    import llama_cpp.llama_cpp as low

    real_load = low.llama_model_load_from_file

    def load(path: bytes, params: Any) -> Any:  # runs on the host thread, inside the load
        def shout() -> None:
            os.write(2, b"fd2-during-load\n")
            print("sys-stderr-during-load", file=sys.stderr, flush=True)

        other = threading.Thread(target=shout)
        other.start()
        other.join()
        return real_load(path, params)

    monkeypatch.setattr(low, "llama_model_load_from_file", load)
    eng = LlamaEngine(fast_model_path, n_ctx=512, n_threads=1)
    try:
        assert eng.device_info().n_gpu_layers == 0  # vocab-only load, then the full model
    finally:
        eng.close()
    err = capfd.readouterr().err
    assert err.count("fd2-during-load") == 2
    assert err.count("sys-stderr-during-load") == 2
    for noise in ("llama_model_loader", "Model metadata", "system_info", "AVX"):
        assert noise not in err
