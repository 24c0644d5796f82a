"""Cheap checks that an answer is an answer, not a copy of the input."""

from __future__ import annotations

import re

from assistant import cjk

# A CJK ideograph (or kana / hangul syllable) is a token of its own; other letters and digits
# form words ("Mallory你好" is three tokens: mallory, 你, 好).
_TOKEN = re.compile(rf"[{cjk.LETTERS}]|[^\W{cjk.LETTERS}]+", re.UNICODE)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


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
