"""Split text for translation so structure comes back where it was.

Each line keeps its layout (indent, Markdown heading / list / quote marker, trailing spaces);
only its content is translated. Long lines are split at sentence boundaries (also 。！？).
Fenced code blocks are kept as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKERS = r"(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,3}[.)]\s+|>\s?)"
_PREFIX = re.compile(rf"^(?P<prefix>\s*{_MARKERS}*)(?P<body>.*?)(?P<suffix>\s*)$")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？；;])\s*(?=\S)")
_NOTHING_TO_TRANSLATE = re.compile(r"^[\W\d_]*$", re.UNICODE)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass(frozen=True, slots=True)
class Line:
    prefix: str  # kept as is
    parts: tuple[str, ...]  # translated one by one, joined back with the source separator
    suffix: str

    @property
    def translatable(self) -> bool:
        return any(not _NOTHING_TO_TRANSLATE.match(p) for p in self.parts)


def split_sentences(text: str, max_chars: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``max_chars`` at sentence ends when it can."""
    if len(text) <= max_chars:
        return [text]
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(text):
        if current and len(current) + len(sentence) + 1 > max_chars:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip() if current else sentence
        while len(current) > max_chars:  # one huge sentence: hard cut
            pieces.append(current[:max_chars])
            current = current[max_chars:]
    if current:
        pieces.append(current)
    return pieces


def sentences(text: str) -> list[str]:
    """``text`` cut at every sentence end."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def segment(text: str, max_chars: int = 600) -> list[Line]:
    """One ``Line`` per input line (blank lines included, so the layout survives)."""
    lines: list[Line] = []
    fence: str | None = None
    for raw in text.split("\n"):
        fence_match = _FENCE.match(raw)
        if fence is not None or fence_match is not None:
            if fence_match is not None:
                marker = fence_match.group(1)
                if fence is None:
                    fence = marker
                elif marker[0] == fence[0] and len(marker) >= len(fence):
                    fence = None
            lines.append(Line(raw, (), ""))  # code: kept verbatim
            continue
        match = _PREFIX.match(raw)
        assert match is not None  # the pattern matches any line
        body = match.group("body")
        parts = tuple(split_sentences(body, max_chars)) if body else ()
        lines.append(Line(match.group("prefix"), parts, match.group("suffix")))
    return lines


def joiner_for(language: str) -> str:
    """How translated sentence pieces are joined back in ``language``."""
    return "" if language in ("zh", "ja") else " "
