"""Low-level MIME helpers: charset-tolerant decoding of headers and parts, body part selection."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from email.header import decode_header
from email.message import Message

from assistant.cjk import is_wide

# Declared charsets that are wrong in practice, mapped to the superset that decodes them.
_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "x-sjis": "cp932",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
    "iso-8859-8-i": "iso-8859-8",
    "unicode-1-1-utf-7": "utf-7",
}
_MAX_DEPTH = 40
_RE_SURROGATE = re.compile(r"[\udc80-\udcff]")


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data``: declared charset, then UTF-8, then charset-normalizer, then replace."""
    candidates: list[str] = []
    if declared:
        name = declared.strip().strip("\"'").lower()
        candidates.append(_CHARSET_ALIASES.get(name, name))
    candidates.append("utf-8")
    for charset in candidates:
        try:
            codecs.lookup(charset)
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError, ValueError):
            continue
    if len(data) < 200:  # too short for statistics: Chinese if it decodes to CJK, else cp1252
        try:
            text = data.decode("gb18030")
            if all(is_wide(ch) for ch in text if ord(ch) > 127):
                return text
        except UnicodeDecodeError:
            pass
        return data.decode("cp1252", errors="replace")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("utf-8", errors="replace")


def raw_headers(msg: Message, name: str) -> list[str]:
    """All raw values of header ``name`` (8-bit bytes kept as surrogates, not as U+FFFD)."""
    key = name.lower()
    return [str(v) for k, v in msg.raw_items() if k.lower() == key]


def raw_header(msg: Message, name: str) -> str | None:
    values = raw_headers(msg, name)
    return values[0] if values else None


def decode_header_value(raw: object) -> str:
    """A header value as text: RFC 2047 encoded words and raw 8-bit bytes both handled."""
    if raw is None:
        return ""
    text = str(raw)
    if _RE_SURROGATE.search(text):  # raw 8-bit header bytes, kept by the parser as surrogates
        text = decode_bytes(text.encode("ascii", "surrogateescape"))
    try:
        chunks = decode_header(text)
    except Exception:  # email.errors.HeaderParseError and odd internal failures
        return _unfold(text)
    out: list[str] = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            out.append(chunk)
        elif charset:
            out.append(decode_bytes(chunk, charset))
        else:
            out.append(chunk.decode("raw-unicode-escape", errors="replace"))
    return _unfold("".join(out))


def _unfold(text: str) -> str:
    return re.sub(r"\s*[\r\n]+\s*", " ", text).strip()


@dataclass
class BodyParts:
    plain: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)


def collect_body(msg: Message) -> BodyParts:
    """Text and HTML body parts (not attachments, not enclosed messages), iteratively."""
    parts = BodyParts()
    stack: list[tuple[Message, int]] = [(msg, 0)]
    while stack:
        part, depth = stack.pop()
        ctype = part.get_content_type()
        if part.is_multipart():
            if depth >= _MAX_DEPTH:
                continue
            children = part.get_payload()
            if isinstance(children, list):
                stack.extend((c, depth + 1) for c in reversed(children) if isinstance(c, Message))
            continue
        filename = _filename(part)
        disposition = (part.get_content_disposition() or "").lower()
        if ctype == "message/rfc822" or disposition == "attachment" or filename:
            parts.attachments.append(filename or ctype)
            continue
        is_text_root = part is msg and ctype.startswith("text/")
        if ctype not in ("text/plain", "text/html") and not is_text_root:
            parts.attachments.append(ctype)
            continue
        text = _part_text(part)
        if ctype == "text/html":
            parts.html.append(text)
        else:
            parts.plain.append(text)
    return parts


def _filename(part: Message) -> str:
    try:
        name = part.get_filename()
    except Exception:  # malformed RFC 2231 parameters
        return "attachment"
    return decode_header_value(name) if name else ""


def _part_text(part: Message) -> str:
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # broken transfer encodings: fall back to the raw payload
        payload = None
    if payload is None:
        raw = part.get_payload()
        if not isinstance(raw, str):
            return ""
        payload = raw.encode("ascii", "surrogateescape")
    if not isinstance(payload, bytes):
        return ""
    try:
        declared = part.get_content_charset()
    except Exception:
        declared = None
    return decode_bytes(payload, declared).replace("\r\n", "\n").replace("\r", "\n")
