"""Guess a document's format from its content first and its file extension second."""

from __future__ import annotations

import io
import re
import zipfile

from assistant.errors import CorruptDocument, UnsupportedFormat

_EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".eml": "eml",
}

# Binary formats we recognise only to refuse them with a clear message.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office (.doc/.xls) file; save it as .docx"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"{\\rtf", "an RTF file; save it as .docx"),
)

_HTML_START = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HEADER_LINE = re.compile(rb"^([A-Za-z][A-Za-z0-9-]*):[ \t]?.*$|^From [^\r\n]*$")
_MAIL_HEADERS = {
    b"from",
    b"to",
    b"subject",
    b"date",
    b"received",
    b"return-path",
    b"message-id",
    b"mime-version",
    b"delivered-to",
    b"content-type",
    b"reply-to",
    b"cc",
    b"x-mailer",
    b"sender",
}


def extension_format(suffix: str) -> str | None:
    return _EXTENSIONS.get(suffix.lower())


def _looks_like_mail(head: bytes) -> bool:
    """At least two known mail headers before the first blank line, and nothing else there."""
    known = 0
    for raw in head.split(b"\n")[:60]:
        line = raw.rstrip(b"\r")
        if not line:
            break
        if line[:1] in (b" ", b"\t"):
            continue  # folded header continuation
        match = _HEADER_LINE.match(line)
        if match is None:
            return False
        if match.group(1) and match.group(1).lower() in _MAIL_HEADERS:
            known += 1
    return known >= 2


def _zip_format(data: bytes, ext: str | None) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        if ext == "docx":
            raise CorruptDocument(
                "This Word file is damaged or incomplete.", hint=str(exc)
            ) from exc
        raise UnsupportedFormat("This is a damaged zip archive.") from exc
    if "word/document.xml" in names:
        return "docx"
    if ext == "docx":
        raise CorruptDocument("This .docx file has no document part (word/document.xml).")
    raise UnsupportedFormat(
        "This is a zip archive, not a Word document.",
        hint="supported: PDF, DOCX, HTML, MD, TXT, EML",
    )


def sniff_format(data: bytes, suffix: str) -> str:
    """One of pdf/docx/html/markdown/text/eml; raises UnsupportedFormat / CorruptDocument."""
    ext = extension_format(suffix)
    head = data[:8192]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_format(data, ext)
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            if ext in ("pdf", "docx"):
                raise CorruptDocument(f"This .{ext} file is really {what}.")
            raise UnsupportedFormat(f"This file is {what}.")
    if ext in ("pdf", "docx"):
        # The extension promises a binary format but the magic is missing: the loader
        # accepts it only if it is clean text saved under the wrong name.
        return "text"
    stripped = head.lstrip(b"\xef\xbb\xbf")
    if ext == "eml" or _looks_like_mail(stripped):
        return "eml"
    if ext == "html" or _HTML_START.match(stripped):
        return "html"
    if ext == "markdown":
        return "markdown"
    return "text"
