"""HTML to text with BeautifulSoup + lxml: scripts/styles dropped, h1-h6 start sections.

The tree is walked iteratively (``next_element``), never recursively, so deeply nested
markup cannot hit Python's recursion limit.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from .encoding import decode_text
from .model import Section, normalize_text

_DROP = {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "section", "article",
    "header", "footer", "main", "nav", "aside", "blockquote", "pre", "hr", "figure",
    "figcaption", "form", "address", "fieldset", "details", "summary", "caption", "body",
}  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_BLANKS = re.compile(r"[ \t]*\n[ \t\n]*")


def declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def load_html(data: bytes) -> tuple[str | None, list[Section]]:
    return html_to_sections(decode_text(data, declared=declared_charset(data)))


def _after(node: Any) -> Any:
    """The first node after ``node`` and all its descendants."""
    current = node
    while current is not None:
        if current.next_sibling is not None:
            return current.next_sibling
        current = current.parent
    return None


def _clean(parts: list[str]) -> str:
    text = "".join(parts)
    # Paragraph breaks (blank lines) survive; other runs of whitespace around newlines collapse.
    text = _BLANKS.sub(lambda m: "\n\n" if m.group(0).count("\n") > 1 else "\n", text)
    return normalize_text(text)


def html_to_sections(markup: str) -> tuple[str | None, list[Section]]:
    """(the <title>, sections split at h1-h6)."""
    from bs4 import (
        BeautifulSoup,
        Comment,
        Declaration,
        Doctype,
        NavigableString,
        ProcessingInstruction,
        Tag,
    )

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bs4 warns about markup that looks like a URL/XML
        soup = BeautifulSoup(markup, "lxml")
    title_tag = soup.find("title")
    title = _SPACES.sub(" ", title_tag.get_text()).strip() if title_tag is not None else ""

    sections: list[Section] = []
    heading: str | None = None
    parts: list[str] = []

    def flush() -> None:
        text = _clean(parts)
        if text:
            sections.append(Section(text, heading=heading))
        parts.clear()

    skipped = (Comment, Declaration, Doctype, ProcessingInstruction)
    node: Any = soup.contents[0] if soup.contents else None
    while node is not None:
        if isinstance(node, Tag):
            name = node.name.lower()
            if name in _DROP:
                node = _after(node)
                continue
            if name in _HEADINGS:
                flush()
                heading = _SPACES.sub(" ", node.get_text(" ")).strip() or None
                if heading:
                    parts.append(heading + "\n\n")
                node = _after(node)
                continue
            if name in _BLOCKS:
                parts.append("\n\n")
            elif name == "br":
                parts.append("\n")
            elif name in ("td", "th"):
                parts.append(" ")
        elif isinstance(node, NavigableString) and not isinstance(node, skipped):
            parent = node.parent
            if parent is not None and parent.name == "pre":
                parts.append(str(node))
            else:
                parts.append(_SPACES.sub(" ", str(node)))
        node = node.next_element
    flush()
    return title or None, sections
