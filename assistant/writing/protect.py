"""Tokens a rewrite must keep exactly: links, mail addresses, code, numbers, dates and names.

A small model "improves" ``10:30`` into ``10.30``, drops a link or translates a name. The
polish task checks that every protected token of a paragraph is still in the rewrite (as many
times as before); a rewrite that lost one is tried again, then the paragraph stays as it was.
"""

from __future__ import annotations

import re
from collections import Counter

_PROTECTED = re.compile(
    r"`[^`\n]+`"  # inline code
    r"|\]\([^)\s]+\)"  # a Markdown link's target
    r"|(?:https?|ftp)://[^\s<>\"'`）)\]，。]+[^\s<>\"'`）)\]，。.,;:!?]"  # links
    r"|www\.[^\s<>\"'`）)\]，。]+[^\s<>\"'`）)\]，。.,;:!?]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # mail addresses
    r"|\d+(?:[.,:/-]\d+)*%?"  # numbers, times, dates (3.5, 1,000, 10:30, 2024-05-01, 15%)
    r"|(?<=[a-z,;] )(?:[A-Z][a-z]+(?:[- ][A-Z][a-z]+)*)"  # a capitalized name mid-sentence
    r"|(?<![A-Za-z0-9])[A-Z][A-Z0-9]+(?![A-Za-z0-9])"  # acronyms and codes (API, Q3, ISO9001)
    r"|(?<![A-Za-z0-9])[a-z]+[A-Z][A-Za-z0-9]*"  # camelCase identifiers, iPhone
)


def protected_tokens(text: str) -> list[str]:
    """The tokens of ``text`` a rewrite must keep, in order (repeats included)."""
    return [m.group().strip() for m in _PROTECTED.finditer(text)]


def missing_tokens(source: str, rewrite: str) -> list[str]:
    """Protected tokens of ``source`` that ``rewrite`` lost (by count: one of two "3"s)."""
    needed = Counter(protected_tokens(source))
    missing: list[str] = []
    for token, count in needed.items():
        found = _count(rewrite, token)
        if found < count:
            missing.extend([token] * (count - found))
    return missing


def _count(text: str, token: str) -> int:
    """Occurrences of ``token`` in ``text`` that are not part of a longer word or number."""
    # ASCII classes: a CJK character next to "API" or "3" is not part of it
    before = r"(?<![A-Za-z0-9_])" if token[:1].isalnum() else ""
    after = r"(?![A-Za-z0-9_])" if token[-1:].isalnum() else ""
    pattern = before + re.escape(token) + after
    if token[:1].isdigit():  # "5" is not kept by "3.5" nor by "15"
        pattern = rf"(?<![A-Za-z0-9_.,:/-]){re.escape(token)}(?![A-Za-z0-9_]|[.,:/-]\d)"
    return len(re.findall(pattern, text))


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Where the protected tokens of ``text`` are (start, end)."""
    return [m.span() for m in _PROTECTED.finditer(text)]


def touches(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether an edit of ``start``-``end`` (an insertion when equal) changes a protected span."""
    for s, e in spans:
        if start == end and s < start < e:
            return True
        if start < e and end > s:
            return True
    return False
