"""Chinese, Japanese and Korean characters: the Unicode ranges, defined once.

The range strings go inside a regex character class (``f"[{HAN}]"``).
"""

from __future__ import annotations

import re

HAN = "\u3400-\u9fff"  # CJK ideographs: Extension A and the unified block
KANA = "\u3040-\u30ff"  # hiragana and katakana
HANGUL = "\uac00-\ud7af"  # Korean syllables
LETTERS = KANA + HAN + HANGUL  # each one a word (and roughly a token) of its own
SYMBOLS = "\u3000-\u303f"  # ideographic space and punctuation: 、。「」
FULL_WIDTH = "\uff00-\uffef"  # full-width ASCII forms and half-width katakana: ，？！
WIDE = SYMBOLS + LETTERS + FULL_WIDTH  # everything that takes two columns

HAN_RE = re.compile(f"[{HAN}]")
LETTER_RE = re.compile(f"[{LETTERS}]")
_WIDE_RE = re.compile(f"[{WIDE}]")


def is_han(ch: str) -> bool:
    return HAN_RE.match(ch) is not None


def is_wide(ch: str) -> bool:
    """A CJK letter, CJK punctuation or a full-width form."""
    return _WIDE_RE.match(ch) is not None


def count_wide(text: str) -> int:
    return len(_WIDE_RE.findall(text))
