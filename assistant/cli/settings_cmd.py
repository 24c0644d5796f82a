"""``deskmate settings [list | get KEY | set KEY VALUE]``: the typed settings schema."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rich.table import Table

from assistant.cli.context import CliContext


def add_parser(sub: Any) -> None:
    p = sub.add_parser("settings", help="show or change settings")
    p.add_argument("action", nargs="?", choices=("list", "get", "set"), default="list")
    p.add_argument("key", nargs="?")
    p.add_argument("value", nargs="?")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.errors import UserError
    from assistant.settings import SCHEMA

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
