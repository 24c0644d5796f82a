"""Decode text bytes: BOM first, then strict UTF-8, UTF-16 without BOM, then charset-normalizer."""

from __future__ import annotations

import codecs
import re

from assistant.errors import UnsupportedFormat

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# charset-normalizer looks at samples; more than this is only slower, not better.
_DETECT_SAMPLE = 512 * 1024
# Control characters that never appear in real text (tab, newline, CR, FF are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_RATIO = 0.01


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: NULs (high bytes of ASCII) in only one byte parity."""
    sample = data[:65536]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    tolerance = len(sample) // 200
    if odd_nuls > tolerance >= even_nuls:
        name = "utf-16-le"
    elif even_nuls > tolerance >= odd_nuls:
        name = "utf-16-be"
    else:
        return None
    try:
        text = data[: len(data) - len(data) % 2].decode(name)
    except UnicodeDecodeError:
        return None
    return text if looks_like_text(text) else None


def looks_like_text(text: str) -> bool:
    """False for decoded binary junk (many control characters)."""
    if not text:
        return True
    sample = text[:200_000]
    return len(_CONTROL.findall(sample)) <= _MAX_CONTROL_RATIO * len(sample)


def detect_encoding(data: bytes, *, declared: str | None = None) -> str | None:
    """Name of the encoding of ``data`` or None when it is not text.

    ``declared`` (from a <meta charset> or a MIME header) is tried after BOM and UTF-8.
    """
    bom = _bom_encoding(data)
    if bom is not None:
        return bom[0]
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # A file cut in the middle of a multi-byte character is still UTF-8.
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"
    if declared:
        try:
            codecs.lookup(declared)
            data.decode(declared)
            return declared
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_DETECT_SAMPLE]).best()
    return best.encoding if best is not None else None


def decode_text(data: bytes, *, declared: str | None = None) -> str:
    """Decode ``data`` as text or raise UnsupportedFormat for binary content."""
    bom = _bom_encoding(data)
    if bom is not None:
        name, skip = bom
        text = data[skip:].decode(name, errors="replace")
    else:
        has_nul = b"\x00" in data[:65536]
        utf16 = _utf16_without_bom(data) if has_nul else None
        if utf16 is not None:
            text = utf16
        elif has_nul:
            # Text in any 8-bit or multi-byte legacy encoding never contains NUL bytes.
            raise UnsupportedFormat(
                "This file looks like binary data, not text.",
                hint="supported: PDF, DOCX, HTML, Markdown, plain text, EML",
            )
        else:
            name_or_none = detect_encoding(data, declared=declared)
            if name_or_none is None:
                raise UnsupportedFormat(
                    "This file does not look like text.",
                    hint="supported: PDF, DOCX, HTML, Markdown, plain text, EML",
                )
            text = data.decode(name_or_none, errors="replace")
    if not looks_like_text(text):
        raise UnsupportedFormat(
            "This file looks like binary data, not text.",
            hint="supported: PDF, DOCX, HTML, Markdown, plain text, EML",
        )
    return text
