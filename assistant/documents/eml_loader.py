"""E-mail (.eml) with the stdlib parser: Subject/From/Date lines plus the text body."""

from __future__ import annotations

import email
from email import policy
from email.message import EmailMessage, Message

from assistant.documents.encoding import decode_text
from assistant.documents.html_loader import html_to_sections
from assistant.documents.model import Section, normalize_text

_HEADER_LINES = ("Subject", "From", "To", "Date")


def _header(message: Message, name: str) -> str:
    try:
        value = message.get(name)
    except (ValueError, TypeError, IndexError, LookupError, AttributeError):
        # the new header parser can fail on broken headers; fall back to the raw value
        raw = dict(message.raw_items()).get(name) if hasattr(message, "raw_items") else None
        value = raw
    return " ".join(str(value or "").split())


def _part_text(part: Message) -> str:
    """Decoded text of one MIME part; unknown or wrong charsets fall back to detection."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raw = part.get_payload()
        return raw if isinstance(raw, str) else ""
    charset = part.get_content_charset()
    if charset:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    if not payload.strip():
        return ""
    return decode_text(payload)


def _body_part(message: EmailMessage) -> Message | None:
    try:
        body = message.get_body(preferencelist=("plain", "html"))
    except (KeyError, ValueError, TypeError, IndexError, AttributeError):
        body = None
    if body is not None:
        return body
    # Broken structure: take the first text/* part we can find.
    for part in message.walk():
        if part.get_content_maintype() == "text":
            return part
    return None


def load_eml(data: bytes) -> tuple[str | None, list[Section]]:
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    headers = [f"{name}: {_header(message, name)}" for name in _HEADER_LINES]
    header_text = "\n".join(line for line in headers if not line.endswith(": "))
    sections = [Section(header_text)] if header_text else []

    part = _body_part(message)
    if part is not None:
        text = _part_text(part)
        if part.get_content_subtype() == "html":
            sections.extend(html_to_sections(text)[1])
        else:
            body = normalize_text(text)
            if body:
                sections.append(Section(body))
    subject = _header(message, "Subject")
    # Headers alone are not a document: no body text means an empty mail.
    if len(sections) <= 1:
        return subject or None, []
    return subject or None, sections
