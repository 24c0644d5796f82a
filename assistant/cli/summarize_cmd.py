"""``deskmate summarize FILE|-``: stream a summary to stdout, progress on stderr."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.cli.context import CliContext
from assistant.cli.streaming import run_events


def add_parser(sub: Any) -> None:
    p = sub.add_parser("summarize", help="summarize a document (PDF, DOCX, HTML, MD, TXT, EML)")
    p.add_argument("source", help="a file, or - to read text from standard input")
    p.add_argument("--lang", default=None, help="language of the summary (default: the document's)")
    p.add_argument("--length", choices=("brief", "standard", "detailed"), default=None)
    p.add_argument(
        "--model",
        default=None,
        help="model id or .gguf path for this run only (`deskmate models use` sets the default)",
    )
    p.add_argument("--max-tokens", type=int, default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.errors import UserError

    if args.model:
        from assistant.models.registry import resolve_model_path

        ctx.model_path = resolve_model_path(ctx.data_dir, args.model)
        if ctx.settings.get_str("remote_url"):
            raise UserError(
                "--model picks a local model, but the remote_url setting sends work to a server",
                hint="set remote_model to choose the server's model, or clear remote_url",
            )
    if args.source == "-":
        source: Path | str = sys.stdin.read()
    else:
        source = Path(args.source)
        if not source.exists():
            raise UserError(f"no such file: {source}")
    events = ctx.core.summarize(
        source, language=args.lang, length=args.length, max_tokens=args.max_tokens
    )
    done = run_events(events, ctx, stream=not ctx.json)
    if ctx.json:
        payload = {"run_id": done.run_id, "summary": done.text, **done.data}
        print(json.dumps(payload, ensure_ascii=False))
    return 0
