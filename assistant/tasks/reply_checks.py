"""What a reply draft must not be, and its clean-up: a copy of the mail (the typical failure of
small models: the mail's question asked back), the mail's own greeting or sign-off, the greeting
of an example's sender, a subject line or a code fence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.tasks.quality import echo_ratio, word_count

if TYPE_CHECKING:
    from assistant.mail import IncomingMail
    from assistant.tasks.reply_style import StyleExample

ECHO_LIMIT = 0.8  # share of copied 6-grams above which a whole draft is a copy
SENTENCE_ECHO = 0.8  # share of copied 4-grams above which a sentence of a draft is copied
QUESTION_ECHO = 0.6  # the same for a question (the mail's question asked back is the typical echo)
_SENTENCE = re.compile(r"[^.!?。！？\n]+[.!?。！？]*")
_SALUTATION_END = (",", "，", ":", "：")  # a line piece ending so is a salutation
_CLOSING = (",", "，", "!", "！")  # end of a closing line ("Best,", "谢谢！")
MIN_WORDS = 6  # fewer (a greeting and a name left after the guard) is no draft
_SUBJECT = re.compile(r"^\s*(subject|主题)\s*[:：].*$", re.IGNORECASE | re.MULTILINE)
_PLACEHOLDER = re.compile(r"\[(your name|name|你的名字|您的姓名)\]", re.IGNORECASE)
_FENCE = re.compile(r"^\s*```[a-z]*\s*$", re.MULTILINE)


def clean_reply(text: str, user_name: str) -> str:
    text = _FENCE.sub("", _SUBJECT.sub("", text)).strip()
    return _PLACEHOLDER.sub(user_name, text).strip() if user_name else text


def drop_sender_signoff(mail: IncomingMail, draft: str) -> str:
    """Small models end the reply with the mail's own sign-off ("Best,\nAnna"): the draft is
    signed by the user (signature setting), never by the person it answers."""
    full = mail.from_name.strip()
    names = {n.lower() for n in (full, full.split()[0] if full.split() else "") if n}
    names.add(mail.from_addr.partition("@")[0].lower())
    lines = draft.rstrip().splitlines()
    dropped = False
    while len(lines) > 1 and lines[-1].strip().strip(".,!，。！").lower() in names - {""}:
        lines.pop()
        dropped = True
    if (
        dropped
        and len(lines) > 1
        and word_count(lines[-1]) <= 3
        and lines[-1].rstrip().endswith(_CLOSING)
    ):
        lines.pop()  # the closing before the name: "Best,", "谢谢！"
    return "\n".join(lines).rstrip()


def greet_sender(mail: IncomingMail, draft: str, examples: Sequence[StyleExample] = ()) -> str:
    """Small models copy the example's greeting ("Hi Tom,"): greet the real sender instead.
    The senders of the style examples are replaced in the greeting line only."""
    from assistant.mail.reply_examples import GREETED

    name = mail.from_name.strip() or mail.from_addr.partition("@")[0]
    if mail.language != "zh":
        name = name.split()[0] if name.split() else name
    mail_text = f"{mail.sender} {mail.body_text}"
    if not name:
        return draft

    def swap(text: str, greeted: str) -> str:
        if not greeted or greeted not in text or greeted in mail_text:
            return text
        bound = r"\b" if greeted.isascii() else ""  # CJK names sit between other letters
        return re.sub(rf"{bound}{re.escape(greeted)}{bound}", name, text)

    for greeted in GREETED:
        draft = swap(draft, greeted)
    first, sep, rest = draft.partition("\n")
    for example in examples:
        first = swap(first, example.sender_name())
    return _own_salutation_replaced(mail, first, name) + sep + rest


def _own_salutation_replaced(mail: IncomingMail, first: str, name: str) -> str:
    """The mail's salutation copied ("陈先生您好" = the user greeting themself): greet ``name``."""
    lines = (mail.newest or mail.body_text).strip().splitlines()
    salutation = lines[0].strip() if lines else ""
    if not salutation.endswith(_SALUTATION_END) or word_count(salutation) > 6:
        return first
    greeting = salutation.rstrip(",，:：!！ ").replace("您", "你")
    if greeting and first.replace("您", "你").startswith(greeting):
        own = f"{name}您好" if mail.language == "zh" else f"Hi {name}"
        return own + first[len(greeting) :]
    return first


# Words of a refusal: a draft for "decline" without any says yes or asks back.
_REFUSAL = {
    "en": ("sorry", "unfortunately", "can't", "cannot", "can not", "unable", "won't", "not able",
           "decline", "regret", "not be able", "afraid", "have to pass", "not available"),
    "zh": ("抱歉", "无法", "不能", "没法", "遗憾", "不便", "没有空", "没空", "没有时间", "不了",
           "婉拒", "谢绝", "不太方便", "来不了", "去不了"),
}  # fmt: skip


def misses_intent(intent: str, language: str, draft: str) -> bool:
    """An 'ask' draft without a question, a 'decline' draft without a refusal (languages with a
    word list: en, zh). Free-text intents are not checked."""
    intent = intent.strip().lower()
    if intent == "ask":
        return "?" not in draft and "？" not in draft
    words = _REFUSAL.get(language)
    if intent == "decline" and words:
        low = draft.lower().replace("’", "'")
        return not any(w in low for w in words)
    return False


def new_sentences(source: str, draft: str) -> list[str]:
    """The draft's sentences of some length that are not copied from ``source`` (a reply that
    restates the details while answering counts; the mail's question asked back does not)."""
    new = []
    for sentence in (m.group().strip() for m in _SENTENCE.finditer(draft)):
        if word_count(sentence) < 5 or sentence.endswith(_SALUTATION_END):
            continue  # "Thanks!", names, a salutation line ("尊敬的王明先生，", "Dear Ms Berg,")
        limit = QUESTION_ECHO if sentence.endswith(("?", "？")) else SENTENCE_ECHO
        if echo_ratio(source, sentence, n=4) < limit:
            new.append(sentence)
    return new


def copied(mail: IncomingMail, draft: str) -> bool:
    """True when the draft repeats the mail, is too short to be one (what is left after the
    injection guard dropped the lines repeating an attack), or names people from the prompt's
    worked example (its wording may be reused: it is a reply like the one wanted)."""
    from assistant.mail.reply_examples import EXAMPLE_NAMES

    if word_count(draft) < MIN_WORDS:
        return True
    source = mail.newest or mail.body_text
    if echo_ratio(source, draft) >= ECHO_LIMIT or not new_sentences(source, draft):
        return True
    mail_text = f"{mail.sender} {mail.subject} {mail.body_text}"
    return any(name in draft and name not in mail_text for name in EXAMPLE_NAMES)
