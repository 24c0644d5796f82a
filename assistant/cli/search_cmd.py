"""``deskmate search QUERY``: one ranked search over everything stored."""

from __future__ import annotations

import argparse
import dataclasses
import json
from typing import Any

from rich.table import Table

from assistant.cli.context import CliContext


def add_parser(sub: Any) -> None:
    p = sub.add_parser("search", help="search documents, summaries, translations, mail, events")
    p.add_argument("query", nargs="+")
    p.add_argument("--limit", type=int, default=10)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    query = " ".join(args.query)
    hits = ctx.core.search(query, limit=args.limit)
    if ctx.json:
        print(json.dumps([dataclasses.asdict(h) for h in hits], ensure_ascii=False))
        return 0
    if not hits:
        ctx.err.print(f"nothing found for {query!r}")
        return 0
    table = Table("kind", "ref", "title", "where", "snippet")
    for hit in hits:
        table.add_row(hit.kind, hit.ref, hit.title[:40], hit.where, hit.snippet)
    ctx.out.print(table)
    return 0
