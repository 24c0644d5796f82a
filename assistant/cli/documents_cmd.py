"""``deskmate documents list | add FILE... | delete ID | restore ID | trash | purge
[--older-than DAYS]``: the documents kept for search and Ask. Deleting moves to a trash;
``purge`` deletes for good."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rich.table import Table

from assistant.cli.context import CliContext


def _json_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="JSON output")


def add_parser(sub: Any) -> None:
    p = sub.add_parser("documents", help="list, delete, restore or purge stored documents")
    actions = p.add_subparsers(dest="documents_action", metavar="ACTION")
    listing = actions.add_parser("list", help="stored documents, newest first (the default)")
    trash = actions.add_parser("trash", help="documents in the trash")
    for q in (listing, trash):
        q.add_argument("--limit", type=int, default=100)
    add = actions.add_parser("add", help="store files for search and Ask (PDF, DOCX, MD...)")
    add.add_argument("files", nargs="+", metavar="FILE")
    delete = actions.add_parser("delete", help="move documents to the trash (undo: restore)")
    delete.add_argument("ids", nargs="+", type=int, metavar="ID")
    restore = actions.add_parser("restore", help="take documents out of the trash")
    restore.add_argument("ids", nargs="+", type=int, metavar="ID")
    purge = actions.add_parser("purge", help="delete the documents in the trash for good")
    purge.add_argument(
        "--older-than",
        type=float,
        metavar="DAYS",
        help="only those trashed more than DAYS days ago",
    )
    for q in (listing, trash, add, delete, restore, purge):
        _json_flag(q)
    p.set_defaults(func=run, documents_action="list", limit=100)


def document_table(rows: list[dict[str, Any]], *, trashed: bool = False) -> Table:
    table = Table("id", "deleted" if trashed else "added", "title", "format", "chunks", "file")
    for row in rows:
        when = row.get("deleted_at") if trashed else row.get("added_at")
        table.add_row(
            str(row["id"]),
            str(when or "")[:19].replace("T", " "),
            str(row.get("title") or ""),
            str(row.get("format") or ""),
            str(row.get("chunks", "")),
            str(row.get("path") or ""),
        )
    return table


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.errors import UserError

    action = args.documents_action
    if action == "purge" and args.older_than is not None and not args.older_than >= 0:
        raise UserError(f"--older-than must be a number of days >= 0, not {args.older_than}")
    store = ctx.store
    if action in ("list", "trash"):
        if args.limit < 1:
            raise UserError(f"--limit must be at least 1, not {args.limit}")
        trashed = action == "trash"
        rows = (
            store.list_document_trash(args.limit) if trashed else store.list_documents(args.limit)
        )
        if ctx.json:
            print(json.dumps(rows, ensure_ascii=False, default=str))
        elif rows:
            ctx.out.print(document_table(rows, trashed=trashed))
        else:
            ctx.err.print("the trash is empty" if trashed else "no documents stored")
        return 0
    if action == "add":
        return _add(args.files, ctx)
    if action == "purge":
        count = store.purge_documents(args.older_than)
        if ctx.json:
            print(json.dumps({"purged": count}))
        else:
            ctx.out.print(f"deleted {count} document(s) for good")
        return 0
    change = store.delete_document if action == "delete" else store.restore_document
    for document_id in args.ids:
        change(document_id)
    if ctx.json:
        print(json.dumps({action + "d": list(args.ids)}))
    elif action == "delete":
        ids = " ".join(str(i) for i in args.ids)
        ctx.out.print(f"moved to the trash: {ids} (undo: deskmate documents restore {ids})")
    else:
        ctx.out.print("restored: " + " ".join(str(i) for i in args.ids))
    return 0


def _add(files: list[str], ctx: CliContext) -> int:
    """Store each file; one that fails to load is reported with its typed error, the rest go on."""
    from pathlib import Path

    from assistant.documents import load_document
    from assistant.errors import DeskmateError

    added: list[dict[str, object]] = []
    failed: list[dict[str, object]] = []
    for name in files:
        try:
            doc = load_document(Path(name), max_bytes=ctx.settings.get_int("max_file_mb") << 20)
            added.append({"file": name, "id": ctx.core.remember_document(doc)})
        except DeskmateError as exc:
            failed.append({"file": name, "error": exc.code, "message": exc.user_text()})
    ctx.core.indexer.drain()
    if ctx.json:
        print(json.dumps({"added": added, "failed": failed}, ensure_ascii=False))
    for row in added:
        ctx.err.print(f"stored {row['file']} as document {row['id']}")
    for row in failed:
        ctx.err.print(f"[red]{row['file']}: {row['message']}[/red]")
    return 1 if failed else 0
