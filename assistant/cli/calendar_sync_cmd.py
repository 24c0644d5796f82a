"""``deskmate calendar connect URL [--user U]``, ``accounts``, ``calendars``, ``choose NAME``,
``sync``, ``delete UID``, ``disconnect NAME``: the user's CalDAV calendars. These are actions of
the ``calendar`` command (assistant/cli/schedule_cmd.py), which hands them over here."""

from __future__ import annotations

import argparse
import getpass
import json
import re
import sys
from dataclasses import asdict
from typing import Any
from urllib.parse import urlsplit

from assistant.cli.context import CliContext

ACTIONS = ("connect", "accounts", "calendars", "choose", "sync", "delete", "disconnect")


def add_arguments(c: argparse.ArgumentParser) -> None:
    """The options of the CalDAV actions, on the ``calendar`` parser."""
    c.add_argument("--user", default="", help="connect: the login name (default: from the URL)")
    c.add_argument("--name", default="", help="connect: a short name for the account")
    c.add_argument("--account", default="", help="the calendar account (default: the only one)")
    c.add_argument("--ca-file", default="", help="connect: a CA certificate (PEM) to trust")
    c.add_argument("--sync", nargs="+", default=[], metavar="CAL", help="calendars to sync")
    c.add_argument("--password-stdin", action="store_true", help="read the password from stdin")


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    handler = {
        "connect": _connect,
        "accounts": _accounts,
        "calendars": _calendars,
        "choose": _choose,
        "sync": _sync,
        "delete": _delete,
        "disconnect": _disconnect,
    }[args.action]
    return handler(args, ctx)


def _zone(ctx: CliContext) -> str:
    from assistant.tasks.schedule import resolve_zone

    return resolve_zone(ctx.core, "")


def _connect(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.calendar.sync_model import CalendarAccount
    from assistant.calsync.service import choose, connect_account
    from assistant.errors import UserError

    url = str(args.path or "")
    parts = urlsplit(url)
    if not url:
        raise UserError("usage: deskmate calendar connect URL [--user NAME]")
    user = args.user or parts.username or getpass.getuser()
    name = args.name or re.sub(r"[^A-Za-z0-9._-]", "-", parts.hostname or "calendar")[:40]
    account = CalendarAccount(name, url, user, args.ca_file)
    found = connect_account(ctx.store, account, _password(args, account))
    if args.sync:
        choose(ctx.store, account.name, args.sync)
    ctx.err.print(f"calendar account {name!r} connected: {len(found)} calendars")
    return _calendars(argparse.Namespace(account=name), ctx)


def _password(args: argparse.Namespace, account: Any) -> str:
    """From stdin, else $DESKMATE_CALDAV_PASSWORD_<NAME> (scripts, tests), else a prompt."""
    import os

    from assistant.errors import UserError
    from assistant.secrets import env_name

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = os.environ.get(env_name(account.secret_key), "") or getpass.getpass(
            f"password (or app password) for {account.username}: "
        )
    if not password:
        raise UserError("no password given")
    return password


def _accounts(args: argparse.Namespace, ctx: CliContext) -> int:
    accounts = ctx.store.caldav_accounts()
    if ctx.json:
        print(json.dumps([asdict(a) for a in accounts], ensure_ascii=False))
    elif not accounts:
        ctx.err.print("no calendar account: connect one with: deskmate calendar connect URL")
    for account in [] if ctx.json else accounts:
        ctx.out.print(f"{account.name}\t{account.username}\t{account.url}", markup=False)
    return 0


def _calendars(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.cli.dates import when

    calendars = ctx.store.caldav_calendars(args.account)
    if ctx.json:
        print(json.dumps([asdict(c) for c in calendars], ensure_ascii=False))
        return 0
    for cal in calendars:
        mark = "[x]" if cal.selected else "[ ]"
        synced = f"synced {when(ctx, cal.synced_at)}" if cal.synced_at else "not synced yet"
        ctx.out.print(f"{mark} {cal.name}\t{cal.account}\t{synced}\t{cal.url}", markup=False)
    if calendars and not any(c.selected for c in calendars):
        ctx.err.print("choose the calendars to sync: deskmate calendar choose NAME...")
    return 0


def _choose(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.calsync.service import choose
    from assistant.errors import UserError

    picks = [p for p in (args.path, args.minutes, *args.sync) if p]
    if not picks:
        raise UserError("usage: deskmate calendar choose NAME [NAME...] [--account A]")
    account = ctx.store.caldav_account(args.account)
    chosen = choose(ctx.store, account.name, [str(p) for p in picks])
    ctx.err.print(f"syncing: {', '.join(c.name for c in chosen)}")
    return 0


def _sync(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.calsync.service import sync_all

    results = sync_all(ctx.store, _zone(ctx), args.account)
    if ctx.json:
        print(json.dumps([asdict(r) for r in results], ensure_ascii=False))
        return 0
    for r in results:
        ctx.err.print(
            f"{r.calendar}: {r.added} new, {r.changed} changed, {r.removed} removed ({r.mode})"
        )
    if not results:
        ctx.err.print("no calendar chosen: deskmate calendar choose NAME")
    for entry in ctx.store.caldav_outbox(args.account):  # a conflict waits for the user
        ctx.err.print(f"not on the server: {entry.title} ({entry.state}: {entry.error})")
    return 0


def _delete(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.calsync.service import delete_own_event
    from assistant.errors import UserError

    if not args.path:
        raise UserError("usage: deskmate calendar delete UID")
    delete_own_event(ctx.store, str(args.path), _zone(ctx))
    queued = ctx.store.caldav_outbox_entry(str(args.path))
    waits = f" here; on the server at the next sync ({queued.error})" if queued else ""
    ctx.err.print(f"deleted: {args.path}{waits}")
    return 0


def _disconnect(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.errors import UserError
    from assistant.secrets import set_secret

    if not args.path:
        raise UserError("usage: deskmate calendar disconnect NAME")
    account = ctx.store.caldav_account(str(args.path))
    ctx.store.remove_caldav_account(account.name)
    set_secret(account.secret_key, "")
    ctx.err.print(f"calendar account {account.name!r} disconnected (the server is unchanged)")
    return 0
