"""``deskmate mail account add|list|test|remove``, ``deskmate mail list`` and
``deskmate mail watch``: the user's IMAP mailbox. Deskmate never sends mail: it adds reply
drafts to the Drafts folder and changes nothing else on the server."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import asdict
from typing import Any

from assistant.cli.context import CliContext


def add_parser(sub: Any) -> None:
    p = sub.add_parser("mail", help="your IMAP mailbox: accounts, newest mail, auto-drafts")
    cmds = p.add_subparsers(dest="mail_command", required=True)
    acc = cmds.add_parser("account", help="add, list, test or remove a mail account")
    acc_cmds = acc.add_subparsers(dest="account_command", required=True)
    add = acc_cmds.add_parser("add", help="add or change an account (tests it first)")
    add.add_argument("name", help="a short name for the account: work, gmail...")
    add.add_argument("--host", required=True, help="IMAP server, e.g. imap.gmail.com")
    add.add_argument("--port", type=int, default=None, help="default: 993 (tls), 143 (starttls)")
    add.add_argument("--tls", choices=("tls", "starttls"), default="tls")
    add.add_argument("--user", required=True, help="the login name (usually the address)")
    add.add_argument("--auth", choices=("password", "xoauth2"), default="password")
    add.add_argument("--token-command", default="", help="xoauth2: prints an access token")
    add.add_argument("--ca-file", default="", help="a CA certificate (PEM) to trust")
    add.add_argument("--address", default="", help="the From address of your replies")
    add.add_argument("--display-name", default="", help="the From name of your replies")
    add.add_argument("--drafts-folder", default="", help="when the server marks none")
    add.add_argument("--auto-draft", action=argparse.BooleanOptionalAction, default=False)
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    add.add_argument("--no-test", action="store_true", help="save without connecting")
    for name, text in (("test", "connect and sign in"), ("remove", "forget the account")):
        acc_cmds.add_parser(name, help=text).add_argument("name")
    acc_cmds.add_parser("list", help="the accounts (never their passwords)")
    lst = cmds.add_parser("list", help="the newest mails of INBOX (headers only)")
    lst.add_argument("--account", default="", help="default: the only account")
    lst.add_argument("--limit", type=int, default=20)
    watch = cmds.add_parser("watch", help="draft replies to new mail into Drafts (foreground)")
    watch.add_argument("--account", default="", help="default: every account with auto-draft")
    watch.add_argument("--intent", default="", help="accept, decline, ask, or free text")
    watch.add_argument("--tone", choices=("formal", "friendly", "brief"), default=None)
    watch.add_argument("--poll", action="store_true", help="poll instead of IDLE")
    watch.add_argument("--max-tokens", type=int, default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.mail_command == "account":
        return {
            "add": _add,
            "list": _list_accounts,
            "test": _test,
            "remove": _remove,
        }[args.account_command](args, ctx)
    if args.mail_command == "list":
        return _list_mail(args, ctx)
    from assistant.cli.mail_watch import watch

    return watch(args, ctx)


def _add(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.mail.account import DEFAULT_PORTS, MailAccount, validated
    from assistant.secrets import get_secret, set_secret

    account = validated(
        MailAccount(
            name=args.name,
            host=args.host.strip(),
            port=args.port or DEFAULT_PORTS[args.tls],
            tls=args.tls,
            username=args.user.strip(),
            auth=args.auth,
            token_command=args.token_command,
            ca_file=args.ca_file,
            display_name=args.display_name,
            address=args.address,
            drafts_folder=args.drafts_folder,
            auto_draft=args.auto_draft,
        )
    )
    previous = get_secret(account.secret_key) or ""
    new_password = account.auth == "password" and (args.password_stdin or not previous)
    if new_password:
        set_secret(account.secret_key, _read_password(args, account.username))
    if not args.no_test:
        try:
            _check(ctx, account)
        except BaseException:  # a password that does not work is not kept
            if new_password:
                set_secret(account.secret_key, previous)
            raise
    ctx.store.save_mail_account(account)
    ctx.err.print(f"mail account {account.name!r} saved")
    return 0


def _read_password(args: argparse.Namespace, user: str) -> str:
    from assistant.errors import UserError

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(f"password (or app password) for {user}: ")
    if not password:
        raise UserError("no password given")
    return password


def _check(ctx: CliContext, account: Any) -> None:
    from assistant.imap.auth import keyring_auth
    from assistant.imap.session import MailSession

    session = MailSession(account, lambda: keyring_auth(account))
    try:
        found = session.check()
    finally:
        session.close()
    if ctx.json:
        print(json.dumps({"account": account.name, **asdict(found)}, ensure_ascii=False))
    else:
        ctx.err.print(
            f"{account.name}: signed in to {account.host}; {found.inbox_total} mails in INBOX, "
            f"drafts go to {found.drafts_folder!r}, {'IDLE' if found.idle else 'polling'}"
        )


def _test(args: argparse.Namespace, ctx: CliContext) -> int:
    _check(ctx, ctx.store.mail_account(args.name))
    return 0


def _remove(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.secrets import set_secret

    account = ctx.store.mail_account(args.name)
    ctx.store.remove_mail_account(account.name)
    set_secret(account.secret_key, "")
    ctx.err.print(f"mail account {account.name!r} removed (its password left the keyring)")
    return 0


def _list_accounts(args: argparse.Namespace, ctx: CliContext) -> int:
    accounts = ctx.store.mail_accounts()
    if ctx.json:
        print(json.dumps([asdict(a) for a in accounts], ensure_ascii=False))
        return 0
    if not accounts:
        ctx.err.print("no mail accounts yet: deskmate mail account add NAME --host ... --user ...")
    for a in accounts:
        auto = "auto-draft on" if a.auto_draft else "auto-draft off"
        ctx.out.print(f"{a.name}\t{a.username} @ {a.host}:{a.port} ({a.tls}, {a.auth}, {auto})")
    return 0


def _list_mail(args: argparse.Namespace, ctx: CliContext) -> int:
    from assistant.imap.auth import keyring_auth
    from assistant.imap.dates import people_date
    from assistant.imap.session import MailSession

    account = pick_account(ctx, args.account)
    session = MailSession(account, lambda: keyring_auth(account))
    try:
        listing = session.inbox(args.limit)
    finally:
        session.close()
    if ctx.json:
        rows = [
            {
                "uid": r.headers.uid,
                "from": str(r.headers.sender),
                "subject": r.headers.subject,
                "date": r.headers.date.isoformat() if r.headers.date else None,
                "has_draft": r.has_draft,
            }
            for r in listing.rows
        ]
        print(json.dumps({"total": listing.total, "mails": rows}, ensure_ascii=False))
        return 0
    ctx.err.print(f"{listing.total} mails in INBOX; the newest {len(listing.rows)}:")
    for row in listing.rows:
        mark = "✎ " if row.has_draft else "  "
        when = people_date(row.headers.date) if row.headers.date else ""
        ctx.out.print(f"{mark}{when:<22} {row.headers.sender}  {row.headers.subject}")
    return 0


def pick_account(ctx: CliContext, name: str) -> Any:
    from assistant.errors import UserError

    if name:
        return ctx.store.mail_account(name)
    accounts = ctx.store.mail_accounts()
    if len(accounts) != 1:
        raise UserError(
            "no mail account yet" if not accounts else "several mail accounts: name one",
            hint="deskmate mail account add NAME ..." if not accounts else "--account NAME",
        )
    return accounts[0]
