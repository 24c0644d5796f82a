"""``deskmate actions list|add|remove|export|import|run``: custom writing actions."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.table import Table

from assistant.cli.context import CliContext


def add_parser(sub: Any) -> None:
    p = sub.add_parser("actions", help="custom writing actions (popup chips, Polish page menu)")
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    verbs.add_parser("list", help="the actions, in order").set_defaults(func=run_list)
    add = verbs.add_parser("add", help="add an action, or change the one of that name")
    add.add_argument("name")
    add.add_argument("instruction", help="what to do with the text")
    add.add_argument("--to", dest="target", default="", help="language to answer in")
    add.add_argument("--mode", default="", help="a polish mode: the action rewrites the text")
    add.set_defaults(func=run_add)
    remove = verbs.add_parser("remove", help="delete an action")
    remove.add_argument("name")
    remove.set_defaults(func=run_remove)
    export = verbs.add_parser("export", help="write all actions to a JSON file")
    export.add_argument("file", type=Path)
    export.set_defaults(func=run_export)
    imp = verbs.add_parser("import", help="add the actions of a JSON file (all or none)")
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=run_import)
    run = verbs.add_parser("run", help="run an action on a text, a file or - (stdin)")
    run.add_argument("name")
    run.add_argument("source")
    run.add_argument("--max-tokens", type=int, default=None, help=argparse.SUPPRESS)
    run.set_defaults(func=run_action)


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    actions = ctx.store.list_actions()
    if ctx.json:
        print(json.dumps([asdict(a) for a in actions], ensure_ascii=False))
        return 0
    table = Table("#", "name", "instruction", "to", "mode")
    for number, action in enumerate(actions, 1):
        table.add_row(
            str(number), action.name, action.instruction[:60], action.target_language, action.mode
        )
    ctx.out.print(table)
    return 0


def run_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.writing.actions import CustomAction

    ctx.store.save_action(CustomAction(args.name, args.instruction, args.target, args.mode))
    return run_list(args, ctx)


def run_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.store.delete_action(args.name)
    return run_list(args, ctx)


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.errors import EnvironmentProblem
    from assistant.writing.actions import export_json

    try:
        args.file.write_text(export_json(ctx.store.list_actions()), encoding="utf-8")
    except OSError as exc:
        raise EnvironmentProblem(f"cannot write {args.file}: {exc}") from exc
    ctx.err.print(f"exported to {args.file}")
    return 0


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.writing.actions import read_file

    actions = read_file(args.file)
    ctx.store.import_actions(actions)
    ctx.err.print(f"imported {len(actions)} action(s)")
    return run_list(args, ctx)


def run_action(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.cli.polish_cmd import read_source
    from assistant.cli.streaming import run_events

    source = read_source(args.source)
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    done = run_events(ctx.core.run_action(args.name, text, max_tokens=args.max_tokens), ctx)
    if ctx.json:
        print(json.dumps({"run_id": done.run_id, "text": done.text}, ensure_ascii=False))
    return 0
