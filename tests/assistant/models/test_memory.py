"""The memory check that runs before a model is loaded."""

from __future__ import annotations

from pathlib import Path

import psutil
import pytest

from assistant.errors import ModelTooLarge
from assistant.models import memory
from assistant.models.gguf import inspect_gguf
from assistant.models.memory import check_fits_in_memory, kv_cache_bytes
from tests.assistant.models import ggufgen as g


def test_real_model_fits_on_this_machine(fast_model_path: Path) -> None:
    needed = check_fits_in_memory(fast_model_path, 2048)
    assert fast_model_path.stat().st_size < needed < psutil.virtual_memory().available


def test_kv_cache_estimate_from_metadata(fast_model_path: Path) -> None:
    info = inspect_gguf(fast_model_path)
    # qwen2 0.5B: 24 layers x 2 KV heads x (64 + 64) dims x f16
    assert kv_cache_bytes(info, 2048) == 24 * 2048 * 2 * 128 * 2
    # capped at the trained context
    assert kv_cache_bytes(info, 10**6) == kv_cache_bytes(info, 32768)


def test_too_large_names_both_numbers(fast_model_path: Path) -> None:
    with pytest.raises(ModelTooLarge) as exc:
        check_fits_in_memory(fast_model_path, 2048, available=300 * 1024**2)
    message = exc.value.message
    assert "needs about 0.6" in message
    assert "only 0.29 GB is available" in message
    assert "n_ctx" in exc.value.hint


def test_psutil_figure_is_used(fast_model_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "available_memory", lambda: 1024**2)
    with pytest.raises(ModelTooLarge, match=r"only 0\.00 GB"):
        check_fits_in_memory(fast_model_path, 512)


def test_fallback_estimate_without_attention_metadata(tmp_path: Path) -> None:
    data = g.build([g.kv("general.architecture", 8, "odd")], [("w", (32, 32), 0)])
    info = inspect_gguf(g.write(tmp_path / "odd.gguf", data))
    assert kv_cache_bytes(info, 1000) == 1000 * memory.FALLBACK_KV_BYTES_PER_TOKEN
