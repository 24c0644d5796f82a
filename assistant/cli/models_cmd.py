"""``deskmate models list | verify [ID] | add PATH | use ID``: the bundled and added models."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich import box
from rich.markup import escape
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table
from rich.text import Text

from assistant.cli.context import CliContext
from assistant.settings.keys import SettingKey

ProgressFn = Callable[[int, int], None]
_STATE_STYLE = {"verified": "green", "assembled": "yellow", "installed": "cyan", "missing": "red"}


def add_parser(sub: Any) -> None:
    p = sub.add_parser("models", help="list, verify, add or choose language models")
    actions = p.add_subparsers(dest="models_action", metavar="ACTION")
    actions.add_parser("list", help="bundled and added models with their state")
    verify = actions.add_parser("verify", help="re-check models against their SHA-256")
    verify.add_argument("id", nargs="?", help="model id (default: every model present)")
    add = actions.add_parser("add", help="add a GGUF file you have on disk")
    add.add_argument("path", type=Path, help="path of a .gguf file")
    use = actions.add_parser("use", help="make a model the one Deskmate runs")
    use.add_argument("id", help="model id (see `deskmate models list`)")
    p.set_defaults(func=run, models_action="list")


@contextmanager
def byte_progress(ctx: CliContext, description: str) -> Iterator[ProgressFn]:
    """A rich progress bar on stderr, fed by ``progress(done, total)`` byte callbacks."""
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=ctx.err,
        transient=True,
    )
    task_id = bar.add_task(description, total=None)

    def update(done: int, total: int) -> None:
        bar.update(task_id, completed=done, total=total)

    with bar:
        yield update


def _emit_json(ctx: CliContext, rows: list[dict[str, Any]]) -> None:
    ctx.out.print(
        json.dumps(rows, ensure_ascii=False), markup=False, highlight=False, soft_wrap=True
    )


def _size(n: int | None) -> str:
    return "" if n is None else f"{n / 1e9:.2f} GB" if n >= 1e8 else f"{n / 1e6:.1f} MB"


def _table(ctx: CliContext, rows: list[dict[str, Any]], current: str | None) -> None:
    wide = ctx.out.width >= 110  # the long names only when there is room for them
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    cells = [_cells(row, current) for row in rows]
    for i, header in enumerate(("", "id", "kind", "source", "size", "state")):
        width = max([len(header)] + [len(Text.from_markup(c[i])) for c in cells])
        table.add_column(header, no_wrap=True, min_width=width)
    if wide:
        table.add_column("name", ratio=1)
    for row, row_cells in zip(rows, cells, strict=True):
        table.add_row(*row_cells, *([escape(row["name"])] if wide else []))
    ctx.out.print(table)
    if current is not None:
        ctx.out.print("* = the model in use (`deskmate models use ID` changes it)")


def _cells(row: dict[str, Any], current: str | None) -> list[str]:
    style = _STATE_STYLE.get(row["state"], "")
    return [
        "*" if row["id"] == current else "",
        escape(row["id"]),
        row["kind"],
        row["source"],
        _size(row["size"]),
        f"[{style}]{row['state']}[/{style}]" if style else row["state"],
    ]


def _current_model(ctx: CliContext) -> str | None:
    return ctx.settings.get_str("model")


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    action = getattr(args, "models_action", None) or "list"
    handler = {"list": _list, "verify": _verify, "add": _add, "use": _use}[action]
    return handler(args, ctx)


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.models.registry import list_models

    rows = [m.as_dict() for m in list_models(ctx.data_dir)]
    if ctx.json:
        _emit_json(ctx, rows)
    else:
        _table(ctx, rows, _current_model(ctx))
    return 0


def _verify(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.models.registry import list_models, verify

    if args.id:
        ids = [args.id]
    else:  # everything that is on disk; bundled packages not yet assembled are checked too
        ids = [m.id for m in list_models(ctx.data_dir) if m.state != "missing"]
    rows = []
    for model_id in ids:
        with byte_progress(ctx, f"checking {model_id}") as progress:
            rows.append(verify(ctx.data_dir, model_id, progress).as_dict())
        if not ctx.json:
            ctx.err.print(f"[green]ok[/green] {model_id}: SHA-256 matches")
    if ctx.json:
        _emit_json(ctx, rows)
    else:
        _table(ctx, rows, None)
    return 0


def _add(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.models.registry import add_model

    with byte_progress(ctx, f"checking {escape(args.path.name)}") as progress:
        model = add_model(ctx.data_dir, args.path, progress)
    if ctx.json:
        _emit_json(ctx, [_user_row(ctx, model.id)])
    else:
        ctx.out.print(f"added {model.id} ({model.name}, {_size(model.size)})")
        ctx.out.print(f"use it with: deskmate models use {model.id}", markup=False)
    return 0


def _user_row(ctx: CliContext, model_id: str) -> dict[str, Any]:
    from assistant.models.registry import list_models

    return next(m.as_dict() for m in list_models(ctx.data_dir) if m.id == model_id)


def _use(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.models.assemble import part_paths
    from assistant.models.catalog import get_entry
    from assistant.models.gguf import inspect_gguf
    from assistant.models.registry import embedding_model_path, get_user_model, not_found

    entry = get_entry(args.id)
    key: SettingKey = "model"
    if entry is not None:
        if entry.kind == "embedding":
            key = "embedding_model"
            embedding_model_path(entry.id)  # ModelNotFound when its package is missing
        else:
            part_paths(entry)  # ModelNotFound, naming the missing packages
    else:
        user = get_user_model(ctx.data_dir, args.id)
        if user is None:
            raise not_found(ctx.data_dir, args.id)
        inspect_gguf(Path(user.path))  # still there, still a GGUF
    ctx.settings.set(key, args.id)
    if ctx.json:
        _emit_json(ctx, [_user_row(ctx, args.id)])
    else:
        ctx.out.print(f"{key} = {args.id}")
    return 0
