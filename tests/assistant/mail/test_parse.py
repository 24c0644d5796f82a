"""parse_email: headers, charsets, HTML-only mail, typed errors, the robustness corpus."""

from __future__ import annotations

import time
from email.message import EmailMessage
from pathlib import Path

import pytest

from assistant.errors import (
    DocumentError,
    DocumentTooLarge,
    EmptyDocument,
    UnsupportedFormat,
)
from assistant.mail import IncomingMail, MailAddress, parse_email


def _chinese_mail() -> bytes:
    msg = EmailMessage()
    msg["From"] = "张三 <zhang@example.cn>"
    msg["To"] = "李四 <li@example.cn>, wang@example.cn"
    msg["Cc"] = "赵六 <zhao@example.cn>"
    msg["Reply-To"] = "项目组 <team@example.cn>"
    msg["Subject"] = "回复: 关于下周的项目进度会议"
    msg["Date"] = "Fri, 01 Mar 2024 10:20:00 +0800"
    msg["Message-ID"] = "<abc123@example.cn>"
    msg["In-Reply-To"] = "<prev@example.cn>"
    msg["References"] = "<root@example.cn> <prev@example.cn>"
    msg.set_content(
        "李四你好，\n\n下周三下午两点开会可以吗？请带上预算表。\n\n张三\n\n"
        "-----原始邮件-----\n发件人: 李四\n发送时间: 2024年2月29日\n"
        "收件人: 张三\n主题: 项目进度\n\n"
        "下周开个会？"
    )
    return msg.as_bytes()


def test_chinese_headers_and_quote() -> None:
    mail = parse_email(_chinese_mail())
    assert isinstance(mail, IncomingMail)
    assert (mail.from_name, mail.from_addr) == ("张三", "zhang@example.cn")
    assert mail.to == [MailAddress("李四", "li@example.cn"), MailAddress("", "wang@example.cn")]
    assert mail.cc == [MailAddress("赵六", "zhao@example.cn")]
    assert mail.reply_to == [MailAddress("项目组", "team@example.cn")]
    assert mail.subject == "回复: 关于下周的项目进度会议"
    assert mail.date is not None and mail.date.utcoffset() is not None
    assert mail.date.isoformat() == "2024-03-01T10:20:00+08:00"
    assert mail.message_id == "<abc123@example.cn>"
    assert mail.in_reply_to == "<prev@example.cn>"
    assert mail.references == ["<root@example.cn>", "<prev@example.cn>"]
    assert mail.newest.startswith("李四你好") and mail.newest.endswith("张三")
    assert mail.quoted.startswith("-----原始邮件-----")
    assert "下周开个会" in mail.body_text
    assert mail.language == "zh"
    assert len(mail.sha256) == 64


def test_html_only_mail_is_converted_and_split() -> None:
    msg = EmailMessage()
    msg["From"] = "Bob <bob@example.com>"
    msg["Subject"] = "Re: Lunch"
    msg.set_content(
        "<html><body><p>Sounds good, see you at noon.</p><script>alert(1)</script>"
        '<div class="gmail_quote">On Mon, Bob wrote:<blockquote>Lunch?</blockquote></div>'
        "</body></html>",
        subtype="html",
    )
    mail = parse_email(msg.as_bytes())
    assert mail.newest == "Sounds good, see you at noon."
    assert "Lunch?" in mail.quoted
    assert "alert" not in mail.body_text
    assert "Lunch?" in mail.body_text
    assert mail.language == "en"


def test_broken_and_legacy_charsets() -> None:
    raw = (
        b"From: =?gb2312?B?1cXI/Q==?= <z@example.cn>\r\nSubject: =?GBK?B?u+HS6bzGu64=?=\r\n"
        b"Content-Type: text/plain; charset=gb2312\r\n\r\n" + "明天开会，请确认。".encode("gb18030")
    )
    mail = parse_email(raw)
    assert mail.from_name == "张三"
    assert mail.subject == "会议计划"
    assert mail.newest == "明天开会，请确认。"
    bogus = (
        b"From: a@example.com\nContent-Type: text/plain; charset=x-no-such\n\n"
        b"\xe4\xbd\xa0\xe5\xa5\xbd"
    )
    assert parse_email(bogus).body_text == "你好"
    raw_8bit = "From: 王五 <w@example.cn>\nSubject: 你好\n\n正文".encode()
    mail = parse_email(raw_8bit)
    assert (mail.from_name, mail.subject, mail.body_text) == ("王五", "你好", "正文")
    latin = b"From: a@example.com\nSubject: x\n\nCaf\xe9 cr\xe8me"
    assert parse_email(latin).body_text == "Café crème"


def test_missing_headers_degrade() -> None:
    mail = parse_email(b"Subject: only a subject\n\nbody text")
    assert (mail.from_addr, mail.message_id, mail.date, mail.references) == ("", "", None, [])
    assert parse_email(b"From: a@example.com\nDate: not a date\n\nx").date is None


def test_typed_errors(tmp_path: Path) -> None:
    with pytest.raises(EmptyDocument):
        parse_email(b"   \n")
    with pytest.raises(UnsupportedFormat):
        parse_email(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    with pytest.raises(UnsupportedFormat):
        parse_email(b"PK\x03\x04\x14\x00\x00\x00binary zip")
    with pytest.raises(UnsupportedFormat):
        parse_email(b"just some prose, no headers at all\nsecond line")
    with pytest.raises(DocumentTooLarge):
        parse_email(b"From: a@b.c\n\n" + b"x" * 2000, max_bytes=1000)
    with pytest.raises(DocumentError, match="not found"):
        parse_email(tmp_path / "missing.eml")
    with pytest.raises(DocumentError, match="folder"):
        parse_email(tmp_path)


def test_robustness_corpus(corpus: Path) -> None:
    files = sorted(p for p in (corpus / "robustness" / "eml").rglob("*") if p.is_file())
    assert len(files) >= 40
    counts: dict[str, int] = {}
    slowest = (0.0, "")
    started = time.perf_counter()
    for path in files:
        t0 = time.perf_counter()
        try:
            mail = parse_email(path)
            outcome = "ok"
            assert isinstance(mail.body_text, str) and isinstance(mail.newest, str)
        except DocumentError as exc:
            outcome = type(exc).__name__
        elapsed = time.perf_counter() - t0
        slowest = max(slowest, (elapsed, path.name))  # reported; a hang hits the test timeout
        counts[outcome] = counts.get(outcome, 0) + 1
    total = time.perf_counter() - started
    print(f"\nrobustness/eml: {len(files)} files {counts} in {total:.1f}s, slowest {slowest}")
    assert counts.get("ok", 0) >= len(files) * 0.9
