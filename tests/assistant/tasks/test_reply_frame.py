"""The greeting names the sender (language and formality of the mail, a title only when it is
known) and the sign-off is the user's own: rules without a model, English and Chinese."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from assistant.mail import IncomingMail, parse_email
from assistant.mail.identity import Identity
from assistant.tasks.reply_frame import framed_draft, greeting, readable_name, signoff


def _mail(sender: str, body: str) -> IncomingMail:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "someone@example.com"
    msg["Subject"] = "x"
    msg.set_content(body)
    return parse_email(msg.as_bytes())


EN = "Could you send me the figures for the third quarter before the meeting on Friday?\n\n"
ZH = "下周四上午十点开项目评审会，你能来参加吗？麻烦把测试进度整理一下带过来。\n\n"


@pytest.mark.parametrize(
    ("sender", "body", "tone", "expected"),
    [
        ("Sally Beck <sally@x.org>", "Hi Alex,\n\n" + EN + "Sally", "", "Hi Sally,"),
        ("Sally Beck <sally@x.org>", "Hello Alex,\n\n" + EN, "", "Hello Sally,"),
        ("Sally Beck <sally@x.org>", EN, "", "Hi Sally,"),  # no salutation: friendly default
        ("Sally Beck <sally@x.org>", EN, "formal", "Dear Sally Beck,"),
        # The mail is formal ("Dear Ms. Beck"): formal back, but no invented title.
        ("Irfan Iqbal <irfan@x.org>", "Dear Ms. Beck,\n\n" + EN, "", "Dear Irfan Iqbal,"),
        ("Dr. Anna Berg <anna@x.org>", "Dear Mr. Chen,\n\n" + EN, "", "Dear Dr. Berg,"),
        ("Anna Berg <anna@x.org>", "Dear Alex,\n\n" + EN, "", "Dear Anna,"),
        ("sally.beck@enron.com", EN, "", "Hi Sally,"),  # no display name: the local part
        ("irfiman@aol.com", EN, "", "Hi Irfiman,"),
        ('"Beck, Sally" <sb@x.org>', EN, "", "Hi Sally,"),
    ],
)
def test_english_greeting(sender: str, body: str, tone: str, expected: str) -> None:
    assert greeting(_mail(sender, body), tone) == expected


@pytest.mark.parametrize(
    ("sender", "body", "tone", "expected"),
    [
        ("王明 <wang@x.cn>", "陈先生您好，\n\n" + ZH + "王明", "", "王明您好，"),
        ("王明 <wang@x.cn>", "李娜你好，\n\n" + ZH + "王明", "", "王明你好，"),
        ("王明 <wang@x.cn>", "李娜你好，\n\n" + ZH + "王明", "formal", "王明您好，"),
        # A title only when the mail shows it: in the sign-off or the display name.
        ("张伟 <zw@x.cn>", "李娜你好，\n\n" + ZH + "张伟\n研发部经理", "", "张经理你好，"),
        ("张经理 <zjl@x.cn>", "您好，\n\n" + ZH, "", "张经理您好，"),
        ("邓华律师 <dh@x.cn>", "谢总监您好，\n\n" + ZH, "", "邓律师您好，"),
        ("欧阳娜娜 <oy@x.cn>", "你好，\n\n" + ZH + "欧阳娜娜\n销售总监", "", "欧阳总监你好，"),
        ("财务部 王芳 <wf@x.cn>", "陈先生您好，\n\n" + ZH, "", "王芳您好，"),
    ],
)
def test_chinese_greeting(sender: str, body: str, tone: str, expected: str) -> None:
    mail = _mail(sender, body)
    assert mail.language == "zh"
    assert greeting(mail, tone) == expected


def test_signoff_is_the_users_own() -> None:
    alex = Identity("Alex Chen", ("alex@x.org",))
    assert signoff(alex, "en") == "Best regards,\nAlex Chen"
    assert signoff(alex, "zh") == "祝好！\nAlex Chen"
    assert signoff(Identity("Alex Chen", ("a@x.org",), "Cheers"), "en") == "Cheers,\nAlex Chen"
    assert signoff(Identity("Alex Chen", ("a@x.org",), "Cheers,\nAl"), "en") == "Cheers,\nAl"
    assert signoff(Identity("陈亚", ("c@x.cn",), "谢谢！"), "zh") == "谢谢！\n陈亚"
    assert signoff(None, "en") == "Best regards,"  # no identity: no name, never a placeholder


def test_readable_names_and_the_framed_draft() -> None:
    assert readable_name("", "sally.beck@enron.com") == "Sally Beck"
    assert readable_name("", "j_smith42@x.org") == "J Smith"
    assert readable_name("Beck, Sally", "x@y.org") == "Sally Beck"
    text = framed_draft("Hi Sally,", " Friday works. \n", "Best regards,\nAlex Chen")
    assert text == "Hi Sally,\n\nFriday works.\n\nBest regards,\nAlex Chen"
