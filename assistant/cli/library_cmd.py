"""``deskmate library add DIR | list | remove DIR | status | scan | pause | resume``: folders
whose documents Deskmate keeps indexed (it only reads them; the window rescans them every
minute, the CLI when asked)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from rich.table import Table

from assistant.cli.context import CliContext
from assistant.cli.streaming import run_events


def add_parser(sub: Any) -> None:
    p = sub.add_parser("library", help="folders whose documents are kept indexed for search/Ask")
    actions = p.add_subparsers(dest="library_action", metavar="ACTION")
    add = actions.add_parser("add", help="add a folder and index it now")
    add.add_argument("folder", type=Path)
    actions.add_parser("list", help="the folders, with indexed and failed files (the default)")
    remove = actions.add_parser("remove", help="stop indexing a folder (its documents: trash)")
    remove.add_argument("folder", type=Path)
    actions.add_parser("status", help="files that failed to load, and whether indexing is paused")
    actions.add_parser("scan", help="index what changed in every folder now")
    actions.add_parser("pause", help="pause indexing (it resumes where it stopped)")
    actions.add_parser("resume", help="resume indexing")
    p.set_defaults(func=run, library_action="list")


def _index_now(ctx: CliContext) -> int:
    from assistant.library.indexing import index_library

    done = run_events(index_library(ctx.core), ctx, stream=False)
    ctx.core.indexer.drain()  # searchable by meaning too, before the command returns
    if ctx.json:
        print(json.dumps(done.data))
    else:
        ctx.err.print(done.text)
    return 1 if done.data.get("failed") else 0


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.errors import UserError

    store, action = ctx.store, args.library_action
    if action == "add":
        if not args.folder.is_dir():
            raise UserError(f"no such folder: {args.folder}")
        store.add_library_folder(args.folder)
        return _index_now(ctx)
    if action == "remove":
        count = store.remove_library_folder(args.folder)
        ctx.err.print(f"removed {args.folder}: {count} files' documents moved to the trash")
        return 0
    if action == "scan":
        return _index_now(ctx)
    if action in ("pause", "resume"):
        ctx.settings.set("library_paused", action == "pause")
        ctx.err.print("library indexing " + ("paused" if action == "pause" else "resumed"))
        return 0
    if action == "status":
        failures = store.library_failures()
        paused = ctx.settings.get_bool("library_paused")
        if ctx.json:
            print(json.dumps({"paused": paused, "failed": failures}, ensure_ascii=False))
            return 0
        ctx.err.print("indexing is paused" if paused else "indexing is on")
        table = Table("file", "error")
        for row in failures:
            table.add_row(str(row["path"]), str(row["error"]))
        ctx.out.print(table if failures else "no file failed to load")
        return 0
    folders = store.library_folders()
    if ctx.json:
        print(json.dumps(folders, ensure_ascii=False))
    elif folders:
        table = Table("folder", "indexed", "failed")
        for row in folders:
            table.add_row(str(row["path"]), str(row["indexed"]), str(row["failed"]))
        ctx.out.print(table)
    else:
        ctx.err.print("no library folders: add one with `deskmate library add DIR`")
    return 0
