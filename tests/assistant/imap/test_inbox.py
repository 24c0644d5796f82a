"""The newest INBOX mails (headers only, last N sequence numbers), bodies on demand without
marking them read, and a reply draft saved to the "草稿箱" Drafts folder, threaded."""

from __future__ import annotations

from collections.abc import Iterator
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest

from assistant.imap.auth import PasswordAuth
from assistant.imap.folders import choose_drafts
from assistant.imap.session import MailSession
from assistant.mail import build_reply_eml, parse_email
from assistant.mail.account import MailAccount
from assistant.mail.draft import CHECK_HEADER
from tests.mailserver import DRAFTS, Dovecot, MailUser, drafts_folder_wire

ENRON = sorted(
    (Path(__file__).resolve().parents[3].parent / "shared/corpus/email/enron_dev").glob("*.eml")
)


@pytest.fixture
def session(account: MailAccount, auth: PasswordAuth) -> Iterator[MailSession]:
    s = MailSession(account, lambda: auth, timeout=10)
    yield s
    s.close()


def test_newest_mails_come_first_with_decoded_headers(
    dovecot: Dovecot, mail_user: MailUser, session: MailSession
) -> None:
    assert len(ENRON) >= 12
    for path in ENRON[:12]:
        dovecot.append(mail_user, path.read_bytes())
    listing = session.inbox(limit=5)
    assert listing.total == 12 and len(listing.rows) == 5
    expected = [message_from_bytes(p.read_bytes(), policy=default) for p in reversed(ENRON[7:12])]
    assert [r.headers.message_id for r in listing.rows] == [m["Message-ID"] for m in expected]
    assert [r.headers.subject for r in listing.rows] == [m["Subject"] for m in expected]
    assert [r.headers.sender.addr for r in listing.rows] == [
        m["From"].addresses[0].addr_spec for m in expected
    ]
    assert all(r.headers.date is not None and r.headers.date.tzinfo for r in listing.rows)
    assert not any(r.has_draft for r in listing.rows)


def test_only_the_last_n_mails_are_fetched(
    dovecot: Dovecot, mail_user: MailUser, session: MailSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big mailbox costs what a small one does: one FETCH of the last N sequence numbers,
    headers only (checked on the commands sent, not on time)."""
    data = ENRON[0].read_bytes()
    for i in range(300):
        dovecot.deliver_offline(
            mail_user, data.replace(b"Message-ID: <", f"Message-ID: <{i}.".encode(), 1)
        )
    from imapclient import IMAPClient

    asked: list[tuple[object, object]] = []
    real_fetch = IMAPClient.fetch

    def recording(
        self: IMAPClient, messages: object, items: object, modifiers: object = None
    ) -> object:
        asked.append((messages, items))
        return real_fetch(self, messages, items, modifiers)

    monkeypatch.setattr(IMAPClient, "fetch", recording)
    listing = session.inbox(limit=20)
    assert listing.total == 300 and len(listing.rows) == 20
    inbox_fetches = [(m, i) for m, i in asked if "UID" in list(i)]  # type: ignore[call-overload]
    assert [m for m, _i in inbox_fetches] == [list(range(281, 301))]
    assert not any("BODY.PEEK[]" in list(i) or "BODY[]" in list(i) for _m, i in asked)  # type: ignore[call-overload]


def test_reading_a_body_leaves_the_mail_unread(
    dovecot: Dovecot, mail_user: MailUser, session: MailSession
) -> None:
    dovecot.append(mail_user, ENRON[0].read_bytes())
    before = dovecot.snapshot(mail_user)
    uid = session.inbox().rows[0].headers.uid
    raw = session.raw(uid)
    assert parse_email(raw).message_id == parse_email(ENRON[0]).message_id
    assert dovecot.snapshot(mail_user) == before  # no \Seen, nothing else


def test_save_to_drafts_appends_a_threaded_draft_and_marks_the_mail(
    dovecot: Dovecot, mail_user: MailUser, session: MailSession
) -> None:
    dovecot.append(mail_user, ENRON[1].read_bytes())
    row = session.inbox().rows[0]
    incoming = parse_email(session.raw(row.headers.uid))
    eml = build_reply_eml(incoming, "Thanks, that works for me.", from_addr=mail_user.address)
    assert session.save_draft(eml) == DRAFTS
    [(flags, saved)] = dovecot.fetch_folder(mail_user, drafts_folder_wire())
    assert {"\\Draft", "\\Seen"} <= flags and "\\Flagged" not in flags
    msg = message_from_bytes(saved, policy=default)
    assert msg["In-Reply-To"] == incoming.message_id
    assert incoming.message_id in msg["References"]
    assert msg["Subject"].startswith("Re: ")
    assert session.inbox().rows[0].has_draft


def test_a_draft_the_task_warned_about_is_flagged_in_drafts(
    dovecot: Dovecot, mail_user: MailUser, session: MailSession
) -> None:
    dovecot.append(mail_user, ENRON[1].read_bytes())
    incoming = parse_email(session.raw(session.inbox().rows[0].headers.uid))
    warning = "check this draft: it may not do what you asked"
    eml = build_reply_eml(incoming, "I will look into it.", check=warning)
    session.save_draft(eml)
    [(flags, saved)] = dovecot.fetch_folder(mail_user, drafts_folder_wire())
    assert {"\\Draft", "\\Seen", "\\Flagged"} <= flags  # every mail client shows a flag
    assert message_from_bytes(saved, policy=default)[CHECK_HEADER].strip() == warning


@pytest.mark.parametrize(
    ("folders", "pick", "expected"),
    [
        (
            [((b"\\HasNoChildren",), b"/", "INBOX"), ((b"\\Drafts",), b"/", "Entwürfe")],
            "",
            "Entwürfe",
        ),
        (
            [((), b"/", "INBOX"), ((), b"/", "[Gmail]/Drafts"), ((), b"/", "Drafts")],
            "",
            "[Gmail]/Drafts",
        ),
        ([((), b".", "INBOX"), ((), b".", "INBOX.Drafts")], "", "INBOX.Drafts"),
        ([((), b"/", "INBOX"), ((), b"/", "草稿箱")], "", "草稿箱"),
        ([((), b"/", "INBOX"), ((), b"/", "Work/drafts")], "", "Work/drafts"),
        ([((), b"/", "INBOX"), ((), b"/", "Mine")], "Mine", "Mine"),
        ([((), b"/", "INBOX"), ((), b"/", "Mine")], "", None),
    ],
)
def test_which_folder_is_drafts(
    folders: list[tuple[tuple[bytes, ...], bytes, str]], pick: str, expected: str | None
) -> None:
    assert choose_drafts(folders, pick) == expected
