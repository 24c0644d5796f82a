"""Reply draft checks without a model: copies of the mail, greetings, the mail's sign-off."""

from __future__ import annotations

from assistant.tasks.reply_checks import copied, drop_sender_signoff, greet_sender, misses_intent
from assistant.tasks.reply_style import StyleExample
from tests.assistant.tasks.test_reply import EN_BODY, ZH_BODY, _mail


def test_copied_example_greeting_names_the_real_sender() -> None:
    from assistant.mail import parse_email

    en = parse_email(_mail("Anna Berg <anna@example.com>", "Hi", EN_BODY, "<g1@example.com>"))
    assert greet_sender(en, "Hi Tom,\n\nTomorrow works.") == "Hi Anna,\n\nTomorrow works."
    zh = parse_email(_mail("王明 <wang@example.cn>", "会议", ZH_BODY, "<g2@example.cn>"))
    assert greet_sender(zh, "李华你好，\n\n好的。") == "王明你好，\n\n好的。"
    assert copied(en, "Hi Anna, see you at Luigi's.")  # a place of the example leaked
    assert copied(en, EN_BODY)  # an echo of the mail
    assert not copied(en, "Hi Anna,\n\nThank you, I will gladly join you on Friday.")
    assert copied(en, "Dear Anna,\n\n\nBob")  # all the injection guard left of a draft


def test_a_greeting_and_the_question_asked_back_are_a_copy() -> None:
    from assistant.mail import parse_email

    zh = parse_email(_mail("王明 <wang@example.cn>", "会议", ZH_BODY, "<c1@example.cn>"))
    asked_back = "Mallory你好，\n\n请问您周五下午三点是否有空参加项目进度会议？"
    assert copied(zh, asked_back)  # "Mallory你好，" is a greeting, not a sentence of the reply
    assert copied(zh, "尊敬的王明先生您好，\n\n请问您周五下午三点是否有空参加项目进度会议？")
    assert not copied(zh, "王明您好，\n\n谢谢邀请，周五下午三点我可以参加，到时见。")
    en = parse_email(_mail("Anna <anna@example.com>", "Dinner", EN_BODY, "<c2@example.com>"))
    assert copied(en, "Dear Ms Anna Berg of Main Street,\nWould you like to join us for dinner?")
    assert not copied(en, "Hi Anna,\n\nThanks, I would love to join you on Friday at 7pm.")


def test_greeting_of_an_earlier_mail_names_the_real_sender() -> None:
    from assistant.mail import parse_email

    mail = parse_email(_mail("Anna Berg <anna@example.com>", "Dinner", EN_BODY, "<g@example.com>"))
    bob = StyleExample('From: "Bob Stone" <bob@x.org>\nSubject: Tea\n\nTea?', "Sure. A.", "", "")
    assert bob.sender_name() == "Bob"
    assert StyleExample("From: <lee@x.org>\n\nHi", "", "", "").sender_name() == "lee"
    assert StyleExample("From: 王明 <w@x.cn>\n\n你好", "", "", "").sender_name() == "王明"
    draft = "Hi Bob,\n\nI'd love to, and Bob said he comes too. Hi Tom!"
    assert (
        greet_sender(mail, draft, [bob])
        == "Hi Anna,\n\nI'd love to, and Bob said he comes too. Hi Anna!"
    )


def test_the_mails_own_signoff_is_dropped() -> None:
    from assistant.mail import parse_email

    en = parse_email(_mail("Anna Berg <anna@example.com>", "Dinner", EN_BODY, "<s@example.com>"))
    draft = "Hi Anna,\n\nCould you tell me who else is coming?\n\nBest,\nAnna"
    assert drop_sender_signoff(en, draft) == "Hi Anna,\n\nCould you tell me who else is coming?"
    assert drop_sender_signoff(en, "Sure, see you.\nAnna Berg") == "Sure, see you."
    kept = "Hi Anna,\n\nI will come, thanks to you and Anna's cooking.\n\nBest,\nAlex"
    assert drop_sender_signoff(en, kept) == kept  # the user's own sign-off stays
    zh = parse_email(_mail("王明 <wang@example.cn>", "会议", ZH_BODY, "<t@example.cn>"))
    assert (
        drop_sender_signoff(zh, "王明您好，\n\n好的，我参加。\n\n谢谢！\n王明")
        == "王明您好，\n\n好的，我参加。"
    )


def test_the_mails_own_salutation_is_not_copied() -> None:
    from assistant.mail import parse_email

    zh = parse_email(_mail("王明 <wang@example.cn>", "会议", ZH_BODY, "<u@example.cn>"))
    draft = "陈先生您好，\n\n非常感谢您的邀请，但我有其他安排，无法参加。"
    assert greet_sender(zh, draft) == "王明您好，\n\n非常感谢您的邀请，但我有其他安排，无法参加。"
    en = parse_email(_mail("Anna Berg <anna@example.com>", "Dinner", EN_BODY, "<v@example.com>"))
    assert greet_sender(en, "Hi Alex,\n\nI'd love to.") == "Hi Anna,\n\nI'd love to."
    assert greet_sender(en, "Dear Anna,\n\nI'd love to.") == "Dear Anna,\n\nI'd love to."
    same_line = "陈先生你好，感谢邀请。很抱歉，那天没空。"
    assert greet_sender(zh, same_line) == "王明您好，感谢邀请。很抱歉，那天没空。"
    assert greet_sender(en, "Hi Alex, thanks!\nSee you.") == "Hi Anna, thanks!\nSee you."


def test_a_draft_must_do_what_the_intent_says() -> None:
    assert misses_intent("ask", "en", "Thanks, I will come.")
    assert not misses_intent("ask", "zh", "请问还有谁参加？")
    assert misses_intent("decline", "en", "Thanks, I will gladly come on Friday.")
    assert not misses_intent("decline", "en", "Sadly I can’t make it on Friday.")  # curly quote
    assert misses_intent("decline", "zh", "谢谢邀请！请问会议在几楼？")
    assert not misses_intent("decline", "zh", "很抱歉，周五下午没空。")
    assert not misses_intent("decline", "fr", "Merci, avec plaisir.")  # no word list: no check
    assert not misses_intent("", "en", "Sure.") and not misses_intent("tell him later", "en", "Ok")
