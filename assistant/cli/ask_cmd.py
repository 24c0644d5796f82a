"""``deskmate ask "QUESTION"``: answer from your documents, with citations checked by code."""

from __future__ import annotations

import argparse
import json
from typing import Any

from assistant.cli.context import CliContext
from assistant.cli.streaming import run_events


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "ask", help="ask your documents: an answer with verified citations, or 'they do not say'"
    )
    p.add_argument("question", nargs="+")
    p.add_argument(
        "--follow-up",
        metavar="CONVERSATION",
        default=None,
        help="continue a conversation (its id is printed after each answer)",
    )
    p.add_argument("--model", default=None, help="model id or .gguf path for this run only")
    p.add_argument("--max-tokens", type=int, default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.docqa.ask_docs import MAX_TOKENS, ask_documents
    from assistant.docqa.citations import Answer

    if args.model:
        from assistant.models.registry import resolve_model_path

        ctx.model_path = resolve_model_path(ctx.data_dir, args.model)
    events = ask_documents(
        ctx.core,
        " ".join(args.question),
        conversation=args.follow_up,
        max_tokens=args.max_tokens or MAX_TOKENS,
    )
    done = run_events(events, ctx, stream=not ctx.json)
    answer = Answer.from_data(done.data)
    if ctx.json:
        print(json.dumps({"run_id": done.run_id, **answer.to_data()}, ensure_ascii=False))
    else:
        ctx.err.print(f'follow up with: deskmate ask --follow-up {answer.conversation} "..."')
    return 0
