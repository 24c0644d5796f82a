"""The document model shared by loaders, chunking, the store and the tasks."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

FORMATS = ("pdf", "docx", "html", "markdown", "text", "eml")


@dataclass(frozen=True)
class Section:
    """A run of text with its page (PDF, 1-based) and heading.

    When a section has a heading, ``text`` starts with the heading line, so ``Document.text``
    keeps the headings in place.
    """

    text: str
    page: int | None = None
    heading: str | None = None


@dataclass(frozen=True)
class Document:
    title: str
    format: str
    sections: tuple[Section, ...]
    sha256: str
    path: Path | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"unknown document format {self.format!r}")

    @cached_property
    def text(self) -> str:
        """All sections joined with blank lines."""
        return "\n\n".join(s.text for s in self.sections)

    @property
    def page_count(self) -> int | None:
        pages = [s.page for s in self.sections if s.page is not None]
        return max(pages) if pages else None


@dataclass(frozen=True)
class Chunk:
    index: int
    text: str
    first_page: int | None
    last_page: int | None
    heading: str | None


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_from_text(text: str, title: str = "text") -> Document:
    """A plain-text document from a string (pasted text, stdin). Empty text is an error."""
    from assistant.errors import EmptyDocument

    cleaned = normalize_text(text)
    if not cleaned.strip():
        raise EmptyDocument("The text is empty.", hint="paste or type some text first")
    return Document(
        title=title,
        format="text",
        sections=(Section(cleaned),),
        sha256=sha256_bytes(text.encode("utf-8", "surrogatepass")),
    )


def normalize_text(text: str) -> str:
    """Unify newlines, drop NULs and a leading BOM, strip trailing whitespace at the ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return text.lstrip("\ufeff").strip()
