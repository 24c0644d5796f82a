"""``deskmate export DIR``: all data as JSON (complete) and Markdown (readable)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from assistant.cli.context import CliContext


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "export", help="export all data (runs, documents, calendar, settings) to a folder"
    )
    p.add_argument("folder", help="where to write deskmate-export.json and the .md files")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.export import export_all

    result = export_all(ctx.data_dir, Path(args.folder).expanduser())
    if ctx.json:
        payload = {"folder": str(result.folder), "files": [str(f) for f in result.files]}
        print(json.dumps({**payload, "counts": result.counts}, ensure_ascii=False))
        return 0
    counts = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in result.counts.items())
    ctx.out.print(f"exported {counts} to {result.folder}")
    for path in result.files:
        ctx.out.print(f"  {path.name}")
    return 0
