"""Reply draft checks without a model: copies of the mail and of its quoted history, the model's
greeting and sign-off removed (the frame is set in code), stock filler, missed intents."""

from __future__ import annotations

from pathlib import Path

from assistant.mail import IncomingMail, parse_email
from assistant.tasks.reply_checks import (
    about_mail,
    copied,
    copied_sentences,
    misses_intent,
    without_copies,
)
from assistant.tasks.reply_trim import body_of, drop_stock, strip_greeting, strip_signoff
from tests.assistant.tasks.test_reply import EN_BODY, ZH_BODY, _mail

THREAD = (
    "Sounds good, see you there.\n\n"
    "On Mon, 3 Apr 2000 at 10:00, Bob Shults <bob@x.org> wrote:\n"
    "> I'll call you at work - 713-853-5926. I'll fax that to you when I get to the office "
    "a little later.\n> Bob Shults"
)


def _parsed(sender: str, body: str, subject: str = "Hi") -> IncomingMail:
    return parse_email(_mail(sender, subject, body, "<x@example.com>"))


def test_copies_of_the_mail_are_caught() -> None:
    en = _parsed("Anna Berg <anna@example.com>", EN_BODY)
    assert copied(en, "See you at Luigi's on that day, thanks.")  # the example's place leaked
    assert copied(en, EN_BODY)  # an echo of the mail
    assert not copied(en, "Thank you, I will gladly join you on Friday.")
    assert copied(en, "Bob")  # all the injection guard left of a draft
    zh = _parsed("王明 <wang@example.cn>", ZH_BODY, "会议")
    assert copied(zh, "请问您周五下午三点是否有空参加项目进度会议？")  # the question asked back
    assert not copied(zh, "谢谢邀请，周五下午三点我可以参加，到时见。")


def test_a_sentence_of_the_quoted_history_is_a_copy() -> None:
    mail = _parsed("Sally Beck <sally@x.org>", THREAD)
    assert mail.quoted, "the history is quoted"
    draft = (
        "Thanks, that works for me. I'll call you at work - 713-853-5926. "
        "I'll fax that to you when I get to the office a little later."
    )
    found = copied_sentences(mail, draft)
    assert len(found) >= 1 and any("fax" in s for s in found), found
    assert without_copies(mail, draft) == "Thanks, that works for me."
    assert copied_sentences(mail, "Thanks, I will wait for your fax this afternoon.") == []
    # A long sentence of the mail inside a longer sentence of the draft is a copy too.
    en = _parsed("Anna Berg <anna@example.com>", EN_BODY)
    inside = (
        "Yes, would you like to join us for dinner on Friday at 7pm at the Italian place "
        "on Main Street, I said to Bob, and he will come."
    )
    assert copied_sentences(en, inside)


def test_the_models_greeting_is_removed() -> None:
    assert strip_greeting("Hi Tom,\n\nTomorrow works.") == "Tomorrow works."
    assert strip_greeting("Hi Anna, thanks! See you.") == "Thanks! See you."
    assert strip_greeting("Dear Ms. Beck,\nI can come.") == "I can come."
    assert strip_greeting("陈先生您好，\n\n好的，我参加。") == "好的，我参加。"
    assert strip_greeting("尊敬的王经理：\n收到，谢谢。") == "收到，谢谢。"
    assert strip_greeting("李华你好，这周没空。") == "这周没空。"
    assert strip_greeting("Tomorrow works for me.") == "Tomorrow works for me."


def test_the_models_signoff_is_removed() -> None:
    assert strip_signoff("Who else is coming?\n\nBest,\nAnna") == "Who else is coming?"
    assert strip_signoff("Sure, see you.\nAnna Berg") == "Sure, see you."
    assert strip_signoff("Sure, I can do it. --Sally") == "Sure, I can do it."
    assert strip_signoff("Yes.\n\nBest regards,\nBob Shults\nACME Corp") == "Yes."
    assert strip_signoff("Yes.\n\nBest regards, Tom") == "Yes."
    assert strip_signoff("好的，我参加。\n\n谢谢！\n王明") == "好的，我参加。"
    assert strip_signoff("好的。\n此致\n敬礼\n张伟") == "好的。"
    assert strip_signoff("I will send it.\n[Your Name]") == "I will send it."
    kept = "I will come, thanks to you and Anna's cooking.\nSee you on Friday."
    assert strip_signoff(kept) == kept  # sentences are never a sign-off


def test_stock_filler_is_dropped_but_never_the_whole_draft() -> None:
    text = (
        "Thank you for your email. I will send the report on Friday. "
        "I look forward to hearing from you."
    )
    assert drop_stock(text) == "I will send the report on Friday."
    assert drop_stock("Thank you for your email.") == "Thank you for your email."
    assert body_of("Hi Tom,\n\nThanks for your email. Friday works for me.\n\nCheers,\nAl") == (
        "Friday works for me."
    )


def test_intent_checks() -> None:
    assert misses_intent("ask", "en", "Sounds good.")
    assert not misses_intent("ask", "en", "Who else is coming?")
    assert misses_intent("decline", "en", "Sure, I will be there.")
    assert not misses_intent("decline", "zh", "很抱歉，那天没空。")
    assert not misses_intent("", "en", "Anything at all.")


def test_a_draft_must_be_about_the_mail() -> None:
    """A stock reply that would fit any mail shares no content word with this one."""
    en = _parsed("Anna Berg <anna@example.com>", EN_BODY)
    assert about_mail(en, "Thank you, I will gladly join you for dinner on Friday.")
    assert not about_mail(en, "Thank you for the information. I will keep you updated.")
    zh = _parsed("王明 <wang@example.cn>", ZH_BODY)
    assert about_mail(zh, "好的，我周五下午三点准时参加会议。")
    assert not about_mail(zh, "好的，没问题。")


def test_sentences_worn_by_earlier_drafts_to_other_mails(data_dir: Path) -> None:
    from assistant.core import Core
    from assistant.tasks.reply_style import worn_sentences
    from assistant.tasks.reply_trim import drop_sentences

    core = Core(data_dir)
    try:
        worn_out = "I will get back to you on this soon."
        for sha, body in [("a", "Friday works."), ("b", "Sorry, not this week."), ("b", "No.")]:
            run = core.store.start_run("reply", input_text=sha, input_sha256=sha)
            core.store.finish_run(run, status="done", output=f"Hi X,\n\n{body} {worn_out}")
        once = core.store.start_run("reply", input_text="c", input_sha256="c")
        core.store.finish_run(once, status="done", output="Hi Y,\n\nThe report is attached now.")
        worn = worn_sentences(core)
        assert worn == {"i will get back to you on this soon"}  # two mails; "b" counts once
        draft = f"Thursday at ten suits me. {worn_out}"
        assert drop_sentences(draft, worn) == "Thursday at ten suits me."
        assert drop_sentences(worn_out, worn) == worn_out  # never an empty draft
    finally:
        core.close()
