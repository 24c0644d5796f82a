"""Cheap checks that an answer is an answer, not a copy of the input."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for word in _WORD.findall(text.lower()):
        # CJK text has no spaces: count each ideograph as a token.
        if any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in word):
            tokens.extend(word)
        else:
            tokens.append(word)
    return tokens


def word_count(text: str) -> int:
    """Words of ``text``, each CJK ideograph counted as one."""
    return len(_tokens(text))


def _shingles(text: str, n: int) -> set[tuple[str, ...]]:
    tokens = _tokens(text)
    return {tuple(tokens[i : i + n]) for i in range(max(0, len(tokens) - n + 1))}


def echo_ratio(source: str, output: str, n: int = 6) -> float:
    """Share of the output's n-grams copied from ``source`` (0 = all new, 1 = a pure copy)."""
    out = _shingles(output, n)
    if not out:
        return 0.0
    return len(out & _shingles(source, n)) / len(out)
