"""``deskmate history``: the runs kept in SQLite; ``--trash`` shows what was deleted (runs and
documents), ``--delete`` / ``--restore`` move a run to the trash and back, ``--purge`` empties
the trash (runs and documents) for good."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rich.table import Table

from assistant.cli.context import CliContext
from assistant.cli.dates import when as people_when


def add_parser(sub: Any) -> None:
    p = sub.add_parser("history", help="list past runs; delete, restore, show the trash")
    p.add_argument("--task", default=None, help="only runs of this task (summarize, ask, ...)")
    p.add_argument("--limit", type=int, default=20)
    what = p.add_mutually_exclusive_group()
    what.add_argument("--show", type=int, metavar="RUN_ID", help="print one run's output")
    what.add_argument("--delete", type=int, metavar="RUN_ID", help="move a run to the trash")
    what.add_argument("--restore", type=int, metavar="RUN_ID", help="take a run out of the trash")
    what.add_argument("--trash", action="store_true", help="the trash: deleted runs and documents")
    what.add_argument(
        "--purge",
        action="store_true",
        help="empty the trash (runs and documents) for good; see --older-than",
    )
    p.add_argument(
        "--older-than", type=float, metavar="DAYS", help="with --purge: trashed > DAYS days ago"
    )
    p.set_defaults(func=run)


def _runs_table(ctx: CliContext, rows: list[dict[str, Any]], *, trashed: bool = False) -> Table:
    table = Table("id", "deleted" if trashed else "when", "task", "status", "input", "seconds")
    for row in rows:
        source = row.get("input_path") or (row.get("input_text") or "")[:40].replace("\n", " ")
        seconds = row.get("seconds")
        when = row.get("deleted_at") if trashed else row.get("created_at")
        table.add_row(
            str(row["id"]),
            people_when(ctx, str(when or "")),
            str(row["task"]),
            str(row["status"]),
            str(source),
            f"{seconds:.1f}" if isinstance(seconds, int | float) else "",
        )
    return table


def _changed(ctx: CliContext, payload: dict[str, Any], text: str) -> int:
    if ctx.json:
        print(json.dumps(payload))
    else:
        ctx.out.print(text)
    return 0


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.errors import UserError

    if args.older_than is not None and not (args.purge and args.older_than >= 0):
        raise UserError("--older-than needs --purge and a number of days >= 0")
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
    if args.delete is not None:
        store.delete_run(args.delete)
        undo = f"deskmate history --restore {args.delete}"
        return _changed(
            ctx, {"deleted": args.delete}, f"run {args.delete} moved to the trash (undo: {undo})"
        )
    if args.restore is not None:
        store.restore_run(args.restore)
        return _changed(ctx, {"restored": args.restore}, f"run {args.restore} restored")
    if args.purge:
        runs, docs = store.purge(args.older_than), store.purge_documents(args.older_than)
        payload = {"purged": {"runs": runs, "documents": docs}}
        return _changed(ctx, payload, f"deleted {runs} run(s) and {docs} document(s) for good")
    if args.trash:
        return _trash(ctx, args.limit)
    rows = store.list_runs(limit=args.limit, task=args.task)
    if ctx.json:
        print(json.dumps(rows, ensure_ascii=False, default=str))
        return 0
    ctx.out.print(_runs_table(ctx, rows))
    return 0


def _trash(ctx: CliContext, limit: int) -> int:
    from assistant.cli.documents_cmd import document_table

    store = ctx.core.store
    runs, documents = store.list_trash(limit), store.list_document_trash(limit)
    if ctx.json:
        payload = {"runs": runs, "documents": documents}
        print(json.dumps(payload, ensure_ascii=False, default=str))
        return 0
    if not runs and not documents:
        ctx.err.print("the trash is empty")
        return 0
    if runs:
        ctx.out.print("Runs (restore: deskmate history --restore ID)")
        ctx.out.print(_runs_table(ctx, runs, trashed=True))
    if documents:
        ctx.out.print("Documents (restore: deskmate documents restore ID)")
        ctx.out.print(document_table(documents, trashed=True))
    return 0
