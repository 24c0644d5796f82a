"""The frame of a reply draft, set in code: the greeting names the sender, the sign-off is the
user's own. Whatever greeting or sign-off the model wrote is removed first (small models sign
with the sender's name or a name from the quoted history, and greet the wrong person).

Greeting rule (documented in docs/MAIL.md):
- The name: the sender's display name, else a name made from the address's local part
  ("sally.beck" -> "Sally Beck", "irfiman" -> "Irfiman"). "Beck, Sally" is read as Sally Beck.
- English: the mail's own salutation word is mirrored ("Dear" stays "Dear", "Hello" stays
  "Hello"), else "Hi", or "Dear" when the tone is formal. A formal greeting ("Dear" with a title
  or a surname in the mail, or the formal tone) uses the title and surname when the sender's
  display name carries a title ("Dear Dr. Berg"), else the full name ("Dear Anna Berg"); a title
  is never invented. Otherwise the first name ("Hi Anna", "Dear Anna").
- Chinese: a title is used only when known: in the display name ("张经理") or on a line of the
  mail's sign-off ("市场部经理" -> "王经理您好"). Else the full name. "您好" when the mail uses
  您 or 尊敬 or the tone is formal, "你好" otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.mail.identity import Identity
    from assistant.mail.parse import IncomingMail

_TITLES_EN = ("Mr", "Ms", "Mrs", "Miss", "Dr", "Prof", "Professor", "Sir", "Madam")
_TITLE_EN = re.compile(rf"^({'|'.join(_TITLES_EN)})\.?\s+(.+)$", re.IGNORECASE)
_TITLES_ZH = ("总经理", "董事长", "总监", "经理", "主任", "老师", "教授", "博士", "医生", "律师",
              "处长", "科长", "部长", "院长", "校长", "主管", "总")  # fmt: skip
_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容",
                      "长孙", "宇文", "司徒", "夏侯", "令狐", "端木")  # fmt: skip
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
_SALUTATION_EN = re.compile(r"^\s*(dear|hi|hello|hey|good (?:morning|afternoon|evening))\b", re.I)
_FORMAL_EN = re.compile(rf"^\s*dear\s+(?:{'|'.join(_TITLES_EN)})\b", re.IGNORECASE)
# Greetings of other languages: (informal with the first name, formal with the full name).
_GREETING = {"fr": ("Bonjour {first},", "Bonjour {full},"), "de": ("Hallo {first},",
             "Guten Tag {full},"), "es": ("Hola {first},", "Estimado/a {full}:"),
             "ja": ("{full}様", "{full}様")}  # fmt: skip
CLOSING = {"en": "Best regards", "zh": "祝好！", "fr": "Cordialement", "de": "Viele Grüße",
           "es": "Saludos", "ja": "よろしくお願いいたします"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class SenderName:
    full: str  # "Anna Berg", "王明", "Irfiman"
    first: str  # "Anna", "王明"
    surname: str  # "Berg", "王" ("" when unknown)
    title: str  # "Dr.", "经理" ("" when unknown: never invented)


def readable_name(display: str, addr: str) -> str:
    """A person's name from a display name ("Beck, Sally" -> "Sally Beck"), else from the
    address's local part ("sally.beck" -> "Sally Beck")."""
    display = re.sub(r"\s*[(\[].*?[)\]]\s*", " ", display).strip().strip("'\"").strip()
    if display.count(",") == 1:  # "Beck, Sally"
        last, first = (p.strip() for p in display.split(","))
        display = f"{first} {last}".strip()
    if display and "@" not in display:
        return display
    local = addr.partition("@")[0]
    parts = [p for p in re.split(r"[._\-+]+", re.sub(r"\d+", "", local)) if p]
    return " ".join(p.capitalize() for p in parts) or local


def sender_name(mail: IncomingMail) -> SenderName:
    """The sender's name as a greeting uses it (display name, else the address's local part)."""
    display = readable_name(mail.from_name, mail.from_addr)
    last = display.split()[-1] if display.split() else ""
    if _HAN.match(last):  # "财务部 王芳": the person, not the department
        display = last
    if _HAN.match(display):
        return _han_name(display, mail)
    title = ""
    match = _TITLE_EN.match(display)
    if match:
        word = match.group(1).capitalize()
        title = word + "." if word in ("Mr", "Ms", "Mrs", "Dr", "Prof") else word
        display = match.group(2).strip()
    words = display.split()
    surname = words[-1] if len(words) > 1 or title else ""
    return SenderName(display, words[0] if words else display, surname, title)


def _han_name(display: str, mail: IncomingMail) -> SenderName:
    for title in _TITLES_ZH:
        if display.endswith(title) and len(display) > len(title):
            rest = display[: -len(title)]  # "张" of 张经理, "邓华" of 邓华律师
            compound = next((s for s in _COMPOUND_SURNAMES if rest.startswith(s)), "")
            return SenderName(display, display, compound or rest[0], title)
    compound = next((s for s in _COMPOUND_SURNAMES if display.startswith(s)), "")
    surname = compound or display[0]
    return SenderName(display, display, surname, _signed_title_zh(mail))


def _signed_title_zh(mail: IncomingMail) -> str:
    """A title on a line of the mail's sign-off ("市场部经理"), else ""."""
    lines = [ln.strip() for ln in (mail.newest or mail.body_text).strip().splitlines()]
    for line in lines[-4:]:
        if 0 < len(line) <= 12 and not re.search(r"[，。！？,.!?]", line):
            for title in _TITLES_ZH[:-1]:  # "总" alone is too short to find on a line
                if line.endswith(title):
                    return title
    return ""


def _salutation(mail: IncomingMail) -> str:
    lines = (mail.newest or mail.body_text).strip().splitlines()
    return lines[0].strip() if lines else ""


def greeting(mail: IncomingMail, tone: str = "") -> str:
    """The greeting line of a reply to ``mail`` (see the module's rule)."""
    name = sender_name(mail)
    language = mail.language or "en"
    opening = _salutation(mail)
    if language == "zh":
        said = mail.newest or mail.body_text
        polite = tone == "formal" or "您" in said or "尊敬" in said
        hello = "您好" if polite else "你好"
        if name.title and name.surname:
            return f"{name.surname}{name.title}{hello}，"
        who = name.full if _HAN.match(name.full) else name.first
        return f"{who}{hello}，"
    if language in _GREETING:
        casual, respectful = _GREETING[language]
        chosen = respectful if tone == "formal" else casual
        return chosen.format(first=name.first, full=name.full)
    mirrored = _SALUTATION_EN.match(opening)
    word = mirrored.group(1).capitalize() if mirrored else ("Dear" if tone == "formal" else "Hi")
    is_formal = tone == "formal" or bool(_FORMAL_EN.match(opening))
    if word == "Dear" and is_formal:
        if name.title and name.surname:
            return f"Dear {name.title} {name.surname},"
        return f"Dear {name.full},"
    return f"{word} {name.first},"


def signoff(identity: Identity | None, language: str) -> str:
    """The user's own sign-off: their closing (else the language's usual one), then their name
    on its own line; a sign-off of several lines is used as written."""
    closing = identity.signoff.strip() if identity else ""
    name = identity.name.strip() if identity else ""
    if "\n" in closing:
        return closing
    closing = closing or CLOSING.get(language, CLOSING["en"])
    if name and name in closing:
        return closing
    if language != "zh" and closing[-1:].isalnum():
        closing += ","
    return f"{closing}\n{name}" if name else closing


def framed_draft(greeting_line: str, body: str, signoff_block: str) -> str:
    return f"{greeting_line}\n\n{body.strip()}\n\n{signoff_block}".strip()
