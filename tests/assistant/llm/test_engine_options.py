"""The engine options of issue 18's levers: batch sizes and prompt-lookup decoding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.errors import SettingError
from assistant.llm import GenParams, create_engine
from assistant.llm.llama_backend import LlamaEngine
from assistant.settings import Settings
from assistant.settings.keys import SettingKey
from tests.assistant.llm.helpers import collect

QUOTE = "The committee approved a plan to repair the old bridge before the deadline in March. "


def test_batch_sizes_out_of_bounds_are_setting_errors(tmp_path: Path) -> None:
    settings = Settings()
    cases: list[tuple[SettingKey, object]] = [
        ("n_batch", 16),
        ("n_ubatch", 0),
        ("n_batch", 100_000),
        ("n_ubatch", "x"),
    ]
    for key, bad in cases:
        with pytest.raises(SettingError, match=key):
            settings.set(key, bad)
    with pytest.raises(SettingError, match="n_batch"):
        model = tmp_path / "model.gguf"  # never loaded: the sizes are checked first
        model.write_bytes(b"GGUF")
        LlamaEngine(model, n_batch=0)  # built directly, without the settings
    with pytest.raises(SettingError, match="prompt_lookup"):
        settings.set("prompt_lookup", "sometimes")


@pytest.mark.model
def test_batch_sizes_and_prompt_lookup_reach_the_model(fast_model_path: Path) -> None:
    import numpy as np
    from llama_cpp.llama_speculative import LlamaPromptLookupDecoding

    settings = Settings()
    settings.set("n_ctx", 2048)
    settings.set("temperature", 0.0)
    settings.set("n_batch", 256)
    settings.set("n_ubatch", 1024)  # more than a batch: capped at n_batch
    settings.set("prompt_lookup", True)
    engine = create_engine(settings, Path("/nonexistent-data-dir"), model_path=fast_model_path)
    assert isinstance(engine, LlamaEngine)
    try:
        ask = [{"role": "user", "content": "Repeat this text exactly:\n" + QUOTE * 24}]
        params = GenParams(max_tokens=24, temperature=0.0)
        _tokens, progress, first = collect(engine.chat(ask, params))
        # generation starts past position 256: the score rows span the context, not a batch
        assert first.data["completion_tokens"] >= 1 and "committee" in first.text.lower()
        assert progress[-1].done == progress[-1].total > 256
        follow = [
            *ask,
            {"role": "assistant", "content": first.text},
            {"role": "user", "content": "Again."},
        ]
        _tokens, _progress, second = collect(engine.chat(follow, params))
        assert second.data["prompt_tokens_cached"] > 100  # drafts left the KV cache exact
        assert second.data["completion_tokens"] >= 1
        llm: Any = engine._host.call(lambda model: model.llm)
        assert llm.n_batch == 256 and llm.context_params.n_ubatch == 256
        assert isinstance(llm.draft_model, LlamaPromptLookupDecoding)
        assert llm.draft_model.num_pred_tokens == 2  # CPU only: short drafts
        # the logits copies land in one reused row, not an n_ctx x vocabulary array
        assert llm.scores.strides[0] == 0 and np.shares_memory(llm.scores[0], llm.scores[-1])
    finally:
        engine.close()
