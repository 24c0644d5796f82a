"""Parse an incoming mail (.eml bytes or file) into :class:`IncomingMail`.

The stdlib parser (compat32 policy: it never raises on malformed headers) does the MIME work;
headers and bodies are decoded here with charset fallbacks, the HTML body becomes text when there
is no text part, and the newest message is split from the quoted history.
"""

from __future__ import annotations

import email.utils
import hashlib
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from email.parser import BytesParser
from email.policy import compat32
from pathlib import Path

from assistant.errors import (
    CorruptDocument,
    DocumentError,
    DocumentTooLarge,
    EmptyDocument,
    UnsupportedFormat,
)
from assistant.mail.html_text import html_to_text
from assistant.mail.mime import collect_body, decode_header_value, raw_header, raw_headers
from assistant.mail.quotes import ReplySplit, split_reply, split_signature
from assistant.mail.quotes_html import split_html_reply

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_KNOWN_HEADERS = ("from", "to", "subject", "date", "message-id", "mime-version", "content-type")


@dataclass(frozen=True)
class MailAddress:
    name: str
    addr: str

    def __str__(self) -> str:
        """Readable "Name <addr>" (not RFC 2047-encoded: for text, not for headers)."""
        if not self.name:
            return self.addr
        name = self.name.replace('"', "'")
        if any(ch in name for ch in ",;:<>@()[]"):
            name = f'"{name}"'
        return f"{name} <{self.addr}>"


@dataclass(frozen=True)
class IncomingMail:
    message_id: str  # with angle brackets, as in the header; "" when missing
    from_name: str
    from_addr: str
    to: list[MailAddress]
    cc: list[MailAddress]
    reply_to: list[MailAddress]
    subject: str
    date: datetime | None  # timezone-aware
    in_reply_to: str
    references: list[str]
    body_text: str  # the whole text body (HTML converted when there is no text part)
    newest: str  # the newest message only (its signature included)
    quoted: str  # the quoted history below (or above) it
    signature: str  # the signature of the newest message ("-- " block or "Sent from my...")
    language: str  # ISO 639-1 hint: en, zh, ja, ko, fr, de, es
    attachments: list[str] = field(default_factory=list)
    sha256: str = ""

    @property
    def newest_without_signature(self) -> str:
        return split_signature(self.newest)[0]

    @property
    def sender(self) -> MailAddress:
        return MailAddress(self.from_name, self.from_addr)


def parse_email(source: Path | str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> IncomingMail:
    """Parse a mail from a path or raw bytes. Raises DocumentError subclasses on bad input."""
    data = _read(source, max_bytes)
    if not data.strip():
        raise EmptyDocument("the mail is empty")
    if b"\x00" in data[:4096]:
        raise UnsupportedFormat("this is not an email message (binary data)")
    try:
        msg = BytesParser(policy=compat32).parsebytes(data)
    except Exception as exc:  # the stdlib parser is lenient; anything here is a broken file
        raise CorruptDocument(f"the mail could not be parsed: {exc}") from exc
    if not any(raw_header(msg, h) is not None for h in _KNOWN_HEADERS):
        raise UnsupportedFormat(
            "this is not an email message (no mail headers)", hint="expected an .eml file"
        )
    return _build(msg, data)


def _read(source: Path | str | bytes, max_bytes: int) -> bytes:
    if isinstance(source, bytes | bytearray):
        if len(source) > max_bytes:
            raise DocumentTooLarge(f"the mail is larger than {max_bytes // 1_000_000} MB")
        return bytes(source)
    path = Path(os.fspath(source))
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentTooLarge(f"{path.name} is larger than {max_bytes // 1_000_000} MB")
        if path.is_dir():
            raise DocumentError(f"{path} is a folder, not a mail file")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise DocumentError(f"mail file not found: {path}") from exc
    except PermissionError as exc:
        raise DocumentError(f"cannot read {path}: permission denied") from exc
    except OSError as exc:
        raise DocumentError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _build(msg: Message, data: bytes) -> IncomingMail:
    sender = _addresses(msg, "from")
    first = sender[0] if sender else MailAddress("", "")
    parts = collect_body(msg)
    plain = "\n\n".join(p.strip("\n") for p in parts.plain if p.strip())
    split: ReplySplit
    if plain:
        body, split = plain, split_reply(plain)
    elif parts.html:
        html = max(parts.html, key=len)
        body, split = html_to_text(html), split_html_reply(html)
    else:
        body, split = "", ReplySplit("", "")
    subject = decode_header_value(raw_header(msg, "subject"))
    return IncomingMail(
        message_id=_msgid(raw_header(msg, "message-id")),
        from_name=first.name,
        from_addr=first.addr,
        to=_addresses(msg, "to"),
        cc=_addresses(msg, "cc"),
        reply_to=_addresses(msg, "reply-to"),
        subject=subject,
        date=_date(raw_header(msg, "date")),
        in_reply_to=_msgid(raw_header(msg, "in-reply-to")),
        references=_msgids(raw_header(msg, "references")),
        body_text=body,
        newest=split.newest,
        quoted=split.quoted,
        signature=split_signature(split.newest)[1],
        language=_language(split.newest or body, subject, split.quoted),
        attachments=parts.attachments,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _addresses(msg: Message, name: str) -> list[MailAddress]:
    values = raw_headers(msg, name)
    try:
        pairs = email.utils.getaddresses(values)
    except Exception:
        return []
    out: list[MailAddress] = []
    for display, addr in pairs:
        addr = decode_header_value(addr)
        if ("@" in addr) or display:
            out.append(MailAddress(decode_header_value(display), addr))
    return out


def _msgid(raw: object) -> str:
    ids = _msgids(raw)
    return ids[0] if ids else ""


def _msgids(raw: object) -> list[str]:
    import re

    text = decode_header_value(raw)
    found = re.findall(r"<[^<>\s]+>", text)
    if found:
        return found
    return [f"<{tok}>" for tok in text.split() if "@" in tok][:1]


def _date(raw: object) -> datetime | None:
    text = decode_header_value(raw)
    if not text:
        return None
    try:
        value = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _language(newest: str, subject: str, quoted: str) -> str:
    from assistant.lang import detect_language

    sample = newest.strip()
    if sum(ch.isalpha() for ch in sample) < 40:  # "Hello" alone is too short to tell
        sample = f"{sample}\n{subject}\n{quoted[:2000]}".strip()
    if not sample:
        return "en"
    if sum(ch.isalpha() for ch in sample) < 20 and sample.isascii():
        return "en"  # a few Latin letters: ambiguous, English is the safe default
    return detect_language(sample[:2000])
