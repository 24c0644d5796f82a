"""Section summaries of a long document as Markdown: one shared layout for the final text, the
stored run, the CLI's stream and the window's result view (overview on top, sections below)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.task_events import SectionDone

if TYPE_CHECKING:
    from assistant.documents import Chunk

SECTIONS_HEADING = "## Sections"


def chunk_pages(chunk: Chunk) -> str:
    """ "3-5", "7", or "" when the source has no pages."""
    first, last = chunk.first_page, chunk.last_page
    if first is None or last is None:
        return ""
    return str(first) if first == last else f"{first}-{last}"


def section_event(chunk: Chunk, total: int, text: str) -> SectionDone:
    return SectionDone(chunk.index, total, chunk_pages(chunk), chunk.heading or "", text)


def section_title(section: SectionDone) -> str:
    """ "Pages 3-5 · Results", "Page 7", "Part 2 of 9"."""
    if section.pages:
        word = "Pages" if "-" in section.pages else "Page"
        where = f"{word} {section.pages}"
    else:
        where = f"Part {section.index + 1} of {section.total}"
    return f"{where} · {section.heading}" if section.heading else where


def section_markdown(section: SectionDone) -> str:
    return f"### {section_title(section)}\n\n{section.text}"


def sections_markdown(sections: Iterable[SectionDone]) -> str:
    """The sections block, in document order (whatever order they arrived in)."""
    ordered = sorted(sections, key=lambda s: s.index)
    return SECTIONS_HEADING + "\n\n" + "\n\n".join(section_markdown(s) for s in ordered) + "\n"


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
