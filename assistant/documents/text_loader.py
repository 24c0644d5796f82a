"""Plain text and Markdown (sections at ATX # headings, not inside fenced code)."""

from __future__ import annotations

import re

from assistant.documents.encoding import decode_text
from assistant.documents.model import Section, normalize_text

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def load_text(data: bytes) -> tuple[str | None, list[Section]]:
    text = normalize_text(decode_text(data))
    return None, [Section(text)] if text else []


def load_markdown(data: bytes) -> tuple[str | None, list[Section]]:
    return None, markdown_sections(decode_text(data))


def markdown_sections(markdown: str) -> list[Section]:
    sections: list[Section] = []
    heading: str | None = None
    lines: list[str] = []
    fence: str | None = None

    def flush() -> None:
        text = normalize_text("\n".join(lines))
        if text:
            sections.append(Section(text, heading=heading))
        lines.clear()

    for line in normalize_text(markdown).split("\n"):
        fence_match = _FENCE.match(line)
        if fence_match is not None:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
        elif fence is None:
            match = _ATX.match(line)
            if match is not None:
                flush()
                heading = match.group(2).strip()
        lines.append(line)
    flush()
    return sections
