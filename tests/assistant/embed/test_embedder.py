from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from assistant.embed import Embedder, resolve_device, resolve_model_path
from assistant.errors import ModelNotFound, SettingError


@pytest.fixture(scope="module")
def embedder() -> Iterator[Embedder]:
    # the sentence-transformers path, with the real bundled all-MiniLM-L6-v2 (the default e5
    # model, on its own engine, is tested in tests/assistant/test_search_multilingual.py)
    yield Embedder("all-minilm-l6-v2")


def _cos(v: np.ndarray, a: int, b: int) -> float:
    return float(v[a] @ v[b])


def test_construction_is_lazy() -> None:
    e = Embedder()
    assert not e.loaded
    assert resolve_model_path("all-minilm-l6-v2").is_dir()


def test_english_similar_sentences_are_closer(embedder: Embedder) -> None:
    v = embedder.encode(
        [
            "The cat sits on the mat.",
            "A kitten is sitting on a rug.",
            "Stock markets fell sharply today.",
        ]
    )
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert _cos(v, 0, 1) > _cos(v, 0, 2) + 0.3
    assert _cos(v, 0, 1) > _cos(v, 1, 2) + 0.3
    assert embedder.dim == 384
    assert embedder.device == "cpu"  # this machine has no GPU
    assert os.environ["HF_HUB_OFFLINE"] == "1"


def test_chinese_similar_sentences_are_closer(embedder: Embedder) -> None:
    v = embedder.encode(
        ["会议改到下周三下午。", "下周三下午开会。", "火车明天早上八点出发。", "这只狗很可爱。"]
    )
    assert _cos(v, 0, 1) > max(_cos(v, 0, 2), _cos(v, 0, 3)) + 0.2
    assert _cos(v, 1, 0) > max(_cos(v, 1, 2), _cos(v, 1, 3)) + 0.2


def test_batching_does_not_change_results(embedder: Embedder) -> None:
    texts = [f"sentence number {i} about topic {i % 3}" for i in range(7)]
    a = embedder.encode(texts, batch_size=2)
    b = embedder.encode(texts, batch_size=32)
    assert np.allclose(a, b, atol=1e-5)
    assert embedder.encode([]).shape == (0, 384)


def test_concurrent_encode_from_threads(embedder: Embedder) -> None:
    results: list[np.ndarray] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append(embedder.encode(["hello world", "你好，世界"]))
        except BaseException as exc:  # reported on the test thread
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors and len(results) == 3
    assert all(np.allclose(r, results[0], atol=1e-5) for r in results)


def test_local_folder_works(embedder: Embedder) -> None:
    folder = resolve_model_path("all-minilm-l6-v2")
    local = Embedder(str(folder))
    assert np.allclose(local.encode(["same"]), embedder.encode(["same"]), atol=1e-5)


def test_missing_folder_raises_model_not_found(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound, match="not found"):
        Embedder(str(tmp_path / "nope")).encode(["x"])


def test_folder_without_model_raises_model_not_found(tmp_path: Path) -> None:
    (tmp_path / "readme.txt").write_text("not a model")
    with pytest.raises(ModelNotFound, match="not a sentence-transformers"):
        Embedder(str(tmp_path)).encode(["x"])


def test_broken_model_folder_raises_model_not_found(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{ this is not json")
    (tmp_path / "modules.json").write_text("[")
    with pytest.raises(ModelNotFound, match="cannot load"):
        Embedder(str(tmp_path)).encode(["x"])


def test_device_choice() -> None:
    assert resolve_device("cpu") == "cpu"
    assert resolve_device("auto") in ("cpu", "cuda", "mps")
    with pytest.raises(SettingError):
        resolve_device("tpu")


def test_truncated_weights_raise_model_not_found(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "model"
    shutil.copytree(resolve_model_path("all-minilm-l6-v2"), folder)
    weights = folder / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:1000])
    with pytest.raises(ModelNotFound, match="cannot load"):
        Embedder(str(folder)).encode(["x"])
