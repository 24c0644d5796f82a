"""``deskmate reply FILE.eml|- [--intent ...] [--tone ...] [--out draft.eml]`` and
``deskmate reply --watch DIR --out-dir DIR``. Deskmate never sends mail: it writes drafts."""

from __future__ import annotations

import argparse
import json
import sys
import threading
from pathlib import Path
from typing import Any

from assistant.cli.context import CliContext
from assistant.cli.streaming import run_events


def add_parser(sub: Any) -> None:
    p = sub.add_parser("reply", help="draft a reply to an email (.eml); never sends")
    p.add_argument("source", nargs="?", help="an .eml file, or - for standard input")
    p.add_argument(
        "--intent",
        default="",
        help="accept, decline, ask, or free text (default: answer, agreeing where possible)",
    )
    p.add_argument("--tone", choices=("formal", "friendly", "brief"), default=None)
    p.add_argument("--out", type=Path, help="write the draft .eml here")
    p.add_argument("--watch", type=Path, metavar="DIR", help="draft a reply to each new mail")
    p.add_argument("--out-dir", type=Path, help="with --watch: where drafts go")
    p.add_argument("--once", action="store_true", help="with --watch: one scan, then exit")
    p.add_argument("--interval", type=float, default=5.0, help=argparse.SUPPRESS)
    p.add_argument(
        "--model",
        default=None,
        help="model id or .gguf path for this run only (`deskmate models use` sets the default)",
    )
    p.add_argument("--max-tokens", type=int, default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def use_model(args: argparse.Namespace, ctx: CliContext) -> None:
    """``--model`` (an id or a .gguf path) for this command only."""
    if not getattr(args, "model", None):
        return
    from assistant.errors import UserError
    from assistant.models.registry import resolve_model_path

    ctx.model_path = resolve_model_path(ctx.data_dir, args.model)
    if ctx.settings.get_str("remote_url"):
        raise UserError(
            "--model picks a local model, but the remote_url setting sends work to a server",
            hint="set remote_model to choose the server's model, or clear remote_url",
        )


def _write_draft(path: Path, eml: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".partial")
    tmp.write_text(eml, encoding="ascii")
    tmp.replace(path)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.errors import UserError
    from assistant.tasks.reply import ReplyOptions, reply

    use_model(args, ctx)
    options = ReplyOptions(intent=args.intent, tone=args.tone or "", max_tokens=args.max_tokens)
    if args.watch:
        return watch(args, ctx, options)
    if not args.source:
        raise UserError("give an .eml file, - for standard input, or --watch DIR")
    source: Path | bytes = sys.stdin.buffer.read() if args.source == "-" else Path(args.source)
    if isinstance(source, Path) and not source.exists():
        raise UserError(f"no such file: {source}")
    done = run_events(reply(ctx.core, source, options), ctx, stream=not ctx.json)
    if not done.data.get("from"):
        from assistant.tasks.reply import NO_IDENTITY

        ctx.err.print(f"[yellow]warning: {NO_IDENTITY}[/yellow]")
    if args.out:
        _write_draft(args.out, done.data["eml"])
    if ctx.json:
        print(
            json.dumps({"run_id": done.run_id, "draft": done.text, **done.data}, ensure_ascii=False)
        )
    elif args.out:
        ctx.err.print(f"draft written to {args.out}")
    return 0


def watch(args: argparse.Namespace, ctx: CliContext, options: Any) -> int:
    """Poll ``--watch`` for new mail; each gets one draft, across restarts too."""
    from assistant.errors import DeskmateError, UserError
    from assistant.mail.watch import SeenKeys, key_for_path, mail_dir, scan_new
    from assistant.tasks.reply import reply

    folder: Path = args.watch
    if not folder.is_dir():
        raise UserError(f"not a folder: {folder}")
    out_dir: Path = args.out_dir or (ctx.data_dir / "drafts")
    if out_dir.resolve() == mail_dir(folder).resolve():
        raise UserError("--out-dir must not be the watched folder (drafts would be answered)")
    seen = SeenKeys(ctx.data_dir / "watch" / "seen.txt")
    from assistant.mail.identity import identity_from_settings
    from assistant.tasks.reply import NO_IDENTITY

    if identity_from_settings(ctx.settings) is None:
        ctx.err.print(f"[yellow]warning: {NO_IDENTITY}[/yellow]")
    stop = threading.Event()
    drafted = 0
    while not stop.is_set():
        for mail_path in scan_new(folder, seen.keys):
            key = key_for_path(mail_path)
            target = out_dir / f"{mail_path.stem}.reply.eml"
            if target.exists():  # drafted by a run stopped before it could note the key
                seen.add(key)
                continue
            try:
                done = run_events(reply(ctx.core, mail_path, options), ctx, stream=False)
            except DeskmateError as exc:
                ctx.err.print(f"[yellow]{mail_path.name}: {exc.user_text()}[/yellow]")
            else:
                _write_draft(target, done.data["eml"])
                drafted += 1
                ctx.err.print(f"{mail_path.name}: draft {target}")
            seen.add(key)
        if args.once:
            break
        stop.wait(args.interval)
    if ctx.json:
        print(json.dumps({"drafted": drafted}))
    return 0
