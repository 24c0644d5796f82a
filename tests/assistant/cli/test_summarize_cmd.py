"""``deskmate summarize`` options that need no model run (the e2e runs are in test_cli.py)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from assistant.cli.context import CliContext
from assistant.cli.main import build_parser, main
from assistant.errors import UserError


def _ctx(data_dir: Path) -> CliContext:
    return CliContext(
        data_dir=data_dir,
        out=Console(file=io.StringIO()),
        err=Console(file=io.StringIO()),
    )


def test_json_is_accepted_before_and_after_the_command() -> None:
    parser = build_parser()
    assert parser.parse_args(["--json", "summarize", "a.txt"]).json is True
    assert parser.parse_args(["summarize", "a.txt", "--json"]).json is True
    assert parser.parse_args(["summarize", "a.txt"]).json is False
    args = parser.parse_args(["summarize", "-", "--lang", "zh", "--length", "detailed"])
    assert (args.source, args.lang, args.length) == ("-", "zh", "detailed")


def test_unknown_length_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args(["summarize", "a.txt", "--length", "huge"])
    assert info.value.code == 2
    assert "invalid choice: 'huge'" in capsys.readouterr().err


def test_model_for_one_run_with_a_remote_server_is_a_clear_error(
    data_dir: Path, tmp_path: Path, fast_model_path: Path
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Some text to summarize.", encoding="utf-8")
    ctx = _ctx(data_dir)
    try:
        ctx.settings.set("remote_url", "http://127.0.0.1:9/v1")
        ctx.close()
        ctx = _ctx(data_dir)
        args = build_parser().parse_args(["summarize", str(doc), "--model", str(fast_model_path)])
        with pytest.raises(UserError, match="remote_url") as info:
            args.func(args, ctx)
        assert "remote_model" in info.value.hint
        assert ctx.core.store.list_runs() == []  # refused before any run started
    finally:
        ctx.close()


def test_model_option_does_not_change_the_default(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "summarize", "x.txt", "--model", "nope"]) == 5
    err = capsys.readouterr().err
    assert err.startswith("deskmate: error: unknown model 'nope'")
    ctx = _ctx(data_dir)
    try:
        assert ctx.settings.get("model") != "nope"
    finally:
        ctx.close()
