"""``deskmate models list | verify | add | use``, through the command module's ``run``."""

from __future__ import annotations

import argparse
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rich.console import Console

from assistant.cli import models_cmd
from assistant.cli.context import CliContext
from assistant.errors import BadModelFile, ModelNotFound
from assistant.models.catalog import DEFAULT_EMBEDDING, DEFAULT_LLM, FAST_LLM
from tests.assistant.models import ggufgen as g

MakeCtx = Callable[..., CliContext]


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="deskmate")
    models_cmd.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["models", *argv])


@pytest.fixture
def make_ctx(data_dir: Path) -> Iterator[MakeCtx]:
    made: list[CliContext] = []

    def factory(*, json: bool = False) -> CliContext:
        ctx = CliContext(
            data_dir=data_dir,
            json=json,
            out=Console(file=io.StringIO(), width=200, highlight=False, soft_wrap=True),
            err=Console(file=io.StringIO(), width=200),
        )
        made.append(ctx)
        return ctx

    yield factory
    for ctx in made:
        ctx.close()


def out(ctx: CliContext) -> str:
    file = ctx.out.file
    assert isinstance(file, io.StringIO)
    return file.getvalue()


def test_list_table(make_ctx: MakeCtx) -> None:
    ctx = make_ctx()
    assert models_cmd.run(parse("list"), ctx) == 0
    text = out(ctx)
    for model_id in (DEFAULT_LLM, FAST_LLM, DEFAULT_EMBEDDING):
        assert model_id in text
    assert "installed" in text
    assert "* = the model in use" in text  # the default model is marked


def test_list_is_the_default_action(make_ctx: MakeCtx) -> None:
    ctx = make_ctx(json=True)
    assert models_cmd.run(parse(), ctx) == 0
    assert len(json.loads(out(ctx))) == 4  # two LLMs, two embedding models


def test_add_then_list_json(make_ctx: MakeCtx, tmp_path: Path) -> None:
    path = g.write(tmp_path / "tiny-chat.gguf", g.tiny_model("Tiny Chat"))
    ctx = make_ctx(json=True)
    assert models_cmd.run(parse("add", str(path)), ctx) == 0
    added = json.loads(out(ctx))
    assert added == [
        {
            "id": "tiny-chat",
            "name": "Tiny Chat",
            "kind": "llm",
            "source": "user",
            "state": "verified",
            "path": str(path.resolve()),
            "size": path.stat().st_size,
            "sha256": added[0]["sha256"],
        }
    ]
    ctx2 = make_ctx(json=True)
    models_cmd.run(parse("list"), ctx2)
    rows = json.loads(out(ctx2))
    assert isinstance(rows, list)
    assert [r["id"] for r in rows][-1] == "tiny-chat"


def test_add_bad_file_is_a_typed_error(make_ctx: MakeCtx, tmp_path: Path) -> None:
    path = g.write(tmp_path / "notes.gguf", b"just some notes\n")
    with pytest.raises(BadModelFile, match="not a GGUF model file"):
        models_cmd.run(parse("add", str(path)), make_ctx())


def test_verify_one_and_all(make_ctx: MakeCtx, tmp_path: Path) -> None:
    path = g.write(tmp_path / "tiny.gguf", g.tiny_model())
    models_cmd.run(parse("add", str(path)), make_ctx())
    ctx = make_ctx(json=True)
    assert models_cmd.run(parse("verify", "tiny"), ctx) == 0
    assert json.loads(out(ctx))[0]["state"] == "verified"
    path.write_bytes(g.tiny_model("changed"))
    with pytest.raises(BadModelFile, match="changed since it was added"):
        models_cmd.run(parse("verify", "tiny"), make_ctx())
    with pytest.raises(ModelNotFound):
        models_cmd.run(parse("verify", "nope"), make_ctx())


@pytest.mark.slow
def test_verify_all_checks_bundled_packages(make_ctx: MakeCtx) -> None:
    ctx = make_ctx()
    assert models_cmd.run(parse("verify"), ctx) == 0  # hashes the chunks, writes nothing
    assert DEFAULT_LLM in out(ctx) and FAST_LLM in out(ctx)
    assert not list((ctx.data_dir / "models").glob("*.gguf"))
    err = ctx.err.file
    assert isinstance(err, io.StringIO)
    for model_id in (DEFAULT_LLM, FAST_LLM, DEFAULT_EMBEDDING):
        assert f"ok {model_id}: SHA-256 matches" in err.getvalue()


def test_use_sets_the_model_setting(make_ctx: MakeCtx, tmp_path: Path) -> None:
    path = g.write(tmp_path / "tiny.gguf", g.tiny_model())
    models_cmd.run(parse("add", str(path)), make_ctx())
    ctx = make_ctx()
    assert models_cmd.run(parse("use", "tiny"), ctx) == 0
    assert ctx.settings.get("model") == "tiny"
    assert "model = tiny" in out(ctx)
    ctx2 = make_ctx(json=True)
    assert models_cmd.run(parse("use", FAST_LLM), ctx2) == 0
    assert ctx2.settings.get("model") == FAST_LLM
    assert json.loads(out(ctx2))[0]["id"] == FAST_LLM


def test_use_unknown_id_keeps_the_setting(make_ctx: MakeCtx) -> None:
    ctx = make_ctx()
    with pytest.raises(ModelNotFound, match="available"):
        models_cmd.run(parse("use", "gpt-17"), ctx)
    assert ctx.settings.get("model") == DEFAULT_LLM


def test_use_embedding_sets_embedding_model(make_ctx: MakeCtx) -> None:
    ctx = make_ctx()
    assert models_cmd.run(parse("use", DEFAULT_EMBEDDING), ctx) == 0
    assert ctx.settings.get("embedding_model") == DEFAULT_EMBEDDING
    assert ctx.settings.get("model") == DEFAULT_LLM
