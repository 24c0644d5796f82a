"""Drop running headers and footers (page furniture) that repeat on many pages of a PDF.

A 100-page report repeats its title, edition and "Page 7 of 100" on every page: hundreds of
tokens the summarizer would read (prompt processing is the cost that matters on a CPU) and
that say nothing. A line counts as furniture when, with its numbers masked, it sits within the
first or last lines of at least half the pages (and of 3 pages at least). Body text is never
looked at, so a sentence that happens to recur inside pages is kept.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.documents.model import Document, Section

EDGE_LINES = 3  # lines looked at, at the top and at the bottom of each page
MIN_PAGES = 3
SHARE = 0.5  # of the pages with text
MAX_LINE_CHARS = 160  # a longer line is a paragraph, not a running head

_NUMBER = re.compile(r"\d+")
# Page numbers also come as roman numerals in front matter ("GeoBase® iv").
_ROMAN = re.compile(r"(?<![\w])[ivxlc]{1,7}(?![\w])")
_SPACES = re.compile(r"\s+")


def line_key(line: str) -> str:
    """The line with numbers masked, so "Page 3 of 9" and "Page 4 of 9" are the same line."""
    text = _SPACES.sub(" ", line.strip().lower())
    if not text or len(text) > MAX_LINE_CHARS:
        return ""
    return _ROMAN.sub("#", _NUMBER.sub("#", text))


def _edges(lines: list[str]) -> set[int]:
    """Indexes of the first and last ``EDGE_LINES`` non-empty lines."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return set(filled[:EDGE_LINES] + filled[-EDGE_LINES:])


def furniture_keys(pages: list[str]) -> set[str]:
    """The masked lines that repeat at the edges of enough pages."""
    if len(pages) < MIN_PAGES:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        lines = page.splitlines()
        seen.update({line_key(lines[i]) for i in _edges(lines)} - {""})
    need = max(MIN_PAGES, int(len(pages) * SHARE + 0.5))
    return {key for key, count in seen.items() if count >= need}


def strip_page(text: str, keys: set[str]) -> str:
    """Peel furniture off the page's edges; a stamp above a header does not shield it."""
    lines = text.splitlines()
    for _ in range(EDGE_LINES):
        edges = _edges(lines)
        kept = [
            line for i, line in enumerate(lines) if i not in edges or line_key(line) not in keys
        ]
        if len(kept) == len(lines):
            break
        lines = kept
    return "\n".join(lines).strip()


def without_page_furniture(doc: Document) -> Document:
    """``doc`` with its repeated headers and footers removed (the same ``doc`` when none)."""
    paged = [s for s in doc.sections if s.page is not None]
    keys = furniture_keys([s.text for s in paged])
    if not keys:
        return doc
    sections: list[Section] = []
    for section in doc.sections:
        if section.page is None:
            sections.append(section)
            continue
        text = strip_page(section.text, keys)
        if text:
            sections.append(replace(section, text=text))
    return replace(doc, sections=tuple(sections))
