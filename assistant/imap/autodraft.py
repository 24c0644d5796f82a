"""The reply drafts the watcher and the Mail page write: the existing reply task (intent, tone,
the user's style examples), written as the account's user."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.errors import ModelError
from assistant.task_events import Done

if TYPE_CHECKING:
    from assistant.host import TaskHost
    from assistant.imap.watcher import DraftFn
    from assistant.mail.account import MailAccount
    from assistant.mail.identity import Identity
    from assistant.tasks.reply import ReplyOptions


def account_identity(core: TaskHost, account: MailAccount) -> Identity | None:
    """Who writes from this account: its address and display name, with the name and sign-off
    of the Settings identity where the account has none."""
    from assistant.mail.identity import Identity, identity_from_settings

    default = identity_from_settings(core.settings)
    address = account.from_address.strip().lower()
    if not address:
        return default
    return Identity(
        name=account.display_name or (default.name if default else ""),
        addresses=(address,),
        signoff=default.signoff if default else "",
    )


def account_options(core: TaskHost, account: MailAccount, options: ReplyOptions) -> ReplyOptions:
    """``options`` with the account's identity first among the reply's identities."""
    identity = account_identity(core, account)
    if identity is None:
        return options
    return replace(options, identities=(identity, *options.identities))


def model_drafter(core: TaskHost, account: MailAccount, options: ReplyOptions) -> DraftFn:
    """Raw mail -> reply draft (.eml bytes), by the reply task on the user's model."""
    from assistant.tasks.reply import reply

    def draft(raw: bytes) -> bytes:
        done: Done | None = None
        for event in reply(core, raw, account_options(core, account, options)):
            if isinstance(event, Done):
                done = event
        if done is None:
            raise ModelError("the reply task ended without a draft")
        return str(done.data["eml"]).encode("ascii")

    return draft


def draft_eml(core: TaskHost, account: MailAccount, raw: bytes, text: str) -> bytes:
    """The reply draft (.eml) for a text the user edited: threaded, from the account's user,
    with the user's signature and the quoted original."""
    from assistant.mail import build_reply_eml, parse_email

    settings = core.settings
    identity = account_identity(core, account)
    return build_reply_eml(
        parse_email(raw, max_bytes=settings.get_int("max_file_mb") * 1024 * 1024),
        text,
        from_addr=identity.address if identity else "",
        from_name=identity.name if identity else "",
        signature=settings.get_str("signature"),
    )
