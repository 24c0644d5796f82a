"""``deskmate polish [--mode MODE] [--diff] TEXT|FILE|-``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.cli.context import CliContext
from assistant.cli.streaming import run_events
from assistant.cli.translate_cmd import _FILE_LIKE


def add_parser(sub: Any) -> None:
    from assistant.writing.actions import MODES

    p = sub.add_parser(
        "polish", help="fix the grammar of a text, or improve, shorten or rewrite it"
    )
    p.add_argument("source", help="text, a file, or - for standard input")
    p.add_argument(
        "--mode",
        choices=MODES,
        default="fix",
        help="fix: minimal corrections (default); the others rewrite",
    )
    p.add_argument("--diff", action="store_true", help="print a unified diff, not the text")
    p.add_argument("--max-tokens", type=int, default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def read_source(text: str) -> Path | str:
    """A file path, standard input (``-``) or the text itself."""
    from assistant.errors import UserError

    if text == "-":
        return sys.stdin.read()
    if Path(text).is_file():
        return Path(text)
    if _FILE_LIKE.fullmatch(text):
        raise UserError(f"no such file: {text}")
    return text


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.tasks.polish import PolishOptions, polish
    from assistant.writing.diff import unified_diff

    source = read_source(args.source)
    options = PolishOptions(mode=args.mode, max_tokens=args.max_tokens)
    stream = not ctx.json and not args.diff
    done = run_events(polish(ctx.core, source, options), ctx, stream=stream)
    original = str(done.data.get("original", ""))
    if ctx.json:
        data = {k: v for k, v in done.data.items() if k != "original"}
        print(json.dumps({"run_id": done.run_id, "text": done.text, **data}, ensure_ascii=False))
        return 0
    if args.diff:
        name = source.name if isinstance(source, Path) else "text"
        sys.stdout.write(unified_diff(original, done.text, name) or "")
    for item in done.data.get("kept", []):
        ctx.err.print(
            f"[yellow]kept as it was ({item['reason']}): {item['text'][:60]!r}[/yellow]",
            markup=True,
            highlight=False,
        )
    return 0
