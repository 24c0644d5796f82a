"""``deskmate history``: the runs kept in SQLite."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rich.table import Table

from assistant.cli.context import CliContext


def add_parser(sub: Any) -> None:
    p = sub.add_parser("history", help="list past runs")
    p.add_argument("--task", default=None, help="only runs of this task (summarize, ask, ...)")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--show", type=int, metavar="RUN_ID", help="print one run's output")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.errors import UserError

    store = ctx.core.store
    if args.show is not None:
        row = store.get_run(args.show)
        if row is None:
            raise UserError(f"no run {args.show}")
        if ctx.json:
            print(json.dumps(row, ensure_ascii=False, default=str))
        else:
            print(row.get("output") or row.get("error") or "")
        return 0
    rows = store.list_runs(limit=args.limit, task=args.task)
    if ctx.json:
        print(json.dumps(rows, ensure_ascii=False, default=str))
        return 0
    table = Table("id", "when", "task", "status", "input", "seconds")
    for row in rows:
        source = row.get("input_path") or (row.get("input_text") or "")[:40].replace("\n", " ")
        seconds = row.get("seconds")
        table.add_row(
            str(row["id"]),
            str(row.get("created_at", ""))[:19],
            str(row["task"]),
            str(row["status"]),
            str(source),
            f"{seconds:.1f}" if isinstance(seconds, int | float) else "",
        )
    ctx.out.print(table)
    return 0
