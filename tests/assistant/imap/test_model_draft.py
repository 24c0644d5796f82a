"""End to end on the real bundled 0.5B model: a new mail on the real Dovecot gets a reply
draft, written by the reply task as the account's user, in the "草稿箱" Drafts folder."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default
from typing import Any

import pytest

from assistant.imap.auth import PasswordAuth
from assistant.imap.autodraft import model_drafter
from assistant.mail import parse_email
from assistant.mail.account import MailAccount
from assistant.tasks.reply import ReplyOptions
from tests.assistant.imap.watching import ENRON, variant, watching
from tests.mailserver import Dovecot, MailUser, drafts_folder_wire


@pytest.mark.model
def test_the_model_drafts_a_reply_into_drafts(
    dovecot: Dovecot, mail_user: MailUser, account: MailAccount, auth: PasswordAuth, core: Any
) -> None:
    drafter = model_drafter(core, account, ReplyOptions(intent="accept", max_tokens=120))
    shortest = min(ENRON, key=lambda p: p.stat().st_size)  # a short prompt on a slow CPU
    mail = variant(shortest.read_bytes(), 1)
    with watching(account, auth, core.store, drafter) as run:
        run.wait_for(lambda r: r.count("idle") >= 1)
        dovecot.append(mail_user, mail)
        run.wait_for(lambda r: r.handled() == 1, timeout=600)
    if run.count("failed") == 1:
        # The reply task's typed "no usable draft" (a small model that only repeated the mail
        # three times): the mail is handled once, and nothing at all is written to Drafts.
        assert run.count("drafted") == 0
        assert dovecot.fetch_folder(mail_user, drafts_folder_wire()) == []
        return
    assert run.count("drafted") == 1, [(e.kind, e.detail) for e in run.events]
    [(flags, raw)] = dovecot.fetch_folder(mail_user, drafts_folder_wire())
    assert {"\\Draft", "\\Seen"} <= flags
    draft = message_from_bytes(raw, policy=default)
    incoming = parse_email(mail)
    assert draft["In-Reply-To"] == incoming.message_id
    assert draft["From"].addresses[0].addr_spec == mail_user.address
    assert draft["From"].addresses[0].display_name == "Test User"
    assert draft["To"].addresses[0].addr_spec == incoming.from_addr
    body = draft.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    newest = body.split("\n> ")[0]
    assert len(newest.split()) >= 3 and incoming.newest.strip()[:60] not in newest
