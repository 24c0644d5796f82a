"""The auto-draft watcher on the real Dovecot: what it drafts and skips, that it changes
nothing on the server but adding drafts, that no mail is drafted twice (across restarts too),
and that it survives the server going away, malformed mail and IDLE renewals."""

from __future__ import annotations

from collections.abc import Iterator
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest

from assistant.errors import MailAuthError
from assistant.imap.auth import PasswordAuth
from assistant.mail import parse_email
from assistant.mail.account import MailAccount
from assistant.store import Store
from tests.assistant.imap.watching import ENRON, FLANKER, variant, watching
from tests.mailserver import Dovecot, MailUser, drafts_folder_wire


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = Store(data_dir)
    yield s
    s.close()


def _baseline(account: MailAccount, auth: PasswordAuth, store: Store) -> None:
    """A first watch: what is in INBOX now is the baseline, nothing is drafted."""
    with watching(account, auth, store) as run:
        run.wait_for(lambda r: r.count("idle") >= 1)
    assert run.handled() == 0


def _drafts(dovecot: Dovecot, user: MailUser) -> list[tuple[frozenset[str], bytes]]:
    return dovecot.fetch_folder(user, drafts_folder_wire())


def _twenty(own: str) -> tuple[list[bytes], int]:
    """20 real mails: 14 worth a reply, 6 that are not (and how many drafts to expect)."""
    normal = [variant(p.read_bytes(), i) for i, p in enumerate(ENRON[:14])]
    base = ENRON[20].read_bytes()
    skipped = [
        variant(base, 101, headers="List-Id: <announce.example.org>\r\n"),
        variant(base, 102, headers="Auto-Submitted: auto-replied\r\n"),
        variant(base, 103, headers="Precedence: bulk\r\n"),
        variant(base, 104, sender="Alerts <no-reply@example.org>"),
        variant(base, 105, sender=f"Me <{own}>"),
        normal[0],  # the same Message-ID again
    ]
    return normal + skipped, len(normal)


def test_a_session_of_20_mails_adds_drafts_and_changes_nothing_else(
    dovecot: Dovecot, mail_user: MailUser, account: MailAccount, auth: PasswordAuth, store: Store
) -> None:
    dovecot.append(mail_user, ENRON[30].read_bytes())  # already there: the baseline
    dovecot.append(mail_user, ENRON[31].read_bytes(), folder="Archive", flags="(\\Flagged)")
    _baseline(account, auth, store)
    mails, worth = _twenty(mail_user.address)
    for data in mails:
        dovecot.append(mail_user, data)
    before = dovecot.snapshot(mail_user)
    with watching(account, auth, store) as run:
        run.wait_for(lambda r: r.handled() == 20)
    after = dovecot.snapshot(mail_user)

    wire = drafts_folder_wire()
    for folder in before:
        if folder != wire:
            assert after[folder] == before[folder], f"{folder} changed"
    new = set(after[wire]) - set(before[wire])
    assert set(before[wire]) <= set(after[wire]) and len(new) == worth
    assert all({"\\Draft", "\\Seen"} <= after[wire][uid] for uid in new)
    assert run.count("drafted") == worth and run.count("skipped") == 6
    answered = {
        message_from_bytes(raw, policy=default)["In-Reply-To"]
        for _f, raw in _drafts(dovecot, mail_user)
    }
    assert answered == {parse_email(m).message_id for m in mails[:worth]}

    # A restart drafts nothing again: the state is in SQLite.
    with watching(account, auth, store) as again:
        again.wait_for(lambda r: r.count("idle") >= 1)
    assert again.handled() == 0 and len(_drafts(dovecot, mail_user)) == worth


def test_new_mail_during_idle_is_drafted_and_idle_is_renewed(
    dovecot: Dovecot, mail_user: MailUser, account: MailAccount, auth: PasswordAuth, store: Store
) -> None:
    _baseline(account, auth, store)
    with watching(account, auth, store, idle_renew_s=0.3) as run:
        run.wait_for(lambda r: r.count("idle") >= 3)  # IDLE re-issued, connection kept
        dovecot.append(mail_user, variant(ENRON[2].read_bytes(), 1))
        run.wait_for(lambda r: r.count("drafted") == 1)
    assert run.count("connected") == 1
    [(flags, raw)] = _drafts(dovecot, mail_user)
    assert "\\Draft" in flags and message_from_bytes(raw)["Subject"].startswith("Re:")


def test_without_idle_the_watcher_polls(
    dovecot: Dovecot, mail_user: MailUser, account: MailAccount, auth: PasswordAuth, store: Store
) -> None:
    _baseline(account, auth, store)
    with watching(account, auth, store, use_idle=False, poll_s=0.2) as run:
        run.wait_for(lambda r: r.count("connected") == 1)
        dovecot.append(mail_user, variant(ENRON[3].read_bytes(), 1))
        run.wait_for(lambda r: r.count("drafted") == 1)
    assert run.count("idle") == 0


def test_server_stopped_during_idle_then_started_drafts_the_new_mail_once(
    dovecot: Dovecot, mail_user: MailUser, account: MailAccount, auth: PasswordAuth, store: Store
) -> None:
    _baseline(account, auth, store)
    try:
        with watching(account, auth, store) as run:
            run.wait_for(lambda r: r.count("idle") >= 1)
            dovecot.stop()
            run.wait_for(lambda r: r.count("disconnected") >= 2)  # retried while down
            dovecot.deliver_offline(mail_user, variant(ENRON[4].read_bytes(), 1))
            dovecot.start()
            run.wait_for(lambda r: r.count("drafted") == 1)
            run.wait_for(lambda r: r.count("idle") >= 2)
        assert run.count("connected") == 2
    finally:
        dovecot.start()
    drafts = _drafts(dovecot, mail_user)
    assert len(drafts) == 1  # exactly once


def test_malformed_mail_does_not_stop_the_watcher(
    dovecot: Dovecot, mail_user: MailUser, account: MailAccount, auth: PasswordAuth, store: Store
) -> None:
    _baseline(account, auth, store)
    broken = [
        b"\x00\x01\x02 not a mail at all\r\n",
        (FLANKER / "missing-boundaries.eml").read_bytes(),
        (FLANKER / "mailformed-headers.eml").read_bytes(),
        (FLANKER / "enclosed-broken-body.eml").read_bytes(),
        b"Subject: no sender\r\nMessage-ID: <nosender@x>\r\n\r\nhello\r\n",
    ]
    with watching(account, auth, store) as run:
        run.wait_for(lambda r: r.count("idle") >= 1)
        for data in broken:
            dovecot.append(mail_user, data)
        dovecot.append(mail_user, variant(ENRON[5].read_bytes(), 1))
        run.wait_for(lambda r: r.handled() == len(broken) + 1)
        good = parse_email(variant(ENRON[5].read_bytes(), 1)).message_id
        assert any(e.kind == "drafted" for e in run.events)
    answered = {message_from_bytes(raw)["In-Reply-To"] for _f, raw in _drafts(dovecot, mail_user)}
    assert good in answered


def test_wrong_password_ends_the_watch_with_a_typed_error(
    account: MailAccount, mail_user: MailUser, store: Store
) -> None:
    with watching(account, PasswordAuth(mail_user.name, "wrong"), store) as run, run.changed:
        run.changed.wait_for(lambda: bool(run.error), 30)
    assert isinstance(run.error[0], MailAuthError)
