"""The headers of a mail on the server, fetched without its body, and the rules that say
whether a new mail is worth an automatic reply draft."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.parser import BytesHeaderParser
from email.policy import compat32

from assistant.mail.mime import decode_header_value, raw_header
from assistant.mail.parse import MailAddress, _addresses, _date, _msgid, _msgids

# What is fetched for a list or a decision: never the body (BODY.PEEK: the \Seen flag stays).
HEADER_FIELDS = (
    "FROM SUBJECT DATE MESSAGE-ID IN-REPLY-TO REFERENCES REPLY-TO "
    "AUTO-SUBMITTED LIST-ID LIST-UNSUBSCRIBE PRECEDENCE X-AUTOREPLY X-AUTO-RESPONSE-SUPPRESS"
)
HEADER_ITEM = f"BODY.PEEK[HEADER.FIELDS ({HEADER_FIELDS})]"
HEADER_KEY = f"BODY[HEADER.FIELDS ({HEADER_FIELDS})]".encode("ascii")
_NO_REPLY = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer-daemon|postmaster|bounces?|notifications?"
    r"|noreply-[\w.-]*|[\w.-]*-noreply)(?:[+-][\w.-]*)?@",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class MailHeaders:
    uid: int
    message_id: str  # "<id@host>", "" when missing
    sender: MailAddress
    subject: str
    date: datetime | None  # timezone-aware
    in_reply_to: str
    references: tuple[str, ...]
    flags: frozenset[str]  # "\\Seen", "\\Answered"...
    auto_submitted: str  # the raw value, "" when absent
    list_id: str
    precedence: str
    auto_reply: bool  # X-Autoreply / X-Auto-Response-Suppress: an automatic mail

    @property
    def answered(self) -> bool:
        return "\\Answered" in self.flags


def parse_headers(uid: int, raw: bytes, flags: tuple[bytes, ...] = ()) -> MailHeaders:
    msg = BytesHeaderParser(policy=compat32).parsebytes(raw)
    senders = _addresses(msg, "from")
    return MailHeaders(
        uid=uid,
        message_id=_msgid(raw_header(msg, "message-id")),
        sender=senders[0] if senders else MailAddress("", ""),
        subject=decode_header_value(raw_header(msg, "subject")),
        date=_date(raw_header(msg, "date")),
        in_reply_to=_msgid(raw_header(msg, "in-reply-to")),
        references=tuple(_msgids(raw_header(msg, "references"))),
        flags=frozenset(f.decode("utf-8", "replace") for f in flags),
        auto_submitted=decode_header_value(raw_header(msg, "auto-submitted")).strip(),
        list_id=decode_header_value(raw_header(msg, "list-id")).strip()
        or decode_header_value(raw_header(msg, "list-unsubscribe")).strip(),
        precedence=decode_header_value(raw_header(msg, "precedence")).strip().lower(),
        auto_reply=raw_header(msg, "x-autoreply") is not None
        or "oof" in decode_header_value(raw_header(msg, "x-auto-response-suppress")).lower(),
    )


def skip_reason(headers: MailHeaders, own_addresses: frozenset[str]) -> str:
    """Why no automatic draft is written for this mail ("" = draft it)."""
    sender = headers.sender.addr.strip().lower()
    if headers.auto_submitted and headers.auto_submitted.lower().split(";")[0].strip() != "no":
        return "automatic mail (Auto-Submitted)"
    if headers.list_id:
        return "mailing list"
    if headers.precedence in ("bulk", "list", "junk"):
        return f"bulk mail (Precedence: {headers.precedence})"
    if headers.auto_reply:
        return "automatic reply"
    if not sender or "@" not in sender:
        return "no sender address"
    if not headers.message_id:
        return "no Message-ID (a reply could not be threaded)"
    if _NO_REPLY.match(sender):
        return "no-reply sender"
    if sender in own_addresses:
        return "your own mail"
    if headers.answered:
        return "already answered"
    return ""
