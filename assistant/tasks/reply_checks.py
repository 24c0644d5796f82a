"""What a reply draft must not be, and its clean-up: a copy of the mail or of its quoted history
(the typical failure of small models: the mail's question asked back, the sender's sentences
repeated as the user's), a subject line or a code fence. The greeting and sign-off are set in
code (:mod:`assistant.tasks.reply_frame`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.tasks.quality import echo_ratio, word_count

if TYPE_CHECKING:
    from assistant.mail import IncomingMail

ECHO_LIMIT = 0.8  # share of copied 6-grams above which a whole draft is a copy
SENTENCE_ECHO = 0.8  # share of copied 4-grams above which a sentence of a draft is copied
QUESTION_ECHO = 0.6  # the same for a question (the mail's question asked back is the typical echo)
_SENTENCE = re.compile(r"[^.!?。！？\n]+[.!?。！？]*")
_SALUTATION_END = (",", "，", ":", "：")  # a line piece ending so is a salutation
MIN_WORDS = 6  # fewer (a greeting and a name left after the guard) is no draft
_SUBJECT = re.compile(r"^\s*(subject|主题)\s*[:：].*$", re.IGNORECASE | re.MULTILINE)
_PLACEHOLDER = re.compile(r"\[(your name|name|你的名字|您的姓名)\]", re.IGNORECASE)
_FENCE = re.compile(r"^\s*```[a-z]*\s*$", re.MULTILINE)


def clean_reply(text: str, user_name: str) -> str:
    text = _FENCE.sub("", _SUBJECT.sub("", text)).strip()
    return _PLACEHOLDER.sub(user_name, text).strip()  # no name: the placeholder goes


# Words of a refusal: a draft for "decline" without any says yes or asks back.
_REFUSAL = {
    "en": ("sorry", "unfortunately", "can't", "cannot", "can not", "unable", "won't", "not able",
           "decline", "regret", "not be able", "afraid", "have to pass", "not available"),
    "zh": ("抱歉", "无法", "不能", "没法", "遗憾", "不便", "没有空", "没空", "没有时间", "不了",
           "婉拒", "谢绝", "不太方便", "来不了", "去不了"),
}  # fmt: skip


# A refusal to write the reply at all (the assistant's own, not the user's answer).
_NOT_A_REPLY = ("assist with that", "help with that", "as an ai", "language model",
                "i can't assist", "i cannot assist", "无法协助", "作为ai")  # fmt: skip
# Words of a refusal that an acceptance never has ("sorry" may open one: "sorry for the wait").
_NO = {
    "en": ("unfortunately", "can't", "cannot", "unable", "decline", "not able", "won't be able"),
    "zh": ("无法", "不能", "没法", "婉拒", "来不了", "去不了"),
}


def refuses_task(draft: str) -> bool:
    """The model declining to write the reply at all ("I can't assist with that")."""
    low = draft.lower().replace("’", "'")
    return any(p in low for p in _NOT_A_REPLY)


def misses_intent(intent: str, language: str, draft: str) -> bool:
    """An 'ask' draft without a question, a 'decline' draft without a refusal, an 'accept'
    draft with one (languages with a word list: en, zh), or no reply at all (the model refusing
    the task). Free-text intents are not checked."""
    intent = intent.strip().lower()
    low = draft.lower().replace("’", "'")
    if refuses_task(draft):
        return True
    if intent == "accept" and language in _NO:
        return any(w in low for w in _NO[language])
    if intent == "ask":
        return "?" not in draft and "？" not in draft
    words = _REFUSAL.get(language)
    if intent == "decline" and words:
        return not any(w in low for w in words)
    return False


# Words too common to show what a draft is about.
_STOP = frozenset((
    "that", "this", "with", "from", "have", "will", "your", "about", "would", "could", "there",
    "their", "which", "what", "when", "were", "been", "they", "them", "then", "than", "just",
    "also", "some", "into", "only", "more", "very", "here", "thanks", "thank", "please",
    "regards", "dear", "hello", "know", "need", "like", "want", "sure", "okay", "good",
    "great", "time", "mail", "email",
))  # fmt: skip


def content_words(text: str) -> set[str]:
    """English words of 4+ letters (not common ones) and Chinese character pairs."""
    low = text.lower()
    words = {w for w in re.findall(r"[a-z][a-z'-]{3,}", low) if w not in _STOP}
    han = re.findall(r"[\u4e00-\u9fff]+", text)
    return words | {run[i : i + 2] for run in han for i in range(len(run) - 1)}


def about_mail(mail: IncomingMail, draft: str) -> bool:
    """The draft shares a content word with the newest message: it is about this mail, not
    a stock reply that would fit any (issue 19: filler that answers nothing)."""
    return bool(content_words(mail.newest or mail.body_text) & content_words(draft))


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


MAIL_SENTENCE_WORDS = 8  # a sentence of the mail this long, found whole in a draft, is copied
MAIL_SENTENCE_ECHO = 0.9


def copied_sentences(mail: IncomingMail, draft: str) -> list[str]:
    """Sentences of the mail or its quoted history that appear in the draft: a draft sentence
    mostly made of the mail's words, or a long sentence of the mail found (almost) whole."""
    source = "\n".join(p for p in (mail.newest or mail.body_text, mail.quoted) if p.strip())
    found = []
    for sentence in (m.group().strip() for m in _SENTENCE.finditer(draft)):
        if word_count(sentence) < 5 or sentence.endswith(_SALUTATION_END):
            continue
        limit = QUESTION_ECHO if sentence.endswith(("?", "？")) else SENTENCE_ECHO
        if echo_ratio(source, sentence, n=4) >= limit:
            found.append(sentence)
    for sentence in (m.group().strip() for m in _SENTENCE.finditer(source)):
        long_enough = word_count(sentence) >= MAIL_SENTENCE_WORDS and sentence not in found
        if long_enough and echo_ratio(draft, sentence, n=4) >= MAIL_SENTENCE_ECHO:
            found.append(sentence)
    return found


def without_copies(mail: IncomingMail, draft: str) -> str:
    """The draft with its copied sentences removed (what is left may be too short to use)."""
    out = draft
    for sentence in copied_sentences(mail, draft):
        out = out.replace(sentence, "")
    return re.sub(r"[ \t]+\n", "\n", re.sub(r"\n{3,}", "\n\n", out)).strip()
