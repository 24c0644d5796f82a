"""``deskmate mail watch``: draft replies to new mail in the foreground, one watcher thread per
account (each owns its IMAP connection), until Ctrl+C."""

from __future__ import annotations

import argparse
import json
import threading
from typing import TYPE_CHECKING

from assistant.cli.context import CliContext

if TYPE_CHECKING:
    from assistant.errors import DeskmateError
    from assistant.imap.watcher import Watcher, WatchEvent


def watch(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.cli.mail_cmd import pick_account
    from assistant.errors import UserError
    from assistant.imap.auth import keyring_auth
    from assistant.imap.autodraft import model_drafter
    from assistant.imap.watcher import Watcher
    from assistant.tasks.reply import ReplyOptions

    if args.account:
        accounts = [pick_account(ctx, args.account)]
    else:
        accounts = [a for a in ctx.store.mail_accounts() if a.auto_draft]
        if not accounts:
            raise UserError(
                "no mail account has auto-draft on",
                hint="deskmate mail account add NAME ... --auto-draft, or --account NAME",
            )
    options = ReplyOptions(intent=args.intent, tone=args.tone or "", max_tokens=args.max_tokens)
    lock = threading.Lock()

    def show(event: WatchEvent) -> None:
        with lock:
            if ctx.json:
                print(json.dumps({"event": event.kind, "account": event.account,
                                  "uid": event.uid, "detail": event.detail},
                                 ensure_ascii=False), flush=True)  # fmt: skip
            elif event.kind in ("drafted", "failed", "disconnected", "connected"):
                ctx.err.print(f"{event.account}: {event.kind} {event.detail}".rstrip())

    watchers = [
        Watcher(
            a,
            lambda a=a: keyring_auth(a),  # type: ignore[misc]
            ctx.store,
            model_drafter(ctx.core, a, options),
            on_event=show,
            use_idle=not args.poll,
        )
        for a in accounts
    ]
    errors: list[DeskmateError] = []
    threads = [
        threading.Thread(target=_run, args=(w, errors), name=f"watch-{w.account.name}")
        for w in watchers
    ]
    for t in threads:
        t.start()
    try:
        for t in threads:
            while t.is_alive():
                t.join(0.5)
    finally:
        for w in watchers:
            w.stop.set()
        for t in threads:
            t.join()
    if errors:
        raise errors[0]
    return 0


def _run(watcher: Watcher, errors: list[DeskmateError]) -> None:
    from assistant.errors import DeskmateError

    try:
        watcher.run()
    except DeskmateError as exc:
        errors.append(exc)
