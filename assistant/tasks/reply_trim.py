"""The body of a model's reply: its greeting, sign-off and stock filler removed.

The frame (greeting and sign-off) is set in code (:mod:`assistant.tasks.reply_frame`); a model
greets the wrong person and signs with the wrong name (the sender's, or one from the quoted
history), so whatever it wrote there goes. Stock filler ("I look forward to working with you")
answers nothing and makes every draft alike: those sentences go too.
"""

from __future__ import annotations

import re

from assistant.tasks.quality import word_count

_GREETING_EN = re.compile(
    r"^\s*(?:dear|hi|hello|hey|greetings|good (?:morning|afternoon|evening))\b"
    r"[^,:!\n]{0,40}[,:!]\s*",
    re.IGNORECASE,
)
_GREETING_ZH = re.compile(
    r"^\s*(?:尊敬的|亲爱的)?[^\n，,：:！!。？?]{0,12}?(?:你好|您好|早上好|下午好|晚上好|大家好)"
    r"[，,：:！!。]?\s*"
)
_ADDRESSED = re.compile(r"^\s*(?:尊敬的|亲爱的)?[^\n，,：:！!。？?\s]{1,12}[：:，,]\s*$")
_BARE_NAME_LINE = re.compile(r"^\s*[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}\s*[,:]\s*$")
_CLOSINGS = {
    "best", "best regards", "regards", "kind regards", "warm regards", "warmest regards",
    "best wishes", "sincerely", "sincerely yours", "yours sincerely", "yours truly", "yours",
    "thanks", "thank you", "many thanks", "thanks again", "thanks so much", "cheers",
    "cordially", "respectfully", "take care", "all the best", "talk soon", "with thanks",
    "with best regards", "thanks and regards", "regards and thanks", "love", "see you",
    "谢谢", "多谢", "非常感谢", "此致", "敬礼", "此致敬礼", "祝好", "祝工作顺利", "顺祝商祺",
    "祝商祺", "顺颂商祺", "祝一切顺利", "敬上", "盼复", "期待您的回复", "期待你的回复", "谢谢您",
}  # fmt: skip
_PUNCT = " \t.,!;:，。！；：、~-—–"
_NAME_LINE = re.compile(
    r"^\s*[-–—~]*\s*(?:\[[^\]]{1,30}\]|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}|"
    r"[\u4e00-\u9fff]{2,4})\s*$"
)
_DASHES = re.compile(r"^\s*--\s*$|^\s*-{2,}\s*\w")
_INLINE_NAME = re.compile(r"\s+(?:--|—|~)\s*[A-Z\u4e00-\u9fff][\w'-]*(?: [A-Z][\w'-]*)?\s*$")
# Sentences that answer nothing: stock filler of small models (measured in the reply eval).
STOCK = (
    "i look forward to working with you", "i appreciate your help", "i will follow your advice",
    "please let me know if you have any questions", "please let me know if you need anything",
    "let me know if you have any questions", "i look forward to hearing from you",
    "looking forward to hearing from you", "thank you for your email", "thanks for your email",
    "thank you for your message", "thanks for your mail", "thank you for reaching out",
    "i hope this email finds you well", "i hope this message finds you well",
    "i hope you are doing well", "thank you for your time", "thank you for your understanding",
    "thank you for your help", "have a great day", "期待您的回复", "期待与您合作",
    "如有任何问题请随时联系我", "如有问题请随时联系我", "感谢您的来信", "谢谢您的邮件",
)  # fmt: skip
_SENTENCE = re.compile(r"[^.!?。！？\n]+[.!?。！？]*")
_STOCK_KEYS = frozenset(STOCK)


def _norm(line: str) -> str:
    return re.sub(r"\s+", " ", line.strip(_PUNCT).lower().replace("’", "'"))


def strip_greeting(text: str) -> str:
    """The text without a greeting at its start ("Hi Anna," "王经理您好，" "Dear all:")."""
    lines = text.strip().splitlines()
    if not lines:
        return ""
    first = lines[0]
    for pattern in (_GREETING_EN, _GREETING_ZH):
        match = pattern.match(first)
        if match and word_count(match.group()) <= 8:
            rest = first[match.end() :]
            lines[0] = rest[:1].upper() + rest[1:]  # "Hi Anna, thanks!" -> "Thanks!"
            break
    else:
        if _ADDRESSED.match(first) or _BARE_NAME_LINE.match(first):
            lines[0] = ""
    return "\n".join(lines).strip()


def _is_closing(line: str) -> bool:
    if _norm(line) in _CLOSINGS:
        return True
    head, sep, tail = line.strip().partition(",")  # "Best regards, Anna" on one line
    if not sep:
        head, sep, tail = line.strip().partition("，")
    return bool(sep) and _norm(head) in _CLOSINGS and word_count(tail) <= 4


def strip_signoff(text: str) -> str:
    """The text without a sign-off at its end: a closing ("Best regards,", "谢谢！") with the
    name lines after it, a "--" signature, or trailing name lines ("--Sally", "[Your Name]")."""
    lines = _INLINE_NAME.sub("", text.rstrip()).splitlines()  # "Sure. --Sally"
    changed = True
    while changed and lines:
        changed = False
        tail = max(0, len(lines) - 6)
        for i in range(len(lines) - 1, tail - 1, -1):
            after = [ln for ln in lines[i + 1 :] if ln.strip()]
            if (_is_closing(lines[i]) or _DASHES.match(lines[i])) and all(
                word_count(ln) <= 6 and not re.search(r"[.?!。？！]\s*$", ln) for ln in after
            ):
                lines = lines[:i]
                changed = True
                break
        while lines and (not lines[-1].strip() or _NAME_LINE.match(lines[-1])):
            if len([ln for ln in lines if ln.strip()]) <= 1:
                break  # the last line of the body stays, even a short one
            lines.pop()
            changed = True
    return "\n".join(lines).strip()


FILLER_WORDS = 4  # shorter sentences ("Thanks!", "See you then.") are never stock filler


def sentence_key(sentence: str) -> str:
    """A sentence compared across drafts: lower case, single spaces, no end punctuation."""
    return _norm(sentence)


def sentence_keys(text: str) -> set[str]:
    """The keys of the sentences of ``text`` long enough to count as filler."""
    keys = {sentence_key(m.group()) for m in _SENTENCE.finditer(text)}
    return {k for k in keys if word_count(k) >= FILLER_WORDS}


def drop_sentences(text: str, keys: set[str] | frozenset[str]) -> str:
    """The text without the sentences whose key is in ``keys``; unchanged when fewer than three
    words would be left (a short draft beats no draft)."""
    kept_lines = []
    for line in text.splitlines():
        pieces = [m.group() for m in _SENTENCE.finditer(line)]
        kept = [p for p in pieces if sentence_key(p) not in keys]
        kept_lines.append("".join(kept).strip() if pieces else line)
    result = re.sub(r"\n{3,}", "\n\n", "\n".join(kept_lines)).strip()
    return result if word_count(result) >= 3 else text.strip()


def drop_stock(text: str) -> str:
    """The text without stock sentences (each kept when nothing else would be left)."""
    return drop_sentences(text, _STOCK_KEYS)


def body_of(text: str) -> str:
    """The model's reply reduced to its body."""
    return drop_stock(strip_signoff(strip_greeting(text)))
