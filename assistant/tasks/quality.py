"""Cheap checks that an answer is an answer, not a copy of the input."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str, n: int) -> set[tuple[str, ...]]:
    tokens: list[str] = []
    for word in _WORD.findall(text.lower()):
        # CJK text has no spaces: count each ideograph as a token.
        if any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in word):
            tokens.extend(word)
        else:
            tokens.append(word)
    return {tuple(tokens[i : i + n]) for i in range(max(0, len(tokens) - n + 1))}


def echo_ratio(source: str, output: str, n: int = 6) -> float:
    """Share of the output's n-grams copied from ``source`` (0 = all new, 1 = a pure copy)."""
    out = _shingles(output, n)
    if not out:
        return 0.0
    return len(out & _shingles(source, n)) / len(out)
