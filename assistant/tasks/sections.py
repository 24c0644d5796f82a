"""Section summaries of a long document as Markdown: one shared layout for the final text, the
stored run, the CLI's stream and the window's result view (overview on top, sections below)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.task_events import SectionDone

if TYPE_CHECKING:
    from assistant.documents import Chunk


@dataclass(frozen=True, slots=True)
class Headings:
    """The layout's words in one language; {pages}, {number} and {total} are filled in."""

    sections: str
    overview: str
    page: str
    pages: str
    part: str


HEADINGS = {
    "en": Headings(
        "## Sections", "## Overview", "Page {pages}", "Pages {pages}", "Part {number} of {total}"
    ),
    "zh": Headings(
        "## 各部分",
        "## 概要",
        "第 {pages} 页",
        "第 {pages} 页",
        "第 {number} 部分（共 {total} 部分）",
    ),
}


def headings(language: str) -> Headings:
    """The headings for a summary in ``language``; English for languages without a table."""
    return HEADINGS.get(language, HEADINGS["en"])


def chunk_pages(chunk: Chunk) -> str:
    """ "3-5", "7", or "" when the source has no pages."""
    first, last = chunk.first_page, chunk.last_page
    if first is None or last is None:
        return ""
    return str(first) if first == last else f"{first}-{last}"


def chunk_where(chunk: Chunk, total: int) -> str:
    """Where a chunk is, for a prompt or a message: "pages 3-5", "page 7", "part 2 of 9"."""
    if chunk.first_page is not None and chunk.last_page is not None:
        if chunk.first_page == chunk.last_page:
            return f"page {chunk.first_page}"
        return f"pages {chunk.first_page}-{chunk.last_page}"
    return f"part {chunk.index + 1} of {total}"


def section_event(chunk: Chunk, total: int, text: str, language: str) -> SectionDone:
    pages, heading = chunk_pages(chunk), chunk.heading or ""
    return SectionDone(chunk.index, total, pages, heading, text, language)


def section_title(section: SectionDone) -> str:
    """ "Pages 3-5 · Results", "Page 7", "Part 2 of 9" (in Chinese: "第 3-5 页 · Results")."""
    words = headings(section.language)
    if section.pages:
        where = (words.pages if "-" in section.pages else words.page).format(pages=section.pages)
    else:
        where = words.part.format(number=section.index + 1, total=section.total)
    return f"{where} · {section.heading}" if section.heading else where


def section_markdown(section: SectionDone) -> str:
    return f"### {section_title(section)}\n\n{section.text}"


def sections_markdown(sections: Iterable[SectionDone]) -> str:
    """The sections block, in document order (whatever order they arrived in)."""
    ordered = sorted(sections, key=lambda s: s.index)
    heading = headings(ordered[0].language if ordered else "en").sections
    return heading + "\n\n" + "\n\n".join(section_markdown(s) for s in ordered) + "\n"


def summary_markdown(overview: str, sections: Iterable[SectionDone]) -> str:
    """The overview on top, the sections below; either part may still be missing."""
    listed = list(sections)
    if not listed:
        return overview
    block = sections_markdown(listed)
    return f"{overview.strip()}\n\n{block}" if overview.strip() else block


def resume_data(sections: Iterable[SectionDone]) -> dict[str, int | bool]:
    """What a stopped run kept: how many sections of how many, and that it can resume."""
    listed = list(sections)
    total = listed[0].total if listed else 0
    return {"sections_done": len(listed), "sections": total, "resumable": bool(listed)}
