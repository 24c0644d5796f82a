"""Which new mails get an automatic draft, decided on the headers alone; mail dates for people."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.imap.dates import people_date
from assistant.imap.headers import parse_headers, skip_reason

OWN = frozenset({"me@example.org"})
BASE = "From: Anna Li <anna@example.com>\r\nSubject: Lunch?\r\nMessage-ID: <a1@example.com>\r\n"


@pytest.mark.parametrize(
    ("extra", "sender", "flags", "reason"),
    [
        ("", "", (), ""),
        ("Auto-Submitted: no\r\n", "", (), ""),
        ("Auto-Submitted: auto-replied\r\n", "", (), "automatic mail (Auto-Submitted)"),
        ("Auto-Submitted: auto-generated; type=x\r\n", "", (), "automatic mail (Auto-Submitted)"),
        ("List-Id: Team <team.lists.example.com>\r\n", "", (), "mailing list"),
        ("List-Unsubscribe: <mailto:u@example.com>\r\n", "", (), "mailing list"),
        ("Precedence: Bulk\r\n", "", (), "bulk mail (Precedence: bulk)"),
        ("Precedence: list\r\n", "", (), "bulk mail (Precedence: list)"),
        ("X-Autoreply: yes\r\n", "", (), "automatic reply"),
        ("", "no-reply@shop.example", (), "no-reply sender"),
        ("", "NoReply@shop.example", (), "no-reply sender"),
        ("", "do-not-reply@bank.example", (), "no-reply sender"),
        ("", "MAILER-DAEMON@mx.example", (), "no-reply sender"),
        ("", "noreply+abc@github.example", (), "no-reply sender"),
        ("", "Me <ME@example.org>", (), "your own mail"),
        ("", "", (b"\\Answered",), "already answered"),
        ("", "norah@example.com", (b"\\Seen",), ""),  # "no..." but a person
        ("", "", (), "no Message-ID (a reply could not be threaded)"),
    ],
)
def test_skip_rules(extra: str, sender: str, flags: tuple[bytes, ...], reason: str) -> None:
    raw = BASE if not sender else BASE.replace("Anna Li <anna@example.com>", sender)
    if reason.startswith("no Message-ID"):
        raw = raw.replace("Message-ID: <a1@example.com>\r\n", "")
    headers = parse_headers(7, (extra + raw).encode(), flags)
    assert skip_reason(headers, OWN) == reason


def test_encoded_headers_are_decoded() -> None:
    raw = (
        b"From: =?UTF-8?B?5byg5LiJ?= <zhang@example.cn>\r\n"
        b"Subject: =?GB2312?B?u+G6zw==?=\r\nDate: Tue, 24 Nov 2026 12:30:00 +0800\r\n"
        b"References: <r1@x> <r2@x>\r\nIn-Reply-To: <r2@x>\r\n"
    )
    h = parse_headers(3, raw, (b"\\Seen",))
    assert h.sender.name == "张三" and h.sender.addr == "zhang@example.cn"
    assert h.subject == "会合" and h.references == ("<r1@x>", "<r2@x>")
    assert h.in_reply_to == "<r2@x>" and h.date is not None and h.date.tzinfo is not None
    assert "\\Seen" in h.flags and not h.answered


def test_dates_for_people() -> None:
    when = datetime(2026, 11, 24, 12, 30, tzinfo=UTC).astimezone()  # shown in local time
    now = datetime(2026, 12, 1, tzinfo=UTC)
    en, zh = people_date(when, "en", now), people_date(when, "zh_CN", now)
    weekday = "一二三四五六日"[when.weekday()]
    day = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[when.weekday()]
    assert en == f"{day} {when.day} Nov, {when:%H:%M}"
    assert zh == f"{when.month}月{when.day}日（周{weekday}）{when:%H:%M}"
    assert "2025" in people_date(when.replace(year=2025), "en", now)
    assert when.isoformat()[:10] not in en and "-" not in en
