"""Reply drafts: headers, threading, quoting, UTF-8 round trip; and no send path anywhere."""

from __future__ import annotations

import email
import re
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

import assistant
from assistant.errors import UserError
from assistant.mail import build_reply_eml, parse_email, reply_subject


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Lunch", "Re: Lunch"),
        ("Re: Lunch", "Re: Lunch"),
        ("RE: Re: re: Lunch", "Re: Lunch"),
        ("AW: Termin", "Re: Termin"),
        ("Re[2]: Lunch", "Re: Lunch"),
        ("回复: 项目进度", "Re: 项目进度"),
        ("回复：答复: Re: 项目进度", "Re: 项目进度"),
        ("答复: 会议", "Re: 会议"),
        ("Fwd: Report", "Re: Fwd: Report"),
        ("Reply needed", "Re: Reply needed"),
        ("", "Re:"),
    ],
)
def test_reply_subject(subject: str, expected: str) -> None:
    assert reply_subject(subject) == expected


def _incoming(reply_to: str | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = "张三 <zhang@example.cn>"
    msg["To"] = "me@example.org"
    if reply_to:
        msg["Reply-To"] = reply_to
    msg["Subject"] = "回复: 项目进度会议"
    msg["Date"] = "Fri, 01 Mar 2024 10:20:00 +0800"
    msg["Message-ID"] = "<m2@example.cn>"
    msg["References"] = "<m0@example.cn> <m1@example.cn>"
    msg.set_content("下周三下午两点开会可以吗？\n\n张三")
    return msg.as_bytes()


def test_draft_round_trip() -> None:
    incoming = parse_email(_incoming())
    now = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
    raw = build_reply_eml(
        incoming,
        "可以，周三下午两点见。",
        from_addr="me@example.org",
        from_name="李四",
        signature="李四\n产品部",
        now=now,
    )
    draft = email.message_from_bytes(raw, policy=policy.default)
    assert draft["Subject"] == "Re: 项目进度会议"
    assert draft["To"].addresses[0].addr_spec == "zhang@example.cn"
    assert draft["To"].addresses[0].display_name == "张三"
    assert draft["From"].addresses[0].display_name == "李四"
    assert draft["In-Reply-To"] == "<m2@example.cn>"
    assert draft["References"].split() == ["<m0@example.cn>", "<m1@example.cn>", "<m2@example.cn>"]
    assert draft["Message-ID"].endswith("@example.org>")
    assert draft["Message-ID"] != incoming.message_id
    assert email.utils.parsedate_to_datetime(draft["Date"]) == now
    assert raw.isascii()  # headers RFC 2047-encoded, body transfer-encoded
    body = draft.get_content()
    assert body.startswith("可以，周三下午两点见。\n\n-- \n李四\n产品部\n\n")
    assert "张三 <zhang@example.cn> 写道：" in body
    assert "> 下周三下午两点开会可以吗？" in body
    again = parse_email(raw)
    assert again.subject == "Re: 项目进度会议"
    assert again.newest.startswith("可以，周三下午两点见。")
    assert "下周三下午两点开会可以吗" in again.quoted


def test_reply_to_wins_and_english_attribution() -> None:
    incoming = parse_email(_incoming(reply_to="Team <team@example.cn>"))
    draft = email.message_from_bytes(
        build_reply_eml(incoming, "OK", from_addr="me@example.org"), policy=policy.default
    )
    assert draft["To"].addresses[0].addr_spec == "team@example.cn"
    english = parse_email(
        b"From: Bob <bob@example.com>\nSubject: Hi\nDate: Mon, 1 Apr 2024 "
        b"09:00:00 +0000\n\nCan we meet on Thursday afternoon?"
    )
    text = email.message_from_bytes(
        build_reply_eml(english, "Yes.", from_addr="me@example.org"), policy=policy.default
    ).get_content()
    assert "On Mon, 01 Apr 2024 09:00:00 +0000, Bob <bob@example.com> wrote:" in text
    assert "In-Reply-To" not in email.message_from_bytes(
        build_reply_eml(english, "Yes.", from_addr="me@example.org")
    )


def test_draft_errors() -> None:
    incoming = parse_email(_incoming())
    with pytest.raises(UserError):
        build_reply_eml(incoming, "x", from_addr="not-an-address")
    nobody = parse_email(b"Subject: anonymous\n\nhello")
    with pytest.raises(UserError):
        build_reply_eml(nobody, "x", from_addr="me@example.org")


def test_no_send_path_in_assistant() -> None:
    root = Path(assistant.__file__).parent
    pattern = re.compile(r"\b(smtplib|sendmail|SMTP_SSL|send_message)\b")
    offenders = [
        f"{path.relative_to(root)}:{n}"
        for path in sorted(root.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == [], f"Deskmate must never send mail: {offenders}"
