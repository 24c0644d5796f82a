"""Plain-text quote separation: many clients and languages."""

from __future__ import annotations

import pytest

from assistant.mail import split_reply, split_signature

QUOTED_FIRST = "Quoted text"


@pytest.mark.parametrize(
    "separator",
    [
        "On 11-Apr-2011, at 6:54 PM, Roman <roman@example.com> wrote:",
        "On 04/19/2011 07:10 AM, Roman Tkachenko wrote:",
        "Le 23 janv. 2015 à 22:03, Brendan <brendan@example.com> a écrit :",
        "Am 25.11.2014 um 14:59 schrieb Hans Muster <hans@example.com>:",
        "El 12/03/2024, a las 10:15, Ana <ana@example.com> escribió:",
        "Op 13-02-2014 3:18 schreef Julius Caesar <pantheon@rome.com>:",
        "在 2024年3月1日 10:20，张三 <zhang@example.com> 写道：",
        "2024年3月1日(金) 10:20 山田 <yamada@example.jp>:",
        "2024년 3월 1일 (금) 오전 10:20, 김철수 <kim@example.kr>님이 작성:",
        "-----Original Message-----",
        "----- Original Message -----",
        "-----原始邮件-----",
        "------------------ 原始邮件 ------------------",
        "-----Ursprüngliche Nachricht-----",
        "---------- Forwarded message ---------",
        "Begin forwarded message:",
        "--- On Wed, 4/4/12, bob@example.com <bob@example.com> wrote:",
    ],
)
def test_separators(separator: str) -> None:
    text = f"Test reply\n\n{separator}\n\n> {QUOTED_FIRST}\n> more"
    split = split_reply(text)
    assert split.newest == "Test reply"
    assert split.quoted.startswith(separator.strip())
    # Without ">" quoting the separator alone must still cut.
    assert split_reply(f"Test reply\n\n{separator}\n\n{QUOTED_FIRST}").newest == "Test reply"


@pytest.mark.parametrize(
    "block",
    [
        "From: somebody@example.com\nSent: March-19-11 5:42 PM\nTo: Somebody\nSubject: Loop",
        "Von: somebody@example.com\nGesendet: Dienstag, 25. November 2014 14:59\nAn: X",
        "De : Brendan [mailto:b@example.com]\nEnvoyé : vendredi 23 janvier 2015\nÀ : Camille",
        "发件人: 张三 <zhang@example.com>\n发送时间: 2024年3月1日 10:20\n收件人: 李四\n主题: 预算",
        "发件人：张三\n日期：2024年3月1日\n收件人：李四",
        "寄件者: 王五\n寄件日期: 2024年3月1日\n收件者: 李四\n主旨: 會議",
        "  *From:* bob@example.com\n  *Sent:* Wednesday, June 27, 2012 3:05 PM\n  *To:* t@x.com",
        "Date: Wed, 16 May 2012 00:15:02 -0600\nTo: klizhentas@example.com",
    ],
)
def test_outlook_header_blocks(block: str) -> None:
    split = split_reply(f"Allo! Follow up\n\n{block}\n\nBlah-blah-blah")
    assert split.newest == "Allo! Follow up"
    assert split.quoted.endswith("Blah-blah-blah")


def test_attribution_over_three_lines() -> None:
    text = (
        "Test reply\n\nOn Nov 30, 2011, at 12:47 PM, Somebody <\n"
        "416ffd3258d4d2fa4c85cfa4c44e1721d66e3e8f4@somebody.domain.com>\nwrote:\n\nTest message\n"
    )
    assert split_reply(text).newest == "Test reply"


def test_reply_below_the_quote_and_wrapping_it() -> None:
    below = "On 04/19/2011 07:10 AM, Roman wrote:\n\n>\n> Test\nTest reply"
    assert split_reply(below).newest == "Test reply"
    wraps = "Test reply\n\nOn 04/19/2011 07:10 AM, Roman wrote:\n\n> Test\n\nRegards, Roman"
    split = split_reply(wraps)
    assert split.newest == "Test reply\n\nRegards, Roman"
    assert split.quoted.endswith("> Test")


def test_gt_quoting_without_attribution() -> None:
    split = split_reply("Hello\n\n> Subject: Test\n> From: bob@example.com\n>\n> Hi")
    assert split.newest == "Hello"
    assert split.quoted.endswith("> Hi")


def test_no_quote_at_all() -> None:
    text = "Blah-blah-blah\nOn blah-blah-blah\n\nSee you on 3/4: bring the slides."
    split = split_reply(text)
    assert split.newest == text
    assert split.quoted == ""


def test_chinese_reply() -> None:
    text = (
        "好的，周四见。\n\n在 2024年3月1日 星期五 10:20，张三 <zhang@example.com> 写道：\n"
        "> 周四开会？"
    )
    split = split_reply(text)
    assert split.newest == "好的，周四见。"
    assert "周四开会" in split.quoted


def test_crlf_and_empty() -> None:
    assert split_reply("Hi\r\n\r\n-----Original Message-----\r\nold").newest == "Hi"
    assert split_reply("").newest == ""


@pytest.mark.parametrize(
    ("text", "body", "signature"),
    [
        ("Hello\n\n-- \nBob\nACME", "Hello", "-- \nBob\nACME"),
        ("Hello\n\nSent from my iPhone", "Hello", "Sent from my iPhone"),
        ("好的\n\n发自我的iPhone", "好的", "发自我的iPhone"),
        ("No signature here", "No signature here", ""),
    ],
)
def test_split_signature(text: str, body: str, signature: str) -> None:
    assert split_signature(text) == (body, signature)
