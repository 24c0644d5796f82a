"""Build a reply draft (.eml bytes, RFC 5322) for an incoming mail. Drafts only: never sent."""

from __future__ import annotations

import email.utils
import re
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP, default

from assistant.errors import UserError
from assistant.mail.parse import IncomingMail

# Reply prefixes of many clients and languages ("Re:", "RE[2]:", "AW:", "回复：", "答复:"...).
_RE_REPLY_PREFIX = re.compile(
    r"^\s*(?:re|aw|sv|vs|antw|antwort|ynt|odp|rif|r|res|atb|回复|回覆|答复|答覆|返信|답장)"
    r"\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*",
    re.IGNORECASE,
)
_MAX_REFERENCES = 20


def reply_subject(subject: str) -> str:
    """``Re: <subject>`` without piling up prefixes: "RE: AW: 回复: x" -> "Re: x"."""
    rest = subject.strip()
    while True:
        stripped = _RE_REPLY_PREFIX.sub("", rest, count=1)
        if stripped == rest:
            break
        rest = stripped
    return f"Re: {rest}" if rest else "Re:"


def attribution_line(incoming: IncomingMail) -> str:
    """ "On <date>, <sender> wrote:" (Chinese for Chinese mail)."""
    who = str(incoming.sender) if incoming.from_addr else (incoming.from_name or "someone")
    if incoming.language == "zh":
        when = incoming.date.strftime("%Y年%m月%d日 %H:%M") if incoming.date else ""
        return f"在 {when}，{who} 写道：" if when else f"{who} 写道："
    if incoming.date:
        return f"On {email.utils.format_datetime(incoming.date)}, {who} wrote:"
    return f"{who} wrote:"


def quote_text(text: str) -> str:
    """Prefix every line with "> " (">" alone for empty lines)."""
    return "\n".join(f"> {ln}" if ln.strip() else ">" for ln in text.strip("\n").split("\n"))


CHECK_HEADER = "X-Deskmate-Check"


def build_reply_eml(
    incoming: IncomingMail,
    body_text: str,
    *,
    from_addr: str = "",
    from_name: str = "",
    signature: str = "",
    now: datetime | None = None,
    check: str = "",
) -> bytes:
    """A reply draft: To the Reply-To (else the sender), threaded, with the quoted original.
    Without ``from_addr`` (no identity set) the draft has no From: the mail client fills it in,
    rather than a made-up address reaching the draft. ``check``: why the user must read this
    draft before sending it (``CHECK_HEADER``; saved to Drafts, it is also flagged)."""
    recipients = incoming.reply_to or ([incoming.sender] if incoming.from_addr else [])
    if not recipients:
        raise UserError("the mail has no sender address to reply to")
    msg = EmailMessage(policy=default)
    if from_addr.strip():
        msg["From"] = _address(from_name, from_addr)
    msg["To"] = ", ".join(_address(r.name, r.addr) for r in recipients if r.addr) or str(
        recipients[0]
    )
    msg["Subject"] = reply_subject(incoming.subject)
    msg["Date"] = email.utils.format_datetime(now or datetime.now().astimezone())
    domain = from_addr.rpartition("@")[2] or "deskmate.local"
    msg["Message-ID"] = email.utils.make_msgid(domain=domain)
    if incoming.message_id:
        msg["In-Reply-To"] = incoming.message_id
        refs = [r for r in incoming.references if r != incoming.message_id]
        msg["References"] = " ".join([*refs[-(_MAX_REFERENCES - 1) :], incoming.message_id])
    msg["X-Unsent"] = "1"  # mail clients open it as a draft to edit and send by hand
    msg["X-Deskmate-Draft"] = "1"
    if check:
        msg[CHECK_HEADER] = check
    text = body_text.strip()
    if signature.strip():
        text += "\n\n-- \n" + signature.strip()
    original = incoming.body_text or incoming.newest
    if original.strip():
        text += "\n\n" + attribution_line(incoming) + "\n" + quote_text(original)
    body = text + "\n"
    # 7-bit safe file: base64 for non-ASCII text (Chinese), plain 7bit otherwise.
    msg.set_content(body, charset="utf-8", cte=None if body.isascii() else "base64")
    return msg.as_bytes(policy=SMTP)


def _address(name: str, addr: str) -> str:
    local, _, domain = addr.strip().rpartition("@")
    if not local or not domain:
        raise UserError(f"not an email address: {addr!r}")
    try:
        return str(Address(display_name=name.strip(), username=local, domain=domain))
    except (ValueError, IndexError):
        return email.utils.formataddr((name.strip(), addr.strip()))
