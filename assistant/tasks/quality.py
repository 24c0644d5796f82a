"""Cheap checks that an answer is an answer, not a copy of the input."""

from __future__ import annotations

import re

from assistant import cjk

# A CJK ideograph (or kana / hangul syllable) is a token of its own; other letters and digits
# form words ("Mallory你好" is three tokens: mallory, 你, 好).
_TOKEN = re.compile(rf"[{cjk.LETTERS}]|[^\W{cjk.LETTERS}]+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Lower-cased words, each CJK ideograph a word of its own."""
    return _TOKEN.findall(text.lower())


def word_count(text: str) -> int:
    """Words of ``text``, each CJK ideograph counted as one."""
    return len(tokens(text))


def _shingles(text: str, n: int) -> set[tuple[str, ...]]:
    found = tokens(text)
    return {tuple(found[i : i + n]) for i in range(max(0, len(found) - n + 1))}


def echo_ratio(source: str, output: str, n: int = 6) -> float:
    """Share of the output's n-grams copied from ``source`` (0 = all new, 1 = a pure copy)."""
    out = _shingles(output, n)
    if not out:
        return 0.0
    return len(out & _shingles(source, n)) / len(out)


# A heading line in a document: Markdown ATX ("## 2. Results"), or a short line without the end
# punctuation of a sentence (PDF, DOCX and HTML headings arrive as such lines).
_ATX = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_SENTENCE_END = tuple(".。!！?？;；,，")
HEADING_WORDS = 12  # a longer line is prose, not a heading
# What marks a list item or a numbered heading: "- ", "* ", "1. ", "2.1 ", "一、", "（二）"
_MARKER = re.compile(
    r"^(?:[-*+•·>#]+\s*|\*\*|\d+(?:\.\d+)*(?:[.、)）]\s*|\s+)|[一二三四五六七八九十]+[、.．]\s*"
    r"|[（(][一二三四五六七八九十\d]{1,3}[)）]\s*|第[一二三四五六七八九十\d]+[章节部分]\s*)+"
)


def _bare(line: str) -> str:
    """A line without list markers, numbering, bold and a closing colon, lower-cased."""
    line = _MARKER.sub("", line.strip()).replace("**", "")
    return " ".join(tokens(line.rstrip(":： ")))


def headings(text: str) -> set[str]:
    """The heading lines of a document's text, bare (see ``_bare``)."""
    found = set()
    lines = text.splitlines()
    for line in lines:
        match = _ATX.match(line)
        short = 0 < word_count(line) <= HEADING_WORDS and not line.rstrip().endswith(_SENTENCE_END)
        if match or (short and len(lines) > 1):
            bare = _bare(match.group(1) if match else line)
            if bare:
                found.add(bare)
    return found


def headings_only(source: str, answer: str) -> bool:
    """True when ``answer`` is (almost) only the document's own headings: a table of contents
    instead of a summary. At least 2 heading lines making up 3/4 of the answer's lines, or one
    line that is a heading."""
    lines = [bare for bare in (_bare(line) for line in answer.splitlines()) if bare]
    if not lines:
        return False
    own = headings(source)
    copied = sum(1 for line in lines if line in own)
    if len(lines) == 1:
        return copied == 1
    return copied >= 2 and copied >= 0.75 * len(lines)


def copy_ratio(source: str, answer: str) -> float:
    """How much of a summary is copied: 1.0 for the document's own headings (a table of
    contents), else the share of copied 6-grams (``echo_ratio``)."""
    return 1.0 if headings_only(source, answer) else echo_ratio(source, answer)
