"""``deskmate settings [list | get KEY | set KEY VALUE]``: the typed settings schema;
``deskmate settings data-dir [PATH | --reset] [--use-existing]``: the data folder."""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

from rich.table import Table

from assistant.cli.context import CliContext


def add_parser(sub: Any) -> None:
    p = sub.add_parser("settings", help="show or change settings")
    p.add_argument("action", nargs="?", choices=("list", "get", "set", "data-dir"), default="list")
    p.add_argument("key", nargs="?", help="setting name (data-dir: the new folder)")
    p.add_argument("value", nargs="?")
    p.add_argument("--reset", action="store_true", help="data-dir: go back to the default folder")
    p.add_argument(
        "--use-existing",
        action="store_true",
        help="data-dir: the folder already holds Deskmate data: use it as is",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.errors import UserError
    from assistant.settings import SCHEMA

    if args.action == "data-dir":
        return run_data_dir(args, ctx)
    settings = ctx.settings
    if args.action == "get":
        if not args.key:
            raise UserError("usage: deskmate settings get KEY")
        value = settings.get(args.key)
        if _is_secret(args.key):  # never printed: say only whether it is set
            value = "(set)" if value else "(not set)"
        print(json.dumps(value, ensure_ascii=False))
        return 0
    if args.action == "set":
        if not args.key or args.value is None:
            raise UserError("usage: deskmate settings set KEY VALUE")
        value = settings.set(args.key, args.value)
        if args.key == "start_on_login":  # the login item follows the setting
            from assistant.autostart import set_autostart

            set_autostart(bool(value), ctx.data_dir)
        if _is_secret(args.key):
            value = "(stored in the keyring)" if value else "(removed)"
        if ctx.json:
            print(json.dumps({args.key: value}, ensure_ascii=False))
        else:
            ctx.out.print(f"{args.key} = {value!r}")
        return 0
    values = settings.as_dict()
    if ctx.json:
        print(json.dumps(values, ensure_ascii=False))
        return 0
    table = Table("setting", "value", "description")
    for setting in SCHEMA:
        shown = "(keyring)" if setting.secret else repr(values[setting.key])
        table.add_row(setting.key, shown, setting.description)
    ctx.out.print(table)
    return 0


def _is_secret(key: str) -> bool:
    from assistant.settings.schema import by_key

    try:
        return by_key(key).secret
    except KeyError:
        return False


def run_data_dir(args: argparse.Namespace, ctx: CliContext) -> int:
    """Show the data folder, or choose another one (moved at the next start)."""
    from assistant import data_location as loc
    from assistant.errors import UserError
    from assistant.paths import ENV_DATA_DIR

    if args.reset and args.key:
        raise UserError("give a folder or --reset, not both")
    if args.reset or args.key:
        if args.reset:
            target = loc.request_reset(ctx.data_dir, use_existing=args.use_existing)
        else:
            target = loc.request_change(args.key, ctx.data_dir, use_existing=args.use_existing)
        message = {
            "same": f"Deskmate keeps using {target.path}.",
            "deskmate": f"Deskmate uses the data in {target.path} from its next start.",
        }.get(
            target.kind,
            f"Your data moves to {target.path} at Deskmate's next start (copied and checked; "
            f"the old folder {ctx.data_dir} stays for you to delete).",
        )
        if ctx.json:
            print(json.dumps({"target": str(target.path), "kind": target.kind, **_facts(ctx)}))
        else:
            ctx.out.print(message)
            if os.environ.get(ENV_DATA_DIR):
                ctx.err.print(f"Note: ${ENV_DATA_DIR} is set; it wins over this choice.")
        return 0
    facts = _facts(ctx)
    if ctx.json:
        print(json.dumps(facts, ensure_ascii=False))
        return 0
    ctx.out.print(f"data folder: {facts['data_dir']} ({facts['source']})")
    ctx.out.print(f"default:     {facts['default']}")
    if facts["pending"]:
        ctx.out.print(f"pending:     moves to {facts['pending']['to']} at the next start")
    if facts["moved_from"]:
        ctx.out.print(
            f"moved from:  {facts['moved_from']} on {facts['moved_at']} "
            "(that folder is no longer used: delete it once you have checked the new one)"
        )
    if facts["last_error"]:
        ctx.err.print(f"last move failed: {facts['last_error']}")
    return 0


def _facts(ctx: CliContext) -> dict[str, Any]:
    from assistant.data_location import describe

    return describe(ctx.data_dir)
