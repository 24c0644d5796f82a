"""``deskmate tasks list|add|done|undo|delete``: the to-do list (also shown beside the week in
Schedule, and placed into free time by ``deskmate plan``)."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.table import Table

from assistant.cli.context import CliContext
from assistant.cli.dates import when

if TYPE_CHECKING:
    from assistant.calendar.todo import Status, Todo


def add_parser(sub: Any) -> None:
    p = sub.add_parser("tasks", help="the to-do list: list, add, done, undo, delete")
    p.add_argument("action", choices=("list", "add", "done", "undo", "delete"))
    p.add_argument("what", nargs="*", help="add: the title; done/undo/delete: task ids")
    p.add_argument("--due", default="", help="add: when it is due ('friday 5pm', '月底前', ISO)")
    p.add_argument(
        "--minutes", type=int, default=None, help="add: estimated minutes of work (default 60)"
    )
    p.add_argument("--priority", choices=("high", "normal", "low"), default="normal")
    p.add_argument("--all", action="store_true", help="list: done tasks too")
    p.set_defaults(func=run)


def todo_json(todo: Todo) -> dict[str, Any]:
    data = asdict(todo)
    data["due"] = todo.due.isoformat() if todo.due else None
    return data


def _table(ctx: CliContext, todos: list[Todo]) -> Table:
    table = Table("id", "task", "due", "minutes", "priority", "status", "from")
    for t in todos:
        source = f"{t.source_kind}: {t.source_ref}" if t.source_kind else ""
        table.add_row(
            str(t.id),
            t.title,
            when(ctx, t.due),
            str(t.estimate_min),
            t.priority,
            t.status,
            source,
        )
    return table


def _ids(values: list[str]) -> list[int]:
    from assistant.errors import UserError

    try:
        ids = [int(v) for v in values]
    except ValueError as exc:
        raise UserError(f"task ids are numbers, not {values!r}") from exc
    if not ids:
        raise UserError("which task? give its id (see `deskmate tasks list`)")
    return ids


def _add(args: argparse.Namespace, ctx: CliContext) -> Todo:
    from zoneinfo import ZoneInfo

    from assistant.calendar.todo import DEFAULT_ESTIMATE_MIN, TodoDraft, due_from_phrase
    from assistant.errors import UserError
    from assistant.tasks.schedule import resolve_zone

    title = " ".join(args.what).strip()
    if not title:
        raise UserError('usage: deskmate tasks add "title" [--due WHEN] [--minutes N]')
    tz = resolve_zone(ctx.core, "")
    due = due_from_phrase(args.due, now=datetime.now(ZoneInfo(tz)), tz=tz) if args.due else None
    draft = TodoDraft(
        title=title,
        due=due,
        estimate_min=args.minutes or DEFAULT_ESTIMATE_MIN,
        priority=args.priority,
    )
    return ctx.store.add_todo(draft)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    store = ctx.store
    if args.action == "list":
        todos = store.list_todos(include_done=args.all)
        if ctx.json:
            print(json.dumps([todo_json(t) for t in todos], ensure_ascii=False))
        elif todos:
            ctx.out.print(_table(ctx, todos))
        else:
            ctx.err.print('No tasks. Add one: deskmate tasks add "Send the report" --due friday')
        return 0
    if args.action == "add":
        changed = [_add(args, ctx)]
    elif args.action == "delete":
        changed = []
        for todo_id in _ids(args.what):
            gone = store.get_todo(todo_id)
            store.delete_todo(todo_id)
            changed += [gone] if gone else []
    else:
        status: Status = "done" if args.action == "done" else "open"
        changed = [store.set_todo_status(i, status) for i in _ids(args.what)]
    if ctx.json:
        print(json.dumps([todo_json(t) for t in changed], ensure_ascii=False))
    else:
        verb = {"add": "added", "done": "done", "undo": "open again", "delete": "deleted"}
        for t in changed:
            ctx.out.print(f"{verb[args.action]}: {t.id} {t.title}", markup=False)
    return 0
