"""The reply drafts the watcher and the Mail page write: the existing reply task (intent, tone,
the user's style examples), written as the account's user."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.errors import ModelError
from assistant.events import Done

if TYPE_CHECKING:
    from assistant.core import Core
    from assistant.imap.account import MailAccount
    from assistant.imap.watcher import DraftFn
    from assistant.tasks.reply import ReplyOptions


def account_options(account: MailAccount, options: ReplyOptions) -> ReplyOptions:
    """``options`` with the account's identity as the reply's sender."""
    return replace(
        options,
        from_addr=options.from_addr or account.from_address,
        from_name=options.from_name or account.display_name,
    )


def model_drafter(core: Core, account: MailAccount, options: ReplyOptions) -> DraftFn:
    """Raw mail -> reply draft (.eml bytes), by the reply task on the user's model."""
    from assistant.tasks.reply import reply

    def draft(raw: bytes) -> bytes:
        done: Done | None = None
        for event in reply(core, raw, account_options(account, options)):
            if isinstance(event, Done):
                done = event
        if done is None:
            raise ModelError("the reply task ended without a draft")
        return str(done.data["eml"]).encode("ascii")

    return draft


def draft_eml(core: Core, account: MailAccount, raw: bytes, text: str) -> bytes:
    """The reply draft (.eml) for a text the user edited: threaded, from the account's user,
    with the user's signature and the quoted original."""
    from assistant.mail import build_reply_eml, parse_email

    settings = core.settings
    return build_reply_eml(
        parse_email(raw, max_bytes=settings.get_int("max_file_mb") * 1024 * 1024),
        text,
        from_addr=account.from_address or settings.get_str("user_email"),
        from_name=account.display_name or settings.get_str("user_name"),
        signature=settings.get_str("signature"),
    )
